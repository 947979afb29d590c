@testable import DossierStages
@testable import DossierText
import Foundation
import XCTest

/// The byte prefilters of `ReferenceUnits.unit` say "cannot match" only where their regular expressions find nothing.
final class ReferenceUnitPrefilterTests: XCTestCase {
    /// Pieces around what the expressions need: white space of every kind (ASCII, non-ASCII, line terminators that
    /// `$` stands before), brackets, separators and link words.
    private let pieces = [
        "a", "Z", "1", "2020", ".", ",", ";", "|", "/", "\\", "(", ")", "[", "]", "{", "}", "-", "–", " ", "  ", "\t",
        "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1F}", "\u{85}", "\u{A0}", "\u{2009}", "\u{2028}", "\u{2029}",
        "\u{3000}", "\u{200B}", "é", "e\u{301}", "王", "😀", "pdf", "PDF", "code", "[PDF]", "(code)", "[ ]", "( , )", "doi",
        "10.1000/x", "Journal of Things", "(2020). ", "J. Doe", "=", "＝", "* = PhD student", "; † = ",
    ]

    func testPrefiltersNeverRuleOutAMatch() {
        var generator = SystemRandomNumberGenerator()
        let samples = (0..<8000).map { _ in
            (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
        } + pieces + ["", "Title. [PDF] [Code]", "Title. ( )", "Title, ", "Title /", "a  b", "a\u{A0}\u{A0}b", "x]\n", "x)\u{2028}"]
        let patterns = ReferenceUnits.Patterns.self
        var ruledOut = 0
        for text in samples {
            if !ReferenceUnits.mayHoldRepeatedSpace(text) || !ReferenceUnits.mayEnd(text, with: ")]") { ruledOut += 1 }
            if !ReferenceUnits.mayHoldRepeatedSpace(text) {
                XCTAssertFalse(patterns.spaces.matches(text), text.debugDescription)
            }
            if !ReferenceUnits.mayEnd(text, with: ")]") {
                XCTAssertFalse(patterns.bracketedLinkWords.matches(text), text.debugDescription)
                XCTAssertFalse(patterns.emptyBrackets.matches(text), text.debugDescription)
            }
            if !ReferenceUnits.mayEnd(text, with: ",;|/") {
                XCTAssertFalse(patterns.trailingSeparators.matches(text), text.debugDescription)
            }
            if !text.utf8.contains(UInt8(ascii: "=")) {
                XCTAssertFalse(patterns.legend.matches(text), text.debugDescription)
            }
            if !text.utf8.contains(0x0A) {
                XCTAssertFalse(patterns.brokenDOI.matches(text), text.debugDescription)
                XCTAssertEqual(ReferenceFieldOrder.separatingAuthorLine(text), text)
            }
        }
        XCTAssertGreaterThan(ruledOut, 1000, "the samples exercise the prefilters")
    }
}
