import DossierModel

/// Tables: `table` → `table` of `row`s of `cell`s (`th` → header cell); a `caption` → a paragraph before it.
///
/// Pages laid out with tables put whole sections in cells. A row whose cells hold structure — a heading, a
/// list, a nested table, a quote, preformatted text — is not a row of data: its cells are walked as containers
/// and their blocks come out in reading order, ending the table segment before them. So a layout table becomes
/// headings, lists and smaller tables of the rows that really are rows ("2015–2019 | PhD, …"). A segment whose
/// rows all have a single cell is a column of text, not a table: its cells come out as paragraphs.
///
/// Text and elements that sit in a table outside any cell (`<table>Note<tr>…`, or the text of a table nested too
/// deep for the tree, gathered into its ancestor) are shown by browsers before the table; they come out as
/// blocks where they stand, never dropped.
extension HTMLBlockWalker {
    func table(_ node: HTMLNode, insideSectioning: Bool) -> [Block] {
        var result: [Block] = []
        var segment: [(row: Block, cells: [HTMLNode])] = []
        func flushSegment() {
            defer { segment.removeAll() }
            guard let first = segment.first, let last = segment.last else { return }
            if segment.allSatisfy({ ($0.row.cells ?? []).count <= 1 }) {
                for entry in segment { result += walk(entry.cells.flatMap(\.children), insideSectioning: true) }
                return
            }
            let rows = segment.map(\.row)
            var table = Block(.table, text: rows.map(\.text).joined(separator: "\n"), provenance: Self.span(first.row.provenance, last.row.provenance))
            table.rows = rows
            result.append(table)
        }
        func visitStray(_ nodes: [HTMLNode]) {
            let blocks = walk(nodes, insideSectioning: true)
            guard !blocks.isEmpty else { return }
            flushSegment()
            result += blocks
        }
        func visitRow(_ rowNode: HTMLNode, cells: [HTMLNode]) {
            if rowNode.name == "tr" { visitStray(rowNode.children.filter { !Self.isCell($0) }) }
            let cells = cells.filter { PageChrome.verdict($0, insideSectioning: true, pageTextLength: pageTextLength) == .keep }
            if cells.contains(where: Self.holdsStructure) {
                flushSegment()
                for cell in cells { result += walk(cell.children, insideSectioning: true) }
                return
            }
            if let row = row(rowNode, cells: cells) { segment.append((row, cells)) }
        }
        for child in node.children {
            if !child.isElement {
                visitStray([child])
                continue
            }
            if HTMLVocabulary.dropped.contains(child.name) { continue }
            switch child.name {
            case "caption":
                flushSegment()
                result += walk([child], insideSectioning: true)
            case "thead", "tbody", "tfoot":
                for rowNode in child.children {
                    if rowNode.isElement, rowNode.name == "tr" {
                        visitRow(rowNode, cells: Self.cells(rowNode))
                    } else if Self.isCell(rowNode) {
                        visitRow(rowNode, cells: [rowNode])
                    } else if rowNode.isElement, ["colgroup", "col"].contains(rowNode.name) || HTMLVocabulary.dropped.contains(rowNode.name) {
                        continue
                    } else {
                        visitStray([rowNode])
                    }
                }
            case "tr":
                visitRow(child, cells: Self.cells(child))
            case "td", "th":
                visitRow(child, cells: [child])
            case "colgroup", "col":
                continue
            default:
                flushSegment()
                result += walk([child], insideSectioning: true)
            }
        }
        flushSegment()
        if result.count == 1, result[0].type == .table { result[0].provenance = Self.provenance(node) }
        return result
    }

    private func row(_ rowNode: HTMLNode, cells: [HTMLNode]) -> Block? {
        let cellBlocks = cells.map { cellNode -> Block in
            let inlines = HTMLInlines.inlines(cellNode.children, hints: hints)
            var cell = Block(.cell, text: HTMLInlines.plain(inlines), provenance: Self.provenance(cellNode), inlines: inlines)
            if cellNode.name == "th" { cell.header = true }
            return cell
        }
        let showsSomething = cellBlocks.contains { Self.isVisible($0.text) || ($0.inlines ?? []).contains { $0.type == .link } }
        guard showsSomething else { return nil }
        var row = Block(.row, text: cellBlocks.map(\.text).joined(separator: "\t"), provenance: Self.provenance(rowNode))
        row.cells = cellBlocks
        return row
    }

    private static func cells(_ rowNode: HTMLNode) -> [HTMLNode] {
        rowNode.children.filter(isCell)
    }

    private static func isCell(_ node: HTMLNode) -> Bool {
        node.isElement && (node.name == "td" || node.name == "th")
    }

    /// Whether a cell holds a heading, list, nested table or other structure that makes its row a layout row.
    private static func holdsStructure(_ node: HTMLNode) -> Bool {
        node.children.contains { child in
            child.isElement && !HTMLVocabulary.dropped.contains(child.name)
                && (HTMLVocabulary.structuralInCell.contains(child.name) || holdsStructure(child))
        }
    }
}
