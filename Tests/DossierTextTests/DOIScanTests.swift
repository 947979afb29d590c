import DossierModel
@testable import DossierText
import XCTest

/// The byte scan of DOIs finds what the DOI expression finds (the same strings at the same places), or leaves the
/// text to it, on random strings of the pieces that decide a match.
final class DOIScanTests: XCTestCase {
    func testScanAgreesWithTheExpression() {
        let pieces = [
            "10.", "10.1", "10.1234/", "110.", "1234", "5", ".", "/", "abc", "x", " ", "\"", "<", ">", "\n", "\r\n", "\t", "\u{0C}",
            "\u{0B}", "\u{1C}", "\u{85}", "\u{A0}", "\u{2003}", "é", "e\u{301}", "\u{301}", "\u{600}", "中", "👍🏽", "٣", "doi:",
        ]
        var generator = SplitMix(seed: 2026)
        var scanned = 0, found = 0
        for _ in 0..<30000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            let expected = IdentifierPattern.doi.firstGroups(in: text).map { "\($0.0)@\(text.utf8.distance(from: text.startIndex, to: $0.1.lowerBound))-\(text.utf8.distance(from: text.startIndex, to: $0.1.upperBound))" }
            guard let groups = DOIScan.firstGroups(in: text) else { continue }
            let got = groups.map { "\($0.0)@\(text.utf8.distance(from: text.startIndex, to: $0.1.lowerBound))-\(text.utf8.distance(from: text.startIndex, to: $0.1.upperBound))" }
            XCTAssertEqual(got, expected, text.debugDescription)
            scanned += 1
            if !expected.isEmpty { found += 1 }
        }
        XCTAssertGreaterThan(scanned, 20000)
        XCTAssertGreaterThan(found, 500)
    }
}
