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
        var environment = ProcessInfo.processInfo.environment
        environment["DOSSIER_FORMAT_VERSION"] = Document.formatVersion
        let process: ChildProcess
        let input: FileHandle, output: FileHandle, errors: FileHandle
        // The child's ends of its three pipes: it has its own copies once started, so this side closes them.
        var childEnds: [Int32] = []
        defer { childEnds.forEach { _ = close($0) } }
        do {
            let inputPipe = try ChildProcess.pipe()
            childEnds.append(inputPipe.read)
            input = FileHandle(fileDescriptor: inputPipe.write, closeOnDealloc: true)
            let outputPipe = try ChildProcess.pipe()
            childEnds.append(outputPipe.write)
            output = FileHandle(fileDescriptor: outputPipe.read, closeOnDealloc: true)
            let errorPipe = try ChildProcess.pipe()
            childEnds.append(errorPipe.write)
            errors = FileHandle(fileDescriptor: errorPipe.read, closeOnDealloc: true)
            process = try ChildProcess(
                executable: "/bin/sh", arguments: ["-c", command], environment: environment,
                standardInput: inputPipe.read, standardOutput: outputPipe.write, standardError: errorPipe.write)
        } catch {
            throw Failure(description: "cannot start '\(command)': \(error)")
        }
        childEnds.forEach { _ = close($0) }
        childEnds = []
        let payload = try document.encoded(pretty: false)
        let writer = Thread {
            try? input.write(contentsOf: payload)
            try? input.close()
        }
        writer.start()
        let collectedErrors = PipeCollector(errors)
        let collectedOutput = PipeCollector(output)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
        if process.isRunning {
            process.send(signal: SIGTERM)
            Thread { process.waitUntilExit() }.start()
            throw Failure(description: "'\(command)' ran longer than \(Int(timeout)) s and was stopped")
        }
        let stdout = collectedOutput.data(), stderr = collectedErrors.data()
        let status: Int32
        switch process.waitUntilExit() {
        case .exited(let code): status = code
        case .signalled(let signal): status = signal
        }
        guard status == 0 else {
            let detail = String(decoding: stderr, as: UTF8.self).split(separator: "\n").last.map { ": \($0)" } ?? ""
            throw Failure(description: "'\(command)' exited with status \(status)\(detail)")
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
