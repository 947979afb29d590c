import DossierModel
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
            list.items = node.children.enumerated().map { offset, child in
                item(child, marker: node.ordered ? "\(node.listStart + offset)\(node.parenDelimiter ? ")" : ".")" : nil)
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
            table.rows = node.children.map(row)
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
enum HTMLText {
    static func visibleText(_ html: String) -> String {
        var text = html
        for dropped in ["script", "style", "template"] {
            text = text.replacingOccurrences(of: "<\(dropped)\\b[^>]*>[\\s\\S]*?</\(dropped)\\s*>", with: "", options: [.regularExpression, .caseInsensitive])
        }
        text = text.replacingOccurrences(of: "<!--[\\s\\S]*?-->", with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: "<\\s*(br|/p|/div|/li|/h[1-6]|/tr)\\b[^>]*>", with: "\n", options: [.regularExpression, .caseInsensitive])
        text = text.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        let entities = ["&nbsp;": " ", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&apos;": "'", "&amp;": "&"]
        for (entity, character) in entities { text = text.replacingOccurrences(of: entity, with: character) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        return lines.joined(separator: "\n")
    }
}
