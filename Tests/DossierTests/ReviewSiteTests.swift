import Dossier
import XCTest

/// The review site's pages, built from records made in code: what a committee must see, and nothing a document
/// says can become markup or a path outside the site.
final class ReviewSiteTests: XCTestCase {
    func record(key: String = "alice", title: String = "Soil microbes in drought") -> ApplicantRecord {
        var paper = ApplicantMergerTests.paper("p1", title: title, year: 2021, doi: "10.1234/soil", authors: ["Lee, B.", "Okafor, A."], position: 2,
                                               confidence: ["title": 0.99, "container-title": 0.41])
        paper.containerTitle = "Soil Biology"
        paper.page = "12-19"
        paper.raw = "Lee, B., & Okafor, A. (2021). \(title). Soil Biology, 3, 12–19. doi:10.1234/soil"
        return ApplicantMerger().merge(key: key, documents: [
            ApplicantMergerTests.document("\(key)/cv.md", name: "Alice Okafor", emails: ["alice@uni.example"], publications: [paper]),
            ApplicantMergerTests.document("\(key)/site.html", name: "Alice Okafor", emails: ["a@lab.example"], publications: [paper]),
        ])
    }

    func page(_ site: ReviewSite, _ path: String) throws -> String {
        let file = try XCTUnwrap(site.files().first { $0.path == path }, "no \(path)")
        return String(decoding: file.contents, as: UTF8.self)
    }

    func testAnApplicantPageShowsWarningsFirstThenEachPublicationWithItsFieldsMarked() throws {
        let html = try page(ReviewSite(records: [record()]), "applicants/alice.html")
        let warnings = try XCTUnwrap(html.range(of: "<section id=\"warnings\">"))
        let publications = try XCTUnwrap(html.range(of: "<section id=\"publications\">"))
        XCTAssertLessThan(warnings.lowerBound, publications.lowerBound)
        XCTAssertTrue(html.contains("different e-mails"), "the conflict is shown")
        XCTAssertEqual(html.components(separatedBy: "<article class=\"publication").count - 1, 1, "two copies, one paper")
        XCTAssertTrue(html.contains("data-sources=\"2\""))
        XCTAssertTrue(html.contains("same paper by DOI"))
        XCTAssertTrue(html.contains("<mark class=\"f-me\" title=\"me\">Okafor</mark>"), "the applicant marked in the raw string")
        XCTAssertTrue(html.contains("<mark class=\"f-title\" title=\"title\">Soil microbes in drought</mark>"))
        XCTAssertTrue(html.contains("<mark class=\"f-page\" title=\"page\">12–19</mark>"), "a hyphen found as the dash the source used")
        XCTAssertTrue(html.contains("<tr class=\"field low\" data-field=\"container-title\">"), "0.41 is flagged")
        XCTAssertFalse(html.contains("<tr class=\"field low\" data-field=\"title\">"))
    }

    func testTheIndexIsTheApplicantsTableWithALinkPerApplicant() throws {
        let site = ReviewSite(records: [record(key: "alice"), record(key: "bob")])
        let html = try page(site, "index.html")
        XCTAssertEqual(html.components(separatedBy: "<tr class=\"applicant\"").count - 1, 2)
        XCTAssertTrue(html.contains("<a href=\"applicants/alice.html\">Alice Okafor</a>"))
        XCTAssertTrue(html.contains("<a href=\"applicants/bob.html\">"))
        XCTAssertTrue(html.contains("td class=\"number has-warnings\">1</td>"))
        XCTAssertFalse(html.contains("http://") || html.contains("https://"), "nothing to fetch")
    }

    func testNothingADocumentSaysBecomesMarkupOrAPath() throws {
        let hostile = "<script>alert(1)</script> & \"quotes\" 'single'"
        let site = ReviewSite(records: [record(key: "../../etc/<x>", title: hostile)])
        let files = site.files()
        XCTAssertTrue(files.allSatisfy { !$0.path.contains("..") && !$0.path.hasPrefix("/") }, "\(files.map(\.path))")
        let html = try page(site, try XCTUnwrap(files.last?.path))
        XCTAssertFalse(html.contains("<script>alert"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;single&#39;"))
        XCTAssertEqual(html.components(separatedBy: "<script").count - 1, 0, "applicant pages run no script")
    }

    func testPageNamesAreSafeAndUnique() {
        XCTAssertEqual(ReviewSite.pageNames(["alice", "Alice", "../x", "", "José Núñez"]), ["alice", "Alice-2", "x", "applicant", "Jos--N--ez"])
    }
}
