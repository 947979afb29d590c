import DossierModel

/// Lists: `ul`/`ol` (and the old `menu`/`dir`) → `list` of `item`s; `dl` → an unordered `list` whose items are
/// the term/definition groups.
///
/// An ordered item's marker is its number as a browser would show it ("3."), following `start`, `reversed`
/// and `value`; a bullet item has no marker (HTML writes none). A `dl` keeps each `dt` with its `dd`s in one
/// item — a paragraph for the term, then the definitions' blocks — because CVs use `dl` for "2019–2021 /
/// Postdoc at …" pairs and a reference list's "[12] / Doe, J. …", where term and definition belong together.
/// Terms are not made bold or heading-like: that would invent styling the page does not have.
extension HTMLBlockWalker {
    func list(_ node: HTMLNode, insideSectioning: Bool) -> Block? {
        let ordered = node.name == "ol"
        let listItems = node.children.filter { $0.isElement && $0.name == "li" }
        let reversed = node.attributes["reversed"] != nil
        let start = Self.listNumber(node.attribute("start")) ?? (reversed ? listItems.count : 1)
        var number = start
        var items: [Block] = []
        var stray: [HTMLNode] = []
        func flushStray() {
            if let item = item(walk(stray, insideSectioning: insideSectioning)) { items.append(item) }
            stray.removeAll()
        }
        for child in node.children {
            if child.isElement, child.name == "li" {
                flushStray()
                if let value = Self.listNumber(child.attribute("value")) { number = value }
                if PageChrome.verdict(child, insideSectioning: insideSectioning, pageTextLength: pageTextLength) == .keep,
                    var item = item(walk(child.children, insideSectioning: insideSectioning), provenance: Self.provenance(child)) {
                    if ordered { item.marker = "\(number)." }
                    items.append(item)
                }
                number += reversed ? -1 : 1
            } else if child.isElement, ["ul", "ol"].contains(child.name), stray.isEmpty, let last = items.indices.last {
                // A list written directly inside a list (invalid but common) belongs to the item before it.
                if let nested = list(child, insideSectioning: insideSectioning) {
                    items[last].blocks = (items[last].blocks ?? []) + [nested]
                    items[last].text = (items[last].blocks ?? []).map(\.text).joined(separator: "\n")
                    items[last].provenance = Self.span(items[last].provenance, nested.provenance)
                }
            } else {
                stray.append(child)
            }
        }
        flushStray()
        guard !items.isEmpty else { return nil }
        var list = Block(.list, text: items.map(\.text).joined(separator: "\n"), provenance: Self.provenance(node))
        list.ordered = ordered
        if ordered { list.start = start }
        list.items = items
        return list
    }

    func definitionList(_ node: HTMLNode, insideSectioning: Bool) -> Block? {
        var groups: [[HTMLNode]] = []
        var current: [HTMLNode] = []
        var sawDefinition = false
        func visit(_ children: [HTMLNode]) {
            for child in children {
                if child.isElement, HTMLVocabulary.dropped.contains(child.name) { continue }
                if child.isElement, PageChrome.verdict(child, insideSectioning: insideSectioning, pageTextLength: pageTextLength) != .keep { continue }
                switch child.isElement ? child.name : "" {
                case "dt":
                    if sawDefinition {
                        groups.append(current)
                        current = []
                        sawDefinition = false
                    }
                    current.append(child)
                case "dd":
                    current.append(child)
                    sawDefinition = true
                case "div":
                    visit(child.children)
                default:
                    if child.isElement || child.firstLine > 0 { current.append(child) }
                }
            }
        }
        visit(node.children)
        if !current.isEmpty { groups.append(current) }
        let items = groups.compactMap { group -> Block? in
            let blocks = group.flatMap { member -> [Block] in
                guard member.isElement, ["dt", "dd"].contains(member.name) else { return walk([member], insideSectioning: insideSectioning) }
                if Self.containsBlock(member) { return walk(member.children, insideSectioning: insideSectioning) }
                return paragraph(member.children, provenance: Self.provenance(member)).map { [$0] } ?? []
            }
            return item(blocks)
        }
        guard !items.isEmpty else { return nil }
        var list = Block(.list, text: items.map(\.text).joined(separator: "\n"), provenance: Self.provenance(node))
        list.ordered = false
        list.items = items
        return list
    }

    /// An item holding these blocks (its inlines are its first paragraph's), or nil when they are empty.
    func item(_ blocks: [Block], provenance: Provenance? = nil) -> Block? {
        guard let first = blocks.first, let last = blocks.last else { return nil }
        let span = provenance ?? Self.span(first.provenance, last.provenance)
        var item = Block(.item, text: blocks.map(\.text).joined(separator: "\n"), provenance: span)
        item.blocks = blocks
        if first.type == .paragraph { item.inlines = first.inlines }
        return item
    }

    /// A `start` or `value` attribute as a number, kept within ±10⁹ so that counting on from it cannot overflow.
    static func listNumber(_ attribute: String?) -> Int? {
        guard let attribute, let value = Int(attribute) else { return nil }
        return min(max(value, -1_000_000_000), 1_000_000_000)
    }

    /// The line range from the start of one provenance to the end of another.
    static func span(_ from: Provenance, _ to: Provenance) -> Provenance {
        let first = from.lines?.first ?? 1
        let last = max(first, to.lines?.last ?? first, from.lines?.last ?? first)
        return .lines(first, last)
    }
}
