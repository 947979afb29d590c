import DossierModel

/// The JATS `body`: the document's blocks in order, each profile section as a `sec` with `sec-type` (its kind) and
/// `title`, sub-sections nested by block range.
///
/// JATS wants a container's paragraphs before its sections, so blocks that follow a nested section inside the same
/// container go into an untitled `sec` of their own. A section's own heading becomes its `title`; other headings
/// become a bold paragraph. Lists, tables, quotes and code become `list`, `table-wrap`, `disp-quote`, `code` (with its `language`);
/// thematic breaks have no JATS form and are left out.
struct JATSBody {
    let document: Document

    func body() -> XMLElement {
        let blocks = document.blocks
        guard !blocks.isEmpty else { return XMLElement("body") }
        let sections = document.profile.sections
            .filter { $0.blocks.count == 2 && $0.blocks[0] >= 0 && $0.blocks[0] < blocks.count && $0.blocks[0] <= $0.blocks[1] }
            .sorted { ($0.blocks[0], -$0.blocks[1]) < ($1.blocks[0], -$1.blocks[1]) }
        return XMLElement("body", [], JATSBody.ordered(content(0...(blocks.count - 1), sections)).map(XMLNode.element))
    }

    /// The blocks of `range`, sections among `sections` that start inside it nested as `sec`.
    private func content(_ range: ClosedRange<Int>, _ sections: [Section]) -> [XMLElement] {
        var result: [XMLElement] = []
        var pending = sections
        var index = range.lowerBound
        while index <= range.upperBound {
            guard let position = pending.firstIndex(where: { $0.blocks[0] == index }) else {
                result += element(document.blocks[index])
                index += 1
                continue
            }
            let section = pending.remove(at: position)
            let end = min(section.blocks[1], range.upperBound)
            let start = document.blocks[index].type == .heading ? index + 1 : index
            let inner = pending.filter { $0.blocks[0] >= start && $0.blocks[0] <= end }
            pending.removeAll { candidate in inner.contains(candidate) }
            var sec = XMLElement("sec", [("sec-type", section.kind.rawValue)])
            sec.append("title", text: section.title.nonBlank ?? document.blocks[index].text.nonBlank)
            if start <= end { sec.children += JATSBody.ordered(content(start...end, inner)).map(XMLNode.element) }
            if sec.children.isEmpty { sec.append(XMLElement("p")) }
            result.append(sec)
            index = end + 1
        }
        return result
    }

    /// Paragraph-level elements first, then sections: what follows a section is wrapped in an untitled `sec`.
    static func ordered(_ elements: [XMLElement]) -> [XMLElement] {
        var result: [XMLElement] = []
        var trailing: [XMLElement] = []
        var sawSection = false
        for element in elements {
            if element.name == "sec" {
                if !trailing.isEmpty { result.append(XMLElement("sec", [], trailing.map(XMLNode.element))) }
                trailing = []
                sawSection = true
                result.append(element)
            } else if sawSection {
                trailing.append(element)
            } else {
                result.append(element)
            }
        }
        if !trailing.isEmpty { result.append(XMLElement("sec", [], trailing.map(XMLNode.element))) }
        return result
    }

    /// One block as paragraph-level JATS (nothing for a rule or an empty block).
    func element(_ block: Block) -> [XMLElement] {
        switch block.type {
        case .heading:
            guard block.text.nonBlank != nil else { return [] }
            return [XMLElement("p", [], [.element(XMLElement("bold", [], inlines(block)))])]
        case .paragraph, .item, .row, .cell:
            let children = inlines(block)
            return children.isEmpty ? [] : [XMLElement("p", [], children)]
        case .list:
            let items = (block.items ?? []).map(listItem)
            guard !items.isEmpty else { return [] }
            return [XMLElement("list", [("list-type", block.ordered == true ? "order" : "bullet")], items.map(XMLNode.element))]
        case .table:
            return table(block).map { [$0] } ?? []
        case .quote:
            let inner = (block.blocks ?? []).flatMap(element)
            let paragraphs = inner.isEmpty ? element(Block(.paragraph, text: block.text, provenance: block.provenance)) : inner
            guard !paragraphs.isEmpty else { return [] }
            return [XMLElement("disp-quote", [], paragraphs.map(XMLNode.element))]
        case .code:
            guard !block.text.isEmpty else { return [] }
            var attributes: [(String, String)] = []
            if let language = block.info?.nonBlank { attributes.append(("language", language)) }
            return [XMLElement("code", attributes, text: block.text)]
        case .rule:
            return []
        }
    }

    /// A list item: its paragraphs and lists as they are, anything else inside a `p` (which JATS lets hold them).
    private func listItem(_ item: Block) -> XMLElement {
        var children = (item.blocks ?? []).flatMap(element).map { $0.name == "p" || $0.name == "list" ? $0 : XMLElement("p", [], [.element($0)]) }
        if children.isEmpty, let paragraph = element(Block(.paragraph, text: item.text, provenance: item.provenance, inlines: item.inlines)).first {
            children = [paragraph]
        }
        if children.isEmpty { children = [XMLElement("p")] }
        return XMLElement("list-item", [], children.map(XMLNode.element))
    }

    /// A `table-wrap` with the leading header rows in `thead`, the rest in `tbody`.
    private func table(_ block: Block) -> XMLElement? {
        let rows = (block.rows ?? []).filter { !($0.cells ?? []).isEmpty }
        guard !rows.isEmpty else { return nil }
        let headerCount = rows.prefix { row in (row.cells ?? []).allSatisfy { $0.header == true } }.count
        func row(_ row: Block, header: Bool) -> XMLNode {
            .element(XMLElement("tr", [], (row.cells ?? []).map { .element(XMLElement(header ? "th" : "td", [], inlines($0))) }))
        }
        var table = XMLElement("table")
        if headerCount > 0 { table.append(XMLElement("thead", [], rows.prefix(headerCount).map { row($0, header: true) })) }
        if headerCount < rows.count { table.append(XMLElement("tbody", [], rows.dropFirst(headerCount).map { row($0, header: false) })) }
        return XMLElement("table-wrap", [], [.element(table)])
    }

    /// A block's inline content as JATS phrase markup; its plain text when the reader gave no inlines.
    func inlines(_ block: Block) -> [XMLNode] {
        guard let inlines = block.inlines, !inlines.isEmpty else { return block.text.isEmpty ? [] : [.text(block.text)] }
        return inlines.flatMap(node)
    }

    private func node(_ inline: Inline) -> [XMLNode] {
        let children = inline.children.map { $0.flatMap(node) } ?? (inline.text.isEmpty ? [] : [.text(inline.text)])
        func wrapped(_ name: String, _ attributes: [(String, String)] = []) -> [XMLNode] {
            children.isEmpty ? [] : [.element(XMLElement(name, attributes, children))]
        }
        switch inline.type {
        case .text, .html: return inline.text.isEmpty ? [] : [.text(inline.text)]
        case .softbreak: return [.text(" ")]
        case .linebreak: return [.text("\n")]
        case .emphasis: return wrapped("italic")
        case .strong: return wrapped("bold")
        case .strikethrough: return wrapped("strike")
        case .underline: return wrapped("underline")
        case .superscript: return wrapped("sup")
        case .subscript: return wrapped("sub")
        case .code: return inline.text.isEmpty ? [] : [.element(XMLElement("monospace", text: inline.text))]
        case .link:
            guard let url = inline.url?.nonBlank else { return children }
            return [.element(XMLElement("ext-link", [("ext-link-type", "uri"), ("xlink:href", url)], children.isEmpty ? [.text(url)] : children))]
        }
    }
}
