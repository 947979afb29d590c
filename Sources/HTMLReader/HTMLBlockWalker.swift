import DossierModel
import Foundation

/// Walks the page's node tree and produces Dossier blocks.
///
/// - `h1`–`h6` → heading, `p` → paragraph, `ul/ol` → list of items, `dl` → list (see `HTMLLists`),
///   `table` → table (see `HTMLTables`), `blockquote` → quote, `pre` → code, `hr` → rule; a run of Word's list
///   paragraphs → list (see `WordListParagraphs`).
/// - Containers (`div`, `section`, `article`, `main`, `header` inside content, ...) are walked; text and inline
///   elements met directly inside a container make an anonymous paragraph, as a browser lays them out, so a
///   `div` or `span` that only holds text becomes a paragraph.
/// - Page chrome is dropped (`PageChrome`). The site title in a dropped header or navbar (an `h1`, else a
///   `site-title`/`navbar-brand` element) is kept, as a heading or paragraph, only when the rest of the page has
///   no `h1`: static-site pages often show the applicant's name only there. An `h1` is preferred to a brand;
///   only the first such title is kept.
final class HTMLBlockWalker {
    /// The visible characters of the whole page (see `PageChrome.verdict`).
    private(set) var pageTextLength = Int.max
    /// Site titles found in dropped chrome, in page order; `blocks(_:)` keeps at most one.
    private var rescued: [Block] = []
    /// Classes the page's own stylesheet makes bold or italic.
    let hints: StyleSheetHints

    init(hints: StyleSheetHints = .none) {
        self.hints = hints
    }

    /// The blocks of a whole page.
    func blocks(_ root: HTMLNode) -> [Block] {
        pageTextLength = PageChrome.visibleLength(root)
        var blocks = walk(root.children, insideSectioning: false)
        guard !rescued.isEmpty else { return blocks }
        let candidates = Set(rescued)
        let contentHasH1 = blocks.contains { !candidates.contains($0) && $0.type == .heading && $0.level == 1 }
        let kept = contentHasH1 ? nil : (rescued.first { $0.type == .heading } ?? rescued.first)
        var keptOnce = false
        blocks.removeAll { block in
            guard candidates.contains(block) else { return false }
            if block == kept, !keptOnce {
                keptOnce = true
                return false
            }
            return true
        }
        return blocks
    }

    /// Blocks of a sequence of sibling nodes; runs of text and inline elements become paragraphs.
    func walk(_ nodes: [HTMLNode], insideSectioning: Bool) -> [Block] {
        var result: [Block] = []
        var pending: [HTMLNode] = []
        func flush() {
            if let paragraph = paragraph(pending) { result.append(paragraph) }
            pending.removeAll()
        }
        var wordItems: [HTMLNode] = []
        func flushWordItems() {
            if let list = wordList(wordItems) { result.append(list) }
            wordItems.removeAll()
        }
        var records: [(node: HTMLNode, blocks: [Block])] = []
        func flushRecords() {
            if records.count >= 2, let list = recordList(records) {
                result.append(list)
            } else {
                for record in records { result += record.blocks }
            }
            records.removeAll()
        }
        for node in nodes {
            // Records: sibling containers of one kind, each a few paragraphs (see `RecordContainers`).
            if !records.isEmpty, node.kind == .text, !Self.isVisible(node.text) { continue }
            let container = Self.isRecordContainer(node)
            if !container { flushRecords() }
            if Self.isWordListParagraph(node) {
                flush()
                wordItems.append(node)
                continue
            }
            if !wordItems.isEmpty, node.kind == .text, node.firstLine == 0 { continue }
            flushWordItems()
            if node.kind == .text {
                pending.append(node)
                continue
            }
            if HTMLVocabulary.dropped.contains(node.name) { continue }
            if case .drop(let rescue) = PageChrome.verdict(node, insideSectioning: insideSectioning, pageTextLength: pageTextLength) {
                if rescue, let title = rescueTitle(node) {
                    flush()
                    result.append(title)
                }
                continue
            }
            if !HTMLVocabulary.blockLevel.contains(node.name), !Self.containsBlock(node) {
                pending.append(node)
                continue
            }
            flush()
            if container {
                // Walked once: a record joins the run, anything else is what `block` would have made of it.
                let blocks = walk(node.children, insideSectioning: insideSectioning || PageChrome.opensSectioning(node))
                if Self.isRecord(blocks) {
                    if let last = records.last, Self.recordKind(last.node) != Self.recordKind(node) { flushRecords() }
                    records.append((node, blocks))
                } else {
                    flushRecords()
                    result += blocks
                }
                continue
            }
            result += block(node, insideSectioning: insideSectioning)
        }
        flushRecords()
        flush()
        flushWordItems()
        return result
    }

