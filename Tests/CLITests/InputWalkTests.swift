import Foundation
import XCTest

/// Nothing found in a folder is skipped silently: links are followed once, and what cannot be converted is named.
final class InputWalkTests: XCTestCase {
    /// A folder that cannot be listed is named with the reason; the rest is converted. As root (who may list any
    /// folder) the run is made as nobody, with `setpriv`.
    func testAFolderThatCannotBeListedIsNamed() throws {
        let root = try makeTemporaryDirectory()
        let locked = root.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        try "# Hidden\n".write(to: locked.appendingPathComponent("x.md"), atomically: true, encoding: .utf8)
        try "# Jane Roe\n".write(to: root.appendingPathComponent("cv.md"), atomically: true, encoding: .utf8)
        XCTAssertEqual(chmod(locked.path, 0), 0)
        defer { chmod(locked.path, 0o755) }
        var arguments = ["convert", root.path, "--to", "csv", "--table", "people"]
        var program: URL?
        if geteuid() == 0 {
            let setpriv = URL(fileURLWithPath: "/usr/bin/setpriv")
            guard FileManager.default.isExecutableFile(atPath: setpriv.path) else { throw XCTSkip("running as root without setpriv") }
            XCTAssertEqual(chmod(root.path, 0o755), 0)
            arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", CLIRunner.executable.path] + arguments
            program = setpriv
        }
        let output = try CLIRunner.run(arguments, program: program)
        XCTAssertEqual(output.status, 1, output.stderr)
        XCTAssertEqual(output.stderr, locked.path + ": cannot list directory (Permission denied)\ndossier: 1 converted, 1 failed\n")
        XCTAssertTrue(output.stdout.contains(root.appendingPathComponent("cv.md").path + ",Jane Roe"), output.stdout)
    }

    func testLinksLoopsFIFOsDanglingLinksAndNonUTF8NamesAreNamed() throws {
        let root = try makeTemporaryDirectory()
        let manager = FileManager.default
        let a = root.appendingPathComponent("a"), b = root.appendingPathComponent("b")
        try manager.createDirectory(at: a, withIntermediateDirectories: true)
        try manager.createDirectory(at: b, withIntermediateDirectories: true)
        try "# One\n".write(to: a.appendingPathComponent("one.md"), atomically: true, encoding: .utf8)
        try "# Two\n".write(to: b.appendingPathComponent("two.md"), atomically: true, encoding: .utf8)
        try manager.createSymbolicLink(atPath: a.appendingPathComponent("linkdir").path, withDestinationPath: "../b")
        try manager.createSymbolicLink(atPath: a.appendingPathComponent("linkfile.md").path, withDestinationPath: "../b/two.md")
        try manager.createSymbolicLink(atPath: b.appendingPathComponent("loop").path, withDestinationPath: "../a")
        try manager.createSymbolicLink(atPath: a.appendingPathComponent("dangling.md").path, withDestinationPath: "/nonexistent/x.md")
        XCTAssertEqual(mkfifo(a.appendingPathComponent("pipe.md").path, 0o600), 0)
        let latin1: [CChar] = (Array(a.path.utf8) + Array("/caf".utf8) + [0xE9] + Array(".md".utf8) + [0]).map { CChar(bitPattern: $0) }
        let descriptor = latin1.withUnsafeBufferPointer { creat($0.baseAddress!, 0o600) }
        XCTAssertGreaterThanOrEqual(descriptor, 0)
        _ = write(descriptor, "# Cafe\n", 7)
        close(descriptor)

        let output = try CLIRunner.run(["convert", root.path, "--to", "csv", "--table", "sections"])
        XCTAssertEqual(output.status, 1)
        let documents = Set(output.stdout.split(whereSeparator: \.isNewline).dropFirst().map { String($0.split(separator: ",")[0]) })
        XCTAssertEqual(documents, [a.appendingPathComponent("linkdir/two.md").path, a.appendingPathComponent("one.md").path])
        let lines = output.stderr.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines, [
            a.path + "/caf\u{FFFD}.md: the file name is not UTF-8; rename it to convert it",
            a.appendingPathComponent("dangling.md").path + ": a symbolic link to nothing (No such file or directory)",
            a.appendingPathComponent("pipe.md").path + ": not a regular file (a FIFO, socket or device); not read",
            a.appendingPathComponent("linkdir/loop").path + ": a folder already walked (symbolic links lead to it twice); walked once",
            a.appendingPathComponent("linkfile.md").path + ": the same file as " + a.appendingPathComponent("linkdir/two.md").path + "; converted once",
            b.path + ": a folder already walked (symbolic links lead to it twice); walked once",
            "dossier: 2 converted, 3 failed",
        ])
    }

    /// `-o DIR/` mirrors the folders the inputs were found in, with the writer's extension, never leaving DIR.
    func testOutputDirectoryMirrorsTheInputTree() throws {
        let root = try makeTemporaryDirectory(), out = try makeTemporaryDirectory()
        for path in ["alice/cv.md", "bob/cv.md", "bob/papers/list.md"] {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try "# \(path)\n".write(to: url, atomically: true, encoding: .utf8)
        }
        let output = try CLIRunner.run(["convert", root.path, root.appendingPathComponent("alice/cv.md").path, "-t", "jats", "-o", out.path + "/", "-q"])
        XCTAssertEqual(output.status, 0, output.stderr)
        let files = (FileManager.default.enumerator(atPath: out.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".xml") }.sorted()
        XCTAssertEqual(files, ["alice/cv.xml", "bob/cv.xml", "bob/papers/list.xml", "cv.xml"])
    }
}
