import Dossier
import Foundation

/// One thing to convert: standard input or a file.
struct Input: Sendable {
    enum Origin: Sendable { case standardInput, file(String) }

    var origin: Origin
    /// How the input is named in documents and error lines.
    var label: String

    /// The input as the library's batch engine takes it.
    var batchInput: BatchInput {
        switch origin {
        case .standardInput: return BatchInput(label: label, load: load)
        case .file(let path): return BatchInput(label: label, path: path, load: load)
        }
    }

    /// The input's bytes; errors are phrased to complete "LABEL: …".
    func load() throws -> Data {
        switch origin {
        case .standardInput:
            return FileHandle.standardInput.readDataToEndOfFile()
        case .file(let path):
            do {
                return try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
            } catch let error as CocoaError {
                throw ReadError(InputCollector.reason(for: error, path: path))
            }
        }
    }
}

/// Expands the command line's inputs: `-` is stdin, directories are walked, paths may come from stdin.
struct InputCollector {
    /// Extensions picked up when walking a directory.
    static let walkedExtensions: Set<String> = ["md", "markdown", "html", "htm", "pdf"]

    var inputs: [Input] = []
    /// Inputs that cannot be read at all, as "LABEL: reason" lines.
    var problems: [String] = []

    init(arguments: [String], pathsFromStandardInput: Bool, nullSeparated: Bool = false) {
        var arguments = arguments
        if pathsFromStandardInput {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            if nullSeparated {
                arguments += data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }.filter { !$0.isEmpty }
            } else {
                let text = String(decoding: data, as: UTF8.self)
                arguments += text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
            }
        } else if arguments.isEmpty {
            arguments = ["-"]
        }
        for argument in arguments { add(argument) }
    }

    private mutating func add(_ argument: String) {
        if argument == "-" {
            inputs.append(Input(origin: .standardInput, label: "-"))
            return
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
            problems.append("\(argument): no such file or directory")
            return
        }
        if isDirectory.boolValue {
            walk(argument)
        } else {
            InputFiles.record(argument)
            inputs.append(Input(origin: .file(argument), label: argument))
        }
    }

    /// Every file with a known extension below `directory`, sorted, hidden files and folders skipped.
    private mutating func walk(_ directory: String) {
        let root = URL(fileURLWithPath: directory)
        guard let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]
        ) else {
            problems.append("\(directory): cannot list directory")
            return
        }
        var found: [String] = []
        for case let url as URL in enumerator {
            guard InputCollector.walkedExtensions.contains(url.pathExtension.lowercased()),
                (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
            else { continue }
            let relative = String(url.path.dropFirst(root.path.count)).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            found.append((directory as NSString).appendingPathComponent(relative))
        }
        for path in found { InputFiles.record(path) }
        inputs += found.sorted().map { Input(origin: .file($0), label: $0) }
    }

    /// Why a file could not be read, phrased to follow "PATH: ".
    static func reason(for error: CocoaError, path: String) -> String {
        switch error.code {
        case .fileReadNoPermission: return "permission denied"
        case .fileReadNoSuchFile: return "no such file or directory"
        default:
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                return "is a directory"
            }
            return "cannot be read (\(error.localizedDescription))"
        }
    }
}

/// A file's device and inode: the same file under any name (`./cv.md`, `cv.md`, a hard link).
struct FileIdentity: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64

    init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }

    /// The identity of the file at `path` (links followed), or nil when there is none.
    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        self.init(status)
    }
}

/// The files this run reads, recorded as the inputs are collected, so that no output ever replaces one.
enum InputFiles {
    private static let store = IdentityStore()

    static func record(_ path: String) {
        if let identity = FileIdentity(path: path) { store.insert(identity) }
    }

    static func contains(_ identity: FileIdentity) -> Bool {
        store.contains(identity)
    }

    private final class IdentityStore: @unchecked Sendable {
        private let lock = NSLock()
        private var identities: Set<FileIdentity> = []

        func insert(_ identity: FileIdentity) {
            lock.lock()
            identities.insert(identity)
            lock.unlock()
        }

        func contains(_ identity: FileIdentity) -> Bool {
            lock.lock()
            defer { lock.unlock() }
            return identities.contains(identity)
        }
    }
}
