import DossierModel
import Foundation

/// A stage that is any program: the document as JSON on its stdin, the changed document as JSON on its
/// stdout (like pandoc's filters). `DOSSIER_FORMAT_VERSION` in its environment says which JSON it gets.
/// A non-zero exit, invalid JSON or running past the time limit is an error diagnostic; the document
/// then goes on unchanged.
public struct ExternalStage: Stage {
    public let name: String
    public var summary: String { "external: \(command)" }
    /// A shell command line (`--filter`) or an executable's path (`dossier-stage-NAME`).
    public let command: String
    public let timeout: TimeInterval

    public init(name: String, command: String, timeout: TimeInterval = 120) {
        self.name = name
        self.command = command
        self.timeout = timeout
    }

    /// Why an external stage failed.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public func run(_ document: Document, context: StageContext) throws -> Document {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        var environment = ProcessInfo.processInfo.environment
        environment["DOSSIER_FORMAT_VERSION"] = Document.formatVersion
        process.environment = environment
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw Failure(description: "cannot start '\(command)': \(error.localizedDescription)")
        }
        let payload = try document.encoded(pretty: false)
        let writer = Thread {
            try? input.fileHandleForWriting.write(contentsOf: payload)
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let collectedErrors = PipeCollector(errors.fileHandleForReading)
        let collectedOutput = PipeCollector(output.fileHandleForReading)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
        if process.isRunning {
            process.terminate()
            throw Failure(description: "'\(command)' ran longer than \(Int(timeout)) s and was stopped")
        }
        let stdout = collectedOutput.data(), stderr = collectedErrors.data()
        guard process.terminationStatus == 0 else {
            let detail = String(decoding: stderr, as: UTF8.self).split(separator: "\n").last.map { ": \($0)" } ?? ""
            throw Failure(description: "'\(command)' exited with status \(process.terminationStatus)\(detail)")
        }
        do {
            return try Document.decode(stdout)
        } catch {
            throw Failure(description: "'\(command)' did not print a Dossier document as JSON (\(Self.reason(error)))")
        }
    }

    private static func reason(_ error: Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error { return context.debugDescription }
        if case DecodingError.keyNotFound(let key, _) = error { return "missing key '\(key.stringValue)'" }
        return "\(error)"
    }
}

/// Reads a pipe to its end on another thread, so that a chatty child never blocks on a full pipe.
final class PipeCollector: @unchecked Sendable {
    private var collected = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread {
            self.collected = handle.readDataToEndOfFile()
            self.done.signal()
        }.start()
    }

    func data() -> Data {
        done.wait()
        return collected
    }
}