    private func block(_ node: HTMLNode, insideSectioning: Bool) -> [Block] {
        let inner = insideSectioning || PageChrome.opensSectioning(node)
        if let level = HTMLVocabulary.headingLevels[node.name] {
            // libxml2's HTML 4 rules nest what follows an unclosed heading inside it (`<h1>Name<h2>Education</h2>`):
            // the text before the first block is the heading, the blocks after it are walked as siblings.
            guard let split = node.children.firstIndex(where: { $0.isElement && HTMLVocabulary.blockLevel.contains($0.name) }) else {
                return heading(node, level: level).map { [$0] } ?? []
            }
            var title = node
            title.children = Array(node.children[..<split])
            title.lastLine = Self.provenance(title.children)?.lines?.last ?? node.firstLine
            let head = heading(title, level: level).map { [$0] } ?? []
            return head + walk(Array(node.children[split...]), insideSectioning: inner)
        }
        switch node.name {
        case "p":
            return paragraph(node.children, provenance: Self.provenance(node)).map { [$0] } ?? []
        case "ul", "ol", "menu", "dir":
            return list(node, insideSectioning: inner).map { [$0] } ?? []
        case "dl":
            return definitionList(node, insideSectioning: inner).map { [$0] } ?? []
        case "table":
            return table(node, insideSectioning: inner)
        case "blockquote":
            let children = walk(node.children, insideSectioning: true)
            guard !children.isEmpty else { return [] }
            var quote = Block(.quote, text: children.map(\.text).joined(separator: "\n"), provenance: Self.provenance(node))
            quote.blocks = children
            return [quote]
        case "pre", "listing", "xmp", "plaintext":
            return [code(node)]
        case "hr":
            return [Block(.rule, text: "", provenance: Self.provenance(node))]
        default:
            return walk(node.children, insideSectioning: inner)
        }
    }

    private func heading(_ node: HTMLNode, level: Int) -> Block? {
        let inlines = HTMLInlines.inlines(node.children, hints: hints)
        let text = HTMLInlines.plain(inlines)
        guard Self.isVisible(text) else { return nil }
        return Block(.heading, text: text, provenance: Self.provenance(node), level: level, inlines: inlines)
    }

    /// A paragraph of inline nodes, or nil when they show nothing (no text and no link).
    func paragraph(_ nodes: [HTMLNode], provenance: Provenance? = nil) -> Block? {
        let inlines = HTMLInlines.inlines(nodes, hints: hints)
        let text = HTMLInlines.plain(inlines)
        guard Self.isVisible(text) || inlines.contains(where: { $0.type == .link }) else { return nil }
        guard let provenance = provenance ?? Self.provenance(nodes) else { return nil }
        return Block(.paragraph, text: text, provenance: provenance, inlines: inlines)
    }

    private func code(_ node: HTMLNode) -> Block {
        var text = Self.preformattedText(node.children)
        if text.hasPrefix("\r\n") { text.removeFirst(2) } else if text.hasPrefix("\n") { text.removeFirst() }
        while text.hasSuffix("\n") { text.removeLast() }
        var block = Block(.code, text: text, provenance: Self.provenance(node))
        let codeChild = node.children.first { $0.isElement && $0.name == "code" }
        let classes = ((node.attributes["class"] ?? "") + " " + (codeChild?.attributes["class"] ?? "")).split(separator: " ")
        if let language = classes.first(where: { $0.hasPrefix("language-") || $0.hasPrefix("lang-") }) {
            block.info = String(language.drop(while: { $0 != "-" }).dropFirst())
        }
        return block
    }

    private static func preformattedText(_ nodes: [HTMLNode]) -> String {
        nodes.map { node -> String in
            if node.kind == .text { return HTMLInlines.withoutConditionalMarkers(node.text) }
            if HTMLVocabulary.dropped.contains(node.name) { return "" }
            if node.name == "br" { return "\n" }
            return preformattedText(node.children)
        }.joined()
    }

    /// The site title of a dropped header or navbar: its `h1` as a heading, else its site-title element's text.
    private func rescueTitle(_ node: HTMLNode) -> Block? {
        var title: Block?
        if let h1 = node.firstElement(named: "h1") {
            title = heading(h1, level: 1)
        } else if let titleNode = Self.firstSiteTitle(node) {
            title = paragraph(titleNode.children, provenance: Self.provenance(titleNode))
        }
        if let title { rescued.append(title) }
        return title
    }

    private static func firstSiteTitle(_ node: HTMLNode) -> HTMLNode? {
        if node.isElement, PageChrome.isSiteTitle(node) { return node }
        for child in node.children where child.isElement {
            if let found = firstSiteTitle(child) { return found }
        }
        return nil
    }

    /// Whether text shows anything: not only spaces, no-break spaces and line ends (`<td>&nbsp;</td>`).
    static func isVisible(_ text: String) -> Bool {
        text.unicodeScalars.contains { !CharacterSet.whitespacesAndNewlines.contains($0) }
    }

    /// Whether an inline-looking element holds a block element (then it is walked as a container).
    static func containsBlock(_ node: HTMLNode) -> Bool {
        node.children.contains { child in
            child.isElement && !HTMLVocabulary.dropped.contains(child.name)
                && (HTMLVocabulary.blockLevel.contains(child.name) || containsBlock(child))
        }
    }

    // MARK: Provenance

    /// An element's lines: from its start tag to its end tag (or last content).
    static func provenance(_ node: HTMLNode) -> Provenance {
        let first = max(1, node.firstLine)
        return .lines(first, max(first, node.lastLine))
    }

    /// The lines spanned by the visible content of these nodes; nil when they hold nothing.
    static func provenance(_ nodes: [HTMLNode]) -> Provenance? {
        let firsts = nodes.map(\.firstLine).filter { $0 > 0 }
        guard let first = firsts.min() else { return nil }
        let last = nodes.map(\.lastLine).max() ?? first
        return .lines(first, max(first, last))
    }
}
