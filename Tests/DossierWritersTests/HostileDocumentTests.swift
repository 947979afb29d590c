import DossierModel
import DossierPipeline
import DossierWriters
import Foundation
import XCTest

/// The hostile document through all five writers, each output checked by its real validator.
final class HostileDocumentTests: XCTestCase {
    let document = TestDocuments.hostile

    func testJATSIsValidAndSaysWhatItDropped() throws {
        let options = WriterOptions()
        let xml = try JATSWriter().render([document], options: options)
        let dtd = try Validators.xmllintDTDValid(xml)
        XCTAssertEqual(dtd.status, 0, dtd.output)
        let catalog = try Validators.xmllintWithCatalog(xml)
        XCTAssertEqual(catalog.status, 0, catalog.output)
        print("xmllint --dtdvalid (hostile): status \(dtd.status) \(dtd.output.isEmpty ? "(no output)" : dtd.output)")
        let notes = options.session.takeNotes()
        XCTAssertEqual(notes.count, 1)
        XCTAssert(notes.first?.contains("U+0001") == true && notes.first?.contains("U+FFFF") == true && notes.first?.contains("U+FFFE") == true
                  && notes.first?.contains("U+0000") == true, "\(notes)")
        let text = String(decoding: xml, as: UTF8.self)
        XCTAssertFalse(text.unicodeScalars.contains { !XMLCharacters.allowed($0) })
        XCTAssertFalse(text.contains("]]>"))
        XCTAssertEqual(try Validators.xpath(xml, "string(//article-title)").dropLast(), "=HYPERLINK(\"x\") <CV> & ]]> ")
        XCTAssertEqual(try Validators.xpath(xml, "count(//ref)").dropLast(), "\(TestDocuments.hostileTitles.count)")
        XCTAssertEqual(try Validators.xpath(xml, "string(//ref[8]//article-title)").dropLast(), "<b>bold</b> & \"quoted\" ]]> end")
        XCTAssertEqual(try Validators.xpath(xml, "string(//ref[6]//article-title)").dropLast(), "\rCarriage return")
    }

    func testCSVReadsBackCellForCellWithFormulasNeutralized() throws {
        let csv = try CSVWriter().render([document], options: WriterOptions(table: "publications"))
        let records = try Validators.csvRecords(csv)
        XCTAssertEqual(records.count, 1 + TestDocuments.hostileTitles.count)
        let titles = records.dropFirst().map { $0[5] }
        let expected = TestDocuments.hostileTitles.map { title -> String in
            let cleaned = title.replacingOccurrences(of: "\u{0}", with: "")
            let formula = cleaned.unicodeScalars.first.map { "=+-@\t\r".unicodeScalars.contains($0) } ?? false
            return formula && cleaned != "-" ? "'" + cleaned : cleaned
        }
        XCTAssertEqual(Array(titles), expected)
        for record in records.dropFirst() {
            for cell in record {
                XCTAssertFalse(["=", "+", "@", "\t", "\r"].contains(cell.first.map(String.init) ?? ""), "unneutralized cell \(cell.debugDescription)")
            }
        }
        XCTAssertEqual(records[1][0], document.source.path)
        XCTAssertEqual(records[1][8], "-1", "a signed number is no formula")
        XCTAssertEqual(records[1][9], "'=2")
        XCTAssertEqual(records[1][10], "'-5--7")
        XCTAssertEqual(records[1][11], "10.1000/a<b>&c{d}\\e")
        for table in CSVTable.allCases {
            let records = try Validators.csvRecords(try CSVWriter().render([document], options: WriterOptions(table: table.rawValue)))
            XCTAssert(records.allSatisfy { $0.count == table.columns.count }, "\(table): ragged rows")
            XCTAssertGreaterThan(records.count, 1, "\(table): no rows")
            for cell in records.joined() where cell.hasPrefix("-") {
                XCTAssert(cell == "-" || Double(cell) != nil, "\(table): unneutralized cell \(cell.debugDescription)")
            }
            for cell in records.joined() {
                XCTAssertFalse(["=", "+", "@", "\t", "\r"].contains(cell.first.map(String.init) ?? ""), "\(table): unneutralized cell \(cell.debugDescription)")
            }
        }
    }

    func testCSLJSONIsSchemaValidAndPandocPrintsIt() throws {
        let json = try CSLJSONWriter().render([document])
        let schema = try Validators.jsonSchema(json, schema: "csl/csl-data.json")
        XCTAssertEqual(schema.status, 0, schema.output)
        print("jsonschema csl-data.json (hostile): \(schema.output)")
        let pandoc = try Validators.pandocBibliography(json)
        XCTAssertEqual(pandoc.status, 0, pandoc.output)
        print("pandoc --citeproc (hostile):\n\(pandoc.output)")
        XCTAssert(pandoc.output.contains("Emoji 🧬🔬"), pandoc.output)
        XCTAssert(pandoc.output.contains("=HYPERLINK("), pandoc.output)
    }

    func testJSONResumeIsSchemaValidAndListsWhatItCannotHold() throws {
        let options = WriterOptions()
        let json = try JSONResumeWriter().render([document], options: options)
        let schema = try Validators.jsonSchema(json, schema: "json-resume/schema.json")
        XCTAssertEqual(schema.status, 0, schema.output)
        print("jsonschema json-resume (hostile): \(schema.output)")
        let resume = try XCTUnwrap(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let meta = try XCTUnwrap(resume["meta"] as? [String: Any])
        let unmapped = try XCTUnwrap((meta["dossier"] as? [String: Any])?["unmapped"] as? [String: Any])
        XCTAssertEqual((unmapped["publications"] as? [Any])?.count, TestDocuments.hostileTitles.count)
        XCTAssertNotNil(unmapped["entries"], "entries with dates JSON Resume cannot hold, and kinds it has no group for")
        XCTAssert(options.session.takeNotes().contains { $0.hasPrefix("json-resume:") })
    }

    func testBibTeXReadsBackWithEveryEntryAndKey() throws {
        let options = WriterOptions()
        let bibtex = try BibTeXWriter().render([document], options: options)
        let entries = try Validators.bibtexEntries(bibtex)
        XCTAssertEqual(entries.count, TestDocuments.hostileTitles.count)
        XCTAssertEqual(Set(entries.compactMap { $0["ID"] }).count, entries.count, "keys must be unique")
        let text = String(decoding: bibtex, as: UTF8.self)
        print("bibtexparser (hostile): \(entries.count) entries, keys \(entries.compactMap { $0["ID"] }.sorted().joined(separator: " "))")
        XCTAssertFalse(text.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" })
        XCTAssert(options.session.takeNotes().contains { $0.hasPrefix("bibtex: dropped") })
        for entry in entries {
            let title = entry["title"] ?? ""
            XCTAssertEqual(title.filter { $0 == "{" }.count, title.filter { $0 == "}" }.count, "unbalanced braces in \(title)")
        }
    }
}

/// XML 1.0's `Char` production, restated here so the test does not trust the writer's own table.
enum XMLCharacters {
    static func allowed(_ scalar: Unicode.Scalar) -> Bool {
        [0x9, 0xA, 0xD].contains(scalar.value) || (0x20...0xD7FF).contains(scalar.value) || (0xE000...0xFFFD).contains(scalar.value)
            || (0x10000...0x10FFFF).contains(scalar.value)
    }
}
