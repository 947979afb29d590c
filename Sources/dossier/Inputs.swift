import Dossier
import Foundation

/// One thing to convert: standard input or a file.
struct Input: Sendable {
    /// `stream`: a FIFO or character device named on the command line (`<(…)`, `/dev/stdin`), read once to its end
    /// in this process, as standard input is.
    enum Origin: Sendable { case standardInput, file(String), stream(String) }

    var origin: Origin
    /// How the input is named in documents and error lines.
    var label: String
    /// Where its output goes under `-o DIR/`: the path below the folder it was found in, or the file's name.
    var outputPath: String = ""

    /// The input as the library's batch engine takes it; a stream is read up to `maxBytes` (more refuses it).
    func batchInput(maxBytes: Int?) -> BatchInput {
        switch origin {
        case .standardInput, .stream: return BatchInput(label: label) { try load(maxBytes: maxBytes) }
        case .file(let path): return BatchInput(label: label, path: path) { try load() }
        }
    }

    /// The input's bytes; errors are phrased to complete "LABEL: …". A stream (standard input, a FIFO) has no size
    /// to check beforehand: past `maxBytes` it is refused without reading the rest.
    func load(maxBytes: Int? = nil) throws -> Data {
        switch origin {
        case .standardInput:
            return try Self.read(FileHandle.standardInput, maxBytes: maxBytes)
        case .file(let path):
            do {
                return try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
            } catch let error as CocoaError {
                throw ReadError(InputReason.describe(error, path: path))
            }
        case .stream(let path):
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw ReadError(errno == EACCES ? "permission denied" : "cannot be opened (\(String(cString: strerror(errno))))")
            }
            defer { try? handle.close() }
            return try Self.read(handle, maxBytes: maxBytes)
        }
    }

    private static func read(_ handle: FileHandle, maxBytes: Int?) throws -> Data {
        guard let maxBytes else { return handle.readDataToEndOfFile() }
        var data = Data()
        while data.count <= maxBytes {
            guard let chunk = try handle.read(upToCount: min(1 << 20, maxBytes + 1 - data.count)), !chunk.isEmpty else { return data }
            data += chunk
        }
        throw ReadError("more than the limit of \(ByteSize.describe(maxBytes)) (--max-bytes); the rest was not read")
    }
}

/// Expands the command line's inputs: `-` is stdin, directories are walked, paths may come from stdin.
struct InputCollector {
    /// Extensions picked up when walking a directory.
    static let walkedExtensions: Set<String> = ["md", "markdown", "html", "htm", "pdf"]

    var inputs: [Input] = []
    /// Inputs that cannot be read at all, as "LABEL: reason" lines.
    var problems: [String] = []
    /// What the walk did not convert on purpose (a folder or file reached twice through links), said on stderr
    /// but not failures.
    var notes: [String] = []

    /// Paths that were not UTF-8 as given (on the command line or standard input), as Swift decoded them (with
    /// U+FFFD): no file has that name, so they are named as what they are, not as missing.
    private var notUTF8: Set<String> = []

    init(arguments: [String], pathsFromStandardInput: Bool, nullSeparated: Bool = false) {
        var arguments = arguments
        for index in 0..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            let bytes = UnsafeRawBufferPointer(start: pointer, count: strlen(pointer))
            if String(bytes: bytes, encoding: .utf8) == nil { notUTF8.insert(String(decoding: bytes, as: UTF8.self)) }
        }
        if pathsFromStandardInput {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            let separator: UInt8 = nullSeparated ? 0 : 0x0A
            for line in data.split(separator: separator) {
                let raw = !nullSeparated && line.last == 0x0D ? line.dropLast() : line
                guard !raw.isEmpty else { continue }
                let path = String(decoding: raw, as: UTF8.self)
                if String(bytes: raw, encoding: .utf8) == nil { notUTF8.insert(path) }
                arguments.append(path)
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
            problems.append(notUTF8.contains(argument)
                ? "\(argument): the file name is not UTF-8; rename it to convert it"
                : "\(argument): no such file or directory")
            return
        }
        var status = stat()
        let type = stat(argument, &status) == 0 ? status.st_mode & S_IFMT : S_IFREG
        if isDirectory.boolValue {
            walk(argument)
        } else if type == S_IFIFO || type == S_IFCHR {
            // Named on purpose (a pipe from `<(…)`, /dev/stdin): read like standard input, never walked into.
            inputs.append(Input(origin: .stream(argument), label: argument, outputPath: (argument as NSString).lastPathComponent))
        } else if type != S_IFREG {
            problems.append("\(argument): not a regular file (a socket or block device); not read")
        } else {
            InputFiles.record(argument)
            inputs.append(Input(origin: .file(argument), label: argument, outputPath: (argument as NSString).lastPathComponent))
        }
    }

    /// Every file with a known extension below `directory`, sorted, hidden files and folders skipped. Symbolic
    /// links are followed (a directory reached twice is a loop, said once); what cannot be converted is named in
    /// `problems`: unlistable folders, dangling links, FIFOs and devices, names that are not UTF-8.
    private mutating func walk(_ directory: String) {
        var found: [(path: String, relative: String)] = []
        var visited: Set<FileIdentity> = []
        var files: [FileIdentity: String] = [:]
        walk(directory, relative: "", found: &found, visited: &visited, files: &files)
        for file in found { InputFiles.record(file.path) }
        inputs += found.sorted { $0.path < $1.path }.map { Input(origin: .file($0.path), label: $0.path, outputPath: $0.relative) }
    }

    private mutating func walk(_ root: String, relative: String, found: inout [(path: String, relative: String)], visited: inout Set<FileIdentity>,
                               files: inout [FileIdentity: String]) {
        let path = relative.isEmpty ? root : (root as NSString).appendingPathComponent(relative)
        var status = stat()
        guard stat(path, &status) == 0 else {
            problems.append("\(path): cannot list directory (\(String(cString: strerror(errno))))")
            return
        }
        guard visited.insert(FileIdentity(status)).inserted else {
            notes.append("\(path): a folder already walked (symbolic links lead to it twice); walked once")
            return
        }
        guard let stream = opendir(path) else {
            problems.append("\(path): cannot list directory (\(String(cString: strerror(errno))))")
            return
        }
        var names: [[UInt8]] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix(while: { $0 != 0 })) }
            if name.first == UInt8(ascii: ".") { continue }
            names.append(name)
        }
        closedir(stream)
        for bytes in names.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let name = String(decoding: bytes, as: UTF8.self)
            let child = relative.isEmpty ? name : (relative as NSString).appendingPathComponent(name)
            let childPath = (root as NSString).appendingPathComponent(child)
            let wanted = Self.walkedExtensions.contains((name as NSString).pathExtension.lowercased())
            guard Array(name.utf8) == bytes else {
                if wanted { problems.append("\(childPath): the file name is not UTF-8; rename it to convert it") }
                continue
            }
            var target = stat()
            guard stat(childPath, &target) == 0 else {
                if wanted { problems.append("\(childPath): a symbolic link to nothing (\(String(cString: strerror(errno))))") }
                continue
            }
            switch target.st_mode & S_IFMT {
            case S_IFDIR:
                walk(root, relative: child, found: &found, visited: &visited, files: &files)
            case S_IFREG:
                guard wanted else { continue }
                if let first = files[FileIdentity(target)] {
                    notes.append("\(childPath): the same file as \(first); converted once")
                } else {
                    files[FileIdentity(target)] = childPath
                    found.append((childPath, child))
                }
            default:
                if wanted { problems.append("\(childPath): not a regular file (a FIFO, socket or device); not read") }
            }
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
