import DossierModel
@testable import DossierStages
@testable import DossierText
import XCTest

/// The byte scan of the year expressions answers what the expressions answer, on random strings built from the pieces
/// that decide a match (ASCII around the years, and non-ASCII digits, letters and marks that the expressions judge).
final class YearScanTests: XCTestCase {

    func testScanAgreesWithTheExpressions() {
        let pieces = [
            "19", "20", "1", "2", "0", "9", "5", "a", "b", "z", "A", "_", "-", ".", ",", " ", "(", ")", "[", "\n", "\r\n", "–",
            "é", "e\u{301}", "\u{301}", "٢", "٠", "ß", "中", "’", "\u{A0}", "2019", "1999a", "20xy", "x2020", "2020_",
        ]
        // Seeded: the same strings on every run (from the system's generator, the count of strings with a year drifted
        // around the threshold below and failed a run now and then).
        var generator = SplitMix(seed: 2026)
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
        var generator = SplitMix(seed: 12)
        for _ in 0..<5000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            XCTAssertEqual(FastText.spaceSeparatedCount(text), text.split(separator: " ").count, text.debugDescription)
        }
    }
}
