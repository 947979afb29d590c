import DossierModel
@testable import DossierStages
import XCTest

/// The byte scans of the segmenter's DOI and page-range expressions answer what the expressions answer, on random
/// strings of the pieces that decide them (and non-ASCII digits, spaces and marks, which the expressions judge).
final class LineScansTests: XCTestCase {
    func testScansAgreeWithTheExpressions() {
        let pieces = [
            "10.", "10.1234/", "10.123456789/", "1", "0", "12", "1234", "12345", "1234567890", "/", ".", "-", "–", "—", " ", "  ",
            "12-34", "5 – 6", "7-", "-8", "\t", "\n", "\r\n", "\u{0B}", "a", "x/", "٣", "\u{A0}", "\u{301}", "\u{600}", "é", "(",
        ]
        var generator = SplitMix(seed: 2026)
        var doiMatches = 0, pageMatches = 0
        for _ in 0..<30000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            let doi = PublicationSegmenter.Patterns.doi.matches(text), pages = PublicationSegmenter.Patterns.pages.matches(text)
            XCTAssertEqual(LineScans.holdsDOIPrefix(text), doi, text.debugDescription)
            XCTAssertEqual(LineScans.holdsPageRange(text), pages, text.debugDescription)
            if doi { doiMatches += 1 }
            if pages { pageMatches += 1 }
        }
        XCTAssertGreaterThan(doiMatches, 2000)
        XCTAssertGreaterThan(pageMatches, 5000)
    }
}
