import DossierText
import DossierModel
import Foundation

/// What a publications section's text promises, against what splitting found in it: a section that yields no
/// publication, or far fewer than its list items, DOIs or lines with a year suggest, is said, never passed over.
enum PublicationCoverage {
    /// The signs of references in a run of blocks.
    struct Signs: Equatable {
        /// List items and table rows that are not legends, counters or placeholders.
        var items = 0
        /// Distinct DOIs in the text and the links.
        var dois = 0
        /// Lines that hold a year.
        var yearLines = 0
        /// Whether any block has text at all.
        var hasText = false

        /// How many references the signs suggest at the least: every item, every DOI, one reference per two year lines.
        var expected: Int { max(items, dois, (yearLines + 1) / 2) }
    }

    /// `units[i]`, when given, are the units splitting already cut from `blocks[i]` (the same text; only their block
    /// index may differ): not cut again.
    /// A block's DOIs and its items and year lines are counted at once, on two cores (`ParallelMap.pair`): a list of
    /// 4,000 references spent 0.3 G instructions here on one.
    static func signs(of blocks: [Block], units known: [[ReferenceUnit]?] = []) -> Signs {
        var signs = Signs()
        var dois: Set<String> = []
        for (position, block) in blocks.enumerated() where block.type != .heading {
            let text = block.text.trimmingFast(in: .whitespacesAndNewlines)
            if !text.isEmpty { signs.hasText = true }
            let units = block.type == .list || block.type == .table
                ? (position < known.count ? known[position] : nil) ?? ReferenceUnits.units(of: block, index: 0) : nil
            let (found, (items, yearLines)) = ParallelMap.pair({
                var links: [String] = []
                appendURLs(of: block, to: &links)
                return Identifiers.dois(in: ([block.text] + links).joined(separator: "\n"))
            }, {
                let items = units.map { units in
                    units.filter { unit in
                        !ReferenceUnits.isPlaceholder(unit.raw) && !ReferenceUnits.isLegend(unit.text) && !ReferenceUnits.isCounterHeading(unit.text)
                            && FastText.spaceSeparatedCount(unit.text) >= 5
                    }.count
                } ?? 0
                let yearLines = block.text.linesSplitFast().filter { line in
                    let text = String(line)
                    return YearScan.holdsYear(text, letter: true)
                        && !ReferenceUnits.isLegend(text)
                }.count
                return (items, yearLines)
            })
            signs.items += items
            for value in found { dois.insert(value.lowercased()) }
            signs.yearLines += yearLines
        }
        signs.dois = dois.count
        return signs
    }

    /// The URLs of `ReferenceUnits.flatten(allInlines(block))`, in its order, without building those arrays (a list's
    /// 4,000 items made them 0.1 G instructions).
    static func appendURLs(of block: Block, to urls: inout [String]) {
        func visit(_ inline: Inline) {
            if let url = inline.url { urls.append(url) }
            for child in inline.children ?? [] { visit(child) }
        }
        for inline in block.inlines ?? [] { visit(inline) }
        for child in block.items ?? [] { appendURLs(of: child, to: &urls) }
        for child in block.blocks ?? [] { appendURLs(of: child, to: &urls) }
        for child in block.rows ?? [] { appendURLs(of: child, to: &urls) }
        for row in block.rows ?? [] {
            for cell in row.cells ?? [] { appendURLs(of: cell, to: &urls) }
        }
    }

    /// The warning for a section with `found` publications and these signs, or nil when they agree well enough.
    /// A section without any sign of a reference (a legend, "see my Google Scholar page") is said only when the
    /// whole document yields no publication (`documentFound`).
    static func warning(title: String, found: Int, signs: Signs, documentFound: Int) -> String? {
        let expected = signs.expected
        if found == 0, signs.hasText, expected > 0 || documentFound == 0 {
            let evidence = describe(signs)
            return "publications section '\(title)' yielded no publication\(evidence.isEmpty ? "" : " (its text holds \(evidence))")"
        }
        // A heading with nothing under it where no list was found anywhere: the list may be set apart from it (a
        // margin heading read before a column of text), and the reader must not take the silence for none.
        if found == 0, !signs.hasText, documentFound == 0 {
            return "publications section '\(title)' is empty and no publication was found anywhere in the document"
        }
        if expected >= 3, Double(found) < 0.6 * Double(expected) {
            return "publications section '\(title)' yielded \(found) publication\(found == 1 ? "" : "s"), far fewer than its text suggests (\(describe(signs)))"
        }
        return nil
    }

    static func describe(_ signs: Signs) -> String {
        var parts: [String] = []
        if signs.items > 0 { parts.append("\(signs.items) list item\(signs.items == 1 ? "" : "s")") }
        if signs.dois > 0 { parts.append("\(signs.dois) DOI\(signs.dois == 1 ? "" : "s")") }
        if signs.yearLines > 0 { parts.append("\(signs.yearLines) line\(signs.yearLines == 1 ? "" : "s") with a year") }
        return parts.joined(separator: ", ")
    }

    /// A block's inlines with those of its items, rows and children.
    static func allInlines(_ block: Block) -> [Inline] {
        let children = (block.items ?? []) + (block.blocks ?? []) + (block.rows ?? []) + (block.rows ?? []).flatMap { $0.cells ?? [] }
        return (block.inlines ?? []) + children.flatMap(allInlines)
    }

    /// The outermost publications sections: each with the range of its blocks.
    static func outermostPublicationSections(_ sections: [Section]) -> [Section] {
        var result: [Section] = []
        for section in sections where section.kind == .publications {
            guard let first = section.blocks.first, let last = section.blocks.last else { continue }
            let nested = result.contains { outer in
                guard let outerFirst = outer.blocks.first, let outerLast = outer.blocks.last else { return false }
                return outerFirst <= first && last <= outerLast
            }
            if !nested { result.append(section) }
        }
        return result
    }
}
