import DossierModel
import DossierPipeline
@testable import DossierWriters
import Foundation
import XCTest

final class CSVWriterTests: XCTestCase {
    func testPublicationsTableReadsBackWithTheDocumentedColumns() throws {
        let csv = try CSVWriter().render([TestDocuments.plain])
        let records = try Validators.csvRecords(csv)
        XCTAssertEqual(records.first, CSVTable.publications.columns)
        XCTAssertEqual(records.count, 1 + TestDocuments.plainPublications.count)
        let article = records[1]
        XCTAssertEqual(article, [
            "cvs/ada-lovelace.md", "Ada Lovelace", "1", "article-journal", "Lovelace, Ada; Babbage, Charles",
            "Notes on the Analytical Engine of DNA", "Scientific Memoirs", "1843", "3", "2", "666–731", "10.1000/xyz123",
            "12345678", "", "", "", "0.75", TestDocuments.plainPublications[0].raw, "true", "false", "false", "false", "cvs/ada-lovelace.md",
        ])
        // A cut list has no last author; an applicant not found leaves the committee columns empty but et_al.
        XCTAssertEqual(Array(records[3].suffix(5)).first(where: { $0 == "true" }), "true")
        XCTAssertEqual(records[3][21], "true")
        XCTAssertEqual(records[3][4], "Lovelace, Ada; The Analytical Engine Consortium; et al.")
        XCTAssertEqual(records[3][13], "2101.00001")
    }

    func testRecordsEndWithCRLFAndABatchHasOneHeader() throws {
        var second = TestDocuments.plain
        second.source.path = "cvs/second.md"
        let csv = try CSVWriter().render([TestDocuments.plain, second], options: WriterOptions(batch: true))
        let text = String(decoding: csv, as: UTF8.self)
        XCTAssert(text.hasPrefix("document,applicant,applicant_position,type,authors,title,container,year,"))
        XCTAssert(text.hasSuffix("\r\n"))
        let records = try Validators.csvRecords(csv)
        XCTAssertEqual(records.filter { $0.first == "document" }.count, 1)
        XCTAssertEqual(records.count, 1 + 2 * TestDocuments.plainPublications.count)
        XCTAssertEqual(records.last?.first, "cvs/second.md")
    }

    func testEveryTableHasItsRows() throws {
        let document = TestDocuments.plain
        let expected: [CSVTable: [String]] = [
            .entries: ["cvs/ada-lovelace.md", "Ada Lovelace", "employment", "Analyst", "Babbage & Co", "", "1843-09", "..",
                       "Sep 1843 – present", "Analyst, Babbage & Co, Sep 1843 – present"],
            .sections: ["cvs/ada-lovelace.md", "publications", "journal articles", "Journal articles", "5", "6"],
            .people: ["cvs/ada-lovelace.md", "Ada Lovelace", "Ada", "Lovelace", "ada@example.org; ada@cam.example.ac.uk",
                      "'+44 20 7946 0000", "University of London", "12 St James's Square, London", "0000-0002-1825-0097",
                      "website https://ada.example.org; orcid https://orcid.org/0000-0002-1825-0097; github https://github.com/ada",
                      "github:ada; orcid:0000-0002-1825-0097"],
            .referees: ["cvs/ada-lovelace.md", "Ada Lovelace", "Charles Babbage", "Charles", "Babbage", "Professor",
                        "University of Cambridge", "cb@example.ac.uk", "", "supervisor", ""],
        ]
        for (table, row) in expected {
            let records = try Validators.csvRecords(try CSVWriter().render([document], options: WriterOptions(table: table.rawValue)))
            XCTAssertEqual(records.first, table.columns, "\(table)")
            XCTAssert(records.contains(row), "\(table): \(records)")
        }
    }

    func testAnUnknownTableIsAnErrorThatNamesTheKnownOnes() {
        XCTAssertThrowsError(try CSVWriter().render([TestDocuments.plain], options: WriterOptions(table: "pubs"))) { error in
            XCTAssertEqual("\(error)", "unknown table 'pubs'; known: publications, entries, sections, people, referees, applicants")
        }
        XCTAssertThrowsError(try CSVWriter().begin(WriterOptions(table: "Publications")))
    }

    func testFormulaPrefixesAreNeutralizedButNumbersAndALoneDashAreNot() {
        let cases = [
            "=1+1": "'=1+1", "+33 4 72 55 01 23": "'+33 4 72 55 01 23", "-1+2": "'-1+2", "@SUM(A1)": "'@SUM(A1)",
            "\tx": "'\tx", "\rx": "'\rx", "=": "'=", "-": "-", "-3": "-3", "+1.5": "+1.5", "-0,25": "-0,25", "--": "'--",
            "-5--7": "'-5--7", "plain = text": "plain = text", "": "", "a\u{0}b": "ab",
        ]
        for (cell, expected) in cases {
            XCTAssertEqual(CSVWriter.neutralized(cell), expected, cell.debugDescription)
        }
    }

    func testCellsAreQuotedOnlyWhenTheyNeedIt() {
        XCTAssertEqual(CSVWriter.record(["a", "b,c", "say \"hi\"", "two\nlines", "x\r\ny"]), "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\"x\r\ny\"\r\n")
    }
}
