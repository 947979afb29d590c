import Foundation
import XCTest

/// `--group-by folder`, `--applicant` and `--table applicants` on the three fictional applicants of samples/packets/:
/// one record each, no paper twice, the committee's table, one output file per applicant.
final class PacketCommandTests: XCTestCase {
    static let packets = "samples/packets/"
    static let goldens = CLIRunner.repository.appendingPathComponent("samples/packets-expected")

    /// Compares with a golden file; `DOSSIER_UPDATE_GOLDENS=1` rewrites it and fails, so that a regenerated run is never green.
    func assertGolden(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = Self.goldens.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["DOSSIER_UPDATE_GOLDENS"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            XCTFail("rewrote \(name); unset DOSSIER_UPDATE_GOLDENS and run again", file: file, line: line)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(actual, expected, "\(name) differs from its golden (DOSSIER_UPDATE_GOLDENS=1 rewrites it)", file: file, line: line)
    }

    func records(_ ndjson: String) throws -> [[String: Any]] {
        try ndjson.split(separator: "\n").map { line in
            try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    func testThreeApplicantsAreThreeRecordsWithNoPaperTwice() throws {
        let result = try CLIRunner.run(["convert", Self.packets, "--group-by", "folder", "--to", "ndjson"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let records = try records(result.stdout)
        XCTAssertEqual(records.map { $0["key"] as? String }, ["amara-okafor", "jonas-lindqvist", "lucia-ferrante"])
        XCTAssertTrue(records.allSatisfy { $0["kind"] as? String == "applicant" })
        XCTAssertEqual(records.map { ($0["documents"] as? [Any])?.count }, [3, 3, 3])
        for record in records {
            let publications = try XCTUnwrap(record["publications"] as? [[String: Any]])
            let titles = publications.compactMap { ($0["title"] as? String)?.lowercased().filter(\.isLetter) }
            XCTAssertEqual(titles.count, publications.count)
            XCTAssertEqual(Set(titles).count, titles.count, "a paper twice in \(record["key"] ?? "")")
            // Every applicant's CV and publication list share papers: some paper has two sources.
            XCTAssertTrue(publications.contains { ($0["sources"] as? [Any])?.count == 2 }, "\(record["key"] ?? "")")
            XCTAssertTrue(publications.allSatisfy { $0["applicantPosition"] != nil }, "\(record["key"] ?? "")")
        }
        XCTAssertEqual(records.map { ($0["publications"] as? [Any])?.count }, [5, 5, 4])
        try assertGolden(result.stdout, "applicants.ndjson")
        let schema = try CLIRunner.run(["schema"])
        try validate(result.stdout, against: schema.stdout)
    }

    func testTheApplicantsTableHasOneRowPerApplicant() throws {
        let result = try CLIRunner.run(["convert", Self.packets, "--group-by", "folder", "--to", "csv", "--table", "applicants"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\r\n")
        XCTAssertEqual(lines.count, 4)
        XCTAssertEqual(lines[0], "applicant,name,emails,documents,publications,first_author,last_author,co_first,with_doi,first_year,last_year,referees,warnings")
        try assertGolden(result.stdout, "applicants.csv")
    }

    func testThePublicationsTableNamesEveryDocumentAPaperWasFoundIn() throws {
        let result = try CLIRunner.run(["convert", Self.packets + "amara-okafor", "--group-by", "folder", "--to", "csv"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("document,applicant,"))
        XCTAssertTrue(result.stdout.split(separator: "\r\n").first?.hasSuffix(",et_al,sources") ?? false)
        XCTAssertTrue(result.stdout.contains(",samples/packets/amara-okafor/cv.md; samples/packets/amara-okafor/publications.pdf\r\n"), result.stdout)
        try assertGolden(result.stdout, "amara-okafor.publications.csv")
    }

    func testOneFilePerApplicantInTheOutputDirectory() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for writer in ["jats", "json", "bibtex"] {
            let out = directory.appendingPathComponent(writer).path + "/"
            let result = try CLIRunner.run(["convert", Self.packets, "--group-by", "folder", "--to", writer, "-o", out])
            XCTAssertEqual(result.status, 0, result.stderr)
            let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
            let ext = ["jats": "xml", "json": "json", "bibtex": "bib"][writer] ?? writer
            XCTAssertEqual(files, ["amara-okafor", "jonas-lindqvist", "lucia-ferrante"].map { "\($0).\(ext)" }, writer)
        }
        let jats = try String(contentsOfFile: directory.appendingPathComponent("jats/lucia-ferrante.xml").path, encoding: .utf8)
        XCTAssertEqual(jats.components(separatedBy: "<element-citation").count - 1, 4, "the merged publications, once each")
    }

    func testApplicantNamesAListThatNamesNobody() throws {
        let list = Self.packets + "lucia-ferrante/publications.md"
        let alone = try CLIRunner.run(["convert", list])
        XCTAssertFalse(alone.stdout.contains("\"applicantPosition\""), "the list alone names nobody")
        let result = try CLIRunner.run(["convert", list, "--applicant", "Lucía Ferrante"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let record = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(record["key"] as? String, "Lucía Ferrante")
        let publications = try XCTUnwrap(record["publications"] as? [[String: Any]])
        XCTAssertEqual(publications.map { $0["applicantPosition"] as? Int }, [1, 2, 1, 2])
    }

    func testTheApplicantsTableWithoutGroupingIsOneRowPerFile() throws {
        let result = try CLIRunner.run(["convert", Self.packets + "amara-okafor/cv.md", Self.packets + "jonas-lindqvist/statement.md",
                                        "--to", "csv", "--table", "applicants"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout.split(separator: "\r\n").map { $0.split(separator: ",").first.map(String.init) ?? "" },
                       ["applicant", "samples/packets/amara-okafor/cv.md", "samples/packets/jonas-lindqvist/statement.md"])
    }

    func testGroupByAndApplicantTogetherIsAUsageError() throws {
        let result = try CLIRunner.run(["convert", Self.packets, "--group-by", "folder", "--applicant", "X"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("give one"), result.stderr)
    }

    private func validate(_ ndjson: String, against schema: String) throws {
        let python = "/usr/bin/python3"
        guard FileManager.default.isExecutableFile(atPath: python) else { throw XCTSkip("no python3") }
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let schemaFile = directory.appendingPathComponent("schema.json"), dataFile = directory.appendingPathComponent("data.ndjson")
        try schema.write(to: schemaFile, atomically: true, encoding: .utf8)
        try ndjson.write(to: dataFile, atomically: true, encoding: .utf8)
        let script = """
            import json, sys
            try:
                import jsonschema
            except ImportError:
                print("skip"); sys.exit(0)
            schema = json.load(open(sys.argv[1]))
            validator = jsonschema.Draft202012Validator(schema)
            errors = [e.message[:200] for line in open(sys.argv[2]) for e in validator.iter_errors(json.loads(line))]
            print("\\n".join(errors) or "ok"); sys.exit(1 if errors else 0)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, schemaFile.path, dataFile.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if output.hasPrefix("skip") { throw XCTSkip("python3-jsonschema missing") }
        XCTAssertEqual(process.terminationStatus, 0, output)
    }
}

extension PacketCommandTests {
    func testInspectOverlayWritesOnePNGPerPage() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("pages").path
        let result = try CLIRunner.run(["inspect", "samples/pdf/publications.pdf", "--overlay", out])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out).sorted(), ["page-1.png", "page-2.png"])
        let markdown = try CLIRunner.run(["inspect", "samples/markdown/apa-cv-bold-name.md", "--overlay", out])
        XCTAssertEqual(markdown.status, 2, "only PDFs have pages to draw")
    }

    /// A PDF poppler spins on: `--overlay` converts and draws in a worker, so `--timeout` ends it with one line.
    func testInspectOverlayOfASpinningPDFEndsAtTheTimeout() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let spinning = directory.appendingPathComponent("spinning.pdf")
        try FileManager.default.copyItem(at: CLIRunner.repository.appendingPathComponent("Tests/Fixtures/slow/damaged-fanout-poppler-spins"), to: spinning)
        let started = Date()
        let result = try CLIRunner.run(["inspect", spinning.path, "--overlay", directory.appendingPathComponent("pages").path, "--timeout", "3"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("spinning.pdf: timed out after 3 s"), result.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(started), 60, "it was unbounded: the drawing ran in this process")
    }

    func testReviewWritesOnlyInsideItsFolder() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let inputs = directory.appendingPathComponent("in")
        let folder = inputs.appendingPathComponent("dots & <tags>")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "# Dot Person\n\n## Publications\n\n1. Person, D. (2020). A title of a paper. Journal, 1, 1-2.\n"
            .write(to: folder.appendingPathComponent("cv.md"), atomically: true, encoding: .utf8)
        let site = directory.appendingPathComponent("site")
        let result = try CLIRunner.run(["review", inputs.path, "-o", site.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted(), ["in", "site"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("applicants").path), ["dots----tags-.html"])
    }
}

extension PacketCommandTests {
    func testTheReviewSiteMatchesItsGoldens() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let site = directory.appendingPathComponent("review")
        let result = try CLIRunner.run(["review", Self.packets, "-o", site.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let pages = ["index.html", "applicants/amara-okafor.html", "applicants/jonas-lindqvist.html", "applicants/lucia-ferrante.html"]
        let images = ["pages/amara-okafor/2/page-1.png", "pages/jonas-lindqvist/1/page-1.png", "pages/lucia-ferrante/3/page-1.png"]
        for image in images {
            XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent(image).path), image)
        }
        for page in pages {
            let html = try String(contentsOf: site.appendingPathComponent(page), encoding: .utf8)
            for image in images where page.hasSuffix(image.split(separator: "/")[1] + ".html") {
                XCTAssertTrue(html.contains("<img src=\"../\(image)\""), "\(page) shows \(image)")
            }
            // Named .expected so that walking samples/ never takes a golden page for an applicant's document.
            try assertGolden(html, "review/" + page.replacingOccurrences(of: "applicants/", with: "") + ".expected")
        }
    }
}
