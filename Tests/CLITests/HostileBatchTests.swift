import Foundation
import XCTest

/// Every hostile reproducer in one batch with 40 good files and the PDF that poppler spins on: the good ones all
/// come out, each bad one is named with its reason, the batch exits 1, and nothing takes longer than the timeout.
final class HostileBatchTests: XCTestCase {
    private static let fixtures = CLIRunner.repository.appendingPathComponent("Tests/Fixtures/hostile")

    func testFortyGoodFilesAndEveryReproducer() throws {
        let directory = try makeTemporaryDirectory()
        for index in 0..<40 {
            let text = "# Person \(index)\n\n## Publications\n\n1. Person, A. (2021). Paper \(index). Journal of Tests, 2, 3-4.\n"
            try text.write(to: directory.appendingPathComponent(String(format: "good%02d.md", index)), atomically: true, encoding: .utf8)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path).filter { $0 != "README.md" }.sorted()
        for name in names {
            try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(name), to: directory.appendingPathComponent(name))
        }
        // Found by the fuzzer: Dossier's pre-check cannot see the fan-out, only --timeout ends it.
        let spinning = directory.appendingPathComponent("spinning.pdf")
        try FileManager.default.copyItem(at: CLIRunner.repository.appendingPathComponent("Tests/Fixtures/slow/damaged-fanout-poppler-spins"), to: spinning)
        let started = Date()
        let output = try CLIRunner.run(["convert", directory.path, "--timeout", "20", "--to", "ndjson"])
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertEqual(output.status, 1, output.stderr)
        let documents = output.stdout.split(separator: "\n")
        let refused = ["fanout-flate-30x3.pdf", "hostile-pdf-forms-drawn-59k-times-46s.pdf", "hostile-pdf-xobject-fanout-HANG.pdf"]
        XCTAssertEqual(documents.count, 40 + names.count - refused.count, output.stderr)
        for index in 0..<40 {
            XCTAssertTrue(output.stdout.contains(String(format: "good%02d.md", index)))
        }
        let lines = output.stderr.split(separator: "\n").map(String.init)
        for name in refused {
            XCTAssertTrue(lines.contains { $0.hasPrefix(directory.appendingPathComponent(name).path + ": ") && $0.contains("draw") },
                          "\(name) is refused with its reason: \(output.stderr)")
        }
        XCTAssertTrue(lines.contains(spinning.path + ": timed out after 20 s in the PDF reader (--timeout); the rest of the batch goes on"), output.stderr)
        XCTAssertEqual(lines.last, "dossier: \(40 + names.count - refused.count) converted, \(refused.count + 1) failed, \(warningCount(output.stdout)) warnings")
        XCTAssertFalse(output.stderr.contains("crashed"), output.stderr)
        XCTAssertEqual(lines.filter { $0.contains("timed out") }.count, 1, output.stderr)
        XCTAssertLessThan(elapsed, 120, "every reproducer converts or is refused in bounded time, the spinning PDF at its timeout")
    }

    private func warningCount(_ ndjson: String) -> Int {
        ndjson.split(separator: "\n").reduce(0) { total, line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let diagnostics = object["diagnostics"] as? [[String: Any]] else { return total }
            return total + diagnostics.filter { $0["severity"] as? String == "warning" }.count
        }
    }
}
