/// A heading set larger than the body (or in bold, flush right in a left margin) and wrapped over two or three
/// lines ("Grants and" / "Awards"), often in a
/// narrow margin column whose lines the reading order interleaves with the text beside it: its lines are put
/// back together so that they make one heading.
enum WrappedHeading {
    /// Most lines a wrapped heading has.
    static let maximumLines = 3
    /// Most words on one line of a wrapped heading.
    static let maximumWords = 6

    /// Whether `next` goes on the heading line `last`: the same font, size and colour, a display size, at most a
    /// line height below, on the same left edge, right edge or centre, and `last` does not end a sentence.
    static func continues(_ last: TextLine, _ next: TextLine, metrics: LayoutMetrics) -> Bool {
        // At body size only bold lines set flush right and ragged left, as headings in a left margin are.
        let tolerance = max(2, 0.15 * last.size)
        let flushRight = last.isBold && abs(last.rect.x1 - next.rect.x1) <= tolerance && abs(last.rect.x0 - next.rect.x0) > tolerance
        guard last.page == next.page, last.size >= metrics.bodySize + 1 || flushRight, sameFont(last.font, next.font),
              last.isBold == next.isBold, last.isItalic == next.isItalic,
              last.words.count <= maximumWords, next.words.count <= maximumWords,
              !last.words.contains(where: \.isLabel), !next.words.contains(where: \.isLabel) else { return false }
        let gap = next.rect.y0 - last.rect.y1
        guard gap >= -0.2 * last.size, gap <= last.rect.height else { return false }
        if let end = last.text.last, ".!?:;".contains(end) { return false }
        // A hyphen that ends a line hangs past the right edge the other lines keep ("PUBLICA-" over "TIONS"), by
        // at most its width.
        let hyphenated = { (line: TextLine) in line.words.last.map { $0.text.hasSuffix("-") || $0.endsInSoftHyphen } == true }
        let overhang = hyphenated(last) ? last.rect.x1 - next.rect.x1 : hyphenated(next) ? next.rect.x1 - last.rect.x1 : -1
        return abs(last.rect.x0 - next.rect.x0) <= tolerance || abs(last.rect.x1 - next.rect.x1) <= tolerance
            || (overhang >= 0 && overhang <= 0.4 * last.size) || abs(last.rect.midX - next.rect.midX) <= tolerance
    }

    /// The flow with each line of a wrapped heading moved up to the line it continues, over the lines of another
    /// column that the reading order put between them (a margin heading beside an entry, read row by row).
    static func reunite(_ flow: [TextLine], metrics: LayoutMetrics) -> [TextLine] {
        var lines = flow
        var index = 0
        while index < lines.count {
            var head = index
            var count = 1
            while count < maximumLines, let found = continuation(of: head, in: lines, metrics: metrics) {
                if found > head + 1 {
                    let line = lines.remove(at: found)
                    lines.insert(line, at: head + 1)
                }
                head += 1
                count += 1
            }
            index = head + 1
        }
        return lines
    }

    /// The index of the line that continues the heading line at `index`, when only lines of another column (beside
    /// it, in another size) stand between them.
    private static func continuation(of index: Int, in lines: [TextLine], metrics: LayoutMetrics) -> Int? {
        let last = lines[index]
        guard last.size >= metrics.bodySize + 1 else { return nil }
        for candidate in (index + 1)..<min(lines.count, index + 6) {
            let line = lines[candidate]
            if continues(last, line, metrics: metrics) { return candidate }
            let beside = line.rect.x0 >= last.rect.x1 || line.rect.x1 <= last.rect.x0
            let otherSize = abs(line.size - last.size) > 0.9
            guard beside, otherSize, line.page == last.page, line.rect.y0 < last.rect.y1 + last.rect.height else { return nil }
        }
        return nil
    }

    private static func sameFont(_ a: GlyphFont, _ b: GlyphFont) -> Bool {
        a.name == b.name && abs(a.size - b.size) < 0.3 && a.color == b.color
    }
}
