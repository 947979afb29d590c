import Dossier
import DossierModel
import DossierPipeline
import DossierWriters
import Foundation
import XCTest

/// The bundled samples and the shared corpus through the default pipeline and every writer of this module, each
/// output checked by its real validator in one run per format (the batch is what a committee would convert).
final class RealDocumentTests: XCTestCase {
    static let sampleExtensions: Set<String> = ["md", "markdown", "html", "htm", "pdf"]

    func testEverySampleGivesValidOutputInEveryFormat() throws {
        let files = RealDocumentTests.files(under: Validators.repository.appendingPathComponent("samples"))
        XCTAssertFalse(files.isEmpty, "samples/ should hold documents")
        try validate(RealDocumentTests.convert(files), label: "samples")
    }

    /// `../shared/corpus`, or the folder in `DOSSIER_CORPUS`.
    func testEveryCorpusDocumentGivesValidOutputInEveryFormat() throws {
        let corpus = ProcessInfo.processInfo.environment["DOSSIER_CORPUS"].map { URL(fileURLWithPath: $0) }
            ?? Validators.repository.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        guard FileManager.default.fileExists(atPath: corpus.path) else { throw XCTSkip("../shared/corpus is absent") }
        try validate(RealDocumentTests.convert(RealDocumentTests.files(under: corpus)), label: "corpus")
    }

    static func files(under folder: URL) -> [URL] {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        let all = (enumerator?.allObjects as? [URL]) ?? []
        return all.filter { sampleExtensions.contains($0.pathExtension.lowercased()) }.sorted { $0.path < $1.path }
    }

    /// The documents that convert; inputs refused on purpose (encrypted, truncated PDFs) are left out.
    static func convert(_ files: [URL]) throws -> [Document] {
        let converter = try Converter()
        return files.compactMap { file in
            guard let data = try? Data(contentsOf: file) else { return nil }
            return try? converter.convert(data, path: file.lastPathComponent)
        }
    }

    private func validate(_ documents: [Document], label: String) throws {
        XCTAssertFalse(documents.isEmpty)
        let publications = documents.reduce(0) { $0 + $1.profile.publications.count }
        print("\(label): \(documents.count) documents, \(publications) publications")

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-writers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var jatsFiles: [String] = []
        for (index, document) in documents.enumerated() {
            let file = folder.appendingPathComponent("\(index).xml")
            try JATSWriter().render([document]).write(to: file)
            jatsFiles.append(file.path)
        }
        if Validators.available("xmllint") {
            let catalog = try Validators.jatsCatalog()
            let xmllint = try Validators.run(["xmllint", "--noout", "--valid", "--nonet"] + jatsFiles, environment: ["XML_CATALOG_FILES": catalog.path])
            print("\(label): xmllint --valid (JATS 1.3 DOCTYPE via catalog) on \(jatsFiles.count) files: status \(xmllint.status), \(xmllint.output.split(separator: "\n").count) lines of output")
            XCTAssertEqual(xmllint.status, 0, String(xmllint.output.prefix(3000)))
        }

        let batch = WriterOptions(batch: true)
        for table in CSVTable.allCases {
            let records = try Validators.csvRecords(try CSVWriter().render(documents, options: WriterOptions(batch: true, table: table.rawValue)))
            XCTAssertEqual(records.first, table.columns)
            XCTAssert(records.allSatisfy { $0.count == table.columns.count }, "\(table): ragged rows")
            print("\(label): csv --table \(table.rawValue): \(records.count - 1) rows read back by Python's csv")
        }
        XCTAssertEqual(try Validators.csvRecords(try CSVWriter().render(documents, options: batch)).count, 1 + publications)

        let csl = try CSLJSONWriter().render(documents, options: WriterOptions(batch: true))
        let cslSchema = try Validators.jsonSchema(csl, schema: "csl/csl-data.json")
        print("\(label): jsonschema csl-data.json: \(cslSchema.output.trimmingCharacters(in: .whitespacesAndNewlines))")
        XCTAssertEqual(cslSchema.status, 0, cslSchema.output)
        let pandoc = try Validators.pandocBibliography(csl)
        XCTAssertEqual(pandoc.status, 0, pandoc.output)
        let printed = pandoc.output.components(separatedBy: "\n\n").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        print("\(label): pandoc --citeproc: status \(pandoc.status), \(printed.count) bibliography entries printed")
        XCTAssertEqual(printed.count, publications, "pandoc should print every item")

        let resume = try JSONResumeWriter().render(documents, options: WriterOptions(batch: true))
        let resumeSchema = try Validators.jsonSchema(resume, schema: "json-resume/schema.json")
        print("\(label): jsonschema json-resume: \(resumeSchema.output.trimmingCharacters(in: .whitespacesAndNewlines))")
        XCTAssertEqual(resumeSchema.status, 0, resumeSchema.output)

        let entries = try Validators.bibtexEntries(try BibTeXWriter().render(documents, options: WriterOptions(batch: true)))
        print("\(label): bibtexparser: \(entries.count) entries, \(Set(entries.compactMap { $0["ID"] }).count) distinct keys")
        XCTAssertEqual(entries.count, publications)
        XCTAssertEqual(Set(entries.compactMap { $0["ID"] }).count, publications)
    }
}
