/// Words → line fragments: runs of words of one content-stream line on one baseline with no wide gap, each
/// tagged with a row number shared by every fragment on the same baseline of the page.
enum LineBuilder {
    /// A gap wider than this many font sizes splits a line into fragments (a gutter or a tab stop).
    static let fragmentGap = 1.5

    static func fragments(from words: [Word], page: Int) -> [TextLine] {
        var fragments: [TextLine] = []
        var current: [Word] = []
        func flush() {
            for run in splitAtGaps(current) { fragments.append(TextLine(words: run, page: page)) }
            current.removeAll(keepingCapacity: true)
        }
        for word in words {
            if let last = current.last, !belongsTogether(last, word) { flush() }
            current.append(word)
        }
        flush()
        assignRows(&fragments)
        return fragments
    }

    private static func belongsTogether(_ last: Word, _ next: Word) -> Bool {
        guard last.streamLine == next.streamLine else { return false }
        let minHeight = max(0.1, min(last.rect.height, next.rect.height))
        guard last.rect.verticalOverlap(next.rect) >= 0.3 * minHeight else { return false }
        // A heading word run into a sidebar line by poppler ("Institut für Meereskunde, Education").
        let sizes = (max(last.size, 0.1), max(next.size, 0.1))
        if max(sizes.0, sizes.1) > 1.25 * min(sizes.0, sizes.1) && last.text.count > 2 && next.text.count > 2 { return false }
        // Two lines of one size touching, as for glyphs in `WordBuilder` ("… Univer-" | "5 C. Mora" hung in a
        // two-column page's gutter on the right column's baseline).
        if WordBuilder.onAnotherBaseline(last.rect, next.rect, fonts: (last.font, next.font)) { return false }
        return next.rect.x0 - last.rect.x1 > -1
    }

    /// Splits a run of words at gaps that are much wider than its word spaces: a gutter or a tab stop.
    static func splitAtGaps(_ words: [Word]) -> [[Word]] {
        guard words.count >= 2 else { return words.isEmpty ? [] : [words] }
        let gaps = zip(words, words.dropFirst()).map { $1.rect.x0 - $0.rect.x1 }
        let sortedGaps = gaps.sorted()
        let typical = sortedGaps[sortedGaps.count / 2]
        var runs: [[Word]] = [[words[0]]]
        for (index, gap) in gaps.enumerated() {
            let size = max(words[index].size, words[index + 1].size, 1)
            let wide = gap > fragmentGap * size || (gaps.count >= 3 && gap > 0.6 * size && gap > 2.2 * max(typical, 0.15 * size))
            if wide { runs.append([]) }
            runs[runs.count - 1].append(words[index + 1])
        }
        return runs
    }

    /// Gives fragments on one baseline the same row; rows are numbered top to bottom.
    static func assignRows(_ fragments: inout [TextLine]) {
        let order = fragments.indices.sorted {
            (fragments[$0].rect.midY, fragments[$0].rect.x0) < (fragments[$1].rect.midY, fragments[$1].rect.x0)
        }
        var anchors: [Rect] = []
        var anchorSizes: [Double] = []
        var anchorShort: [Bool] = []
        for index in order {
            let rect = fragments[index].rect
            let size = max(fragments[index].size, 0.1)
            // Bullets, icons and footnote marks are small but sit on the line they mark.
            let short = fragments[index].text.count <= 2
            // Only the last few rows can still overlap a fragment further down.
            var best: (row: Int, score: Double)?
            for row in anchors.indices.suffix(8).reversed() {
                let anchor = anchors[row]
                let score = anchor.verticalOverlap(rect) / max(0.1, min(anchor.height, rect.height))
                // A name set large beside small address lines is not on their baseline.
                let similar = short || anchorShort[row] || max(size, anchorSizes[row]) <= 1.6 * min(size, anchorSizes[row])
                if score >= 0.5, similar, best.map({ score > $0.score }) ?? true { best = (row, score) }
            }
            if let best {
                fragments[index].row = best.row
            } else {
                anchors.append(rect)
                anchorSizes.append(size)
                anchorShort.append(short)
                fragments[index].row = anchors.count - 1
            }
        }
    }

    /// Joins the fragments of one row into a line, left to right (used inside one column); pieces of very
    /// different sizes (a section title in the margin beside an entry) stay lines of their own.
    static func merge(_ fragments: [TextLine]) -> [TextLine] {
        var byRow: [Int: [TextLine]] = [:]
        for fragment in fragments { byRow[fragment.row, default: []].append(fragment) }
        var lines: [TextLine] = []
        for row in byRow.keys.sorted() {
            guard let parts = byRow[row]?.sorted(by: { $0.rect.x0 < $1.rect.x0 }), let first = parts.first else { continue }
            var groups: [[TextLine]] = [[first]]
            for part in parts.dropFirst() {
                let previous = groups[groups.count - 1][groups[groups.count - 1].count - 1]
                let sizes = (max(previous.size, 0.1), max(part.size, 0.1))
                // A heading set larger than a short line before it on its row, starting where other lines of the flow
                // start, begins its column: the contact line of a sidebar ends just before it ("E doe@x.org | Degrees").
                // (Beside a line of prose it is a column the page's gutter search missed: left as it was.)
                let opensColumn = sizes.1 > 1.25 * sizes.0 && previous.text.count > 2 && previous.words.count <= 4
                    && fragments.filter({ abs($0.rect.x0 - part.rect.x0) <= 0.5 }).count >= 3
                let near = part.rect.x0 - previous.rect.x1 < min(sizes.0, sizes.1) && !opensColumn
                let similar = near || max(sizes.0, sizes.1) <= 1.25 * min(sizes.0, sizes.1)
                    || previous.text.count <= 2 || part.text.count <= 2
                if similar { groups[groups.count - 1].append(part) } else { groups.append([part]) }
            }
            for group in groups {
                if group.count == 1 {
                    lines.append(group[0])
                } else {
                    var line = TextLine(words: group.flatMap(\.words), page: first.page)
                    line.row = row
                    lines.append(line)
                }
            }
        }
        return lines
    }
}
