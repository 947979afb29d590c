import Foundation
import XCTest

/// Batches run each input in a worker process: a crash or a hang costs that input alone, named on stderr.
final class IsolationTests: XCTestCase {
    /// An external stage that kills its worker on "CRASHME" and hangs on "HANGME": a stand-in for a reader that
    /// crashes or spins on a hostile file.
    private let saboteur = #"d=$(cat); case "$d" in *CRASHME*) kill -SEGV $PPID; sleep 5;; *HANGME*) sleep 60;; esac; printf %s "$d""#

    private func batch(good: Int) throws -> URL {
        let directory = try makeTemporaryDirectory()
        for index in 0..<good {
            let text = "# Person \(index)\n\n## Publications\n\n1. Person, A. (2020). Title number \(index). Journal of Tests, 1, 1-2.\n"
            try text.write(to: directory.appendingPathComponent(String(format: "good%02d.md", index)), atomically: true, encoding: .utf8)
        }
        try "# CRASHME\n".write(to: directory.appendingPathComponent("crash.md"), atomically: true, encoding: .utf8)
        try "# HANGME\n".write(to: directory.appendingPathComponent("hang.md"), atomically: true, encoding: .utf8)
        return directory
    }

    func testACrashAndAHangCostOneInputEachAndTheBatchGoesOn() throws {
        let directory = try batch(good: 40)
        let started = Date()
        let output = try CLIRunner.run(["convert", directory.path, "--filter", saboteur, "--timeout", "3", "--jobs", "2", "--to", "csv", "--table", "people"])
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertEqual(output.status, 1, output.stderr)
        let rows = output.stdout.split(whereSeparator: \.isNewline)
        XCTAssertEqual(rows.count, 41, output.stdout)
        XCTAssertEqual(rows.dropFirst().map { $0.split(separator: ",")[0].hasSuffix(".md") }.filter { $0 }.count, 40)
        let lines = output.stderr.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines, [
            directory.appendingPathComponent("crash.md").path + ": the stages crashed (signal 11, SIGSEGV); the rest of the batch goes on",
            directory.appendingPathComponent("hang.md").path + ": timed out after 3 s in the stages (--timeout); the rest of the batch goes on",
            "dossier: 40 converted, 2 failed",
        ])
        XCTAssertLessThan(elapsed, 30, "the hang must cost its timeout, not the batch")
    }

    /// One PDF on its own (known by its bytes, not its name) is read in a worker too, so `--timeout` ends a PDF poppler
    /// spins on: one line on stderr naming it, exit 1.
    func testASinglePDFThatPopplerSpinsOnEndsAtTheTimeout() throws {
        let spinning = CLIRunner.repository.appendingPathComponent("Tests/Fixtures/slow/damaged-fanout-poppler-spins").path
        let started = Date()
        let output = try CLIRunner.run(["convert", spinning, "--timeout", "2"])
        XCTAssertEqual(output.status, 1, output.stderr)
        XCTAssertTrue(output.stderr.hasPrefix(spinning + ": timed out after 2 s"), output.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(started), 30)
        XCTAssertEqual(output.stdout, "")
    }

    func testReviewOfASinglePDFThatPopplerSpinsOnEndsAtTheTimeout() throws {
        let spinning = CLIRunner.repository.appendingPathComponent("Tests/Fixtures/slow/damaged-fanout-poppler-spins").path
        let site = try makeTemporaryDirectory().appendingPathComponent("site")
        let started = Date()
        let output = try CLIRunner.run(["review", spinning, "-o", site.path, "--timeout", "2", "--quiet"])
        XCTAssertEqual(output.status, 1, output.stderr)
        XCTAssertEqual(output.stderr.split(separator: "\n").count, 1, output.stderr)
        XCTAssertTrue(output.stderr.hasPrefix(spinning + ": timed out after 2 s"), output.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(started), 30)
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent("index.html").path), "the site is still written")
    }

    func testOutputKeepsInputOrderAcrossWorkers() throws {
        let directory = try batch(good: 12)
        try FileManager.default.removeItem(at: directory.appendingPathComponent("crash.md"))
        try FileManager.default.removeItem(at: directory.appendingPathComponent("hang.md"))
        let isolated = try CLIRunner.run(["convert", directory.path, "--isolation", "process", "--to", "ndjson"])
        let inProcess = try CLIRunner.run(["convert", directory.path, "--isolation", "none", "--to", "ndjson"])
        XCTAssertEqual(isolated.status, 0, isolated.stderr)
        XCTAssertEqual(isolated.stdout, inProcess.stdout, "a worker's document is the in-process document")
    }

    func testOversizedInputsAreRefusedUnread() throws {
        let directory = try batch(good: 2)
        try FileManager.default.removeItem(at: directory.appendingPathComponent("crash.md"))
        try FileManager.default.removeItem(at: directory.appendingPathComponent("hang.md"))
        let big = directory.appendingPathComponent("big.md")
        try String(repeating: "x", count: 5_000).write(to: big, atomically: true, encoding: .utf8)
        for isolation in ["process", "none"] {
            let output = try CLIRunner.run(["convert", directory.path, "--max-bytes", "4096", "--isolation", isolation, "--to", "ndjson"])
            XCTAssertEqual(output.status, 1)
            XCTAssertEqual(output.stdout.split(separator: "\n").count, 2)
            XCTAssertEqual(output.stderr, big.path + ": 5000 bytes is over the limit of 4096 bytes (--max-bytes); not read\n"
                           + "dossier: 2 converted, 1 failed\n")
        }
    }
}
