@testable import DossierStages
@testable import DossierText
import XCTest

/// The byte scan of the year expressions answers what the expressions answer, on random strings built from the pieces
/// that decide a match (ASCII around the years, and non-ASCII digits, letters and marks that the expressions judge).
final class YearScanTests: XCTestCase {
    /// SplitMix64 from a fixed seed: the same strings on every run (with the system's generator, the count of strings
    /// that match drifted around the threshold below and failed one run in a few dozen).
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    func testScanAgreesWithTheExpressions() {
        let pieces = [
            "19", "20", "1", "2", "0", "9", "5", "a", "b", "z", "A", "_", "-", ".", ",", " ", "(", ")", "[", "\n", "\r\n", "–",
            "é", "e\u{301}", "\u{301}", "٢", "٠", "ß", "中", "’", "\u{A0}", "2019", "1999a", "20xy", "x2020", "2020_",
        ]
        var generator = SeededGenerator(state: 2026)
        var matched = 0
        for _ in 0..<20000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            XCTAssertEqual(YearScan.holdsYear(text, letter: true), ReferenceUnits.Patterns.year.matches(text), text.debugDescription)
            XCTAssertEqual(YearScan.holdsYear(text, letter: false), ReferenceFieldOrder.Patterns.year.matches(text), text.debugDescription)
            if ReferenceUnits.Patterns.year.matches(text) { matched += 1 }
        }
        XCTAssertGreaterThan(matched, 900, "too few strings with a year to compare the answers on")
    }

    func testSpaceSeparatedCountAgreesWithTheSplit() {
        let pieces = [" ", "  ", "a", "b.", "–", "é", "e\u{301}", " \u{301}", "\u{301}", "\r\n", "\t", "中", "x "]
        var generator = SeededGenerator(state: 12)
        for _ in 0..<5000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            XCTAssertEqual(FastText.spaceSeparatedCount(text), text.split(separator: " ").count, text.debugDescription)
        }
    }
}
