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

/// A stream of bytes to stdout or to a file that appears whole (written beside it, then renamed).
final class OutputStream {
    private let handle: FileHandle
    private let temporaryPath: String?
    private let finalPath: String?

    init(_ target: OutputTarget) throws {
        switch target {
        case .standardOutput, .directory:
            handle = FileHandle.standardOutput
            temporaryPath = nil
            finalPath = nil
        case .file(let path):
            let temporary = path + ".part-\(ProcessInfo.processInfo.processIdentifier)"
            guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
                throw UsageError("\(path): cannot create output file")
            }
            guard let fileHandle = FileHandle(forWritingAtPath: temporary) else {
                throw UsageError("\(path): cannot open output file")
            }
            handle = fileHandle
            temporaryPath = temporary
            finalPath = path
        }
    }

    func write(_ data: Data) {
        guard !data.isEmpty else { return }
        do {
            try handle.write(contentsOf: data)
        } catch {
            // The reader went away (`dossier … | head`): stop quietly, as a Unix tool killed by SIGPIPE would.
            exit(141)
        }
    }

    /// Closes the file and moves it into place.
    func finish() throws {
        guard let temporaryPath, let finalPath else { return }
        try handle.close()
        if FileManager.default.fileExists(atPath: finalPath) { try FileManager.default.removeItem(atPath: finalPath) }
        try FileManager.default.moveItem(atPath: temporaryPath, toPath: finalPath)
    }
}

/// Names for per-input output files that never leave the output directory and never collide.
struct OutputNamer {
    private var used: Set<String> = []

    mutating func name(for label: String, extension fileExtension: String) -> String {
        let base = label == "-" ? "stdin" : ((label as NSString).lastPathComponent as NSString).deletingPathExtension
        var safe = String(base.unicodeScalars.map { scalar -> Character in
            CharacterSet.alphanumerics.contains(scalar) || "-_.".unicodeScalars.contains(scalar) ? Character(scalar) : "_"
        })
        while safe.hasPrefix(".") { safe.removeFirst() }
        if safe.isEmpty { safe = "document" }
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
