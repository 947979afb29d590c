/// Consecutive lines of one flow that make one block (a paragraph, a list item or a heading).
struct LineGroup: Sendable {
    var lines: [TextLine]
    /// The list marker of the first line, if any.
    var marker: Marker?
    /// Vertical space above the group (nil at the top of a flow).
    var spaceAbove: Double?
    /// Index of the flow it came from, in reading order over the document.
    var flow: Int

    /// Continuation lines are indented under the first: a hanging indent, as in reference lists.
    var isHanging: Bool {
        guard lines.count >= 2 else { return false }
        return lines[1].mainX0 > lines[0].mainX0 + 0.6 * max(lines[0].size, 1)
    }

    var size: Double { Word.dominant(ofWords: lines.lazy.flatMap(\.words)).size }
}

/// Document-wide measures the grouping relies on.
struct LayoutMetrics: Sendable {
    /// The size of most characters: the body text.
    var bodySize: Double
    /// The usual space between two lines of body text.
    var lineGap: Double

    init(flows: [[TextLine]]) {
        var chars: [Double: Int] = [:]
        for line in flows.joined() {
            for word in line.words { chars[(word.size * 2).rounded() / 2, default: 0] += word.glyphs.count }
        }
        bodySize = chars.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key ?? 10
        var gaps: [Double] = []
        for flow in flows {
            for (a, b) in zip(flow, flow.dropFirst()) where abs(a.size - bodySize) < 0.6 && abs(b.size - bodySize) < 0.6 {
                let gap = b.rect.y0 - a.rect.y1
                if gap > -0.5 * bodySize && gap < 1.5 * bodySize { gaps.append(gap) }
            }
        }
        gaps.sort()
        lineGap = gaps.isEmpty ? 0.25 * bodySize : gaps[gaps.count / 2]
    }

    init(bodySize: Double, lineGap: Double) {
        self.bodySize = bodySize
        self.lineGap = lineGap
    }
}

/// Lines of a flow → groups, cut at vertical space, size changes, list markers, indentation changes,
/// side labels (a date opens an entry) and lines that end early.
enum LineGrouper {
    static func groups(_ flow: [TextLine], flowIndex: Int, metrics: LayoutMetrics) -> [LineGroup] {
        let flow = numbersHungInTheMargin(flow)
        guard let first = flow.first else { return [] }
        let right = rightEdge(flow, first: first, metrics: metrics)
        var groups: [LineGroup] = []
        var current: [TextLine] = []
        var spaceAbove: Double?
        func close(next: TextLine?) {
            guard let last = current.last, let head = current.first else { return }
            groups.append(LineGroup(lines: current, marker: head.marginHeading != 0 ? nil : ListMarker.labelMarker(of: head.words) ?? ListMarker.marker(of: head.words.map(\.text)),
                                    spaceAbove: spaceAbove, flow: flowIndex))
            spaceAbove = next.map { $0.rect.y0 - last.rect.y1 }
            current.removeAll()
        }
        for line in flow {
            if let last = current.last, !continues(current, last, line, right: right, metrics: metrics) { close(next: line) }
            current.append(line)
        }
        close(next: nil)
        return groups
    }

    /// Where the flow's full lines end: the right edge of its text, not of a wider line that the reading order put
    /// in the same flow (a name or an address centred over two columns).
    static func rightEdge(_ flow: [TextLine], first: TextLine, metrics: LayoutMetrics) -> Double {
        let widest = flow.reduce(first.rect.x1) { max($0, $1.rect.x1) }
        let full = flow.filter { $0.words.count >= 5 }.map(\.rect.x1).sorted()
        guard full.count >= 4 else { return widest }
        let typical = full[full.count * 3 / 4]
        let within = flow.map(\.rect.x1).filter { $0 <= typical + metrics.bodySize }
        // Justified text: most full lines end on one edge, and lines past it are overfull (a long word or address
        // in a narrow column), however many there are on a short page.
        let onTheEdge = full.filter { abs($0 - typical) <= 1 }.count
        if onTheEdge * 2 >= full.count { return within.max() ?? widest }
        // Only a few lines may stick out; many wider lines are the column's own (ragged or indented text).
        guard (flow.count - within.count) * 10 <= flow.count else { return widest }
        return within.max() ?? widest
    }

