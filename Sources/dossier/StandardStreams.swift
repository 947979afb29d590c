import Dossier
import Foundation

/// Writing to stdout and stderr without Swift 6's complaints about the C globals.
enum StandardStreams {
    /// One line on stderr: control characters in it (a file name with a newline or an escape sequence, text quoted
    /// from an input) are shown escaped, so that every problem stays one line and nothing drives the terminal.
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((oneLine(line) + "\n").utf8))
    }

    /// `text` with its control characters escaped (`\n`, `\r`, `\x1b`); tabs stay.
    static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isEscaped) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case _ where isEscaped(scalar): result += "\\x" + String(format: "%02x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\t" && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value))
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
        let shown = StandardStreams.oneLine(current)
        let name = shown.count > 40 ? "…" + shown.suffix(39) : shown
        StandardStreams.errorRaw("\r\u{1B}[2K[\(bar)] \(done)/\(total) \(name)")
    }

    func finish() {
        guard enabled, total > 0 else { return }
        StandardStreams.errorRaw("\r\u{1B}[2K")
    }
}
