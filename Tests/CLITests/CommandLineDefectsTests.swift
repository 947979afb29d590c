import Foundation
import XCTest

/// Small command-line promises: mistyped commands, option combinations, NUL-separated paths, `formats`, the
/// batch summary line.
final class CommandLineDefectsTests: XCTestCase {
    func testAMistypedCommandIsAUsageErrorNamingTheCommands() throws {
        let output = try CLIRunner.run(["conver", "x"])
        XCTAssertEqual(output.status, 2)
        XCTAssertTrue(output.stderr.contains("'conver' is neither a file nor a command; commands: convert, inspect, formats"), output.stderr)
        XCTAssertFalse(output.stderr.contains("worker"), "the hidden worker command is not advertised")
    }

    func testTableWithoutCSVIsAUsageError() throws {
        let output = try CLIRunner.run(["convert", "samples/markdown/hugo-page.md", "--table", "people"])
        XCTAssertEqual(output.status, 2)
        XCTAssertTrue(output.stderr.contains("--table chooses a CSV table: give it with --to csv"), output.stderr)
    }

    func testNullSeparatedPathsFromStandardInput() throws {
        let paths = ["samples/markdown/hugo-page.md", "samples/markdown/cv-espanol.md"].joined(separator: "\0") + "\0"
        let output = try CLIRunner.run(["convert", "--stdin-paths", "-0", "--to", "csv", "--table", "sections", "-q"], stdin: paths)
        XCTAssertEqual(output.status, 0, output.stderr)
        let documents = Set(output.stdout.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",")[0] })
        XCTAssertEqual(documents, ["samples/markdown/hugo-page.md", "samples/markdown/cv-espanol.md"])
        let without = try CLIRunner.run(["convert", "-0"], stdin: paths)
        XCTAssertEqual(without.status, 2)
    }

    func testFormatsAlignsLongNames() throws {
        let output = try CLIRunner.run(["formats"])
        let rows = output.stdout.split(separator: "\n").filter { $0.hasPrefix("  ") }
        let columns = Set(rows.map { row in row.dropFirst(2).firstIndex(of: " ").map { row.distance(from: row.startIndex, to: $0) } ?? 0 })
        XCTAssertTrue(output.stdout.contains("  split-references  publication sections"), output.stdout)
        let summaryStarts = Set(rows.map { row -> Int in
            let afterName = row.dropFirst(2).drop { $0 != " " }
            return row.distance(from: row.startIndex, to: afterName.drop { $0 == " " }.startIndex)
        })
        XCTAssertEqual(summaryStarts.count, 1, "every summary starts in one column: \(summaryStarts) \(columns)")
    }

    func testABatchEndsWithOneSummaryLineUnlessQuiet() throws {
        let output = try CLIRunner.run(["convert", "samples/markdown/hugo-page.md", "samples/markdown/cv-espanol.md", "nope.md"])
        XCTAssertEqual(output.status, 1)
        XCTAssertTrue(output.stderr.hasSuffix("dossier: 2 converted, 1 failed\n"), output.stderr)
        let quiet = try CLIRunner.run(["convert", "samples/markdown/hugo-page.md", "samples/markdown/cv-espanol.md", "-q"])
        XCTAssertEqual(quiet.stderr, "")
        let empty = try CLIRunner.run(["convert", try makeTemporaryDirectory().path])
        XCTAssertEqual(empty.stderr, "dossier: no inputs: no Markdown, HTML or PDF file was given or found\n")
    }

    func testWriterNotesAreSaidOnlyWithVerboseAndOnce() throws {
        let quietly = try CLIRunner.run(["convert", "samples/markdown/apa-cv-bold-name.md", "--to", "json-resume"])
        XCTAssertFalse(quietly.stderr.contains("json-resume"), quietly.stderr)
        let verbose = try CLIRunner.run(["convert", "samples/markdown/apa-cv-bold-name.md", "--to", "json-resume", "-v"])
        XCTAssertTrue(verbose.stderr.contains("samples/markdown/apa-cv-bold-name.md: json-resume: "), verbose.stderr)
        XCTAssertFalse(verbose.stderr.contains("json-resume: json-resume"), verbose.stderr)
    }

    /// A publication list that yields nothing is said out loud on stderr, not only inside the document.
    func testAnUnreadPublicationListIsAWarningOnStderrByDefault() throws {
        let input = "# Jane Roe\n\n## Publications\n\nSee my Google Scholar page for the list.\n\n## Teaching\n\nStatistics.\n"
        let output = try CLIRunner.run(["convert", "-t", "ndjson"], stdin: input)
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertEqual(output.stderr, "-: warning: [split-references] publications section 'Publications' yielded no publication\n")
        let quiet = try CLIRunner.run(["convert", "-t", "ndjson", "-q"], stdin: input)
        XCTAssertEqual(quiet.stderr, "")
    }
}
