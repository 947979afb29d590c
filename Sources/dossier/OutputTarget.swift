import Dossier
import Foundation

/// Where converted data goes: stdout, one file, or one file per input in a directory.
enum OutputTarget {
    case standardOutput
    case file(String)
    case directory(String)

    /// `-o` as given: an existing directory or a path ending in `/` is a directory; `perInput` forces one.
    static func resolve(_ option: String?, perInput: Bool) -> OutputTarget {
        guard let option else { return .standardOutput }
        if option == "-" { return .standardOutput }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: option, isDirectory: &isDirectory)
        if perInput || option.hasSuffix("/") || (exists && isDirectory.boolValue) { return .directory(option) }
        return .file(option)
    }
}

/// A stream of bytes to stdout or to a file that appears whole: written to a new temporary file beside it,
/// then renamed over it (see `OutputFiles`).
///
/// A write error ends the run with one line on stderr and exit status 1, the temporary file removed; a pipe
/// closed by its reader (`dossier … | head`) ends it quietly with 141, as a Unix tool killed by SIGPIPE would.
final class OutputStream {
    private let descriptor: Int32
    private let label: String
    private var temporaryPath: String?
    private let finalPath: String?

    init(_ target: OutputTarget) throws {
        switch target {
        case .standardOutput, .directory:
            descriptor = STDOUT_FILENO
            label = "standard output"
            temporaryPath = nil
            finalPath = nil
        case .file(let path):
            let (descriptor, temporary) = try OutputFiles.createTemporary(for: path)
            self.descriptor = descriptor
            label = path
            temporaryPath = temporary
            finalPath = path
            InterruptCleanup.remove(temporary)
        }
    }

    deinit {
        // A run that ended early (a writer that threw) leaves nothing behind.
        if let temporaryPath {
            close(descriptor)
            unlink(temporaryPath)
            InterruptCleanup.remove(nil)
        }
    }

    func write(_ data: Data) {
        guard !data.isEmpty else { return }
        if let failure = OutputFiles.writeAll(data, to: descriptor) {
            if failure == EPIPE, temporaryPath == nil { exit(141) }
            fail("\(label): cannot write: \(OutputFiles.describe(failure))")
        }
    }

    /// Flushes the file to disk, closes it and renames it over the target (checked again first).
    func finish() throws {
        guard let temporary = temporaryPath, let finalPath else { return }
        temporaryPath = nil
        defer { InterruptCleanup.remove(nil) }
        if fsync(descriptor) != 0, errno != EINVAL, errno != EROFS {
            let failure = errno
            close(descriptor)
            unlink(temporary)
            fail("\(finalPath): cannot write: \(OutputFiles.describe(failure))")
        }
        if close(descriptor) != 0 {
            let failure = errno
            unlink(temporary)
            fail("\(finalPath): cannot write: \(OutputFiles.describe(failure))")
        }
        do {
            try OutputFiles.moveIntoPlace(temporary, finalPath)
        } catch {
            unlink(temporary)
            fail("\(error)")
        }
    }

    /// One line on stderr, the temporary file removed, exit status 1.
    private func fail(_ line: String) -> Never {
        if let temporaryPath {
            close(descriptor)
            unlink(temporaryPath)
        }
        StandardStreams.error(line)
        exit(1)
    }
}

/// Removes the temporary output file when the run is interrupted (Ctrl-C, `kill`, a closed terminal), then
/// dies of the same signal.
private enum InterruptCleanup {
    /// The path as a C string, read by the signal handler (which may only call async-signal-safe functions).
    nonisolated(unsafe) private static var path: UnsafeMutablePointer<CChar>?
    private static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Removes `temporary` on those signals from now on; nil stops doing so.
    static func remove(_ temporary: String?) {
        if let temporary {
            path = strdup(temporary)
            for number in signals {
                signal(number) { number in
                    if let path = InterruptCleanup.path { unlink(path) }
                    signal(number, SIG_DFL)
                    raise(number)
                }
            }
        } else if path != nil {
            for number in signals { signal(number, SIG_DFL) }
            let old = path
            path = nil
            free(old)
        }
    }
}

