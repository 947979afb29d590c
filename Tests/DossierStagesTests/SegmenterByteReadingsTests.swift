import DossierModel
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
            "\u{600}", "中", "AB", "ABCD",
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
