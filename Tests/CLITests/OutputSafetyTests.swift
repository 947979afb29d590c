import Foundation
import XCTest

/// `-o` never destroys anything: no writing through devices, FIFOs or links, never over an input, a complete
/// file or none, and a write error is one line and exit status 1 with nothing left behind.
final class OutputSafetyTests: XCTestCase {
    private let sample = "samples/markdown/hugo-page.md"

    private func leftovers(_ directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".part-") }
    }

    func testOutputReplacesAnExistingFileWholeKeepingItsMode() throws {
        let directory = try makeTemporaryDirectory()
        let file = directory.appendingPathComponent("out.json")
        try Data("old".utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
        let output = try CLIRunner.run(["convert", sample, "-o", file.path])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(contentsOf: file)))
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int, 0o640)
        XCTAssertEqual(try leftovers(directory), [])
    }

    func testOutputNeverWritesThroughASymbolicLink() throws {
        let directory = try makeTemporaryDirectory()
        let precious = directory.appendingPathComponent("precious.txt")
        try Data("keep me".utf8).write(to: precious)
        let link = directory.appendingPathComponent("link.json")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: precious)
        let output = try CLIRunner.run(["convert", sample, "-o", link.path])
        XCTAssertEqual(output.status, 2)
        XCTAssertEqual(output.stderr, "Error: \(link.path): is a symbolic link; -o does not write through links (name the file it points to)\n")
        XCTAssertEqual(try String(contentsOf: precious, encoding: .utf8), "keep me")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link.path), precious.path)
        XCTAssertEqual(try leftovers(directory), [])
    }

    func testOutputNeverReplacesAFIFOOrADevice() throws {
        let directory = try makeTemporaryDirectory()
        let fifo = directory.appendingPathComponent("pipe.json")
        XCTAssertEqual(mkfifo(fifo.path, 0o644), 0)
        let toFIFO = try CLIRunner.run(["convert", sample, "-o", fifo.path])
        XCTAssertEqual(toFIFO.status, 2)
        XCTAssertEqual(toFIFO.stderr, "Error: \(fifo.path): is a FIFO; -o writes only regular files (use > to write to a pipe)\n")
        var status = stat()
        XCTAssertEqual(lstat(fifo.path, &status), 0)
        XCTAssertEqual(status.st_mode & S_IFMT, S_IFIFO)

        let toDevice = try CLIRunner.run(["convert", sample, "-o", "/dev/null"])
        XCTAssertEqual(toDevice.status, 2)
        XCTAssertEqual(toDevice.stderr, "Error: /dev/null: is a device; -o writes only regular files (use > to write to a device)\n")
        XCTAssertEqual(lstat("/dev/null", &status), 0)
        XCTAssertEqual(status.st_mode & S_IFMT, S_IFCHR)
        XCTAssertEqual(try leftovers(directory), [])
    }

    func testOutputNeverReplacesAnInput() throws {
        let directory = try makeTemporaryDirectory()
        let input = directory.appendingPathComponent("cv.md")
        try Data("# Jane Doe\n".utf8).write(to: input)
        // The same file under another spelling, and found by walking a directory.
        for arguments in [[input.path, "-o", directory.path + "/./cv.md"], [directory.path, "-t", "json", "-o", input.path]] {
            let output = try CLIRunner.run(["convert"] + arguments)
            XCTAssertEqual(output.status, 2, output.stderr)
            XCTAssertTrue(output.stderr.hasSuffix(": is one of the inputs; -o never replaces an input\n"), output.stderr)
            XCTAssertEqual(try String(contentsOf: input, encoding: .utf8), "# Jane Doe\n")
        }
        XCTAssertEqual(try leftovers(directory), [])
    }

    func testAWriteErrorIsOneLineAndExitOneWithNoLeftovers() throws {
        // A file-size limit makes the write fail (EFBIG) as a full disk would (ENOSPC).
        let directory = try makeTemporaryDirectory()
        let file = directory.appendingPathComponent("out.json")
        let output = try CLIRunner.run(["-c", "ulimit -f 1; exec \"$0\" convert \(sample) -o \(file.path)", CLIRunner.executable.path], program: URL(fileURLWithPath: "/bin/sh"))
        XCTAssertEqual(output.status, 1)
        XCTAssertEqual(output.stderr, "\(file.path): cannot write: File too large\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: file.path))
        XCTAssertEqual(try leftovers(directory), [])
    }

    func testAFullStandardOutputIsOneLineAndExitOne() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { throw XCTSkip("no /dev/full") }
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = ["convert", sample]
        process.currentDirectoryURL = CLIRunner.repository
        process.standardOutput = try XCTUnwrap(FileHandle(forWritingAtPath: "/dev/full"))
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 1)
        XCTAssertEqual(stderr, "standard output: cannot write: No space left on device\n")
    }

    func testAnInterruptedRunLeavesNoTemporaryFile() throws {
        let directory = try makeTemporaryDirectory()
        let file = directory.appendingPathComponent("out.json")
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = ["convert", "-", "-o", file.path]
        let input = Pipe()
        process.standardInput = input  // kept open: the run waits for its input with the output file begun
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while try leftovers(directory).isEmpty, Date() < deadline { usleep(20_000) }
        XCTAssertEqual(try leftovers(directory).count, 1)
        // The file exists a moment before its clean-up handler is installed; the run then waits for its input.
        usleep(300_000)
        process.terminate()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)
        XCTAssertEqual(try leftovers(directory), [])
        XCTAssertFalse(FileManager.default.fileExists(atPath: file.path))
        try input.fileHandleForWriting.close()
    }
}
