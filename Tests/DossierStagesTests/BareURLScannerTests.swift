@testable import DossierStages
@testable import DossierText
import XCTest

/// The byte scanner of bare URLs finds what `DocumentLines.bareURL` finds, on random printable ASCII strings built
/// from the pieces that decide a match.
final class BareURLScannerTests: XCTestCase {
    func testScannerAgreesWithTheExpression() {
        let pieces = [
            "http", "https", "HTTP", "://", ":/", "www.", "WWW", "orcid.org", "ORCID.org", "scholar.google.", "scholar.google.com",
            "linkedin.com", "in.linkedin.com", "uk.LinkedIn.com", "abcd.linkedin.com", "github.com", "GitHub.com", "jane.github.io",
            "x-y.github.io", ".github.io", "/", "//", "/in/jane", "0000-0002-1825-0097", "a", "Z", "9", "_", "-", ".", "@", ",", ";",
            "|", "<", ">", "\"", "'", " ", "  ", "\t", "(", ")", "[", "]", "doi.org/10.1/x", "jane@x.org", "?q=1", "#top", ":",
        ]
        var generator = SystemRandomNumberGenerator()
        var compared = 0, withMatches = 0
        for _ in 0..<20000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            guard let scanned = BareURLScanner.matches(in: text) else {
                XCTFail("printable ASCII refused: \(text.debugDescription)")
                continue
            }
            let expected = DocumentLines.bareURL.matches(in: text).map { $0.group(0) ?? "" }
            XCTAssertEqual(scanned, expected, text.debugDescription)
            compared += 1
            if !expected.isEmpty { withMatches += 1 }
        }
        XCTAssertGreaterThan(withMatches, 1000)
        XCTAssertEqual(compared, 20000)
        XCTAssertNil(BareURLScanner.matches(in: "https://x.org/é"))
        XCTAssertNil(BareURLScanner.matches(in: "https://x.org/\n"))
    }

    /// Beyond printable ASCII, the scan answers what the expression answers or leaves the text to it.
    func testScanBeyondASCIIAgreesWithTheExpression() {
        let pieces = [
            "http", "https", "://", "www.", "orcid.org", "scholar.google.", "linkedin.com", "in.linkedin.com", "github.com",
            "jane.github.io", "/", "a", "9", "-", ".", "@", ",", ";", "|", "\"", " ", "\t", "\n", "\r\n", "\u{0C}", "–", "é",
            "e\u{301}", "\u{301}", "\u{A0}", "\u{2003}", "\u{3000}", "中", "\u{600}", "\u{200D}", "👍🏽", "ſ", "K", "\u{0B}",
            "\u{85}", "doi.org/10.1/x", "(", ")",
        ]
        var generator = SystemRandomNumberGenerator()
        var scanned = 0
        for _ in 0..<20000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            let expected = DocumentLines.bareURL.matches(in: text).map { $0.group(0) ?? "" }
            XCTAssertEqual(DocumentLines.bareURLs(in: text), expected, text.debugDescription)
            if let found = BareURLScanner.matchesBeyondASCII(in: text) {
                XCTAssertEqual(found, expected, text.debugDescription)
                scanned += 1
            }
        }
        XCTAssertGreaterThan(scanned, 10000)
    }
}
