import DossierModel
import Foundation

/// The share of the distinct words of a reference text (pdftotext's) that appear in a document's blocks, compared
/// normalized (NFKC, lowercase, outer punctuation stripped); a word split at a line-end hyphen counts when we have
/// the joined or the hyphenated form, and pdftotext's own joins count when we kept the hyphen.
struct WordCoverage {
    var share: Double
    var missing: [String]

    init(reference: String, document: Document) {
        var ours = Set<String>()
        func collect(_ blocks: [Block]) {
            for block in blocks {
                for word in ((block.marker ?? "") + " " + block.text).split(whereSeparator: \.isWhitespace) {
                    let w = WordCoverage.normalize(word)
                    if !w.isEmpty { ours.insert(w) }
                }
                collect(block.children)
            }
        }
        collect(document.blocks)
        for diagnostic in document.diagnostics {
            for word in diagnostic.message.split(whereSeparator: \.isWhitespace) { ours.insert(WordCoverage.normalize(word)) }
        }
        ours.formUnion(ours.map { $0.replacingOccurrences(of: "-", with: "") })
        let lines = reference.split(separator: "\n").map { $0.split(whereSeparator: \.isWhitespace) }.filter { !$0.isEmpty }
        var wanted: [String: Set<String>] = [:]
        for (i, tokens) in lines.enumerated() {
            for (j, token) in tokens.enumerated() {
                let w = WordCoverage.normalize(token)
                guard !w.isEmpty else { continue }
                var alternatives = wanted[w] ?? []
                if j == tokens.count - 1, token.hasSuffix("-"), i + 1 < lines.count, let tail = lines[i + 1].first {
                    alternatives.insert(WordCoverage.normalize(token.dropLast() + tail))
                    alternatives.insert(WordCoverage.normalize(token + tail))
                }
                if j == 0, i > 0, let head = lines[i - 1].last, head.hasSuffix("-") {
                    alternatives.insert(WordCoverage.normalize(head.dropLast() + token))
                    alternatives.insert(WordCoverage.normalize(head + token))
                }
                wanted[w] = alternatives
            }
        }
        missing = wanted.filter { !ours.contains($0.key) && $0.value.isDisjoint(with: ours) }.map(\.key).sorted()
        share = wanted.isEmpty ? 1 : Double(wanted.count - missing.count) / Double(wanted.count)
    }

    static func normalize<S: StringProtocol>(_ word: S) -> String {
        String(word).precomposedStringWithCompatibilityMapping.lowercased()
            .replacingOccurrences(of: "\u{00AD}", with: "")
            .trimmingCharacters(in: CharacterSet.alphanumerics.inverted)
    }

    /// The path of an executable on PATH, or nil.
    static func executable(_ name: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a command and returns its standard output.
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
