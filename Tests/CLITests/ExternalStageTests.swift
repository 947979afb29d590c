import Foundation
import XCTest

final class ExternalStageTests: XCTestCase {
    func testAFilterChangesTheDocument() throws {
        let filter = #"sed 's/"text":"Jane"/"text":"JANE"/'"#
        let output = try CLIRunner.run(["convert", "--stages", "", "--filter", filter, "-t", "ndjson"], stdin: "# Jane\n")
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.contains("\"text\":\"JANE\""), output.stdout)
    }

    /// The document is still written, but a stage the user asked for failed: the input counts as failed.
    func testAFailingFilterIsAClearErrorAndExitOne() throws {
        let output = try CLIRunner.run(["convert", "--stages", "", "--filter", "echo broken >&2; exit 3"], stdin: "# Jane\n")
        XCTAssertEqual(output.status, 1)
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

    /// `--stages` edits the default list: `-NAME` removes a stage, `+NAME` adds a registered or external one.
    func testStageEditsAddAndRemoveFromTheDefaultList() throws {
        let directory = try makeTemporaryDirectory()
        let script = directory.appendingPathComponent("dossier-stage-mark")
        try "#!/bin/sh\nsed 's/\"text\":\"Publications\"/\"text\":\"PUBLICATIONS\"/'\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let path = directory.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let input = "# Jane Roe\n\n## Publications\n\n1. Roe, J., & Poe, E. (2020). A title. Journal of Things, 3(1), 1-2.\n"
        let edited = try CLIRunner.run(["convert", "--stages", "-authorship,+mark", "-t", "ndjson"], stdin: input, environment: ["PATH": path])
        XCTAssertEqual(edited.status, 0, edited.stderr)
        XCTAssertTrue(edited.stdout.contains("\"text\":\"PUBLICATIONS\""), edited.stdout)
        XCTAssertTrue(edited.stdout.contains("\"title\":\"A title\""), edited.stdout)
        XCTAssertFalse(edited.stdout.contains("applicantPosition"), edited.stdout)
        let full = try CLIRunner.run(["convert", "-t", "ndjson"], stdin: input)
        XCTAssertTrue(full.stdout.contains("\"applicantPosition\":1"), full.stdout)
        let onlySections = try CLIRunner.run(["convert", "--stages", "none,+sections", "-t", "ndjson"], stdin: input)
        XCTAssertTrue(onlySections.stdout.contains("\"kind\":\"publications\""), onlySections.stdout)
        XCTAssertFalse(onlySections.stdout.contains("\"raw\""), onlySections.stdout)
        let unknown = try CLIRunner.run(["convert", "--stages", "-nope"], stdin: input)
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("unknown stage 'nope'; known: normalize, sections, contact"), unknown.stderr)
        let twice = try CLIRunner.run(["convert", "--stages", "-authorship,-authorship"], stdin: input)
        XCTAssertEqual(twice.status, 2)
        XCTAssertTrue(twice.stderr.contains("cannot remove stage 'authorship': it is not selected"), twice.stderr)
    }
}
