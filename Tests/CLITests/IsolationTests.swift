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
            XCTAssertEqual(output.stderr, big.path + ": 4.9 KB is over the limit of 4 KB (--max-bytes); not read\n"
                           + "dossier: 2 converted, 1 failed\n")
        }
        // Standard input has no size to check first: it is read up to the limit, and no further.
        let stdin = try CLIRunner.run(["convert", "--max-bytes", "4096"], stdin: String(repeating: "x", count: 5_000))
        XCTAssertEqual(stdin.status, 1)
        XCTAssertEqual(stdin.stderr, "-: more than the limit of 4 KB (--max-bytes); the rest was not read\n")
        let site = try makeTemporaryDirectory().appendingPathComponent("site")
        let review = try CLIRunner.run(["review", directory.path, "-o", site.path, "--max-bytes", "4096", "--quiet"])
        XCTAssertEqual(review.status, 1)
        XCTAssertEqual(review.stderr, big.path + ": 4.9 KB is over the limit of 4 KB (--max-bytes); not read\n")
    }

    /// `--memory-limit` counts what converting adds to a worker: a small limit still converts a small input, and an
    /// input that needs more is named as out of memory, in the phase it ran out in, or refused unread when it is larger
    /// than the limit itself.
    func testTheMemoryLimitIsNamedWhenAnInputRunsPastIt() throws {
        let directory = try makeTemporaryDirectory()
        let small = directory.appendingPathComponent("small.md")
        try "# Jane Roe\n\nA line.\n".write(to: small, atomically: true, encoding: .utf8)
        let hungry = directory.appendingPathComponent("hungry.md")
        try Data(("# Jane Roe\n\n" + String(repeating: "*emph* word ", count: 3_000_000) + "\n").utf8).write(to: hungry)
        let huge = directory.appendingPathComponent("huge.md")
        try Data(repeating: 0x78, count: 70 << 20).write(to: huge)
        let output = try CLIRunner.run(["convert", small.path, hungry.path, huge.path, "--memory-limit", "64", "--max-bytes", "0", "--to", "ndjson", "-q"])
        XCTAssertEqual(output.status, 1, output.stderr)
        XCTAssertEqual(output.stdout.split(separator: "\n").count, 1, output.stderr)
        XCTAssertEqual(output.stderr.split(separator: "\n").map(String.init), [
            hungry.path + ": ran out of memory in the Markdown reader (--memory-limit 64 MB); the rest of the batch goes on",
            huge.path + ": 70 MB is more than a worker may take (--memory-limit 64 MB); not read",
        ])
    }

    /// The review site draws PDF pages where the inputs were converted: in a worker bounded by `--timeout`, so a page
    /// that poppler spins on while drawing (its text reads in a moment) costs its images alone.
    func testReviewPagesThatPopplerSpinsOnWhileDrawingEndAtTheTimeout() throws {
        let slow = CLIRunner.repository.appendingPathComponent("Tests/Fixtures/slow/slow-to-draw.pdf").path
        let site = try makeTemporaryDirectory().appendingPathComponent("site")
        let started = Date()
        let output = try CLIRunner.run(["review", slow, "-o", site.path, "--timeout", "3", "--quiet"])
        XCTAssertLessThan(Date().timeIntervalSince(started), 30)
        XCTAssertEqual(output.status, 0, "the document was converted; only its page images are missing: \(output.stderr)")
        XCTAssertEqual(output.stderr, slow + ": no page images: timed out after 3 s in the page renderer (--timeout); the rest of the batch goes on\n")
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent("index.html").path))
    }

    /// Pages drawn in a worker are the pages drawn in this process.
    func testReviewPagesDrawnInAWorkerAreThoseDrawnInProcess() throws {
        let pdf = CLIRunner.repository.appendingPathComponent("samples/pdf/pandoc-cv.pdf").path
        var pages: [String: [String: Data]] = [:]
        for isolation in ["process", "none"] {
            let site = try makeTemporaryDirectory().appendingPathComponent("site")
            let output = try CLIRunner.run(["review", pdf, "-o", site.path, "--isolation", isolation, "--quiet"])
            XCTAssertEqual(output.status, 0, output.stderr)
            let folder = site.appendingPathComponent("pages")
            let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".png") } ?? []
            pages[isolation] = Dictionary(uniqueKeysWithValues: try files.map { ($0, try Data(contentsOf: folder.appendingPathComponent($0))) })
        }
        XCTAssertFalse(pages["process"]?.isEmpty ?? true)
        XCTAssertEqual(pages["process"], pages["none"])
    }
}
