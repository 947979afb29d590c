import DossierText
import DossierModel
import DossierPipeline
import Foundation

/// Turns education and employment sections into entries: one per list item, table row or paragraph, each
/// with its date range (EDTF, precision kept, raw text beside it), title, organization and place.
///
/// A paragraph without a date right after an entry adds to that entry (a thesis title, a supervisor).
public struct EntriesStage: Stage {
    public let name = "entries"
    public let summary = "education and employment entries with date ranges (EDTF)"
    static let kinds: Set<SectionKind> = [.education, .employment]
    /// Separators and empty brackets left where a date was taken out.
    static let dateLeftovers = TextPattern(#"^\s*[:,–—-]\s*|\s*[,–—-]\s*$|\(\s*\)"#)

    public init() {}

    public func run(_ document: Document, context: StageContext) throws -> Document {
        var document = document
        let map = SectionMap(document)
        var entries: [Entry] = []
        for index in map.blocks(of: Self.kinds, in: document) {
            guard let kind = map.section(ofBlock: index)?.kind else { continue }
            let block = document.blocks[index]
            switch block.type {
            case .list:
                let items = block.items ?? []
                // Undated bullets right under an entry are its details ("Built a forecasting service…").
                if let last = entries.last, last.block == index - 1, !items.contains(where: { DateExpressions.firstRange(in: $0.text) != nil }) {
                    entries[entries.count - 1].raw += "\n" + items.map(\.text).joined(separator: "\n")
                    continue
                }
                for item in items { entries.append(entry(item.text, kind: kind, block: index)) }
            case .table:
                entries += tableEntries(block, kind: kind, index: index)
            case .paragraph, .quote:
                let text = block.text
                if DateExpressions.firstRange(in: text) == nil, let last = entries.last, last.block.map({ $0 == index - 1 }) == true {
                    entries[entries.count - 1] = entry(last.raw + "\n" + text, kind: kind, block: last.block ?? index)
                } else {
                    entries.append(entry(text, kind: kind, block: index))
                }
            default:
                continue
            }
        }
        document.profile.entries = entries
        return document
    }

    func entry(_ raw: String, kind: SectionKind, block: Int) -> Entry {
        var remainder = raw
        var dates: DateRange?
        if let found = DateExpressions.firstRange(in: raw) {
            dates = found.range
            remainder.replaceSubrange(found.location, with: "")
            remainder = Self.dateLeftovers.replacing(in: remainder, with: "")
        }
        let fields = EntryFields.split(remainder, kind: kind)
        return Entry(kind: kind, title: fields.title, organization: fields.organization, place: fields.place, dates: dates, raw: raw, block: block)
    }

    func tableEntries(_ table: Block, kind: SectionKind, index: Int) -> [Entry] {
        let rows = table.rows ?? []
        let headers = rows.first { $0.cells?.contains { $0.header == true } == true }?.cells?.map(\.text) ?? []
        return rows.filter { $0.cells?.contains { $0.header == true } != true }.map { row in
            let cells = row.cells?.map(\.text) ?? []
            let text = cells.joined(separator: ", ")
            let dates = cells.lazy.compactMap { DateExpressions.firstRange(in: $0)?.range }.first
            let fields = EntryFields.fromCells(cells, headers: headers, kind: kind)
            return Entry(kind: kind, title: fields.title, organization: fields.organization, place: fields.place, dates: dates, raw: text, block: index)
        }
    }
}
