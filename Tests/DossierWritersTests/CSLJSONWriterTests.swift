import DossierModel
import DossierPipeline
@testable import DossierWriters
import Foundation
import XCTest

final class CSLJSONWriterTests: XCTestCase {
    private func items(_ data: Data) throws -> [[String: Any]] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    }

    func testPublicationsAreSchemaValidCSLItemsKeyedLikeBibTeX() throws {
        let json = try CSLJSONWriter().render([TestDocuments.plain])
        let schema = try Validators.jsonSchema(json, schema: "csl/csl-data.json")
        XCTAssertEqual(schema.status, 0, schema.output)
        let items = try items(json)
        XCTAssertEqual(items.map { $0["id"] as? String }, [
            "lovelace1843notes", "lovelace1842numbers", "lovelace2021engine", "lovelace1843notesa", "lovelace1843notesb",
            "lovelace1843notesc", "anonndreport",
        ])
        let article = items[0]
        XCTAssertEqual(article["type"] as? String, "article-journal")
        XCTAssertEqual(article["DOI"] as? String, "10.1000/xyz123")
        XCTAssertEqual((article["issued"] as? [String: Any])?["date-parts"] as? [[Int]], [[1843, 10]])
        XCTAssertEqual((article["author"] as? [[String: String]])?.last, ["family": "Babbage", "given": "Charles"])
        let custom = try XCTUnwrap(article["custom"] as? [String: Any])
        XCTAssertEqual(custom["applicantPosition"] as? Int, 1)
        XCTAssertEqual(custom["dossierId"] as? String, "pub1")
        XCTAssertEqual(custom["raw"] as? String, TestDocuments.plainPublications[0].raw)
        XCTAssertEqual(custom["document"] as? String, "cvs/ada-lovelace.md")
        XCTAssertNil(article["raw"], "Dossier-only keys live in custom")
        let preprint = items[2]
        XCTAssertEqual(preprint["number"] as? String, "arXiv:2101.00001")
        XCTAssertEqual(preprint["genre"] as? String, "preprint")
        XCTAssertEqual((preprint["author"] as? [[String: String]])?.last, ["literal": "The Analytical Engine Consortium"])
        XCTAssertEqual((items[3]["author"] as? [[String: String]])?.first?["non-dropping-particle"], "de")
    }

    func testPandocCiteprocPrintsTheBibliography() throws {
        let json = try CSLJSONWriter().render([TestDocuments.plain])
        let pandoc = try Validators.pandocBibliography(json)
        XCTAssertEqual(pandoc.status, 0, pandoc.output)
        for fragment in ["Lovelace, Ada, and Charles Babbage", "Notes on the Analytical Engine of DNA", "Scientific Memoirs", "666–731",
                         "https://doi.org/10.1000/xyz123", "The Engine Revisited", "Geneva"] {
            XCTAssert(pandoc.output.replacingOccurrences(of: "\n", with: " ").contains(fragment), "\(fragment) not in:\n\(pandoc.output)")
        }
    }

    func testABatchIsOneArrayWithUniqueIdsEvenWhenTheFirstDocumentHasNoPublications() throws {
        let empty = Document(source: TestDocuments.source("empty.md"))
        let json = try CSLJSONWriter().render([empty, TestDocuments.plain, empty, TestDocuments.plain], options: WriterOptions(batch: true))
        let items = try items(json)
        XCTAssertEqual(items.count, 2 * TestDocuments.plainPublications.count)
        XCTAssertEqual(Set(items.compactMap { $0["id"] as? String }).count, items.count)
        let schema = try Validators.jsonSchema(json, schema: "csl/csl-data.json")
        XCTAssertEqual(schema.status, 0, schema.output)
        XCTAssertEqual(String(decoding: try CSLJSONWriter().render([empty]), as: UTF8.self), "[]\n")
        XCTAssertEqual(String(decoding: try CSLJSONWriter().render([empty, empty]), as: UTF8.self), "[]\n")
    }

    func testAnUnknownTypeBecomesDocumentAndKeepsTheOriginal() throws {
        var document = TestDocuments.plain
        document.profile.publications = [Publication(id: "x", type: "poster", raw: "A poster")]
        let item = try XCTUnwrap(try items(try CSLJSONWriter().render([document])).first)
        XCTAssertEqual(item["type"] as? String, "document")
        XCTAssertEqual((item["custom"] as? [String: Any])?["dossierType"] as? String, "poster")
    }

    func testAnUntitledItemCarriesItsRawTextInNote() throws {
        var document = TestDocuments.plain
        document.profile.publications = [Publication(id: "r", type: "article-journal", raw: "Doe J. Something, 2020.")]
        let json = try CSLJSONWriter().render([document])
        XCTAssertEqual(try items(json).first?["note"] as? String, "Doe J. Something, 2020.")
        let schema = try Validators.jsonSchema(json, schema: "csl/csl-data.json")
        XCTAssertEqual(schema.status, 0, schema.output)
    }

    func testTheOutputIsTheSameEveryTime() throws {
        let first = try CSLJSONWriter().render([TestDocuments.plain])
        let second = try CSLJSONWriter().render([TestDocuments.plain])
        XCTAssertEqual(first, second)
    }
}
