import DossierModel
import DossierPipeline
import DossierStages
import DossierText
import XCTest

final class DocumentKindStageTests: XCTestCase {
    /// "# x" / "## x" headings, "- a | b | c" a bulleted list of a, b, c, anything else a paragraph.
    private func document(_ lines: [String], metadata: [String: JSONValue] = [:], sections: [Section] = []) -> Document {
        let blocks = lines.enumerated().map { index, line -> Block in
            let provenance = Provenance.lines(index + 1, index + 1)
            let hashes = line.prefix(while: { $0 == "#" }).count
            if hashes > 0 {
                return Block(.heading, text: String(line.dropFirst(hashes + 1)), provenance: provenance, level: hashes)
            }
            if line.hasPrefix("- ") {
                var list = Block(.list, text: "", provenance: provenance)
                list.items = line.dropFirst(2).components(separatedBy: " | ").map { Block(.item, text: $0, provenance: provenance) }
                list.text = list.items?.map(\.text).joined(separator: "\n") ?? ""
                return list
            }
            return Block(.paragraph, text: line, provenance: provenance)
        }
        var document = Document(source: Source(path: "t.md", format: .markdown, bytes: 0, sha256: ""), metadata: metadata, blocks: blocks)
        document.profile.sections = sections
        return document
    }

    private func classify(_ document: Document) throws -> (kind: String?, evidence: String?) {
        let result = try DocumentKindStage().run(document, context: StageContext())
        let diagnostic = result.diagnostics.last { $0.stage == "document-kind" }
        return (result.metadata[DocumentKindStage.metadataKey]?.stringValue, diagnostic?.message)
    }

    private let prose = String(repeating: "In my research I study how we can make models that I find useful for our field. ", count: 3)

    func testCVFromSectionKindsWithEvidence() throws {
        let doc = document(["# Jane Doe", "jane@x.org", "## Education", "PhD, 2019", "## Experience", "Postdoc, 2020–", "## Publications", "Doe J. (2020). Title. Journal 1."])
        let result = try classify(doc)
        XCTAssertEqual(result.kind, "cv")
        XCTAssertEqual(result.evidence, "cv: sections other, education, employment, publications; name at top")
    }

    func testCVFromTheLeadsSections() throws {
        let doc = document(["# Jane Doe", "## Werdegang", "2019 Promotion", "## Lehre", "Seminar"], sections: [
            Section(kind: .employment, title: "Werdegang", blocks: [1, 2]), Section(kind: .teaching, title: "Lehre", blocks: [3, 4]),
        ])
        XCTAssertEqual(try classify(doc).kind, "cv")
    }

    func testPublicationList() throws {
        let doc = document([
            "# Publications of Jane Doe",
            "- Doe, J., & Roe, R. (2020). A study of things. Journal of Stuff, 12(3), 45–67. | Doe J, Poe P, et al. Another one. Nature. 2019;5:1-9. | J. Doe and R. Roe, “Learning to learn quickly,” in Proc. NeurIPS, 2018, pp. 1–9. | Unpublished notes on things",
        ])
        let result = try classify(doc)
        XCTAssertEqual(result.kind, "publication-list")
        XCTAssertEqual(result.evidence, "publication-list: 3 of 4 items look like references (75 %)")
    }

    func testCoverLetter() throws {
        let doc = document(["Dear Members of the Search Committee,", prose, prose, "Sincerely,", "Jane Doe"])
        let result = try classify(doc)
        XCTAssertEqual(result.kind, "cover-letter")
        XCTAssertEqual(result.evidence, "cover-letter: salutation 'Dear Members of the Search Committee', closing 'Sincerely'")
    }

    func testResearchStatementByTitleAndByProse() throws {
        XCTAssertEqual(try classify(document(["# Research Statement", "Short."])).kind, "research-statement")
        let untitled = document(["# Jane Doe", prose, prose, prose])
        let result = try classify(untitled)
        XCTAssertEqual(result.kind, "research-statement")
        XCTAssertTrue(result.evidence?.hasPrefix("research-statement: 3 prose paragraphs") ?? false, result.evidence ?? "")
    }

    func testRefereeList() throws {
        let doc = document(["# References", "Prof. Alan Turing, University of Manchester, alan@man.ac.uk", "Dr. Grace Hopper, Yale, grace@yale.edu"])
        XCTAssertEqual(try classify(doc).kind, "referee-list")
    }

    func testOther() throws {
        let result = try classify(document(["Shopping list", "Milk and bread"]))
        XCTAssertEqual(result.kind, "other")
        XCTAssertEqual(result.evidence, "other: no known sections; 0 of 2 items look like references")
    }
}
