import Foundation

/// One worker process seen from the parent: started on first use, fed one request at a time, killed on a
/// timeout, and named by what it was doing when it died. Used by one thread at a time.
final class WorkerProcess: @unchecked Sendable {
    private let settings: WorkerSettings
    private var process: ChildProcess?
    /// This side's ends of the worker's standard input and output.
    private var requests: Int32 = -1
    private var answers: Int32 = -1
    private var buffer: [UInt8] = []
    /// How much of `buffer` holds no newline.
    private var scanned = 0
    private var startError: String?
    /// The worker's standard error: a file already unlinked, emptied before each input, read when the worker dies
    /// (its "Fatal error: …" line goes into the failure).
    private var errorLog: (write: Int32, read: Int32)?

    init(settings: WorkerSettings) {
        self.settings = settings
        // A worker that died leaves a broken pipe: a write to it must fail, not kill this process.
        signal(SIGPIPE, SIG_IGN)
        var environment = ProcessInfo.processInfo.environment
        if let limit = settings.memoryLimit { environment[WorkerServer.memoryLimitVariable] = String(limit) }
        // A crash is reported as one line naming the input; the runtime's multi-page backtrace would bury it.
        environment["SWIFT_BACKTRACE"] = "enable=no"
        let logPath = NSTemporaryDirectory() + "dossier-worker-\(UUID().uuidString).log"
        let writeEnd = open(logPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        let readEnd = open(logPath, O_RDONLY | O_CLOEXEC)
        unlink(logPath)
        if writeEnd >= 0, readEnd >= 0 {
            errorLog = (writeEnd, readEnd)
        } else {
            if writeEnd >= 0 { Glibc.close(writeEnd) }
            if readEnd >= 0 { Glibc.close(readEnd) }
        }
        do {
            let input = try ChildProcess.pipe()
            requests = input.write
            let output: (read: Int32, write: Int32)
            do {
                output = try ChildProcess.pipe()
            } catch {
                Glibc.close(input.read)
                throw error
            }
            answers = output.read
            defer {
                // The child has its own copies; this side keeps only its ends.
                Glibc.close(input.read)
                Glibc.close(output.write)
            }
            process = try ChildProcess(
                executable: settings.executable.path, arguments: settings.arguments, environment: environment,
                standardInput: input.read, standardOutput: output.write, standardError: errorLog?.write ?? -1)
        } catch {
            startError = "\(settings.executable.path): \(error)"
        }
    }

    deinit {
        if requests >= 0 { Glibc.close(requests) }
        if answers >= 0 { Glibc.close(answers) }
        if let log = errorLog {
            Glibc.close(log.write)
            Glibc.close(log.read)
        }
    }

    /// Converts the file at `path` in the worker.
    func convert(path: String, label: String, format: SourceFormat?) -> Result<Document, any Error> {
        exchange(WorkerProtocol.Request(path: path, label: label, format: format), answer: WorkerProtocol.documentPrefix) {
            try JSONDecoder().decode(Document.self, from: $0)
        }
    }

    /// The pages of the PDF at `path` as PNG images with `boxes` drawn on them, drawn in the worker.
    func renderPages(path: String, label: String, boxes: [PageBox]) -> Result<[Data], any Error> {
        exchange(WorkerProtocol.Request(path: path, label: label, format: .pdf, pages: boxes), answer: WorkerProtocol.pagesPrefix) {
            try JSONDecoder().decode([Data].self, from: $0)
        }
    }

    /// Sends `request` and waits, at most the timeout, for the line that starts with `answer`, whose value `decode`
    /// reads; progress lines name the phase a failure happened in.
    private func exchange<Answer>(_ request: WorkerProtocol.Request, answer prefix: [UInt8],
                                  decode: (Data) throws -> Answer) -> Result<Answer, any Error> {
        guard let process else { return .failure(WorkerFailure.cannotStart(startError ?? "not started")) }
        if let log = errorLog { _ = ftruncate(log.write, 0) }
        guard let request = try? JSONEncoder().encode(request), send(Array(request) + [0x0A]) else {
            return .failure(ended(process, phase: WorkerProtocol.describe(phase: nil, format: nil)))
        }
        var phase: String?
        var phaseFormat: SourceFormat?
        let deadline = Date().addingTimeInterval(settings.timeout)
        while true {
            while let line = nextLine() {
                if line.starts(with: prefix), line.last == UInt8(ascii: "}") {
                    let body = line[(line.startIndex + prefix.count)..<(line.endIndex - 1)]
                    do {
                        return .success(try decode(Data(body)))
                    } catch {
                        return .failure(WorkerFailure.protocolError("an answer that does not decode (\(error))"))
                    }
                }
                guard let message = try? JSONDecoder().decode(WorkerProtocol.Message.self, from: Data(line)) else {
                    return .failure(WorkerFailure.protocolError(String(decoding: line.prefix(80), as: UTF8.self)))
                }
                if let error = message.error { return .failure(ReadError(error)) }
                if let next = message.phase {
                    phase = next
                    if message.format != nil { phaseFormat = message.format }
                }
            }
            let remaining = deadline.timeIntervalSinceNow
            let described = WorkerProtocol.describe(phase: phase, format: phaseFormat)
            guard remaining > 0 else {
                process.send(signal: SIGKILL)
                process.waitUntilExit()
                return .failure(WorkerFailure.timedOut(seconds: settings.timeout, phase: described))
            }
            switch receive(waitingAtMost: remaining) {
            case .data: continue
            case .timeout: continue
            case .closed: return .failure(ended(process, phase: described))
            }
        }
    }

    /// Closes the worker's input (it exits when it has read everything) and reaps it.
    func close() {
        if requests >= 0 {
            Glibc.close(requests)
            requests = -1
        }
        process?.waitUntilExit()
        if let log = errorLog {
            Glibc.close(log.write)
            Glibc.close(log.read)
            errorLog = nil
        }
    }

    /// What the worker wrote on standard error for this input (at most 1 MB).
    private func errorText() -> String {
        guard let log = errorLog else { return "" }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 14)
        var offset: off_t = 0
        while bytes.count < 1 << 20 {
            let count = chunk.withUnsafeMutableBytes { pread(log.read, $0.baseAddress, $0.count, offset) }
            if count <= 0 { break }
            bytes += chunk[0..<count]
            offset += off_t(count)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The runtime's last "Fatal error: …" line in `text`, if any.
    private static func fatalErrorLine(_ text: String) -> String? {
        guard let line = text.split(separator: "\n").last(where: { $0.contains("Fatal error") }) else { return nil }
        return line.split(separator: "Fatal error", maxSplits: 1).last.map { "Fatal error" + $0 }
    }

    /// How the Swift runtime, Foundation, glib, C++ and cmark say that an allocation failed.
    static let allocationFailures = [
        "failed to allocate", "Could not allocate memory", "bad_alloc", "returned null pointer", "out of memory",
        "Cannot allocate memory",
    ]

    /// How the worker ended, once its output closed.
    private func ended(_ process: ChildProcess, phase: String) -> WorkerFailure {
        switch process.waitUntilExit() {
        case .signalled(let signal):
            let text = errorText()
            if let limit = settings.memoryLimit, Self.allocationFailures.contains(where: { text.contains($0) }) {
                return .outOfMemory(limit: limit, phase: phase)
            }
            return .crashed(signal: signal, phase: phase, detail: Self.fatalErrorLine(text))
        case .exited(let status): return .exited(status: status, phase: phase)
        }
    }

    private func send(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { DescriptorWriting.writeAll($0, to: requests) == nil }
    }

    private enum Reception { case data, timeout, closed }

    /// Reads what the worker wrote, waiting at most `seconds` for it.
    private func receive(waitingAtMost seconds: TimeInterval) -> Reception {
        let descriptor = answers
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(min(seconds * 1000, Double(Int32.max)).rounded(.up))
        let ready = poll(&poller, 1, max(1, milliseconds))
        if ready == 0 { return .timeout }
        if ready < 0 { return errno == EINTR ? .timeout : .closed }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count < 0 { return errno == EINTR || errno == EAGAIN ? .timeout : .closed }
        if count == 0 { return .closed }
        buffer.append(contentsOf: chunk[0..<count])
        return .data
    }

    /// The next complete line in the buffer, without its newline.
    private func nextLine() -> ArraySlice<UInt8>? {
        guard let newline = buffer[scanned...].firstIndex(of: 0x0A) else {
            scanned = buffer.count
            return nil
        }
        let line = Array(buffer[..<newline])
        buffer.removeSubrange(...newline)
        scanned = 0
        return line[...]
    }
}
