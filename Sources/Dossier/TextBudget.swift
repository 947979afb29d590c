import Foundation

/// How much text the stages read of one document. A CV or a publication list holds well under a megabyte of
/// text; an input holding more (a 100 MB one-line file) would keep the pattern-heavy stages busy for minutes.
/// Past the budget the document is cut at a top-level block — the block that crosses it keeps its first part —
/// and a warning says so, so work ends early rather than late.
public enum TextBudget {
    /// 4 MiB of UTF-8 text.
    public static let standard = 4 << 20

    /// Cuts `document` to `limit` bytes of block text; true when it cut anything.
    @discardableResult
    public static func apply(to document: inout Document, limit: Int = standard) -> Bool {
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
}
