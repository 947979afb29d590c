import Foundation
import XCTest

/// Nothing found in a folder is skipped silently: links are followed once, and what cannot be converted is named.
final class InputWalkTests: XCTestCase {
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
}
