import Foundation
import XCTest

/// Inputs named on the command line that used to be refused or named wrongly (issue 12's silent skips): a name
/// with a newline, a FIFO, UTF-16 text with a byte-order mark; and the summary of a batch whose outputs cannot be
/// written.
final class NamedInputsTests: XCTestCase {
    private let document = "# Jane Doe\n\n## Publications\n\n1. Doe, J. (2020). A paper. Journal of Tests, 1, 1-2.\n"

    func testANameWithANewlineIsOneLineOnStandardError() throws {
        let directory = try makeTemporaryDirectory()
        let missing = directory.appendingPathComponent("missing\nname\u{1B}[31m.md").path
        let output = try CLIRunner.run(["convert", missing])
        XCTAssertEqual(output.status, 1)
        XCTAssertEqual(output.stderr, directory.path + "/missing\\nname\\x1b[31m.md: no such file or directory\n")
    }

    /// A name that is not UTF-8, on the command line or in `--stdin-paths`, is named as such (it was "no such file
    /// or directory", for a file that is there).
    func testANameThatIsNotUTF8IsNamedAsSuch() throws {
        let directory = try makeTemporaryDirectory()
        let bytes = Array(directory.path.utf8) + Array("/bad".utf8) + [0xFF] + Array(".md".utf8)
        let created = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { pointer -> Bool in
                let path = Array(pointer) + [0]
                let descriptor = open(path, O_WRONLY | O_CREAT, 0o644)
                guard descriptor >= 0 else { return false }
                _ = write(descriptor, document, document.utf8.count)
                return close(descriptor) == 0
            }
        }
        XCTAssertTrue(created)
        let shown = directory.path + "/bad\u{FFFD}.md: the file name is not UTF-8; rename it to convert it\n"
        let shell = URL(fileURLWithPath: "/bin/sh")
        let argument = try CLIRunner.run(["-c", #"exec "$0" convert "$1/$(printf 'bad\377.md')""#, CLIRunner.executable.path, directory.path],
                                         program: shell)
        XCTAssertEqual(argument.status, 1)
        XCTAssertEqual(argument.stderr, shown)
        let listed = try CLIRunner.run(["-c", #"printf '%s/bad\377.md\n' "$1" | "$0" convert --stdin-paths"#, CLIRunner.executable.path, directory.path],
                                       program: shell)
        XCTAssertEqual(listed.status, 1)
        XCTAssertEqual(listed.stderr, shown)
    }

    func testAFIFONamedOnTheCommandLineIsReadLikeStandardInput() throws {
        let directory = try makeTemporaryDirectory()
        let fifo = directory.appendingPathComponent("pipe.md").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let text = document
        let writer = Thread {
            if let handle = FileHandle(forWritingAtPath: fifo) {
                handle.write(Data(text.utf8))
                try? handle.close()
            }
        }
        writer.start()
        let output = try CLIRunner.run(["convert", fifo, "--to", "csv", "--table", "people"])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertEqual(output.stdout.split(whereSeparator: \.isNewline).last.map(String.init), fifo + ",Jane Doe,Jane,Doe,,,,,,,")
        XCTAssertFalse(output.stderr.contains("permission denied"), output.stderr)
    }

    /// A PDF reviewed from a FIFO: its pages are not drawn (the FIFO would be opened again and wait for ever), and
    /// a line says so.
    func testReviewOfAPDFFromAFIFOSaysWhyItHasNoPageImages() throws {
        let directory = try makeTemporaryDirectory()
        let fifo = directory.appendingPathComponent("cv.pdf").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let pdf = try Data(contentsOf: CLIRunner.repository.appendingPathComponent("samples/pdf/pandoc-cv.pdf"))
        let writer = Thread {
            if let handle = FileHandle(forWritingAtPath: fifo) {
                handle.write(pdf)
                try? handle.close()
            }
        }
        writer.start()
        let site = directory.appendingPathComponent("site")
        let output = try CLIRunner.run(["review", fifo, "-o", site.path, "--isolation", "none", "--quiet"])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertEqual(output.stderr, fifo + ": no page images: it was not read from a regular file\n")
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent("index.html").path))
    }

    func testUTF16WithAByteOrderMarkIsReadAsHTMLOrMarkdown() throws {
        let directory = try makeTemporaryDirectory()
        let html = "<!DOCTYPE html><html><head><meta charset=\"utf-16\"><title>Jane Doe</title></head><body><h1>Jane Doe</h1>"
            + "<h2>Publications</h2><ol><li>Doe, J. (2020). A paper. Journal of Tests, 1, 1-2.</li></ol></body></html>\n"
        let files: [(String, Data)] = [
            ("le.html", Data([0xFF, 0xFE]) + (html.data(using: .utf16LittleEndian) ?? Data())),
            ("be.htm", Data([0xFE, 0xFF]) + (html.data(using: .utf16BigEndian) ?? Data())),
            ("no-extension", Data([0xFF, 0xFE]) + (html.data(using: .utf16LittleEndian) ?? Data())),
            ("notepad.md", Data([0xFF, 0xFE]) + (document.replacingOccurrences(of: "\n", with: "\r\n").data(using: .utf16LittleEndian) ?? Data())),
        ]
        for (name, data) in files { try data.write(to: directory.appendingPathComponent(name)) }
        let output = try CLIRunner.run(["convert"] + files.map { directory.appendingPathComponent($0.0).path } + ["--to", "csv", "--table", "publications", "-q"])
        XCTAssertEqual(output.status, 0, output.stderr)
        let rows = output.stdout.split(whereSeparator: \.isNewline).dropFirst()
        XCTAssertEqual(rows.count, 4, output.stdout)
        for row in rows { XCTAssertTrue(row.contains("A paper"), String(row)) }
        // Without a byte-order mark, UTF-16 is still not something Dossier reads.
        let bare = directory.appendingPathComponent("bare.html")
        try (html.data(using: .utf16LittleEndian) ?? Data()).write(to: bare)
        let refused = try CLIRunner.run(["convert", bare.path])
        XCTAssertEqual(refused.stderr, bare.path + ": a binary file, not Markdown, HTML or PDF\n")
    }

    /// An output that cannot be written fails its input, which is then not also counted as converted.
    func testAnInputWhoseOutputCannotBeWrittenCountsOnceAsFailed() throws {
        let directory = try makeTemporaryDirectory()
        for name in ["a.md", "b.md", "c.md"] { try document.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let target = try makeTemporaryDirectory()
        // A folder where b's output file would go: it is not replaced.
        try FileManager.default.createDirectory(at: target.appendingPathComponent("b.json"), withIntermediateDirectories: true)
        let output = try CLIRunner.run(["convert", directory.path, "--to", "json", "-o", target.path + "/"])
        XCTAssertEqual(output.status, 1, output.stderr)
        let lines = output.stderr.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2, output.stderr)
        XCTAssertTrue(lines[0].contains(target.appendingPathComponent("b.json").path + ": is a directory"), output.stderr)
        XCTAssertEqual(lines.last, "dossier: 2 converted, 1 failed")
    }
}
