import Foundation
import XCTest
@testable import ReferenceParser

final class ReferenceLinesTests: XCTestCase {
    /// What `dossier references` did before: Character-wise split, Foundation's trimming, empty lines dropped.
    func foundationLines(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func testSplitsAndTrimsAsFoundationDoes() {
        let spaces = ["\t", " ", "\u{A0}", "\u{1680}", "\u{2003}", "\u{200B}", "\u{202F}", "\u{205F}", "\u{3000}"]
        let others = ["a", "é", "\u{301}", "😀", "\u{2028}", "\u{85}", "\u{1}", "\u{7F}", "\r", "\n", "\r\n", "\u{FEFF}", "\u{180E}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let pieces = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                Bool.random(using: &generator) ? spaces.randomElement(using: &generator) ?? "" : others.randomElement(using: &generator) ?? ""
            }
            let text = pieces.joined()
            XCTAssertEqual(ReferenceLines.lines(text), foundationLines(text), "\(text.unicodeScalars.map { $0.value })")
        }
    }

    func testKeepsInnerSpacesAndDropsBlankLines() {
        XCTAssertEqual(ReferenceLines.lines(" \tXu, K. (2019).\u{A0}\r\n\u{3000}\n\rSmith J\u{2003}A.  "), ["Xu, K. (2019).", "Smith J\u{2003}A."])
        XCTAssertEqual(ReferenceLines.lines(" \u{301}x"), ["\u{301}x"])
        XCTAssertEqual(ReferenceLines.lines(""), [])
    }
}
