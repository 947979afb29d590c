import Foundation

/// The worker protocol, NDJSON over pipes; the memory limit comes in `DOSSIER_WORKER_MEMORY_LIMIT` (bytes). The parent writes one request line per input:
/// `{"path": "cv.pdf", "label": "cv.pdf", "format": "pdf"}` (`format` optional). The worker answers with progress
/// lines — `{"phase": "read", "format": "pdf"}` before the reader runs, `{"phase": "stages"}` before the stages —
/// and one final line, `{"document": {…}}` (the model's JSON) or `{"error": "reason"}`. The same protocol lets a
/// batch be spread over many machines (GNU parallel, Spark's `pipe()`).
///
/// A request with `pages` (boxes to draw, possibly none) asks for a PDF's pages as PNG images instead
/// (`PageOverlay`, for `dossier review`): `{"phase": "render"}`, then `{"pages": ["<base64 PNG>", …]}`.
enum WorkerProtocol {
    struct Request: Codable {
        var path: String
        var label: String
        var format: SourceFormat?
        var pages: [PageBox]?
    }

    struct Message: Codable {
        var phase: String?
        var format: SourceFormat?
        var error: String?
    }

    static let documentPrefix = Array(#"{"document":"#.utf8)
    static let pagesPrefix = Array(#"{"pages":"#.utf8)

    /// How a phase is named in a failure line: "the PDF reader", "the stages".
    static func describe(phase: String?, format: SourceFormat?) -> String {
        switch phase {
        case "read":
            switch format {
            case .markdown?: return "the Markdown reader"
            case .html?: return "the HTML reader"
            case .pdf?: return "the PDF reader"
            case nil: return "the reader"
            }
        case "stages": return "the stages"
        case "render": return "the page renderer"
        default: return "the worker"
        }
    }
}

/// The worker's side: reads requests on standard input until it closes, converts each with `converter`, answers
/// on standard output. `dossier worker` is this and nothing else.
public enum WorkerServer {
    /// The environment variable in which the parent gives a worker its memory limit in bytes (`RLIMIT_AS`).
    public static let memoryLimitVariable = "DOSSIER_WORKER_MEMORY_LIMIT"

    public static func serve(converter: Converter) {
        signal(SIGPIPE, SIG_IGN)
        let memoryLimit = ProcessInfo.processInfo.environment[memoryLimitVariable].flatMap { Int($0) }
        if let text = ProcessInfo.processInfo.environment[memoryLimitVariable], let limit = rlim_t(text) {
            // The limit is what converting may add to the address space the worker already has (runtime, libraries,
            // thread stacks: over 100 MB before it reads anything), so that a small limit still reads small inputs.
            let total = limit.addingReportingOverflow(addressSpace()).partialValue
            var value = rlimit(rlim_cur: total, rlim_max: total)
            _ = setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &value)
        }
        let encoder = JSONEncoder()
        while let line = readLine(strippingNewline: true) {
            guard !line.isEmpty else { continue }
            guard let request = try? JSONDecoder().decode(WorkerProtocol.Request.self, from: Data(line.utf8)) else {
                send(message: WorkerProtocol.Message(error: "not a worker request"), encoder: encoder)
                continue
            }
            do {
                // A file larger than the memory limit cannot even be mapped: say so, rather than "cannot be read".
                if let memoryLimit, let size = BatchConversion.size(of: request.path), size > memoryLimit {
                    throw ReadError("\(ByteSize.describe(size)) is more than a worker may take (--memory-limit \(memoryLimit >> 20) MB); not read")
                }
                let data = try Data(contentsOf: URL(fileURLWithPath: request.path), options: .mappedIfSafe)
                if data.isEmpty { throw ReadError("empty input") }
                if let boxes = request.pages {
                    send(message: WorkerProtocol.Message(phase: "render", format: .pdf), encoder: encoder)
                    var bytes = WorkerProtocol.pagesPrefix
                    bytes += try encoder.encode(try PageOverlay.render(pdf: data, boxes: boxes))
                    bytes += Array("}\n".utf8)
                    guard writeAll(bytes) else { return }
                    continue
                }
                let format = try request.format ?? FormatSniffer.format(of: data, path: request.label)
                send(message: WorkerProtocol.Message(phase: "read", format: format), encoder: encoder)
                let blocks = try converter.readForStages(data, path: request.label, format: format)
                send(message: WorkerProtocol.Message(phase: "stages"), encoder: encoder)
                let document = converter.pipeline.run(blocks, context: converter.context)
                var bytes = WorkerProtocol.documentPrefix
                bytes += try encoder.encode(document)
                bytes += Array("}\n".utf8)
                guard writeAll(bytes) else { return }
            } catch let error as CocoaError {
                send(message: WorkerProtocol.Message(error: InputReason.describe(error, path: request.path)), encoder: encoder)
            } catch {
                send(message: WorkerProtocol.Message(error: "\(error)"), encoder: encoder)
            }
        }
    }

    /// This process's address space in bytes (`/proc/self/statm`), 0 when it cannot be read.
    private static func addressSpace() -> rlim_t {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = text.split(separator: " ").first.flatMap({ rlim_t($0) }) else { return 0 }
        return pages * rlim_t(max(1, sysconf(Int32(_SC_PAGESIZE))))
    }

    private static func send(message: WorkerProtocol.Message, encoder: JSONEncoder) {
        guard let data = try? encoder.encode(message) else { return }
        _ = writeAll(Array(data) + [0x0A])
    }

    /// Writes every byte to standard output; false when the parent is gone.
    private static func writeAll(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { DescriptorWriting.writeAll($0, to: 1) == nil }
    }
}

/// Writing every byte to a file descriptor, retrying after signals: the worker's answers, the parent's requests,
/// the CLI's output files.
public enum DescriptorWriting {
    /// nil when every byte was written, else the `errno` of the failure.
    public static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
        guard var pointer = bytes.baseAddress else { return nil }
        var remaining = bytes.count
        while remaining > 0 {
            let written = write(descriptor, pointer, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            remaining -= written
            pointer += written
        }
        return nil
    }
}

/// Why a file cannot be read, phrased to complete "LABEL: …".
public enum InputReason {
    public static func describe(_ error: CocoaError, path: String) -> String {
        switch error.code {
        case .fileReadNoPermission: return "permission denied"
        case .fileReadNoSuchFile: return "no such file or directory"
        default:
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return "is a directory" }
            return "cannot be read (\(error.localizedDescription))"
        }
    }
}