    /// Lines whose first word is a list number set apart from the text after it ("12" hanging out of a LaTeX list
    /// before "Doe J, …"): the number becomes a label, so that it opens a numbered item. Taken when two lines at
    /// least have that shape with their text on one edge, and that edge is where the flow's other lines start or
    /// the numbers count up or down one by one; a line that opens with a count ("3 papers were …") stays text.
    static func numbersHungInTheMargin(_ flow: [TextLine]) -> [TextLine] {
        func candidate(_ line: TextLine) -> Bool {
            guard line.words.count >= 2, !line.words[0].isLabel, ListMarker.isLabelNumber(line.words[0].text) else { return false }
            return line.words[1].rect.x0 - line.words[0].rect.x1 >= 0.4 * max(line.size, 1)
        }
        let found = flow.indices.filter { candidate(flow[$0]) }
        guard found.count >= 2 else { return flow }
        let candidates = Set(found)
        let textX = found.map { flow[$0].words[1].rect.x0 }.sorted()[found.count / 2]
        let hung = found.filter { abs(flow[$0].words[1].rect.x0 - textX) <= 1.5 }
        guard hung.count >= 2 else { return flow }
        let atEdge = flow.indices.contains { !candidates.contains($0) && abs(flow[$0].mainX0 - textX) <= 1.5 }
        let numbers = hung.compactMap { Int(flow[$0].words[0].text.filter(\.isNumber)) }
        let steps = zip(numbers, numbers.dropFirst()).filter { abs($0 - $1) == 1 }.count
        guard atEdge || steps * 10 >= (numbers.count - 1) * 8 else { return flow }
        var lines = flow
        for index in hung { lines[index].words[0].isLabel = true }
        return lines
    }

    /// Whether `next` continues the group that ends with `last`.
    static func continues(_ group: [TextLine], _ last: TextLine, _ next: TextLine, right: Double, metrics: LayoutMetrics) -> Bool {
        let em = max(last.size, 1)
        // A heading from a margin column is a group of its own, its wrapped lines together.
        if last.marginHeading != 0 || next.marginHeading != 0 {
            return last.marginHeading == next.marginHeading && last.page == next.page
        }
        if next.words.first?.isLabel == true { return false }
        if ListMarker.marker(of: next.words.map(\.text)) != nil, !wrapsOntoMarkerLikeText(group, last, next, right: right) { return false }
        let gap = next.rect.y0 - last.rect.y1
        if gap < -0.5 * em { return false }
        if gap > metrics.lineGap + 0.45 * em { return false }
        if group.count < WrappedHeading.maximumLines, WrappedHeading.continues(last, next, metrics: metrics) { return true }
        // An italic line under a bold one at the same indent completes an entry ("University of Toronto" /
        // "Master of Science"), even in a smaller size.
        let entrySubline = group.count == 1 && last.isBold && next.isItalic && !last.isAllCaps
            && abs(last.mainX0 - next.mainX0) < 2 && abs(last.size - next.size) <= 2
        if entrySubline { return true }
        if abs(last.size - next.size) > 0.9 { return false }
        // A list item goes on while lines start where its text starts ("1. Title" / "Authors" / "Venue").
        if let head = group.first, head.words.count >= 2, ListMarker.marker(of: head.words.map(\.text)) != nil,
           abs(next.mainX0 - head.words[1].rect.x0) < 2 {
            return true
        }
        // A bold title line ends its block, unless it wrapped into the next line: a full line whose bold ends it
        // and goes on in the next ("… S. Bandyopadhyay. Indian Cretaceous terres-" / "trial vertebrates: …" in bold).
        let boldRunWraps = right - last.rect.x1 <= 2.5 * em && last.words.last?.font.bold == true && next.words.first?.font.bold == true
        if last.isBold != next.isBold && (right - last.rect.x1 > 2.5 * em || !last.isBold) && !boldRunWraps { return false }
        let endsWithHyphen = last.words.last?.text.hasSuffix("-") == true || last.words.last?.endsInSoftHyphen == true
        let indent = 0.6 * em
        let lastX = last.mainX0
        let nextX = next.mainX0
        if nextX > lastX + indent {
            guard group.count >= 2, let second = group.dropFirst().first else {
                return !endedEarly(last, next, right: right, em: em) || endsWithHyphen
            }
            return abs(nextX - second.mainX0) < 2 && group[0].mainX0 < second.mainX0 - indent
        }
        if nextX < lastX - indent {
            // Back from an indented first line is a continuation (unless that line ended short); back from a
            // hanging line is a new item.
            return group.count == 1 && !endedEarly(last, next, right: right, em: em)
        }
        if endsWithHyphen { return true }
        return !endedEarly(last, next, right: right, em: em)
    }

