import DossierModel
@testable import DossierWriters
import Foundation
import XCTest

final class PublicationJSONLineTests: XCTestCase {
    private func encoderJSON(_ publication: Publication) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(publication), as: UTF8.self)
    }

    private func lineJSON(_ publication: Publication) -> String {
        var bytes: [UInt8] = []
        PublicationJSONLine.append(publication, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Every field set, with every character JSON escapes and the numbers the parser writes.
    private var everything: Publication {
        var publication = Publication(id: "ref1", type: "article-journal", raw: "a \"b\" \\ c/d\u{0}\u{1}\u{8}\u{9}\u{A}\u{C}\u{D}\u{1F}\u{7F}é😀\u{2028}")
        publication.author = [CSLName(family: "van der Berg", given: "P.", particle: "van der", suffix: "Jr."), CSLName(literal: "WHO")]
        publication.editor = [CSLName(family: "Smith")]
        publication.title = "Title / with slash"
        publication.containerTitle = "Journal"
        publication.issued = CSLDate(dateParts: [[2019, 3, 1], [2020]], raw: "1 March 2019")
        publication.volume = "1"
        publication.issue = "2"
        publication.page = "3-4"
        publication.publisher = "P"
        publication.publisherPlace = "Q"
        publication.edition = "2"
        publication.doi = "10.1000/x"
        publication.pmid = "123"
        publication.pmcid = "PMC1234"
        publication.arxiv = "2101.01234"
        publication.isbn = "9783161484100"
        publication.url = "https://example.org/a?b=c"
        publication.status = "in press"
        publication.note = "note"
        publication.confidence = ["author": 0.998, "DOI": 0.99, "URL": 0.95, "title": 1, "publisher-place": 0.001, "publisher": 0.5,
                                  "issued": 1e-7, "volume": 0, "note": 123.25, "arxiv": 0.1 + 0.2]
        publication.applicantPosition = 2
        publication.etAl = false
        publication.equalContribution = [1, 2]
        publication.corresponding = []
        publication.block = 7
        return publication
    }

    func testEveryFieldIsWrittenAsJSONEncoderWritesIt() throws {
        XCTAssertEqual(lineJSON(everything), try encoderJSON(everything))
        var sparse = Publication(id: "", type: "document", raw: "")
        XCTAssertEqual(lineJSON(sparse), try encoderJSON(sparse))
        sparse.etAl = true
        sparse.issued = CSLDate(dateParts: [[]])
        XCTAssertEqual(lineJSON(sparse), try encoderJSON(sparse))
    }

    func testConfidencesAreWrittenAsJSONEncoderWritesThem() throws {
        var publication = Publication(id: "x", type: "book", raw: "")
        for step in 0...1000 {
            publication.confidence["c"] = Double(step) / 1000
            publication.confidence["d"] = (Double(step) * 0.123456 * 1000).rounded() / 1000
            XCTAssertEqual(lineJSON(publication), try encoderJSON(publication))
        }
    }

    /// A field added to `Publication` must be added to `PublicationJSONLine` (and to `everything` above).
    func testKnowsEveryStoredProperty() {
        XCTAssertEqual(Mirror(reflecting: everything).children.count, 28)
        XCTAssertEqual(Mirror(reflecting: CSLName()).children.count, 5)
        XCTAssertEqual(Mirror(reflecting: CSLDate(dateParts: [])).children.count, 2)
    }
}
