import DossierModel
import DossierText
import Foundation

/// cmark nodes → Dossier blocks and inlines.
enum MarkdownBlocks {
    static func block(_ node: CMarkNode) -> Block? {
        let provenance = Provenance.lines(node.startLine, max(node.startLine, node.endLine))
        switch node.type {
        case "heading":
            let inlines = MarkdownInlines.inlines(node.children)
            return Block(.heading, text: MarkdownInlines.plain(inlines), provenance: provenance, level: node.headingLevel, inlines: inlines)
        case "paragraph":
            let inlines = MarkdownInlines.inlines(node.children)
            return Block(.paragraph, text: MarkdownInlines.plain(inlines), provenance: provenance, inlines: inlines)
        case "list":
            var list = Block(.list, text: "", provenance: provenance)
            list.ordered = node.ordered
            if node.ordered { list.start = node.listStart }
            // Items (4,000 references) and rows are built on every core (`ParallelMap`, in order): each from its node alone.
            let ordered = node.ordered, listStart = node.listStart, delimiter = node.parenDelimiter ? ")" : "."
            let children = node.children
            list.items = ParallelMap.map(Array(children.indices)) { offset in
                item(children[offset], marker: ordered ? "\(listStart + offset)\(delimiter)" : nil)
            }
            list.text = (list.items ?? []).map(\.text).joined(separator: "\n")
            return list
        case "block_quote":
            var quote = Block(.quote, text: "", provenance: provenance)
            quote.blocks = node.children.compactMap(block)
            quote.text = (quote.blocks ?? []).map(\.text).joined(separator: "\n")
            return quote
        case "code_block":
            var code = Block(.code, text: trimmingFinalNewline(node.literal ?? ""), provenance: provenance)
            if let info = node.fenceInfo, !info.isEmpty { code.info = info }
            return code
        case "html_block":
            let raw = trimmingFinalNewline(node.literal ?? "")
            let visible = HTMLText.visibleText(raw)
            guard !visible.isEmpty else { return nil }
            return Block(.paragraph, text: visible, provenance: provenance, inlines: [Inline(.html, text: visible, raw: raw)])
        case "thematic_break":
            return Block(.rule, text: "", provenance: provenance)
        case "table":
            var table = Block(.table, text: "", provenance: provenance)
            table.rows = ParallelMap.map(node.children) { row($0) }
            table.text = (table.rows ?? []).map(\.text).joined(separator: "\n")
            return table
        default:
            // Footnote definitions and extension blocks: keep their text as a paragraph.
            let children = node.children.compactMap(block)
            guard !children.isEmpty else { return nil }
            return Block(.paragraph, text: children.map(\.text).joined(separator: "\n"), provenance: provenance)
        }
    }

    private static func item(_ node: CMarkNode, marker: String?) -> Block {
        var item = Block(.item, text: "", provenance: .lines(node.startLine, max(node.startLine, node.endLine)))
        item.marker = marker
        let children = node.children.compactMap(block)
        item.blocks = children
        item.text = children.map(\.text).joined(separator: "\n")
        if let first = children.first, first.type == .paragraph { item.inlines = first.inlines }
        return item
    }

    private static func row(_ node: CMarkNode) -> Block {
        var row = Block(.row, text: "", provenance: .lines(node.startLine, max(node.startLine, node.endLine)))
        row.cells = node.children.map { cellNode in
            let inlines = MarkdownInlines.inlines(cellNode.children)
            var cell = Block(.cell, text: MarkdownInlines.plain(inlines), provenance: .lines(node.startLine, max(node.startLine, node.endLine)), inlines: inlines)
            if node.isHeaderRow { cell.header = true }
            return cell
        }
        row.text = (row.cells ?? []).map(\.text).joined(separator: "\t")
        return row
    }

    private static func trimmingFinalNewline(_ text: String) -> String {
        text.hasSuffix("\n") ? String(text.dropLast()) : text
    }
}

/// cmark inline nodes → Dossier inlines, merging adjacent text runs.
enum MarkdownInlines {
    static func inlines(_ nodes: [CMarkNode]) -> [Inline] {
        var result: [Inline] = []
        for node in nodes {
            guard let next = inline(node), !(next.type == .text && next.text.isEmpty) else { continue }
            if next.type == .text, let last = result.last, last.type == .text {
                result[result.count - 1] = .text(last.text + next.text)
            } else {
                result.append(next)
            }
        }
        return result
    }

    static func plain(_ inlines: [Inline]) -> String {
        inlines.map(\.text).joined()
    }

    private static func inline(_ node: CMarkNode) -> Inline? {
        switch node.type {
        case "text": return .text(node.literal ?? "")
        case "softbreak": return Inline(.softbreak, text: "\n")
        case "linebreak": return Inline(.linebreak, text: "\n")
        case "code": return Inline(.code, text: node.literal ?? "")
        case "html_inline":
            // Kept as raw text; `<br>` still breaks the line so that the plain text reads right.
            let raw = node.literal ?? ""
            let isBreak = raw.lowercased().hasPrefix("<br")
            return Inline(.html, text: isBreak ? "\n" : "", raw: raw)
        case "emph": return container(.emphasis, node)
        case "strong": return container(.strong, node)
        case "strikethrough": return container(.strikethrough, node)
        case "link":
            var link = container(.link, node)
            link.url = node.url
            return link
        case "image":
            // An image contributes its alt text only.
            return .text(plain(inlines(node.children)))
        default:
            let children = inlines(node.children)
            return children.isEmpty ? (node.literal.map { .text($0) }) : Inline(.text, text: plain(children))
        }
    }

