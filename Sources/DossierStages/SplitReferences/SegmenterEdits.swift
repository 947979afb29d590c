import DossierText
import DossierModel
import Foundation
import ReferenceParser

/// Where the learned segmenter, confident, cuts or joins the reader's paragraphs and list items of publication
/// sections: the rules then cut references out of the blocks as edited.
struct SegmenterEdits {
    /// Paragraphs that go on from the paragraph before them.
    var joins: Set<Int> = []
    /// Paragraph → the numbers of the lines at which a new publication starts.
    var paragraphCuts: [Int: [Int]] = [:]
    /// List blocks whose items were cut or joined.
    var lists: [Int: Block] = [:]

    var isEmpty: Bool { joins.isEmpty && paragraphCuts.isEmpty && lists.isEmpty }

    /// A label must be at least this confident to overrule the reader's blocks.
    static let threshold = 0.9

    /// The edits for the publication sections' blocks `indices` (those in `excluded` are left alone: entries read
    /// field by field, paper headings).
    static func edits(_ document: Document, blocks indices: [Int], map: SectionMap, applicant: [String], excluded: Set<Int>,
                      model: SequenceModel? = PublicationSegmenter.model) -> SegmenterEdits {
        var edits = SegmenterEdits()
        let lines = PublicationLines.lines(in: document, blocks: indices.filter { !excluded.contains($0) }, map: map)
        guard let labels = PublicationSegmenter.label(lines, applicant: applicant, model: model) else { return edits }
        var itemJoins: [Int: Set<Int>] = [:], itemCuts: [Int: [Int: [Int]]] = [:]
        for (index, line) in lines.enumerated() {
            let (label, confidence) = labels[index]
            let opens = label != "in"
            if line.opensBlock {
                guard index > 0 else { continue }
                let previous = lines[index - 1]
                switch line.holder {
                case .paragraph:
                    // A paragraph the rules see going on ("…, Marine A." / "Denolle (2026). …") stays joined whatever
                    // the model says: it only adds joins.
                    guard !opens, confidence >= threshold, previous.holder == .paragraph, previous.block + 1 == line.block,
                          map.section(ofBlock: previous.block)?.blocks == map.section(ofBlock: line.block)?.blocks else { continue }
                    edits.joins.insert(line.block)
                case .item:
                    guard !opens, confidence >= threshold, previous.holder == .item, previous.block == line.block,
                          let item = line.item, previous.item == item - 1 else { continue }
                    itemJoins[line.block, default: []].insert(item)
                }
            } else if opens, confidence >= threshold, index > 0, !SplitReferencesStage.goesOn(from: lines[index - 1].text, to: line.text) {
                // A sentence or an author list visibly going on ("…, Marine A." / "Denolle (2026). A title") is never cut.
                switch line.holder {
                case .paragraph: edits.paragraphCuts[line.block, default: []].append(line.line)
                case .item: if let item = line.item { itemCuts[line.block, default: [:]][item, default: []].append(line.line) }
                }
            }
        }
        for block in Set(itemJoins.keys).union(itemCuts.keys) {
            edits.lists[block] = edited(document.blocks[block], joins: itemJoins[block] ?? [], cuts: itemCuts[block] ?? [:])
        }
        return edits
    }

    /// A list with items cut at the given lines and items joined to the one before them.
    static func edited(_ list: Block, joins: Set<Int>, cuts: [Int: [Int]]) -> Block {
        var items: [Block] = []
        for (number, item) in (list.items ?? []).enumerated() {
            let parts = cuts[number].map { split(item, at: $0) } ?? [item]
            for (part, piece) in parts.enumerated() {
                if part == 0, joins.contains(number), let last = items.popLast() {
                    items.append(joined(last, piece))
                } else {
                    items.append(piece)
                }
            }
        }
        var result = list
        result.items = items
        result.text = items.map(\.text).joined(separator: "\n")
        return result
    }

    /// A paragraph or simple item cut before each of the given lines.
    static func split(_ block: Block, at cuts: [Int]) -> [Block] {
        let lines = block.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let paragraph = block.blocks?.first
        let inlineLines = PublicationLines.lineInlines(paragraph?.inlines ?? block.inlines ?? [])
        let bounds = [0] + cuts.filter { $0 > 0 && $0 < lines.count }.sorted() + [lines.count]
        var parts: [Block] = []
        for (start, end) in zip(bounds, bounds.dropFirst()) where start < end {
            var part = block
            part.text = lines[start..<end].joined(separator: "\n")
            if inlineLines.count == lines.count {
                part.inlines = Array(inlineLines[start..<end].joined(separator: [Inline(.softbreak, text: "\n")]))
            }
            if start > 0 { part.marker = nil }
            if var child = paragraph {
                child.text = part.text
                child.inlines = part.inlines
                part.blocks = [child]
                if block.inlines == nil { part.inlines = nil }
            }
            parts.append(part)
        }
        return parts.isEmpty ? [block] : parts
    }

    /// Two paragraphs or simple items as one: texts and inlines run together across a line break.
    static func joined(_ first: Block, _ second: Block) -> Block {
        var result = first
        result.text = first.text + "\n" + second.text
        let firstInlines = first.blocks?.first?.inlines ?? first.inlines ?? []
        let secondInlines = second.blocks?.first?.inlines ?? second.inlines ?? []
        let inlines = firstInlines + [Inline(.softbreak, text: "\n")] + secondInlines
        if first.inlines != nil || second.inlines != nil { result.inlines = inlines }
        if var child = first.blocks?.first {
            child.text = result.text
            child.inlines = inlines
            result.blocks = [child]
        }
        return result
    }
}
