import Foundation
import XCTest

final class OtherCommandsTests: XCTestCase {
    func testVersion() throws {
        let output = try CLIRunner.run(["--version"])
        XCTAssertEqual(output.status, 0)
        XCTAssertEqual(output.stdout, "0.1.0\n")
    }

    func testHelpListsTheSubcommands() throws {
        let output = try CLIRunner.run(["--help"])
        XCTAssertEqual(output.status, 0)
        XCTAssertTrue(output.stdout.hasPrefix("OVERVIEW: Turn applicant documents (Markdown, HTML, PDF) into structured data.\n"), output.stdout)
        XCTAssertTrue(output.stdout.contains("  convert (default)       Convert documents to structured data.\n"))
        for command in ["convert", "inspect", "formats", "schema"] {
            XCTAssertTrue(output.stdout.contains("  \(command) "), "help lists \(command)")
        }
    }

    func testConvertHelpDocumentsExitStatus() throws {
        let output = try CLIRunner.run(["convert", "--help"])
        XCTAssertEqual(output.status, 0)
        let flowed = output.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(flowed.contains("Exit status: 0 all inputs converted, 1 some inputs failed (each named on stderr), 2 usage error."), flowed)
        XCTAssertTrue(output.stdout.contains("-f, --from <from>"))
        XCTAssertTrue(output.stdout.contains("-t, --to <to>"))
        XCTAssertTrue(output.stdout.contains("-o, --output <output>"))
    }

    func testSchemaPrintsTheSchemaFile() throws {
        let output = try CLIRunner.run(["schema"])
        XCTAssertEqual(output.status, 0)
        let file = try String(contentsOf: CLIRunner.repository.appendingPathComponent("schema/dossier.schema.json"), encoding: .utf8)
        XCTAssertEqual(output.stdout.trimmingCharacters(in: .newlines), file.trimmingCharacters(in: .newlines))
    }

    func testFormatsListsReadersStagesAndWriters() throws {
        let output = try CLIRunner.run(["formats"])
        XCTAssertEqual(output.status, 0)
        for expected in ["Readers (--from):", "  markdown ", "Stages", "  normalize ", "Writers (--to):", "  json ", "  ndjson "] {
            XCTAssertTrue(output.stdout.contains(expected), "formats shows \(expected)")
        }
    }

    func testInspectDumpsBlocksWithProvenance() throws {
        let output = try CLIRunner.run(["inspect", "-"], stdin: "# Jane\n\n* **Doe, J.** A paper.\n")
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertEqual(output.stdout, """
            document markdown "-"
            heading@L1-1 level=1 "Jane"
            list@L3-3 bullet
              item@L3-3 {strong:"Doe, J."} "Doe, J. A paper."
                paragraph@L3-3 {strong:"Doe, J."} "Doe, J. A paper."

            """)
    }

    func testInspectOfAMissingFileExitsOne() throws {
        let output = try CLIRunner.run(["inspect", "missing.md"])
        XCTAssertEqual(output.status, 1)
        XCTAssertEqual(output.stderr, "missing.md: no such file or directory\n")
    }
}
