import DossierModel
@testable import DossierStages
import XCTest

/// The byte tests in front of document-kind's reference expressions change no answer.
final class ReferenceEvidencePrecheckTests: XCTestCase {
    func testPrechecksAgreeWithTheExpressions() {
        let pieces = ["Doe, J.", "Smith", " and ", " & ", "et al", "2019", "1987b", "In Press", "in press", "FORTHCOMING", "Submitted",
                      "Journal of X", "Proc. ICML", "Proceedings", "vol. 3", "Vol. 3", "pp. 12", "12(3): 45", "12–15", "10.1000/xyz",
                      "arXiv:2101.1", "ARXIV:", "ISBN 978", "isbn", "“A title that is long”", "\"Another long title here\"", ", ", ". ",
                      "preprint", "bioRxiv", "Review", "Letters", "\u{212A}", "ſubmitted", "é", "٢٠١٩", "１９",
                      "doi:10.12345/x", "x10.1234/", "García, E.", "(2015)", "2015A", "\u{600}", "\u{301}", "🏻", "iſbn"]
        // Seeded: the same strings on every run.
        var generator = SplitMix(seed: 4000)
        let texts = (0..<6000).map { _ in
            (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined(separator: " ")
        } + pieces
        for text in texts {
            XCTAssertEqual(DocumentKindEvidence.looksLikeReference(text), DocumentKindEvidence.looksLikeReferenceByExpressions(text), text)
        }
    }

    /// The year and DOI byte scans, where they answer, answer as `year` and `identifier` do: on strings of the pieces that
    /// decide a match, glued without spaces (ASCII and non-ASCII beside the digits, letters of either case after a year,
    /// scalars that fold to ASCII letters, marks and prepended scalars that put a match off character boundaries).
    func testByteScansAgreeWithTheirExpressions() {
        let pieces = [
            "19", "20", "10.", "1", "2", "0", "9", "5", "1234", "12345678", "/", "a", "A", "z", "Z", "_", "-", ":", " ", "(", ")",
            "\n", "–", "é", "e\u{301}", "\u{301}", "\u{600}", "🏻", "٢", "١٩", "ß", "ſ", "\u{212A}", "ﬁ", "İ", "中", "\u{A0}",
            "in press", "In Pre", "forthcoming", "submitted", "arXiv:", "ARXIV", "ISBN", "isbn", "doi:", "2019", "1999a", "2001B",
        ]
        var generator = SplitMix(seed: 2027)
        var years = 0, identifiers = 0, settledYears = 0, settledIdentifiers = 0
        for _ in 0..<30000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            let year = DocumentKindEvidence.year.matches(text), identifier = DocumentKindEvidence.identifier.matches(text)
            if year { years += 1 }
            if identifier { identifiers += 1 }
            if let answer = DocumentKindEvidence.holdsYearByBytes(text) {
                settledYears += 1
                XCTAssertEqual(answer, year, text.debugDescription)
            }
            if let answer = DocumentKindEvidence.holdsDOIByBytes(text) {
                settledIdentifiers += 1
                XCTAssertEqual(answer, identifier, text.debugDescription)
            }
        }
        // Both answers and both kinds of string must be there to compare (fixed by the seed, not a threshold that drifts).
        XCTAssertGreaterThan(years, 1000)
        XCTAssertGreaterThan(identifiers, 1000)
        XCTAssertGreaterThan(settledYears, 10000)
        XCTAssertGreaterThan(settledIdentifiers, 10000)
    }
}
