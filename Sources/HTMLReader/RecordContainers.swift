import DossierModel

/// Runs of sibling containers of one kind that each hold a few paragraphs and nothing else (`<div
/// class="publication">` with a title, an author and a venue paragraph, as site generators and hand-written pages
/// lay out a publication or a job) are the items of a list: a browser shows them as one card each, so the
/// paragraphs of one card belong together, and a card's end is an entry's end. Without this the cards' paragraphs
/// would run on as loose paragraphs, and where one entry ends would have to be guessed from their text.
extension HTMLBlockWalker {
    /// Containers that can hold one record.
    static let recordContainers: Set<String> = ["div", "article", "section"]

    /// A container that may hold one record (walked like any container when it does not).
    static func isRecordContainer(_ node: HTMLNode) -> Bool {
        node.isElement && recordContainers.contains(node.name)
    }

    /// A container's blocks make one record: two to eight paragraphs, no heading, list or table.
    static func isRecord(_ blocks: [Block]) -> Bool {
        (2...8).contains(blocks.count) && blocks.allSatisfy { $0.type == .paragraph }
    }

    /// What makes two containers the same kind of record: their element and class.
    static func recordKind(_ node: HTMLNode) -> String {
        node.name + "." + (node.attribute("class") ?? "")
    }

    /// A list of the records, one item per container, holding its paragraphs.
    func recordList(_ records: [(node: HTMLNode, blocks: [Block])]) -> Block? {
        let items = records.compactMap { item($0.blocks, provenance: Self.provenance($0.node)) }
        guard items.count >= 2, let first = records.first?.node, let last = records.last?.node else { return nil }
        var list = Block(.list, text: items.map(\.text).joined(separator: "\n"), provenance: Self.span(Self.provenance(first), Self.provenance(last)))
        list.ordered = false
        list.items = items
        return list
    }
}
