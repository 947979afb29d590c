import Dossier
import Foundation

/// Writing to stdout and stderr without Swift 6's complaints about the C globals.
enum StandardStreams {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func errorRaw(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static var errorIsTerminal: Bool { isatty(2) == 1 }
}

/// A one-line progress bar on stderr, drawn only when stderr is a terminal (or when asked).
struct ProgressBar {
    var enabled: Bool
    var total: Int

    func update(done: Int, current: String) {
        guard enabled, total > 0 else { return }
        let width = 24
        let filled = width * done / total
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let name = current.count > 40 ? "…" + current.suffix(39) : current
        StandardStreams.errorRaw("\r\u{1B}[2K[\(bar)] \(done)/\(total) \(name)")
    }

    func finish() {
        guard enabled, total > 0 else { return }
        StandardStreams.errorRaw("\r\u{1B}[2K")
    }
}
