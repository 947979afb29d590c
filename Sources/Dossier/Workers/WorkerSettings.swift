import Foundation

/// How a batch isolates its inputs in worker processes: the program to start (the `dossier` binary itself, with
/// `worker` and the pipeline's options as arguments), how long one input may take, and how much memory a worker
/// may map (`RLIMIT_AS`, which the worker sets on itself before it reads anything).
public struct WorkerSettings: Sendable {
    public var executable: URL
    public var arguments: [String]
    /// Seconds one input may take before its worker is killed and replaced.
    public var timeout: TimeInterval
    /// Bytes of address space a worker may use (`RLIMIT_AS`), or nil for no limit.
    public var memoryLimit: Int?

    public init(executable: URL, arguments: [String], timeout: TimeInterval = 60, memoryLimit: Int? = 2 << 30) {
        self.executable = executable
        self.arguments = arguments
        self.timeout = timeout
        self.memoryLimit = memoryLimit
    }
}

/// Why a worker could not hand back a document. The batch goes on; the input is named with this reason.
public enum WorkerFailure: Error, Equatable, CustomStringConvertible {
    /// The worker died of a signal while `phase` ran (e.g. "the PDF reader").
    case crashed(signal: Int32, phase: String, detail: String?)
    /// The worker exited on its own while `phase` ran.
    case exited(status: Int32, phase: String)
    case timedOut(seconds: TimeInterval, phase: String)
    /// The worker died failing to allocate memory within its limit (bytes) while `phase` ran.
    case outOfMemory(limit: Int, phase: String)
    case cannotStart(String)
    /// The worker answered something that is not the protocol.
    case protocolError(String)

    /// Whether the worker is gone (or must go) after this failure.
    var endsWorker: Bool {
        switch self {
        case .crashed, .exited, .timedOut, .outOfMemory, .cannotStart, .protocolError: return true
        }
    }

    public var description: String {
        switch self {
        case let .crashed(signal, phase, detail):
            let name = Self.signalName(signal).map { ", \($0)" } ?? ""
            return "\(phase) crashed (signal \(signal)\(name)\(detail.map { ": \($0)" } ?? "")); the rest of the batch goes on"
        case let .exited(status, phase):
            return "the worker exited with status \(status) in \(phase); the rest of the batch goes on"
        case let .timedOut(seconds, phase):
            return "timed out after \(Self.seconds(seconds)) s in \(phase) (--timeout); the rest of the batch goes on"
        case let .outOfMemory(limit, phase):
            return "ran out of memory in \(phase) (--memory-limit \(limit >> 20) MB); the rest of the batch goes on"
        case let .cannotStart(reason):
            return "cannot start a worker process: \(reason)"
        case let .protocolError(reason):
            return "the worker process answered out of protocol: \(reason)"
        }
    }

    static func seconds(_ value: TimeInterval) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    static func signalName(_ signal: Int32) -> String? {
        [4: "SIGILL", 5: "SIGTRAP", 6: "SIGABRT", 7: "SIGBUS", 8: "SIGFPE", 9: "SIGKILL", 11: "SIGSEGV", 15: "SIGTERM"][signal]
    }
}
