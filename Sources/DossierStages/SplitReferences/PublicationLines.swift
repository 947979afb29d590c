import DossierText
import DossierModel
import Foundation

/// One line of a publications section as `split-references` sees it: a line of a paragraph, or of a simple list
/// item, with where it sits. The learned segmenter labels these lines; its features are computed from them.
struct PublicationLine {
    /// What holds the line.
    enum Holder: String {
        case paragraph, item
    }

    var text: String
    /// The top-level block it is in.
    var block: Int
    /// The item of a list block it is in.
    var item: Int?
    /// Its number among the lines of its paragraph or item.
    var line: Int
    var holder: Holder
    /// The first line of the first block of a section (the first line under a heading).
    var opensSection = false
    /// The line opens with bold text, or its whole block is set in bold.
    var bold = false
    /// The marker of the item it opens ("[12]", "3.", "•"), when the reader saw one.
    var marker: String?
    /// The source's format (md, html, pdf): a paragraph's end is the writer's in Markdown and HTML, the reader's
    /// guess in a PDF.
    var format = ""

    var opensBlock: Bool { line == 0 }
}

/// The lines of a document's publication sections, in reading order.
enum PublicationLines {
    /// Lines of the paragraphs and simple list items among `indices` (the top-level blocks of publication
    /// sections). Items holding headings or nested lists, tables and other blocks are left to the rules.
    static func lines(in document: Document, blocks indices: [Int], map: SectionMap) -> [PublicationLine] {
        var result: [PublicationLine] = []
        var previousSection: Int?
        for index in indices {
            let block = document.blocks[index]
            let section = map.section(ofBlock: index)?.blocks.first
            let opensSection = section != previousSection
            previousSection = section
            var first = true
            func add(_ text: String, inlines: [Inline], wholeBold: Bool, item: Int?, marker: String?, holder: PublicationLine.Holder) {
                let texts = text.linesSplitFast().map { String($0) }
                let runs = lineInlines(inlines)
                for (number, line) in texts.enumerated() {
                    let trimmed = line.trimmingFast(in: .whitespaces)
                    guard !trimmed.isEmpty else { continue }
                    var entry = PublicationLine(text: trimmed, block: index, item: item, line: number, holder: holder)
                    entry.opensSection = opensSection && first
                    entry.bold = wholeBold || (runs.count == texts.count && opensBold(runs[number]))
                    entry.marker = number == 0 ? marker : nil
                    entry.format = document.source.format.rawValue
                    first = false
                    result.append(entry)
                }
            }
            switch block.type {
            case .paragraph, .quote:
                add(block.text, inlines: block.inlines ?? [], wholeBold: block.font?.bold == true, item: nil, marker: nil, holder: .paragraph)
            case .list:
                for (number, item) in (block.items ?? []).enumerated() {
                    let children = item.blocks ?? []
                    guard !children.contains(where: { $0.type != .paragraph }), children.count <= 1 else { continue }
                    let inlines = children.first?.inlines ?? item.inlines ?? []
                    add(item.text, inlines: inlines, wholeBold: item.font?.bold == true, item: number, marker: item.marker, holder: .item)
                }
            default:
                continue
            }
        }
        return result
    }

    /// The inlines of each line: the top-level inlines cut at line breaks.
    static func lineInlines(_ inlines: [Inline]) -> [[Inline]] {
        var lines: [[Inline]] = [[]]
        for inline in inlines {
            if inline.type == .softbreak || inline.type == .linebreak {
                lines.append([])
            } else {
                lines[lines.count - 1].append(inline)
            }
        }
        return lines
    }

    /// Whether the first inline with words is set in bold.
    static func opensBold(_ inlines: [Inline]) -> Bool {
        guard let first = inlines.first(where: { !$0.text.trimmingFast(in: .whitespaces).isEmpty }) else { return false }
        return first.type == .strong
    }
}
