import Dossier
import XCTest

/// Every writer writes an applicant record: JSON as the record (valid against the schema), CSV as the applicants
/// row or the merged tables, the others as the merged person and publications.
final class ApplicantWritingTests: XCTestCase {
    func record() -> ApplicantRecord {
        var cv = TestDocuments.plain
        cv.source.path = "alice/cv.md"
        var list = TestDocuments.plain
        list.source.path = "alice/site.html"
        return ApplicantMerger().merge(key: "alice", documents: [cv, list])
    }

    func testRecordJSONIsValidAgainstTheSchema() throws {
        let record = record()
        XCTAssertFalse(record.publications.isEmpty)
        XCTAssertTrue(record.publications.allSatisfy { $0.sources.count == 2 }, "the same CV twice: every paper found twice: \(record.publications.map { ($0.publication.id, $0.sources.map(\.id)) })")
        let data = try JSONWriter().renderApplicants([record])
        let result = try Validators.jsonSchema(data, schema: "../../schema/dossier.schema.json")
        XCTAssertEqual(result.status, 0, result.output)
    }

    func testApplicantsTableIsOneRowPerApplicant() throws {
        let record = record()
        let csv = try CSVWriter().renderApplicants([record, record], options: WriterOptions(table: "applicants"))
        let rows = try Validators.csvRecords(csv)
        XCTAssertEqual(rows.count, 3)
        XCTAssertEqual(rows[0], ["applicant", "name", "emails", "documents", "publications", "first_author", "last_author", "co_first",
                                 "with_doi", "first_year", "last_year", "referees", "warnings"])
        XCTAssertEqual(rows[1][0], "alice")
        XCTAssertEqual(rows[1][3], "alice/cv.md; alice/site.html")
        XCTAssertEqual(rows[1][4], String(record.publications.count))
    }

    func testPublicationsTableNamesEverySource() throws {
        let csv = try CSVWriter().renderApplicants([record()], options: WriterOptions(table: "publications"))
        let rows = try Validators.csvRecords(csv)
        XCTAssertEqual(rows[0].last, "sources")
        XCTAssertTrue(rows.dropFirst().allSatisfy { $0.last == "alice/cv.md; alice/site.html" })
        XCTAssertTrue(rows.dropFirst().allSatisfy { $0[0] == "alice" })
    }

    func testEveryWriterWritesAnApplicant() throws {
        let record = record()
        for writer in Registry.standard.writers {
            let name = writer.name
            let data = try writer.renderApplicants([record], options: WriterOptions(table: "applicants"))
            XCTAssertFalse(data.isEmpty, name)
        }
        let csl = try Registry.standard.writer(named: "csl-json").renderApplicants([record])
        let items = try JSONSerialization.jsonObject(with: csl) as? [Any]
        XCTAssertEqual(items?.count, record.publications.count)
    }
}
