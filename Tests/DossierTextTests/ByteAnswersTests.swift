import DossierModel
@testable import DossierText
import Foundation
import XCTest

/// The byte answers of this session's speed work give what the calls they stand for give, on random strings of the
/// pieces that decide them: `linesSplitFast` against `split(separator: "\n")`, `rangeOfText` against Foundation's
/// `range(of:)` (whole text and a range of it).
final class ByteAnswersTests: XCTestCase {
    private let pieces = ["a", "b", "K", "k", "\u{212A}", "é", "e\u{301}", "\u{301}", "ü", "–", "-", "\n", "\r", "\r\n", " ", "\u{A0}",
                          "ab", "Ab", "ß", "ss", "ﬁ", "fi", "王", ";", "\u{37E}", ".", "10.1/x", "Doe", "Doé"]

    private func random<G: RandomNumberGenerator>(_ count: ClosedRange<Int>, _ generator: inout G) -> String {
        (0..<Int.random(in: count, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
    }

    func testLinesSplitFastIsTheCharacterSplit() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let text = random(0...10, &generator)
            for omitting in [true, false] {
                XCTAssertEqual(text.linesSplitFast(omittingEmptySubsequences: omitting).map(String.init),
                               text.split(separator: "\n", omittingEmptySubsequences: omitting).map(String.init), text.debugDescription)
                let sub = text.dropFirst()
                XCTAssertEqual(sub.linesSplitFast(omittingEmptySubsequences: omitting).map(String.init),
                               sub.split(separator: "\n", omittingEmptySubsequences: omitting).map(String.init), text.debugDescription)
            }
        }
    }

    func testRangeOfTextIsFoundationsRange() {
        var generator = SplitMix(seed: 2026)
        var found = 0
        for _ in 0..<5000 {
            let text = random(0...10, &generator), needle = random(1...2, &generator)
            let expected = text.range(of: needle)
            let answered = text.rangeOfText(needle)
            XCTAssertEqual(answered.map { text[$0] }, expected.map { text[$0] }, "\(text.debugDescription) \(needle.debugDescription)")
            XCTAssertEqual(answered?.lowerBound, expected?.lowerBound, "\(text.debugDescription) \(needle.debugDescription)")
            if expected != nil { found += 1 }
            guard !text.isEmpty else { continue }
            let start = text.index(after: text.startIndex)
            let bounded = text.range(of: needle, range: start..<text.endIndex)
            XCTAssertEqual(text.rangeOfText(needle, in: start..<text.endIndex)?.lowerBound, bounded?.lowerBound,
                           "\(text.debugDescription) \(needle.debugDescription)")
        }
        XCTAssertGreaterThan(found, 500)
    }
}
