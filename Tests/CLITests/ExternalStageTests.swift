import Foundation
import XCTest

final class ExternalStageTests: XCTestCase {
    func testAFilterChangesTheDocument() throws {
        let filter = #"sed 's/"text":"Jane"/"text":"JANE"/'"#
        let output = try CLIRunner.run(["convert", "--stages", "", "--filter", filter, "-t", "ndjson"], stdin: "# Jane\n")
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.contains("\"text\":\"JANE\""), output.stdout)
    }

    func testAFailingFilterIsAClearErrorAndTheDocumentGoesOn() throws {
        let output = try CLIRunner.run(["convert", "--stages", "", "--filter", "echo broken >&2; exit 3"], stdin: "# Jane\n")
        XCTAssertEqual(output.status, 0)
        XCTAssertEqual(output.stderr, "-: error: [filter] stage failed: 'echo broken >&2; exit 3' exited with status 3: broken\n")
        XCTAssertTrue(output.stdout.contains("\"text\" : \"Jane\""))
    }

    func testAFilterThatPrintsNoDocumentIsAClearError() throws {
        let output = try CLIRunner.run(["convert", "--stages", "", "--filter", "cat >/dev/null; echo '{\"x\": 1}'"], stdin: "# Jane\n")
        XCTAssertTrue(output.stderr.contains("did not print a Dossier document as JSON"), output.stderr)
    }

    func testTheFilterSeesTheFormatVersion() throws {
        let output = try CLIRunner.run(["convert", "--stages", "", "--filter", "test \"$DOSSIER_FORMAT_VERSION\" = 1 && cat"], stdin: "x\n")
        XCTAssertEqual(output.stderr, "")
    }

    func testAnExecutableNamedDossierStageIsFoundOnThePath() throws {
        let directory = try makeTemporaryDirectory()
        let script = directory.appendingPathComponent("dossier-stage-shout")
        try "#!/bin/sh\nsed 's/\"text\":\"quiet\"/\"text\":\"LOUD\"/'\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let path = directory.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let output = try CLIRunner.run(["convert", "--stages", "normalize,shout", "-t", "ndjson"], stdin: "quiet\n", environment: ["PATH": path])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.contains("\"text\":\"LOUD\""), output.stdout)
        let missing = try CLIRunner.run(["convert", "--stages", "nope"], stdin: "x\n")
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("or an executable dossier-stage-nope on PATH"), missing.stderr)
    }
}
