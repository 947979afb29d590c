import DossierModel
import DossierPipeline
import DossierStages
import DossierText
import XCTest

final class IdentifiersStageTests: XCTestCase {
    private func document(_ paragraphs: [String], sections: [Section] = [], publications: [Publication] = []) -> Document {
        let blocks = paragraphs.enumerated().map { index, text -> Block in
            if text.hasPrefix("## ") {
                return Block(.heading, text: String(text.dropFirst(3)), provenance: .lines(index + 1, index + 1), level: 2)
            }
            return Block(.paragraph, text: text, provenance: .lines(index + 1, index + 1))
        }
        var document = Document(source: Source(path: "t.md", format: .markdown, bytes: 0, sha256: ""), blocks: blocks)
        document.profile.sections = sections
        document.profile.publications = publications
        return document
    }

    private func run(_ document: Document) throws -> Document {
        try IdentifiersStage().run(document, context: StageContext())
    }

    func testFillsMissingIdentifiersOfPublicationsFromTheirRawText() throws {
        let raws = [
            "Doe J. (2020). A title. Nature 1, 2-3. doi:10.1038/s41586-020-2649-2.",
            "Roe R. Another. https://dx.doi.org/10.1000/xyz(123)abc), PMID: 12345678, PMCID: PMC7654321",
            "Poe P. Preprint. arXiv:2101.01234v2 and old arXiv:hep-th/9901001",
            "Moe M. A book. ISBN 978-0-306-40615-7.",
            "Known K. Has one already. https://doi.org/10.5555/other",
        ]
        var publications = raws.enumerated().map { Publication(id: "p\($0.offset)", type: "article-journal", raw: $0.element) }
        publications[4].doi = "10.1/kept"
        let result = try run(document(raws, publications: publications)).profile.publications
        XCTAssertEqual(result[0].doi, "10.1038/s41586-020-2649-2")
        XCTAssertEqual(result[1].doi, "10.1000/xyz(123)abc")
        XCTAssertEqual(result[1].pmid, "12345678")
        XCTAssertEqual(result[1].pmcid, "PMC7654321")
        XCTAssertEqual(result[2].arxiv, "2101.01234v2", "the first arXiv id wins")
        XCTAssertEqual(result[3].isbn, "9780306406157")
        XCTAssertEqual(result[4].doi, "10.1/kept", "a present identifier is not replaced")
        XCTAssertEqual(result[0].confidence["DOI"], 0.95)
    }

    func testOldArxivIdsAndArxivURLs() {
        let text = "see arxiv.org/abs/hep-th/9901001v3 and https://arxiv.org/pdf/1706.03762.pdf and math.GT/0309136"
        let found = IdentifierScannerProbe.scan(text)
        // An old-style id of a known archive is found without its "arXiv:" prefix too, as physics references write it.
        XCTAssertEqual(found, ["arxiv hep-th/9901001v3", "arxiv 1706.03762", "arxiv math.GT/0309136"])
    }

    func testWithoutPublicationsEverythingButTheApplicantsOrcidIsReported() throws {
        let doc = document([
            "Jane Doe · ORCID 0000-0002-1825-0097",
            "## Publications",
            "Doe J. (2020). Title. https://doi.org/10.1234/abcd.5678.",
            "Co-author ORCID 0000-0002-1694-233X",
        ])
        let result = try run(doc)
        XCTAssertEqual(result.profile.person.identifiers, ["orcid": "0000-0002-1825-0097"])
        XCTAssertEqual(result.profile.person.links, [Link(kind: .orcid, url: "https://orcid.org/0000-0002-1825-0097")])
        let info = result.diagnostics.filter { $0.severity == .info }.map(\.message)
        XCTAssertEqual(info, ["identifiers not attached to any publication: doi 10.1234/abcd.5678, orcid 0000-0002-1694-233X"])
    }

    func testInvalidChecksumsAreWarningsAndNotStored() throws {
        let doc = document(["ORCID: 0000-0002-1825-0098", "ISBN 978-0-306-40615-8 and ISBN 0-306-40615-2"])
        let result = try run(doc)
        XCTAssertEqual(result.profile.person.identifiers, [:])
        let warnings = result.diagnostics.filter { $0.severity == .warning }
        XCTAssertEqual(warnings.map(\.message), [
            "invalid ORCID check digit: 0000-0002-1825-0098", "invalid ISBN check digit: 9780306406158",
        ])
        XCTAssertEqual(warnings.first?.provenance, .lines(1, 1))
        XCTAssertEqual(result.diagnostics.filter { $0.severity == .info }.map(\.message),
                       ["identifiers not attached to any publication: isbn 0306406152"])
    }

    func testBareDigitsThatFailTheOrcidChecksumAreNotOrcids() throws {
        let result = try run(document(["Grant 1234-5678-9012-3456 awarded"]))
        XCTAssertTrue(result.diagnostics.isEmpty)
    }
}

/// Reaches the internal scanner through the stage's public behaviour: identifiers a block yields.
private enum IdentifierScannerProbe {
    static func scan(_ text: String) -> [String] {
        let block = Block(.paragraph, text: text, provenance: .lines(1, 1))
        let document = Document(source: Source(path: "t", format: .markdown, bytes: 0, sha256: ""), blocks: [block])
        let result = (try? IdentifiersStage().run(document, context: StageContext())) ?? document
        let message = result.diagnostics.first?.message ?? ""
        let list = message.components(separatedBy: ": ").dropFirst().joined(separator: ": ")
        return list.isEmpty ? [] : list.components(separatedBy: ", ")
    }
}