    private static func container(_ type: InlineType, _ node: CMarkNode) -> Inline {
        let children = inlines(node.children)
        return Inline(type, text: plain(children), children: children)
    }
}

/// The visible text of a fragment of raw HTML found in Markdown: tags removed, scripts and styles dropped,
/// the common entities decoded. It is never rendered or executed.
///
/// Each step is one pass over the bytes (the regular expressions they replace, such as `<[^>]*>`, took seconds
/// on a block of thousands of unclosed `<`), in the same order: `script`, `style` and `template` elements and
/// comments go, line-breaking tags become newlines, other tags go.
enum HTMLText {
    static func visibleText(_ html: String) -> String {
        var bytes = Array(html.utf8)
        for dropped in ["script", "style", "template"] { bytes = removingElements(dropped, from: bytes) }
        bytes = removingComments(bytes)
        bytes = replacingTags(in: bytes)
        var text = String(decoding: bytes, as: UTF8.self)
        let entities = ["&nbsp;": " ", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&apos;": "'", "&amp;": "&"]
        for (entity, character) in entities { text = text.replacingOccurrences(of: entity, with: character) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        return lines.joined(separator: "\n")
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
    }

    /// Whether `word` (lower-case ASCII) is at `index`, in any case.
    private static func matches(_ bytes: [UInt8], _ word: [UInt8], at index: Int) -> Bool {
        guard index + word.count <= bytes.count else { return false }
        for offset in word.indices where lower(bytes[index + offset]) != word[offset] { return false }
        return true
    }

    /// The first index at or after `start` where `word` begins, or nil.
    private static func find(_ bytes: [UInt8], _ word: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + word.count <= bytes.count {
            if matches(bytes, word, at: index) { return index }
            index += 1
        }
        return nil
    }

    /// Removes `<name …> … </name>` (`<name\b[^>]*>[\s\S]*?</name\s*>`, any case); an element left open stays.
    static func removingElements(_ name: String, from bytes: [UInt8]) -> [UInt8] {
        let open = Array("<\(name)".utf8)
        let close = Array("</\(name)".utf8)
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == 0x3C, matches(bytes, open, at: index),
                index + open.count == bytes.count || !isWordByte(bytes[index + open.count]) else {
                result.append(bytes[index])
                index += 1
                continue
            }
            // The start tag's `>`, then the first end tag after it; when either is missing, no later element
            // can be complete either.
            guard let tagEnd = bytes[(index + open.count)...].firstIndex(of: 0x3E), let end = elementEnd(bytes, close, from: tagEnd + 1) else {
                result += bytes[index...]
                break
            }
            index = end
        }
        return result
    }

    /// The end (exclusive) of the first `</name\s*>` at or after `start`.
    private static func elementEnd(_ bytes: [UInt8], _ close: [UInt8], from start: Int) -> Int? {
        var from = start
        while let found = find(bytes, close, from: from) {
            var index = found + close.count
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            if index < bytes.count, bytes[index] == 0x3E { return index + 1 }
            from = found + 1
        }
        return nil
    }

    /// Removes `<!-- … -->`; a comment left open stays.
    static func removingComments(_ bytes: [UInt8]) -> [UInt8] {
        let open = Array("<!--".utf8)
        let close = Array("-->".utf8)
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == 0x3C, matches(bytes, open, at: index) else {
                result.append(bytes[index])
                index += 1
                continue
            }
            guard let end = find(bytes, close, from: index + open.count) else {
                result += bytes[index...]
                break
            }
            index = end + close.count
        }
        return result
    }

    /// Line-breaking tags (`<br>`, `</p>`, `</div>`, `</li>`, `</h1>`…`</h6>`, `</tr>`) → a newline; every other
    /// `<…>` → nothing; a `<` with no `>` after it stays.
    static func replacingTags(in bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == 0x3C else {
                result.append(bytes[index])
                index += 1
                continue
            }
            guard let end = bytes[(index + 1)...].firstIndex(of: 0x3E) else {
                result += bytes[index...]
                break
            }
            if breaksLine(bytes, tagStart: index) { result.append(0x0A) }
            index = end + 1
        }
        return result
    }

    private static let lineBreakingNames: [[UInt8]] = ["br", "/p", "/div", "/li", "/h1", "/h2", "/h3", "/h4", "/h5", "/h6", "/tr"].map { Array($0.utf8) }

    private static func breaksLine(_ bytes: [UInt8], tagStart: Int) -> Bool {
        var index = tagStart + 1
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        return lineBreakingNames.contains { name in
            matches(bytes, name, at: index) && (index + name.count == bytes.count || !isWordByte(bytes[index + name.count]))
        }
    }
}
