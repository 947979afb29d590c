import Foundation
import XCTest

/// The real tools our outputs are checked with, run through `Process`; each throws `XCTSkip` when its tool is missing.
enum Validators {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = repository.appendingPathComponent("Tests/Fixtures")
    static let jatsDTD = fixtures.appendingPathComponent("jats-1.3/JATS-archivearticle1-3-mathml3.dtd")

    /// What a tool printed (stdout and stderr together) and how it exited.
    struct Run {
        var status: Int32
        var output: String
    }

    static func run(_ arguments: [String], input: Data? = nil, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(input)
            try stdin.fileHandleForWriting.close()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    static func available(_ tool: String) -> Bool {
        (try? run(["sh", "-c", "command -v \(tool)"]).status) == 0
    }

    /// A Python with the given module: `DOSSIER_PYTHON` if set, else Debian's (python3-jsonschema, whose format
    /// checker also checks "uri" and "email"; python3-bibtexparser), else PATH's.
    static func python(with module: String) throws -> String {
        let preferred = ProcessInfo.processInfo.environment["DOSSIER_PYTHON"].map { [$0] } ?? []
        for candidate in preferred + ["/usr/bin/python3", "python3"] where (try? run([candidate, "-c", "import \(module)"]).status) == 0 {
            return candidate
        }
        throw XCTSkip("no python3 with \(module) (apt-get install python3-\(module))")
    }

    static func temporaryFile(_ data: Data, extension fileExtension: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-writers-\(UUID().uuidString).\(fileExtension)")
        try data.write(to: url)
        return url
    }

    /// An XML catalog that maps the JATS 1.3 public id to the vendored DTD.
    static func jatsCatalog() throws -> URL {
        let catalog = """
            <?xml version="1.0"?>
            <catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
              <public publicId="-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD with MathML3 v1.3 20210610//EN" uri="\(jatsDTD.absoluteString)"/>
            </catalog>
            """
        return try temporaryFile(Data(catalog.utf8), extension: "catalog.xml")
    }

    /// `xmllint --noout --nonet --dtdvalid` against the vendored DTD (the catalog only spares a warning).
    static func xmllintDTDValid(_ xml: Data) throws -> Run {
        guard available("xmllint") else { throw XCTSkip("xmllint missing (apt-get install libxml2-utils)") }
        let file = try temporaryFile(xml, extension: "xml")
        let catalog = try jatsCatalog()
        defer { try? FileManager.default.removeItem(at: file); try? FileManager.default.removeItem(at: catalog) }
        return try run(["xmllint", "--noout", "--nonet", "--dtdvalid", jatsDTD.path, file.path], environment: ["XML_CATALOG_FILES": catalog.path])
    }

    /// `xmllint --noout --valid --nonet` with the document's own DOCTYPE, resolved through the catalog.
    static func xmllintWithCatalog(_ xml: Data) throws -> Run {
        guard available("xmllint") else { throw XCTSkip("xmllint missing (apt-get install libxml2-utils)") }
        let file = try temporaryFile(xml, extension: "xml")
        let catalog = try jatsCatalog()
        defer { try? FileManager.default.removeItem(at: file); try? FileManager.default.removeItem(at: catalog) }
        return try run(["xmllint", "--noout", "--valid", "--nonet", file.path], environment: ["XML_CATALOG_FILES": catalog.path])
    }

    /// The value of an XPath expression (`count(//ref)`, `string(//article-title)`) over the document.
    static func xpath(_ xml: Data, _ expression: String) throws -> String {
        guard available("xmllint") else { throw XCTSkip("xmllint missing (apt-get install libxml2-utils)") }
        let file = try temporaryFile(xml, extension: "xml")
        defer { try? FileManager.default.removeItem(at: file) }
        return try run(["xmllint", "--nonet", "--xpath", expression, file.path]).output
    }

    static let jsonSchemaScript = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        data = json.load(open(sys.argv[2]))
        validator = jsonschema.validators.validator_for(schema)(schema, format_checker=jsonschema.FormatChecker())
        documents = data if isinstance(data, list) and schema.get('type') != 'array' else [data]
        errors = [error for document in documents for error in validator.iter_errors(document)]
        for error in errors:
            print('/'.join(map(str, error.absolute_path)) + ': ' + error.message[:300])
        print(f"{len(errors)} errors")
        sys.exit(1 if errors else 0)
        """

    /// Python's jsonschema with format checking, against a schema in Tests/Fixtures; an array of objects is checked
    /// element by element when the schema describes one object.
    static func jsonSchema(_ json: Data, schema: String) throws -> Run {
        let python = try python(with: "jsonschema")
        let file = try temporaryFile(json, extension: "json")
        defer { try? FileManager.default.removeItem(at: file) }
        return try run([python, "-c", jsonSchemaScript, fixtures.appendingPathComponent(schema).path, file.path])
    }

    /// The records as Python's `csv` module reads them.
    static func csvRecords(_ csv: Data) throws -> [[String]] {
        let python = try python(with: "csv")
        let script = "import csv, json, sys, io\nprint(json.dumps(list(csv.reader(io.TextIOWrapper(sys.stdin.buffer, encoding='utf-8', newline='')))))"
        let result = try run([python, "-c", script], input: csv)
        XCTAssertEqual(result.status, 0, result.output)
        return try JSONDecoder().decode([[String]].self, from: Data(result.output.utf8))
    }

    /// The entries as bibtexparser reads them: `ENTRYTYPE`, `ID` and the fields, plus the parser's own warnings.
    static func bibtexEntries(_ bibtex: Data) throws -> [[String: String]] {
        let python = try python(with: "bibtexparser")
        let script = """
            import sys, json, bibtexparser
            from bibtexparser.bparser import BibTexParser
            parser = BibTexParser(common_strings=True)
            text = sys.stdin.buffer.read().decode('utf-8')
            print(json.dumps(bibtexparser.loads(text, parser=parser).entries if text.strip() else []))
            """
        let result = try run([python, "-c", script], input: bibtex)
        XCTAssertEqual(result.status, 0, result.output)
        let jsonLine = result.output.split(separator: "\n").last.map(String.init) ?? "[]"
        return try JSONDecoder().decode([[String: String]].self, from: Data(jsonLine.utf8))
    }

    /// `pandoc --citeproc` printing the bibliography of every item of a CSL-JSON file, as plain text.
    static func pandocBibliography(_ cslJSON: Data) throws -> Run {
        guard available("pandoc") else { throw XCTSkip("pandoc missing (apt-get install pandoc)") }
        let file = try temporaryFile(cslJSON, extension: "json")
        defer { try? FileManager.default.removeItem(at: file) }
        let markdown = "---\nnocite: '@*'\n---\n"
        return try run(["pandoc", "-f", "markdown", "-t", "plain", "--citeproc", "--bibliography=\(file.path)"], input: Data(markdown.utf8))
    }
}
