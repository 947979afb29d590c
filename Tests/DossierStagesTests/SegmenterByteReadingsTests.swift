import DossierModel
import DossierText
import Foundation
@testable import DossierStages
import XCTest

/// The byte readings of the segmenter's per-line facts answer what the expressions and character loops they stand in
/// for answer, on random strings of the pieces that decide them.
final class SegmenterByteReadingsTests: XCTestCase {
    /// `opensWithName` (the author-like expression's first match within eight characters): names with a comma and an
    /// initial, initials before a name, capitals after a name, marks, and non-ASCII letters, marks, spaces and
    /// prepended scalars where the expression judges them.
    func testNameStartAgreesWithTheExpression() {
        let pieces = [
            "Tanaka", "Li", "J.", "K.", "A", "B", "Z", "a", "x", "ab", ",", ", ", ".", " ", "  ", "\t", "\n", "\r\n", "*", "#", "†",
            "1", "12", "_", "-", "'", "(", "et al", "van der ", "O'Brien", "García", "É", "é", "e\u{301}", "\u{301}", "\u{A0}",
            "\u{600}", "中", "AB", "ABCD", "Tanaka, E.", "J. Tanaka", "J. K. Li", "Tanaka JE,", "Li X*.", "1. ",
        ]
        var generator = SplitMix(seed: 2030)
        var settled = 0, named = 0
        for _ in 0..<30000 {
            let text = (0..<Int.random(in: 0...7, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            let expected = PublicationSegmenter.opensWithNameByExpression(text)
            if expected { named += 1 }
            var copy = text
            if let answer = copy.withUTF8({ PublicationSegmenter.nameStartByBytes($0) }) {
                settled += 1
                XCTAssertEqual(answer, expected, text.debugDescription)
            }
            XCTAssertEqual(PublicationSegmenter.opensWithName(text), expected, text.debugDescription)
        }
        // Both answers, and texts the bytes settle, must be there to compare (fixed by the seed).
        XCTAssertGreaterThan(settled, 10000)
        XCTAssertGreaterThan(named, 3000)
    }

    /// The first two words, their shapes and the opening quotation mark against the split, the character loop and the
    /// first character: spaces beside marks that join them, carriage returns, digits, capitals and non-ASCII letters.
    func testWordsShapesAndQuoteAgreeWithTheCharacters() {
        let pieces = [
            " ", "  ", "Tanaka,", "J.", "[12]", "2003:", "abc", "ABCDEF", "1234567", "x", "\"", "'", "“", "«", "‘", "\r\n", "\r", "\t",
            "é", "e\u{301}", "\u{301}", " \u{301}", "\u{600}", "中", "–", "-", "_", "García", "(12)",
        ]
        var generator = SplitMix(seed: 2035)
        var byBytes = 0
        for _ in 0..<30000 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            let expected = text.split(separator: " ", maxSplits: 2).prefix(2).map { String($0) }
            let words = PublicationSegmenter.firstTwoWords(text)
            XCTAssertEqual(words.map { String($0) }, expected, text.debugDescription)
            XCTAssertEqual(words.map { Array($0.utf8) }, text.split(separator: " ", maxSplits: 2).prefix(2).map { Array($0.utf8) }, text.debugDescription)
            for word in words {
                XCTAssertEqual(Array(PublicationSegmenter.shape(of: word).utf8), Array(PublicationSegmenter.shapeByCharacters(of: word).utf8), word.debugDescription)
                var copy = word
                if copy.withUTF8({ PublicationSegmenter.asciiShape($0) }) != nil { byBytes += 1 }
            }
            let whole = Substring(text)
            XCTAssertEqual(Array(PublicationSegmenter.shape(of: whole).utf8), Array(PublicationSegmenter.shapeByCharacters(of: whole).utf8), text.debugDescription)
            XCTAssertEqual(PublicationSegmenter.opensWithQuote(text), PublicationSegmenter.opensWithQuoteByCharacter(text), text.debugDescription)
        }
        XCTAssertGreaterThan(byBytes, 5000)
    }

    /// `FastText.trimmingWhitespaceAndNewlines` against Foundation's set: ASCII and non-ASCII white space at the ends.
    func testTrimmingAgreesWithTheCharacterSet() {
        let pieces = [" ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "\u{1C}", "\u{85}", "\u{A0}", "\u{2003}", "\u{3000}", "a", "é", "\u{301}", "Tanaka", "."]
        var generator = SplitMix(seed: 2036)
        for _ in 0..<10000 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            XCTAssertEqual(Array(FastText.trimmingWhitespaceAndNewlines(text).utf8), Array(text.trimmingFast(in: .whitespacesAndNewlines).utf8), text.debugDescription)
        }
    }

    /// `goesOnByItsEnds` and `markerClass` against their versions that count and search characters: line ends with
    /// hyphens, initials, commas and "and", openings in either case, labels, marks and non-ASCII letters and digits.
    func testLineEndsAndMarkersAgreeWithTheCharacters() {
        let ends = ["large-", "Marine A.", "A.", " A.", "x", "Doe, J.,", "Smith &", "Smith and", "é-", "É.", "e\u{301}.", "1-", "", " ", "\n", "2019.", "-"]
        let opens = ["scale", "with application", "xx. Doe J", "a) item", "A title", "é", "1. Doe", "", " ", "* = student", "(2019)", "Ünder"]
        let markers = ["1.", "[12]", "a)", "•", "-", "iv.", "(3)", "١.", "Ⅳ", "【1】", "*", "A1", "\r\n", "", "x\u{301}"]
        var generator = SplitMix(seed: 2039)
        var goesOn = 0
        for _ in 0..<5000 {
            let previous = (0..<Int.random(in: 1...3, using: &generator)).map { _ in ends.randomElement(using: &generator) ?? "" }.joined()
            let next = (0..<Int.random(in: 1...2, using: &generator)).map { _ in opens.randomElement(using: &generator) ?? "" }.joined()
            let expected = SplitReferencesStage.goesOnByItsEndsByCounting(from: previous, to: next)
            if expected { goesOn += 1 }
            XCTAssertEqual(SplitReferencesStage.goesOnByItsEnds(from: previous, to: next), expected, "\(previous.debugDescription) / \(next.debugDescription)")
            let marker = (0..<Int.random(in: 1...2, using: &generator)).map { _ in markers.randomElement(using: &generator) ?? "" }.joined()
            XCTAssertEqual(PublicationSegmenter.markerClass(marker), PublicationSegmenter.markerClassByCharacters(marker), marker.debugDescription)
        }
        XCTAssertGreaterThan(goesOn, 500)
    }

    /// `FastText.holdsNumber` against `contains(where: \.isNumber)`: ASCII digits after ASCII, non-ASCII letters, marks
    /// and prepended scalars, and digits of other scripts.
    func testHoldsNumberAgreesWithTheCharacters() {
        let pieces = ["a", " ", "(", "1", "9", "é", "García", "e\u{301}", "\u{301}", "\u{600}", "\u{200D}", "٣", "５", "½", "Ⅳ", "\r\n", "中", "👍🏽"]
        var generator = SplitMix(seed: 2031)
        var numbers = 0
        for _ in 0..<20000 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            let expected = FastText.holdsNumberByCharacters(text)
            if expected { numbers += 1 }
            XCTAssertEqual(FastText.holdsNumber(text), expected, text.debugDescription)
        }
        XCTAssertGreaterThan(numbers, 5000)
    }
}