    /// A list item's sentence wrapped onto a line that happens to open with something shaped like a marker
    /// ("… Ventral tegmental" / "(A10) system: neurobiology", "… colour" / "- dissolved organic carbon"): the line
    /// above ran to the right edge in mid-sentence, and the line starts where the item's text starts, not where its
    /// hanging marker is, or its "marker" is of another kind than the item's at the same indent (a list does not
    /// change its markers between two items).
    static func wrapsOntoMarkerLikeText(_ group: [TextLine], _ last: TextLine, _ next: TextLine, right: Double) -> Bool {
        let em = max(last.size, 1)
        // A paragraph's full line in mid-sentence, then a line at its left edge that opens with "(12)" or "- ": the
        // sentence wrapped; a list would not start without its first item's marker in mid-sentence.
        if let head = group.first, ListMarker.marker(of: head.words.map(\.text)) == nil, !head.words.contains(where: \.isLabel),
           let first = next.words.first, let end = last.words.last?.text.last, !".:;!?".contains(end),
           abs(first.rect.x0 - last.mainX0) < 2, !endedEarly(last, next, right: right, em: em) {
            return true
        }
        guard let head = group.first, head.words.count >= 2, let headMarker = ListMarker.marker(of: head.words.map(\.text)),
              let nextMarker = ListMarker.marker(of: next.words.map(\.text)),
              let first = next.words.first, let lastWord = last.words.last?.text, let end = lastWord.last,
              !".:;!?".contains(end), !endedEarly(last, next, right: right, em: em) else { return false }
        let textX = head.words[1].rect.x0, markerX = head.words[0].rect.x0
        if markerX < textX - 0.5 * em, abs(first.rect.x0 - textX) < 2 { return true }
        guard abs(first.rect.x0 - markerX) < 0.5 * em else { return false }
        // A bullet after a number or the other way round, or a number set another way ("[15]" above, "2." here:
        // "… Rethinking the Semantic Web, Part" / "2. IEEE Internet Computing").
        if (headMarker.number == nil) != (nextMarker.number == nil) { return true }
        return headMarker.number != nil && nextMarker.number != nil && shape(headMarker) != shape(nextMarker)
    }

    /// A number marker's punctuation without its digits ("[]:" for "[15]:", "." for "2.").
    private static func shape(_ marker: Marker) -> String {
        String(marker.text.filter { !$0.isNumber })
    }

    /// The line stops short although the next line's first word would have fitted: the text ended on purpose.
    private static func endedEarly(_ last: TextLine, _ next: TextLine, right: Double, em: Double) -> Bool {
        let room = right - last.mainX1
        guard room > 2.5 * em, let word = next.words.first else { return false }
        return word.rect.width + 0.5 * em < room
    }
}
