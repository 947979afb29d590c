/// How the two sides of a band relate: two columns, rows of a table, or a column of labels beside the text.
extension ColumnDetector {
    /// How the two sides of a band relate.
    enum Pairing: Equatable {
        /// Two columns read one after the other.
        case columns
        /// Rows of a table: each row read across.
        case table
        /// A narrow column of labels (dates) for the lines beside them; `onLeft` says where it is.
        case labels(onLeft: Bool)
        /// Section headings set in a margin column beside their sections, not on their rows (a LaTeX CV's
        /// `\marginpar` or tabular headings): read in line with the text, each heading above what it sits beside.
        case marginHeadings(onLeft: Bool)
    }

    /// Whether the sides are two columns, rows of a table, or labels and the text they label.
    static func pairing(left: [TextLine], right: [TextLine]) -> Pairing {
        guard !left.isEmpty, !right.isEmpty else { return .columns }
        let leftWidth = width(left)
        let rightWidth = width(right)
        let labelsOnLeft = leftWidth <= rightWidth
        let labels = labelsOnLeft ? left : right
        let main = labelsOnLeft ? right : left
        // Text columns on a shared baseline grid (LaTeX two-column) align row by row too: their lines are long.
        if proseShare(left) >= 0.5 && proseShare(right) >= 0.5 { return .columns }
        // Section titles set in the margin beside their sections (moderncv "fancy"): read in line with them.
        let mainSize = main.map(\.size).sorted()[main.count / 2]
        // A sidebar (the name, contact lines, skills under their own headings) holds plain lines of words at body size
        // or smaller beside its headings; margin headings and date columns do not.
        if narrow(leftWidth, rightWidth), isSidebar(labels, mainSize: mainSize) { return .columns }
        if narrow(leftWidth, rightWidth), labels.filter({ $0.size >= mainSize + 1 }).count * 5 >= labels.count * 2,
           medianWords(labels) <= 5 {
            // A title wrapped over lines of the margin ("SELECTED" / "PUBLICA-" / "TIONS") is one heading, not one
            // per row it sits beside.
            if headingClusters(labels).contains(where: { $0.count >= 2 }) { return .marginHeadings(onLeft: labelsOnLeft) }
            return .table
        }
        let aligned = alignedShare(labels, with: main)
        if isMarginHeadingColumn(labels, beside: main, narrow: narrow(leftWidth, rightWidth)) { return .marginHeadings(onLeft: labelsOnLeft) }
        guard aligned >= 0.6, medianWords(labels) <= 5 else { return .columns }
        let mainAligned = alignedShare(main, with: labels)
        let narrow = narrow(leftWidth, rightWidth)
        // Labels set flush right against the text they label (moderncv's \cvitem): "Languages | English …".
        let ends = labels.map(\.rect.x1)
        let starts = labels.map(\.rect.x0)
        // … and dates and places set flush right at the margin beside entries (a tabular's r column).
        if narrow, labels.count >= 2, (ends.max() ?? 0) - (ends.min() ?? 0) <= 2,
           (starts.max() ?? 0) - (starts.min() ?? 0) > 4, alignedShare(labels, with: main) >= 0.6 {
            return .labels(onLeft: labelsOnLeft)
        }
        if mainAligned >= 0.6 {
            guard narrow else { return .table }
            // A narrow column on the same baselines is a column of dates (a table of years and awards), or a
            // sidebar that happens to share the line grid (contact details, skills): read that one on its own.
            let dated = labels.filter { $0.text.contains(where: \.isNumber) }.count * 10 >= labels.count * 4
            if dated { return .labels(onLeft: labelsOnLeft) }
        }
        guard narrow else { return .columns }
        if labels.count == 1 { return .labels(onLeft: labelsOnLeft) }
        let tops = labels.map(\.rect.midY).sorted()
        let gaps = zip(tops.dropFirst(), tops).map { $0 - $1 }.sorted()
        let heights = labels.map(\.rect.height).sorted()
        guard !gaps.isEmpty, !heights.isEmpty else { return .labels(onLeft: labelsOnLeft) }
        let sparse = gaps[gaps.count / 2] >= 1.6 * heights[heights.count / 2]
        return sparse ? .labels(onLeft: labelsOnLeft) : .columns
    }

    /// At least two lines, and three in ten, in plain type no larger than the body with letters and no digit,
    /// beside larger headings of the same side.
    static func isSidebar(_ lines: [TextLine], mainSize: Double) -> Bool {
        let plain = lines.filter { line in
            !line.isBold && !line.isAllCaps && !line.isItalic && line.size <= mainSize + 0.5 && hasLetters(line)
                && !line.words.contains { $0.glyphs.contains { $0.char.properties.numericType != nil } }
        }.count
        let headings = lines.filter { $0.size >= mainSize + 1 && ($0.isBold || $0.isAllCaps) }.count
        return headings >= 1 && plain >= 2 && plain * 10 >= lines.count * 3
    }