/// Writing output files so that nothing is destroyed: never through a symbolic link, a device, a FIFO or a
/// socket, never over one of the run's inputs, always to a new file in the target's directory that is renamed
/// over the target only once it is complete.
enum OutputFiles {
    /// Why an output path may not be written, as the rest of a "PATH: …" line; nil when it may.
    static func refusal(_ path: String) -> String? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }  // a new file
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            if InputFiles.contains(FileIdentity(status)) {
                return "is one of the inputs; -o never replaces an input"
            }
            return nil
        case S_IFLNK:
            return "is a symbolic link; -o does not write through links (name the file it points to)"
        case S_IFDIR:
            return "is a directory"
        case S_IFCHR, S_IFBLK:
            return "is a device; -o writes only regular files (use > to write to a device)"
        case S_IFIFO:
            return "is a FIFO; -o writes only regular files (use > to write to a pipe)"
        default:
            return "is not a regular file; -o writes only regular files"
        }
    }

    /// A new, empty temporary file in the target's directory (`TARGET.part-PID`, or with a further suffix
    /// when that name is taken), opened for writing; refuses targets that may not be written.
    static func createTemporary(for path: String) throws -> (descriptor: Int32, path: String) {
        if let refusal = refusal(path) { throw UsageError("\(path): \(refusal)") }
        // A file too large for RLIMIT_FSIZE is then a write error (EFBIG), not a signal that kills the run.
        signal(SIGXFSZ, SIG_IGN)
        var status = stat()
        let existingMode = stat(path, &status) == 0 ? status.st_mode & 0o777 : nil
        let base = "\(path).part-\(getpid())"
        for attempt in 0..<100 {
            let candidate = attempt == 0 ? base : "\(base)-\(UInt32.random(in: 0...UInt32.max))"
            let descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
            if descriptor >= 0 {
                if let existingMode { fchmod(descriptor, existingMode) }
                return (descriptor, candidate)
            }
            if errno != EEXIST { throw UsageError("\(path): cannot create output file: \(describe(errno))") }
        }
        throw UsageError("\(path): cannot create output file: too many leftover \(base)* files")
    }

    /// Renames a finished temporary file over `path`, after checking `path` again (it may have changed while
    /// the batch ran); `rename` replaces the directory entry itself, never what a link points to.
    static func moveIntoPlace(_ temporary: String, _ path: String) throws {
        if let refusal = refusal(path) { throw OutputError("\(path): \(refusal)") }
        guard rename(temporary, path) == 0 else { throw OutputError("\(path): cannot write: \(describe(errno))") }
    }

    /// Writes a whole file the same way: to a temporary file beside it, then renamed into place; on any error
    /// the temporary file is removed and the target left as it was. (For `-o DIR/`, one file per input.)
    static func write(_ data: Data, to path: String) throws {
        let (descriptor, temporary) = try createTemporary(for: path)
        var failure = writeAll(data, to: descriptor)
        if failure == nil, fsync(descriptor) != 0, errno != EINVAL, errno != EROFS { failure = errno }
        if close(descriptor) != 0, failure == nil { failure = errno }
        if let failure {
            unlink(temporary)
            throw OutputError("\(path): cannot write: \(describe(failure))")
        }
        do {
            try moveIntoPlace(temporary, path)
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Writes every byte, retrying after signals; returns the errno of a failure.
    static func writeAll(_ data: Data, to descriptor: Int32) -> Int32? {
        data.withUnsafeBytes { DescriptorWriting.writeAll($0, to: descriptor) }
    }

    /// "No space left on device" for ENOSPC.
    static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

/// An output that could not be written, as one "PATH: reason" line.
struct OutputError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Names for per-input output files that never leave the output directory and never collide.
struct OutputNamer {
    private var used: Set<String> = []

    /// `relative` (a path below the folder an input was found in, or its file name) made safe — each component of
    /// safe characters, no `.` or `..`, no leading dot — with the writer's extension, unique in the batch.
    mutating func name(for relative: String, extension fileExtension: String) -> String {
        let path = relative == "-" ? "stdin" : (relative as NSString).deletingPathExtension
        let components = path.split(separator: "/").map { component -> String in
            var safe = String(component.unicodeScalars.map { scalar -> Character in
                CharacterSet.alphanumerics.contains(scalar) || "-_.".unicodeScalars.contains(scalar) ? Character(scalar) : "_"
            })
            while safe.hasPrefix(".") { safe.removeFirst() }
            return safe
        }.filter { !$0.isEmpty }
        var safe = components.joined(separator: "/")
        if components.isEmpty { safe = "document" }
        var candidate = "\(safe).\(fileExtension)"
        var counter = 2
        while used.contains(candidate) {
            candidate = "\(safe)-\(counter).\(fileExtension)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }
}
