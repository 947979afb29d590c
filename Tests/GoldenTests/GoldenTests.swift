import Dossier
import DossierModel
import DossierPipeline
import Foundation
import XCTest

/// Every sample under samples/ against the outputs beside it: the reader's block dump (`<stem>.inspect.txt`),
/// every writer's output over the default pipeline (`<stem>.expected.<writer>`), or, for inputs that must be
/// refused, the one-line reason (`<stem>.error.txt`). `DOSSIER_UPDATE_GOLDENS=1` rewrites them and fails.
final class GoldenTests: XCTestCase {
    static let updating = ProcessInfo.processInfo.environment["DOSSIER_UPDATE_GOLDENS"] == "1"
    /// Writers whose output is another writer's in another shape; no golden of their own.
    static let writersWithoutGoldens: Set<String> = ["ndjson"]

    func testEverySampleMatchesItsGoldens() throws {
        let samples = Repository.samples()
        XCTAssertGreaterThanOrEqual(samples.count, 8, "samples/ should hold the bundled documents")
        var mismatches: [String] = []
        for sample in samples {
            mismatches += try check(sample)
        }
        XCTAssert(mismatches.isEmpty, "golden mismatches:\n" + mismatches.joined(separator: "\n"))
        XCTAssertFalse(GoldenTests.updating, "DOSSIER_UPDATE_GOLDENS is set: goldens were rewritten; unset it and run again")
    }

    func testEveryJSONGoldenValidatesAgainstTheSchema() throws {
        let goldens = Repository.samples().map { Repository.sibling($0, suffix: ".expected.json") }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
        XCTAssertFalse(goldens.isEmpty)
        try SchemaValidator.validate(goldens, against: Repository.root.appendingPathComponent("schema/dossier.schema.json"))
    }

    private func check(_ sample: URL) throws -> [String] {
        let data = try Data(contentsOf: sample)
        let path = Repository.relativePath(sample)
        let converter = try Converter()
        let inspector = try Converter(stages: ["normalize"])
        let document: Document
        do {
            let readOnly = try inspector.convert(data, path: path)
            var mismatches = compare(BlockTreeDump.render(readOnly), Repository.sibling(sample, suffix: ".inspect.txt"))
            document = try converter.convert(data, path: path)
            for writer in Registry.standard.writers where !GoldenTests.writersWithoutGoldens.contains(writer.name) {
                let output = try writer.render([document])
                mismatches += compare(String(decoding: output, as: UTF8.self), Repository.sibling(sample, suffix: ".expected.\(writer.name)"))
            }
            return mismatches
        } catch {
            return compare("\(error)\n", Repository.sibling(sample, suffix: ".error.txt"))
        }
    }

    /// Compares `actual` with the golden file (or rewrites it); returns a line per mismatch.
    private func compare(_ actual: String, _ golden: URL) -> [String] {
        if GoldenTests.updating {
            try? actual.write(to: golden, atomically: true, encoding: .utf8)
            return []
        }
        guard let expected = try? String(contentsOf: golden, encoding: .utf8) else {
            return ["\(Repository.relativePath(golden)): missing (run with DOSSIER_UPDATE_GOLDENS=1)"]
        }
        guard expected != actual else { return [] }
        return ["\(Repository.relativePath(golden)): differs: \(firstDifference(expected, actual))"]
    }

    private func firstDifference(_ expected: String, _ actual: String) -> String {
        // Split on scalars: "\r\n" is one Character, so CSV's CRLF lines would not split on "\n".
        let expectedLines = expected.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
        let actualLines = actual.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let left = index < expectedLines.count ? expectedLines[index] : "<end>"
            let right = index < actualLines.count ? actualLines[index] : "<end>"
            if left != right { return "line \(index + 1)\n    expected: \(left.prefix(200))\n    actual:   \(right.prefix(200))" }
        }
        return "?"
    }
}
