import DossierText
import Foundation

/// How much text the stages read of one document. A CV or a publication list holds well under a megabyte of
/// text; an input holding more (a 100 MB one-line file) would keep the pattern-heavy stages busy for minutes.
/// Past the budget the document is cut at a top-level block — the block that crosses it keeps its first part —
/// and a warning says so, so work ends early rather than late.
///
/// Within that, one line of text (a paragraph without line breaks, a list item, a table row) holds at most
/// `line` bytes: the contact, document-kind, section and reference stages scan lines with many patterns, and a
/// 4 MB line costs them seconds while no CV has a line of more than a few kilobytes. A longer line keeps its
/// first part (the block loses its inline markup, as a cut block does), and one warning says how many were cut.
public enum TextBudget {
    /// 4 MiB of UTF-8 text.
    public static let standard = 4 << 20
    /// 64 KiB of UTF-8 text in one line.
    public static let line = 64 << 10

    /// Cuts every line of `document` to `lineLimit` bytes, then the whole to `limit` bytes of block text; true
    /// when it cut anything.
    @discardableResult
    public static func apply(to document: inout Document, limit: Int = standard, lineLimit: Int = line) -> Bool {
        let linesCut = cutLines(of: &document, limit: lineLimit)
        return cutDocument(&document, limit: limit) || linesCut
    }

    /// Lines longer than `limit` in any block (items, rows, cells and nested blocks too) keep their first `limit`
    /// bytes, cut on a character boundary; one warning names the first and the longest.
    static func cutLines(of document: inout Document, limit: Int) -> Bool {
        var cut = LineCut(limit: limit)
        for index in document.blocks.indices { cut.apply(to: &document.blocks[index]) }
        guard cut.count > 0, let first = cut.first else { return false }
        let message = cut.count == 1
            ? "a line of text is \(size(cut.longest)) long; only its first \(size(limit)) were kept for the stages"
            : "\(cut.count) lines of text are longer than \(size(limit)) (the longest \(size(cut.longest))); only the first \(size(limit)) of each were kept for the stages"
        document.report(.warning, stage: "reader", message, provenance: first)
        return true
    }

    /// Cuts `document` to `limit` bytes of block text; true when it cut anything.
    static func cutDocument(_ document: inout Document, limit: Int) -> Bool {
        var total = 0
        for index in document.blocks.indices {
            let size = document.blocks[index].text.utf8.count
            if total + size <= limit {
                total += size
                continue
            }
            let whole = document.blocks.reduce(0) { $0 + $1.text.utf8.count }
            var block = document.blocks[index]
            let keep = max(0, limit - total)
            block.text = String(decoding: Array(block.text.utf8.prefix(keep)), as: UTF8.self)
            block.inlines = nil
            block.items = nil
            block.blocks = nil
            block.rows = nil
            block.cells = nil
            document.blocks = Array(document.blocks[..<index]) + (keep > 0 ? [block] : [])
            document.report(
                .warning, stage: "reader",
                "the text is \(megabytes(whole)) MB; only its first \(megabytes(limit)) MB were kept for the stages",
                provenance: block.provenance)
            return true
        }
        return false
    }

    private static func megabytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1_048_576) }

    private static func size(_ bytes: Int) -> String {
        bytes < 1 << 10 ? "\(bytes) bytes" : bytes < 1 << 20 ? "\(bytes >> 10) KB" : "\(megabytes(bytes)) MB"
    }

    /// The line cut through a block tree: what was cut, for the warning.
    private struct LineCut {
        let limit: Int
        /// Lines cut in top-level blocks (whose text holds the lines of the blocks inside them).
        var count = 0
        var longest = 0
        var first: Provenance?

        /// Cuts the long lines of `block` and of every block inside it; true when it cut any.
        @discardableResult
        mutating func apply(to block: inout Block, depth: Int = 0) -> Bool {
            var changed = false
            if block.text.utf8.count > limit, let text = cutting(block.text, counted: depth == 0) {
                block.text = text
                changed = true
                if first == nil { first = block.provenance }
            }
            for path in [\Block.items, \Block.blocks, \Block.rows, \Block.cells] {
                guard var children = block[keyPath: path] else { continue }
                var childChanged = false
                for index in children.indices where apply(to: &children[index], depth: depth + 1) { childChanged = true }
                if childChanged {
                    block[keyPath: path] = children
                    changed = true
                }
            }
            if changed {
                block.inlines = nil
                if depth == 0, count == 0 { count = 1 }
            }
            return changed
        }

        /// `text` with each line longer than the limit cut to it (on a character boundary), or nil when no line
        /// is that long.
        private mutating func cutting(_ text: String, counted: Bool) -> String? {
            let lines = text.linesSplitFast(omittingEmptySubsequences: false)
            guard lines.contains(where: { $0.utf8.count > limit }) else { return nil }
            return lines.map { line -> String in
                let bytes = line.utf8
                guard bytes.count > limit else { return String(line) }
                if counted { count += 1 }
                longest = max(longest, bytes.count)
                var end = bytes.index(bytes.startIndex, offsetBy: limit)
                while end > bytes.startIndex, bytes[end] & 0xC0 == 0x80 { end = bytes.index(before: end) }
                return String(decoding: bytes[..<end], as: UTF8.self)
            }.joined(separator: "\n")
        }
    }
}
