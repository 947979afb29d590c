import DossierModel
import XCTest
@testable import DossierText

final class IdentifiersTests: XCTestCase {
    func testDOIsLoseTheirResolverAndTrailingPunctuation() {
        XCTAssertEqual(Identifiers.doi(in: "https://doi.org/10.1038/nature14539."), "10.1038/nature14539")
        XCTAssertEqual(Identifiers.doi(in: "doi:10.1017/S1049023X00004404."), "10.1017/S1049023X00004404")
        XCTAssertEqual(Identifiers.doi(in: "(doi: 10.1000/xyz(12)3)"), "10.1000/xyz(12)3")
        XCTAssertNil(Identifiers.doi(in: "pages 10.12 to 13"))
    }

    func testArxivIdsOldAndNew() {
        XCTAssertEqual(Identifiers.arxiv(in: "arXiv:2101.01234v2 [cs.CL]"), "2101.01234v2")
        XCTAssertEqual(Identifiers.arxiv(in: "arXiv preprint arXiv:1706.03762"), "1706.03762")
        XCTAssertEqual(Identifiers.arxiv(in: "https://arxiv.org/abs/hep-th/9901001"), "hep-th/9901001")
        XCTAssertEqual(Identifiers.arxiv(in: "arXiv:math.GT/0309136v1"), "math.GT/0309136v1")
        XCTAssertNil(Identifiers.arxiv(in: "arXiv is a preprint server"))
    }

    /// PDF extraction puts a space where a line break cut a DOI.
    func testADOICutAtALineEndIsJoined() {
        XCTAssertEqual(Identifiers.doi(in: "Cell 180, 1 (2020). doi:10.1016/j.cell.\n2020.01.001."), "10.1016/j.cell.2020.01.001")
        XCTAssertEqual(Identifiers.doi(in: "https://doi.org/10.1103/Phys- RevLett.12.345"), "10.1103/Phys-RevLett.12.345")
        XCTAssertEqual(Identifiers.doi(in: "doi:10.1000/182. 2019 was a good year"), "10.1000/182", "a year is no DOI's tail")
        XCTAssertEqual(Identifiers.doi(in: "doi:10.1000/182. Another sentence."), "10.1000/182")
        XCTAssertEqual(Identifiers.doi(in: "doi:10.1000/abc.\n\n2020.01.001"), "10.1000/abc", "a paragraph break ends it")
    }

    /// Physics references write old-style ids alone, and PDF extraction spaces the dot of new-style ones.
    func testBareOldStyleAndSpacedArxivIds() {
        XCTAssertEqual(Identifiers.arxiv(in: "Adv. Theor. Math. Phys. 2, 231 (1998), hep-th/9711200."), "hep-th/9711200")
        XCTAssertEqual(Identifiers.arxiv(in: "Phys. Rev. B 65 (2002) [cond-mat.str-el/0203045v2]"), "cond-mat.str-el/0203045v2")
        XCTAssertEqual(Identifiers.arxiv(in: "E. Witten, arXiv:1702 .01748"), "1702.01748")
        XCTAssertEqual(Identifiers.all(in: "arXiv:hep-th/9711200").map(\.value), ["hep-th/9711200"], "one id, not two")
        XCTAssertNil(Identifiers.arxiv(in: "see hep-th/1234567"), "month 34 is no month")
        XCTAssertNil(Identifiers.arxiv(in: "https://example.org/math/9901001"), "inside a path")
        XCTAssertNil(Identifiers.arxiv(in: "unknown-archive/9901001"))
    }

    func testISBNChecksums() {
        XCTAssertEqual(Identifiers.isbn(in: "ISBN 978-0-19-852663-6."), "9780198526636")
        XCTAssertEqual(Identifiers.isbn(in: "ISBN: 0-306-40615-2"), "0306406152")
        XCTAssertEqual(Identifiers.isbn(in: "ISBN-10 080442957X"), "080442957X")
        XCTAssertNil(Identifiers.isbn(in: "ISBN 978-0-19-852663-7"), "a wrong check digit is refused")
        XCTAssertNil(Identifiers.isbn(in: "ISBN 0-306-40615-3"))
        XCTAssertTrue(Identifiers.isValidISBN("9783161484100"))
        XCTAssertFalse(Identifiers.isValidISBN("1234567890123"))
    }

    func testPubMedIdsAndURLs() {
        XCTAssertEqual(Identifiers.pmid(in: "PMID: 20562875; PMCID: PMC3232052."), "20562875")
        XCTAssertEqual(Identifiers.pmcid(in: "PMID: 20562875; PMCID: PMC3232052."), "PMC3232052")
        XCTAssertEqual(Identifiers.url(in: "Retrieved from <https://example.org/a_(b)>."), "https://example.org/a_(b)")
        XCTAssertEqual(Identifiers.url(in: "see www.example.com/x, accessed"), "www.example.com/x")
    }

    func testBibTeXBracesAndNumbersTooLongAreNotPartOfIdentifiers() {
        XCTAssertEqual(Identifiers.doi(in: "doi = {10.1038/srep23584},"), "10.1038/srep23584")
        XCTAssertEqual(Identifiers.doi(in: "{10.1890/0012-9658(2006)87[2411:CBRINF]2.0.CO;2}"), "10.1890/0012-9658(2006)87[2411:CBRINF]2.0.CO;2")
        XCTAssertEqual(Identifiers.doi(in: "Phys. Rev. 56, 340 (1939).10.1103/PhysRev.56.340"), "10.1103/PhysRev.56.340")
        XCTAssertNil(Identifiers.doi(in: "pages 210.1234/5"), "a DOI does not start inside a number")
        XCTAssertNil(Identifiers.arxiv(in: "arXiv:2101.012345"))
        XCTAssertNil(Identifiers.pmcid(in: "PMC1234567890"))
        XCTAssertEqual(Identifiers.pmcid(in: "PubMed Central PMCID: PMCPMC1255050."), "PMC1255050")
        XCTAssertEqual(Identifiers.pmid(in: "https://pubmed.ncbi.nlm.nih.gov/20562875/"), "20562875")
        XCTAssertTrue(Identifiers.isValidISBN("978-0-306-40615-7"), "hyphens are ignored")
        XCTAssertFalse(Identifiers.isValidISBN("9700000000001"), "a 13-digit ISBN starts 978 or 979")
    }

    func testAllIdentifiersInReadingOrderWithChecksums() {
        let text = "ORCID 0000-0002-1825-0098; doi:10.1000/a%2Fb and 10.1000/A%2FB; ISBN 0-306-40615-2, "
            + "arXiv:2101.01234, PMID: 123 and 0000-0002-1694-233X, grant 1234-5678-9012-3456"
        let found = Identifiers.all(in: text).map { "\($0.kind.rawValue) \($0.value) \($0.valid)" }
        XCTAssertEqual(found, [
            "orcid 0000-0002-1825-0098 false", "doi 10.1000/a/b true", "isbn 0306406152 true", "arxiv 2101.01234 true",
            "pmid 123 true", "orcid 0000-0002-1694-233X true",
        ])
    }
}
