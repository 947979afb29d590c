import DossierModel
import DossierPipeline
import DossierText
import Foundation

/// Reads Markdown (CommonMark with GFM tables, autolinks and strikethrough) with cmark-gfm, and YAML/TOML
/// front matter into `metadata`. Raw HTML is kept as text and never interpreted beyond stripping its tags.
public struct MarkdownReader: Reader {
    public let format = SourceFormat.markdown
    public let summary = "Markdown: CommonMark + GFM tables, autolinks, strikethrough; YAML/TOML front matter (cmark-gfm, Yams)"

    public init() {}

    public func read(_ data: Data, source: Source) throws -> Document {
        var document = Document(source: source)
        let budgeted = SourceBudget.apply(to: TextDecoder.normalizing(data))
        for problem in budgeted.problems { document.report(.warning, stage: "read-markdown", problem) }
        let decoded = TextDecoder.decode(normalized: budgeted.bytes)
        if let problem = decoded.problem { document.report(.warning, stage: "read-markdown", problem) }
        let frontMatter = FrontMatter(splitting: decoded.text)
        if let problem = frontMatter.problem { document.report(.warning, stage: "read-markdown", problem) }
        document.metadata = frontMatter.metadata
        if let problem = budgeted.autolinkProblem { document.report(.warning, stage: "read-markdown", problem) }
        let root = CMarkNode.parse(frontMatter.body, autolinks: budgeted.autolinks)
        if root.flattened {
            document.report(.warning, stage: "read-markdown", "structure nested deeper than \(CMarkNode.maximumDepth) levels was flattened into paragraphs")
        }
        let lines = frontMatter.body.linesSplitFast(omittingEmptySubsequences: false)
        document.blocks = root.children.compactMap(MarkdownBlocks.block).map { Self.trimHeadingLines($0, lines) }
        return document
    }
}

extension MarkdownReader {
    /// cmark reports a setext heading as ending on the line after its underline; an ATX heading is one line.
    static func trimHeadingLines(_ block: Block, _ lines: [Substring]) -> Block {
        guard block.type == .heading, var range = block.provenance.lines, range[1] > range[0] else { return block }
        var block = block
        let first = range[0] - 1
        if first < lines.count, lines[first].drop(while: { $0 == " " }).hasPrefix("#") {
            range[1] = range[0]
        } else if first + 1 < min(lines.count, range[1]), let underline = (first + 1..<min(lines.count, range[1])).first(where: { index in
            let trimmed = lines[index].trimmingCharacters(in: .whitespaces)
            return !trimmed.isEmpty && (trimmed.allSatisfy { $0 == "=" } || trimmed.allSatisfy { $0 == "-" })
        }) {
            range[1] = underline + 1
        }
        block.provenance.lines = range
        return block
    }
}

/// Bytes → text: UTF-8 (BOM dropped), UTF-16 with a BOM (as Windows' Notepad saves "Unicode"); anything else is read
/// as Windows-1252 and said so.
///
/// Line endings become `\n`: cmark ends a line at `\r\n`, `\n` and a bare `\r` alike, and the line numbers it
/// reports must agree with every line table built from the text afterwards (front matter, heading lines).
enum TextDecoder {
    static func decode(_ data: Data) -> (text: String, problem: String?) {
        decode(normalized: normalizing(data))
    }

    /// The bytes without a UTF-8 BOM (UTF-16 with a BOM transcoded to UTF-8), with `\n` line endings.
    static func normalizing(_ data: Data) -> Data {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let utf8 = transcodingUTF16(bytes) { bytes = utf8 }
        return normalizingLineEndings(bytes)
    }

    /// UTF-16 text that starts with its byte-order mark, as UTF-8 (unpaired surrogates become U+FFFD); nil for
    /// anything else.
    static func transcodingUTF16(_ bytes: Data) -> Data? {
        let bigEndian: Bool
        if bytes.starts(with: [0xFF, 0xFE]) { bigEndian = false } else if bytes.starts(with: [0xFE, 0xFF]) { bigEndian = true } else { return nil }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex + 2
        while index + 1 < bytes.endIndex {
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        return Data(String(decoding: units, as: UTF16.self).utf8)
    }

    /// Bytes already `normalizing` → text.
    static func decode(normalized bytes: Data) -> (text: String, problem: String?) {
        if let text = String(data: bytes, encoding: .utf8) { return (text, nil) }
        if let text = String(data: bytes, encoding: .windowsCP1252) {
            return (text, "input is not UTF-8; read as Windows-1252")
        }
        return (String(decoding: bytes, as: UTF8.self), "input is not UTF-8; invalid bytes replaced by U+FFFD")
    }

    /// `\r\n` and a bare `\r` → `\n`, in one pass over the bytes (0x0D and 0x0A mean the same in UTF-8 and
    /// Windows-1252, and never occur inside a UTF-8 multi-byte sequence).
    static func normalizingLineEndings(_ bytes: Data) -> Data {
        let hasCR = bytes.withUnsafeBytes { raw in raw.baseAddress.map { memchr($0, 0x0D, raw.count) != nil } ?? false }
        guard hasCR else { return bytes }
        var result = Data()
        result.reserveCapacity(bytes.count)
        var afterCR = false
        for byte in bytes {
            if byte == 0x0D {
                result.append(0x0A)
                afterCR = true
            } else {
                if !(byte == 0x0A && afterCR) { result.append(byte) }
                afterCR = false
            }
        }
        return result
    }
}
