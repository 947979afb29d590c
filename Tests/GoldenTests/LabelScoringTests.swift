import Dossier
import DossierModel
import Foundation
import XCTest

/// How label files are scored, on documents built in code.
final class LabelScoringTests: XCTestCase {
    func document(titles: [String]) -> Document {
        var document = Document(source: Source(path: "cv.md", format: .markdown, bytes: 0, sha256: ""), blocks: [])
        document.profile.publications = titles.enumerated().map { index, title in
            var publication = Publication(id: "ref\(index + 1)", type: "article-journal", raw: title)
            publication.title = title
            return publication
        }
        return document
    }

    func labels(_ json: String) throws -> DocumentLabels {
        try JSONDecoder().decode(DocumentLabels.self, from: Data(json.utf8))
    }

    func testACountIsCheckedUnlessTheLabelsSayTheyArePartial() throws {
        let found = document(titles: ["Alpha beta", "Gamma delta", "Epsilon"])
        let whole = LabelScore(found, labels: try labels(#"{"publications": [{"title": "Alpha beta"}]}"#))
        XCTAssertEqual(whole.publicationsLabelled, 1)
        XCTAssertTrue(whole.misses.contains("publications: expected 1, found 3"))

        let partial = LabelScore(found, labels: try labels(#"{"publications": [{"title": "Alpha beta"}], "publicationsLabelled": "only the first subsection"}"#))
        XCTAssertNil(partial.publicationsLabelled, "count not verified")
        XCTAssertEqual(partial.titlesRight, 1)
        XCTAssertTrue(partial.misses.isEmpty, "\(partial.misses)")

        let total = LabelScore(found, labels: try labels(#"{"publications": [{"title": "Alpha beta"}], "publicationsTotal": 3, "publicationsLabelled": "first only"}"#))
        XCTAssertEqual(total.publicationsLabelled, 3, "a total given is checked")
        XCTAssertTrue(total.misses.isEmpty)
    }

    func testAListFoundShortIsSilentUnlessSplitReferencesWarned() throws {
        let labelled = try labels(#"{"publications": [{"title": "Alpha beta"}, {"title": "Gamma delta"}, {"title": "Epsilon"}]}"#)
        var found = document(titles: ["Alpha beta"])
        let silent = LabelScore(found, labels: labelled)
        XCTAssertTrue(silent.publicationsShort)
        XCTAssertTrue(silent.publicationsShortSilently)
        XCTAssertTrue(LabelReport.render([silent]).contains("publication lists under half found: 1, of them silently (no warning): 1"))

        found.report(.warning, stage: "split-references", "publications section 'Papers' yielded 1 publication, far fewer than its text suggests")
        let warned = LabelScore(found, labels: labelled)
        XCTAssertTrue(warned.publicationsShort)
        XCTAssertFalse(warned.publicationsShortSilently)

        let enough = LabelScore(document(titles: ["Alpha beta", "Gamma delta"]), labels: labelled)
        XCTAssertFalse(enough.publicationsShort, "two of three is not under half")
    }
}