    /// A narrow side of short bold or capitalised lines, far fewer than the other side's, mostly off its rows and
    /// flush against the gutter (right-aligned on the left, left-aligned on the right): headings in a margin.
    static func isMarginHeadingColumn(_ labels: [TextLine], beside main: [TextLine], narrow: Bool) -> Bool {
        guard narrow, labels.count >= 2, headingClusters(labels).count * 2 <= main.count, labels.allSatisfy({ $0.words.count <= 4 }),
              // Sub-headings in italics under bold ones ("Peer-reviewed articles" / "Refereed journal papers"); a
              // count on a line of its own ("(25)") has no style to show.
              labels.filter({ $0.isBold || $0.isAllCaps || $0.isItalic || !hasLetters($0) }).count * 10 >= labels.count * 9,
              // A bold or capitalised heading among them, or italic sub-headings alone on a page that continues a
              // section ("Books and Book Chapters" beside its list); never contact lines ("E doe@x.org").
              labels.contains(where: { $0.isBold || $0.isAllCaps })
                || labels.allSatisfy({ $0.isItalic && !$0.text.contains("@") && !$0.text.contains("://") }),
              labels.filter({ $0.text.contains(where: \.isNumber) }).count * 10 <= labels.count * 2,
              alignedShare(labels, with: main) < 0.5 else { return false }
        let labelsOnLeft = (labels.map(\.rect.x0).min() ?? 0) < (main.map(\.rect.x0).min() ?? 0)
        let edges = labels.map { labelsOnLeft ? $0.rect.x1 : $0.rect.x0 }.sorted()
        // Flush against the gutter, but for headings too long for the margin that stick out into the gutter or
        // past it ("BIBLIOGRAPHY", "PUBLIKATIONSLISTE" past the others' edge): at least half of them flush, the rest
        // overhanging, never short of the edge.
        let median = edges[edges.count / 2]
        let flush = edges.filter { abs($0 - median) <= 3 }.count
        let overhanging = edges.filter { labelsOnLeft ? $0 > median + 3 : $0 < median - 3 }.count
        return flush >= 2 && flush * 10 >= edges.count * 5 && flush + overhanging == edges.count
    }

    /// Lines grouped where they follow each other closely in the same style (a heading wrapped over two or three
    /// lines; an italic sub-heading right under it is a heading of its own).
    static func headingClusters(_ lines: [TextLine]) -> [[TextLine]] {
        var clusters: [[TextLine]] = []
        for line in lines.sorted(by: { $0.rect.y0 < $1.rect.y0 }) {
            if let last = clusters.last?.last, line.rect.y0 - last.rect.y1 <= 0.5 * line.rect.height,
               sameStyle(line, last) {
                clusters[clusters.count - 1].append(line)
            } else {
                clusters.append([line])
            }
        }
        return clusters
    }

    /// The same weight, slant and size; a line without letters ("(12)" under a heading) takes any style.
    private static func sameStyle(_ a: TextLine, _ b: TextLine) -> Bool {
        guard hasLetters(a), hasLetters(b) else { return true }
        return a.isBold == b.isBold && a.isItalic == b.isItalic && abs(a.size - b.size) < 0.6
    }

    private static func hasLetters(_ line: TextLine) -> Bool {
        line.words.contains { $0.glyphs.contains { $0.char.properties.isAlphabetic } }
    }

    static func narrow(_ leftWidth: Double, _ rightWidth: Double) -> Bool {
        min(leftWidth, rightWidth) <= 0.45 * (leftWidth + rightWidth)
    }

    /// The share of `lines` that have a fragment of similar size on the same row among `others`.
    static func alignedShare(_ lines: [TextLine], with others: [TextLine]) -> Double {
        guard !lines.isEmpty else { return 0 }
        var sizes: [Int: [Double]] = [:]
        for other in others { sizes[other.row, default: []].append(other.size) }
        let aligned = lines.filter { line in
            (sizes[line.row] ?? []).contains { max($0, line.size) <= 1.3 * max(0.1, min($0, line.size)) }
        }
        return Double(aligned.count) / Double(lines.count)
    }

    /// The share of rows with five words or more (fragments of one row counted together).
    static func proseShare(_ lines: [TextLine]) -> Double {
        var words: [Int: Int] = [:]
        for line in lines { words[line.row, default: 0] += line.words.count }
        guard !words.isEmpty else { return 0 }
        return Double(words.values.filter { $0 >= 5 }.count) / Double(words.count)
    }

    static func medianWords(_ lines: [TextLine]) -> Int {
        let counts = lines.map(\.words.count).sorted()
        return counts.isEmpty ? 0 : counts[counts.count / 2]
    }

    static func width(_ lines: [TextLine]) -> Double {
        guard let first = lines.first else { return 0 }
        let x0 = lines.reduce(first.rect.x0) { min($0, $1.rect.x0) }
        let x1 = lines.reduce(first.rect.x1) { max($0, $1.rect.x1) }
        return x1 - x0
    }
}
