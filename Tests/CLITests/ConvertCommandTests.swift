import Foundation
import XCTest

final class ConvertCommandTests: XCTestCase {
    func testStandardInputToJSON() throws {
        let output = try CLIRunner.run(["convert"], stdin: "# Jane Doe\n\nHello **world**\n")
        XCTAssertEqual(output.status, 0, output.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(json?["dossier"] as? String, "1")
        XCTAssertEqual((json?["source"] as? [String: Any])?["path"] as? String, "-")
        XCTAssertEqual(((json?["blocks"] as? [[String: Any]])?.first)?["text"] as? String, "Jane Doe")
        XCTAssertEqual(output.stderr, "")
    }

    func testDashAndNoSubcommandReadStandardInputToo() throws {
        let output = try CLIRunner.run(["-", "--to", "ndjson"], stdin: "Just text\n")
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertEqual(output.stdout.split(separator: "\n").count, 1)
    }

    func testFromOverridesSniffing() throws {
        let output = try CLIRunner.run(["convert", "--from", "md"], stdin: "<html><body>x</body></html>\n")
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.contains("\"format\" : \"markdown\""))
    }

    func testSeveralInputsGiveNDJSONInInputOrder() throws {
        let output = try CLIRunner.run(["convert", "samples/markdown/tables-cv.md", "samples/markdown/hugo-page.md", "--jobs", "2"])
        XCTAssertEqual(output.status, 0, output.stderr)
        let lines = output.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines[0].contains("\"path\":\"samples/markdown/tables-cv.md\""))
        XCTAssertTrue(lines[1].contains("\"path\":\"samples/markdown/hugo-page.md\""))
    }

    func testJSONWithSeveralInputsIsAnArray() throws {
        let output = try CLIRunner.run(["convert", "-t", "json", "samples/markdown/tables-cv.md", "samples/markdown/hugo-page.md"])
        XCTAssertEqual(output.status, 0, output.stderr)
        let array = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [Any]
        XCTAssertEqual(array?.count, 2)
    }

    func testADirectoryIsWalked() throws {
        let directory = try makeTemporaryDirectory()
        try "# A\n".write(to: directory.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try "# B\n".write(to: directory.appendingPathComponent("sub/b.markdown"), atomically: true, encoding: .utf8)
        try "ignored".write(to: directory.appendingPathComponent("notes.docx"), atomically: true, encoding: .utf8)
        try "# hidden\n".write(to: directory.appendingPathComponent(".hidden.md"), atomically: true, encoding: .utf8)
        let output = try CLIRunner.run(["convert", directory.path])
        XCTAssertEqual(output.status, 0, output.stderr)
        let lines = output.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines[0].contains("a.md"))
        XCTAssertTrue(lines[1].contains("sub/b.markdown"))
    }

    func testAMissingFileIsOneLineOnStderrExitOneAndTheRestConverts() throws {
        let output = try CLIRunner.run(["convert", "samples/markdown/hugo-page.md", "does-not-exist.md"])
        XCTAssertEqual(output.status, 1)
        XCTAssertEqual(output.stderr, "does-not-exist.md: no such file or directory\ndossier: 1 converted, 1 failed\n")
        XCTAssertEqual(output.stdout.split(separator: "\n").count, 1)
    }

    func testAMislabelledFileIsOneClearLineAndTheRestConverts() throws {
        let directory = try makeTemporaryDirectory()
        try "<html><body><h1>Not a PDF</h1></body></html>".write(to: directory.appendingPathComponent("cv.pdf"), atomically: true, encoding: .utf8)
        try Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]).write(to: directory.appendingPathComponent("letter.md"))
        try "# Fine\n".write(to: directory.appendingPathComponent("ok.md"), atomically: true, encoding: .utf8)
        let output = try CLIRunner.run(["convert", directory.path, "-q"])
        XCTAssertEqual(output.status, 1)
        XCTAssertEqual(output.stderr, """
            \(directory.path)/cv.pdf: not a PDF (no %PDF header): mislabelled or not a PDF at all
            \(directory.path)/letter.md: a ZIP container (Word .docx, OpenDocument?), not Markdown, HTML or PDF

            """)
        XCTAssertEqual(output.stdout.split(separator: "\n").count, 1)
    }

    func testAnEmptyInputFails() throws {
        let output = try CLIRunner.run(["convert"], stdin: "")
        XCTAssertEqual(output.status, 1)
        XCTAssertEqual(output.stderr, "-: empty input\n")
    }

    func testFailFastStopsAtTheFirstFailure() throws {
        let output = try CLIRunner.run(["convert", "--fail-fast", "--jobs", "1", "nope.md", "samples/markdown/hugo-page.md"])
        XCTAssertEqual(output.status, 1)
        XCTAssertEqual(output.stdout, "")
    }

    func testUsageErrorsExitTwo() throws {
        for arguments in [["convert", "--to", "nonsense"], ["convert", "--jobs", "0"], ["convert", "--from", "docx"], ["convert", "--stages", "nope"], ["--bogus"]] {
            let output = try CLIRunner.run(arguments, stdin: "x")
            XCTAssertEqual(output.status, 2, "\(arguments): \(output.stderr)")
            XCTAssertFalse(output.stderr.isEmpty)
            XCTAssertEqual(output.stdout, "")
        }
        let unknown = try CLIRunner.run(["convert", "--to", "nonsense"])
        XCTAssertTrue(unknown.stderr.contains("unknown output format 'nonsense'; known: json, ndjson"), unknown.stderr)
    }

    func testStagesCanBeEmptied() throws {
        let output = try CLIRunner.run(["convert", "--stages", ""], stdin: "e\u{0301}\n")
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.contains("\"text\" : \"e\u{0301}\""), "without normalize, NFD stays")
    }

    func testOutputFileAndOutputDirectory() throws {
        let directory = try makeTemporaryDirectory()
        let file = directory.appendingPathComponent("one.json").path
        let single = try CLIRunner.run(["convert", "samples/markdown/hugo-page.md", "-o", file])
        XCTAssertEqual(single.status, 0, single.stderr)
        XCTAssertEqual(single.stdout, "")
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))))

        let outDirectory = directory.appendingPathComponent("out").path + "/"
        let several = try CLIRunner.run(["convert", "samples/markdown/hugo-page.md", "samples/markdown/tables-cv.md", "-t", "json", "-o", outDirectory])
        XCTAssertEqual(several.status, 0, several.stderr)
        let names = try FileManager.default.contentsOfDirectory(atPath: outDirectory).sorted()
        XCTAssertEqual(names, ["hugo-page.json", "tables-cv.json"])
    }

    func testPathsFromStandardInput() throws {
        let output = try CLIRunner.run(["convert", "--stdin-paths"], stdin: "samples/markdown/hugo-page.md\nsamples/markdown/tables-cv.md\n")
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertEqual(output.stdout.split(separator: "\n").count, 2)
    }

    func testNoProgressBarWhenStderrIsNotATerminal() throws {
        let output = try CLIRunner.run(["convert", "samples/markdown/"])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertEqual(output.stderr, "dossier: 8 converted, 0 failed\n", "no progress bar, only the summary line")
    }
}
