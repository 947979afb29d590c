@testable import DossierStages
import XCTest

/// The byte tests in front of document-kind's reference expressions change no answer.
final class ReferenceEvidencePrecheckTests: XCTestCase {
    func testPrechecksAgreeWithTheExpressions() {
        let pieces = ["Doe, J.", "Smith", " and ", " & ", "et al", "2019", "1987b", "In Press", "in press", "FORTHCOMING", "Submitted",
                      "Journal of X", "Proc. ICML", "Proceedings", "vol. 3", "Vol. 3", "pp. 12", "12(3): 45", "12–15", "10.1000/xyz",
                      "arXiv:2101.1", "ARXIV:", "ISBN 978", "isbn", "“A title that is long”", "\"Another long title here\"", ", ", ". ",
                      "preprint", "bioRxiv", "Review", "Letters", "\u{212A}", "ſubmitted", "é", "٢٠١٩", "１９"]
        var generator = SystemRandomNumberGenerator()
        let texts = (0..<6000).map { _ in
            (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined(separator: " ")
        } + pieces
        for text in texts {
            XCTAssertEqual(DocumentKindEvidence.looksLikeReference(text), DocumentKindEvidence.looksLikeReferenceByExpressions(text), text)
        }
    }
}
