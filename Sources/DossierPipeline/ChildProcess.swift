import CSpawn
import Foundation

/// A child process started with `posix_spawn` (Foundation's `Process.run` adds one close action for every
/// possible descriptor: with `ulimit -n` at 20,000 that was about 580 M instructions per child). The child gets
/// the given descriptors as its standard input, output and error, nothing else that is open here, and default
/// signal dispositions. Used by one thread at a time.
package final class ChildProcess: @unchecked Sendable {
    /// How a child ended.
    package enum Termination: Equatable, Sendable {
        case exited(Int32)
        case signalled(Int32)
    }

    /// Why a child could not be started.
    package struct StartError: Error, CustomStringConvertible {
        package let code: Int32
        package var description: String { String(cString: strerror(code)) }
    }

    package let processIdentifier: pid_t
    private var termination: Termination?

    /// Starts `executable` with `arguments` (not counting the program's own name) and `environment`; -1 for a
    /// descriptor leaves the parent's own.
    package init(
        executable: String, arguments: [String], environment: [String: String],
        standardInput: Int32 = -1, standardOutput: Int32 = -1, standardError: Int32 = -1
    ) throws {
        let argv = ([executable] + arguments).map { strdup($0) }
        let envp = environment.map { strdup("\($0.key)=\($0.value)") }
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let code = (argv + [nil]).withUnsafeBufferPointer { arguments in
            (envp + [nil]).withUnsafeBufferPointer { environment in
                dossier_spawn(&pid, executable, arguments.baseAddress, environment.baseAddress, standardInput, standardOutput, standardError)
            }
        }
        guard code == 0 else { throw StartError(code: code) }
        processIdentifier = pid
    }

    /// A pipe whose ends are closed on exec (a child gets one only as a standard descriptor).
    package static func pipe() throws -> (read: Int32, write: Int32) {
        var ends: [Int32] = [-1, -1]
        let code = dossier_pipe(&ends)
        guard code == 0 else { throw StartError(code: code) }
        return (ends[0], ends[1])
    }

    /// Whether the child has not ended yet (reaps it if it has).
    package var isRunning: Bool {
        reap(blocking: false) == nil
    }

    /// Waits for the child to end.
    @discardableResult
    package func waitUntilExit() -> Termination {
        while true {
            if let ended = reap(blocking: true) { return ended }
        }
    }

    /// Sends `signal` to the child unless it has already been reaped.
    package func send(signal: Int32) {
        if termination == nil { _ = kill(processIdentifier, signal) }
    }

    private func reap(blocking: Bool) -> Termination? {
        if let termination { return termination }
        var status: Int32 = 0
        let result = waitpid(processIdentifier, &status, blocking ? 0 : WNOHANG)
        if result == 0 { return nil }
        if result < 0 {
            if errno == EINTR { return nil }
            // ECHILD: someone else reaped it; nothing more can be learnt.
            termination = .exited(-1)
            return termination
        }
        // WIFSIGNALED / WTERMSIG / WEXITSTATUS are macros Swift does not import.
        let signal = status & 0x7F
        if signal == 0 {
            termination = .exited((status >> 8) & 0xFF)
        } else if signal != 0x7F {
            termination = .signalled(signal)
        } else {
            return nil // stopped, not ended
        }
        return termination
    }
}
