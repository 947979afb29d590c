/// Line fragments of one page → flows of lines in reading order.
///
/// A gutter is found with a whitespace projection: an x-interval that (almost) no fragment covers, with text
/// entirely on both sides. Fragments that cross it (a title over two columns, a full-width bullet under an entry
/// whose date sits on the right) cut the page into bands; in each band the left side is read before the right —
/// unless one side is a narrow column of labels (dates beside entries, as in moderncv) whose lines sit on the
/// baselines of the other side: then the label stays on the line of the entry it is printed beside.
enum ColumnDetector {
    /// A vertical gap narrower than this (points) is never a gutter.
    static let minimumGutter = 5.0

    /// Flows of lines in reading order; a flow is a column (or a full-width band) read top to bottom.
    static func flows(_ fragments: [TextLine]) -> [[TextLine]] {
        sections(fragments).flatMap { order($0, depth: 0) }.filter { !$0.isEmpty }
    }

    /// Cuts the page at wide horizontal gaps that cross it entirely (a header block above the body): each part
    /// finds its own columns.
    static func sections(_ fragments: [TextLine]) -> [[TextLine]] {
        guard fragments.count >= 4 else { return [fragments] }
        let heights = fragments.map(\.rect.height).sorted()
        let minimumGap = 3 * heights[heights.count / 2]
        let sorted = fragments.sorted { $0.rect.y0 < $1.rect.y0 }
        var result: [[TextLine]] = [[]]
        var bottom = -Double.infinity
        for fragment in sorted {
            if fragment.rect.y0 - bottom >= minimumGap, !(result.last?.isEmpty ?? true) { result.append([]) }
            result[result.count - 1].append(fragment)
            bottom = max(bottom, fragment.rect.y1)
        }
        return result
    }

    private static func order(_ fragments: [TextLine], depth: Int) -> [[TextLine]] {
        guard depth < 4, fragments.count >= 3, let gutter = findGutter(fragments) else {
            return [LineBuilder.merge(fragments)]
        }
        // Flows of one column (a spanning run, a band read as one) next to each other are one flow.
        var flows: [(lines: [TextLine], single: Bool)] = []
        var left: [TextLine] = []
        var right: [TextLine] = []
        var spanning: [TextLine] = []
        func add(_ lines: [TextLine], single: Bool) {
            if single, let last = flows.last, last.single {
                flows[flows.count - 1].lines += lines
            } else {
                flows.append((lines, single))
            }
        }
        func flushBand() {
            if !left.isEmpty || !right.isEmpty {
                let parts = band(left: left, right: right, depth: depth)
                for part in parts { add(part, single: parts.count == 1) }
            }
            left.removeAll()
            right.removeAll()
        }
        func flushSpanning() {
            if !spanning.isEmpty { add(LineBuilder.merge(spanning), single: true) }
            spanning.removeAll()
        }
        let edge = leftEdge(of: fragments, after: gutter)
        let sorted = fragments.flatMap { split($0, at: gutter, edge: edge) }.sorted { ($0.row, $0.rect.x0) < ($1.row, $1.rect.x0) }
        if let merged = interleavedRegion(sorted, gutter: gutter) { return [merged] }
        let leftReach = gutter.lowerBound - (sorted.map(\.rect.x0).min() ?? gutter.lowerBound)
        let rightReach = (sorted.map(\.rect.x1).max() ?? gutter.upperBound) - gutter.upperBound
        // Lines across the gutter above every line of either side: a header centred over both columns (the name and
        // e-mail over a two-column CV), read before them however short it is.
        let crosses = { (line: TextLine) in
            line.rect.x0 < gutter.lowerBound - line.size && line.rect.x1 > gutter.upperBound + line.size
        }
        let sidesTop = sorted.filter { !crosses($0) }.map(\.rect.y0).min() ?? -Double.infinity
        for fragment in sorted {
            // A line that only pokes into the gutter (a long e-mail address in a sidebar) stays on its side.
            if fragment.rect.x0 < gutter.lowerBound - 0.3 * leftReach && fragment.rect.x1 > gutter.upperBound + 0.3 * rightReach
                || crosses(fragment) && fragment.rect.y1 <= sidesTop + 1 {
                flushBand()
                spanning.append(fragment)
            } else {
                flushSpanning()
                let leftPart = max(0, min(fragment.rect.x1, gutter.lowerBound) - fragment.rect.x0)
                let rightPart = max(0, fragment.rect.x1 - max(fragment.rect.x0, gutter.upperBound))
                if leftPart >= rightPart {
                    left.append(fragment)
                } else {
                    right.append(fragment)
                }
            }
        }
        flushBand()
        flushSpanning()
        return flows.map(\.lines)
    }

    /// Lines crossing the "gutter" every few lines: not two columns but one, ragged on the right, with dates or
    /// places set flush right beside some lines. Read as one column, the right-hand pieces as labels of their rows.
    private static func interleavedRegion(_ sorted: [TextLine], gutter: ClosedRange<Double>) -> [TextLine]? {
        var runs = 0
        var wasSpanning = false
        var sides: [TextLine] = []
        for fragment in sorted {
            let spanning = fragment.rect.x0 < gutter.lowerBound - 2 && fragment.rect.x1 > gutter.upperBound + 2
            if spanning && !wasSpanning { runs += 1 }
            if !spanning { sides.append(fragment) }
            wasSpanning = spanning
        }
        guard runs >= 3, Double(sides.count) / Double(runs + 1) < 6 else { return nil }
        let middle = (gutter.lowerBound + gutter.upperBound) / 2
        let left = sorted.filter { $0.rect.x1 <= gutter.upperBound + 2 && $0.rect.midX < middle }
        let right = sorted.filter { $0.rect.x0 >= gutter.lowerBound - 2 && $0.rect.midX >= middle }
        let narrowRight = width(right) <= 0.45 * (width(left) + width(right))
        let marked = sorted.map { fragment -> TextLine in
            guard narrowRight, fragment.rect.x0 >= gutter.lowerBound - 2, fragment.rect.midX >= middle else { return fragment }
            var copy = fragment
            for i in copy.words.indices { copy.words[i].isLabel = true }
            return copy
        }
        return LineBuilder.merge(marked).map { line in
            guard line.words.allSatisfy(\.isLabel) else { return line }
            var copy = line
            for i in copy.words.indices { copy.words[i].isLabel = false }
            return copy
        }
    }

    /// A fragment that has a wide gap where the gutter is becomes two (poppler joins lines across a narrow gutter).
    /// A gap no wider than a word space of its words' size stays: a heading set larger than the body that runs
    /// across a column of margin dates ("Prizes and Grants") is one line, not a label and a line.
    /// A word that starts exactly on the right column's left edge (`edge`, where several of its lines start) is cut
    /// off whatever the gap: a sidebar's e-mail address that runs up to the next column.
    private static func split(_ fragment: TextLine, at gutter: ClosedRange<Double>, edge: Double? = nil) -> [TextLine] {
        // A list number hung in the gutter opens the right side's line ("… Interna- | 10. Ostrowski, …").
        if fragment.rect.x0 < gutter.lowerBound, fragment.rect.x1 > gutter.upperBound,
           let hung = fragment.words.firstIndex(where: { $0.rect.x0 >= gutter.lowerBound - 0.5 && $0.rect.x0 <= gutter.upperBound && ListMarker.isLabelNumber($0.text) }),
           hung > 0, fragment.words[hung - 1].rect.x1 <= gutter.lowerBound + 1, fragment.words[hung].rect.x0 - fragment.words[hung - 1].rect.x1 > 0.5 {
            return cut(fragment, before: hung)
        }
        // A wider number hung further out, up to or over the end of the left side's full line ("… entre ap-9 Z. A.",
        // "… Alta,10 Z. A." in a LaTeX two-column list): it ends inside the gutter, the right side's text follows
        // on its edge, and the left side's text before it ends at the gutter.
        if fragment.rect.x0 < gutter.lowerBound, fragment.rect.x1 > gutter.upperBound,
           let hung = fragment.words.firstIndex(where: { $0.rect.x1 > gutter.lowerBound + 1 && $0.rect.x1 <= gutter.upperBound + 0.5 && ListMarker.isLabelNumber($0.text) }),
           hung > 0, hung + 1 < fragment.words.count, fragment.words[hung - 1].rect.x1 <= gutter.lowerBound + 1,
           fragment.words[hung + 1].rect.x0 >= gutter.upperBound - 1 {
            return cut(fragment, before: hung)
        }
        guard fragment.rect.x0 < gutter.lowerBound, fragment.rect.x1 > gutter.upperBound,
              let cut = fragment.words.firstIndex(where: { $0.rect.x0 >= gutter.upperBound - 1 }), cut > 0,
              fragment.words[cut - 1].rect.x1 <= gutter.lowerBound + 1 else { return [fragment] }
        let gap = fragment.words[cut].rect.x0 - fragment.words[cut - 1].rect.x1
        let size = max(fragment.words[cut].size, fragment.words[cut - 1].size)
        let onEdge = edge.map { abs(fragment.words[cut].rect.x0 - $0) <= 0.5 } ?? false
        guard gap > 0.5 * size || (onEdge && gap > 0.5) else { return [fragment] }
        return Self.cut(fragment, before: cut)
    }

    /// A fragment as two lines on its row, the second opening with its word at `index`.
    private static func cut(_ fragment: TextLine, before index: Int) -> [TextLine] {
        var left = TextLine(words: Array(fragment.words[..<index]), page: fragment.page)
        var right = TextLine(words: Array(fragment.words[index...]), page: fragment.page)
        left.row = fragment.row
        right.row = fragment.row
        return [left, right]
    }

    /// One band between spanning lines: two columns read one after the other, or labels merged into their rows.
    private static func band(left: [TextLine], right: [TextLine], depth: Int) -> [[TextLine]] {
        let (left, right) = numbersHungInTheGutter(left: left, right: right)
        if left.isEmpty { return order(right, depth: depth + 1) }
        if right.isEmpty { return order(left, depth: depth + 1) }
        // Where one side runs on above or below the other, that part is a region of its own (a contact block
        // beside the name at the top of a page, a sidebar that ends halfway down).
        let top = max(left.map(\.rect.y0).min() ?? 0, right.map(\.rect.y0).min() ?? 0)
        let bottom = min(left.map(\.rect.y1).max() ?? 0, right.map(\.rect.y1).max() ?? 0)
        // A side that starts above or runs on below the other is a region of its own only where a gap sets it
        // apart; else it is just the longer column.
        let lineHeight = (left + right).map(\.rect.height).sorted()[(left.count + right.count) / 2]
        let head = (left + right).filter { $0.rect.midY < top }
        let above = (head.map(\.rect.y1).max() ?? 0) < top - 0.8 * lineHeight ? head : []
        let tail = (left + right).filter { $0.rect.midY > bottom }
        let below = (tail.map(\.rect.y0).min() ?? 0) > bottom + 0.8 * lineHeight ? tail : []
        if !above.isEmpty || !below.isEmpty {
            let upper = above.isEmpty ? -Double.infinity : top
            let lower = below.isEmpty ? Double.infinity : bottom
            let middle = { (side: [TextLine]) in side.filter { $0.rect.midY >= upper && $0.rect.midY <= lower } }
            let midLeft = middle(left)
            let midRight = middle(right)
            guard midLeft.count + midRight.count < left.count + right.count else { return [] }
            var flows = above.isEmpty ? [] : order(above, depth: depth + 1)
            // A tail from one side only, below two columns read one after the other, is that column running on below
            // the other (the left column of a LaTeX page's last two-column stretch): it is read with its column,
            // before the other side. It stays a region of its own beside labels, table rows, a column of dates (a side
            // under a third as wide as the other) or a side of one or two lines, and where it does not keep within its
            // column's edges (a page number centred under both, a heading further left than a header's pieces).
            let edges = { (side: [TextLine]) in (left: (side.map(\.rect.x0).min() ?? 0) - 2, right: (side.map(\.rect.x1).max() ?? 0) + 2) }
            let leftEdges = edges(midLeft), rightEdges = edges(midRight)
            let within = { (line: TextLine, edges: (left: Double, right: Double)) in line.rect.x0 >= edges.left && line.rect.x1 <= edges.right }
            let leftTail = below.filter { within($0, leftEdges) }, rightTail = below.filter { within($0, rightEdges) }
            let narrower = min(width(midLeft), width(midRight)), wider = max(width(midLeft), width(midRight))
            if !below.isEmpty, leftTail.count == below.count || rightTail.count == below.count, midLeft.count >= 3, midRight.count >= 3,
               narrower >= 0.3 * wider {
                let (pairedLeft, pairedRight) = numbersHungInTheGutter(left: midLeft, right: midRight)
                if case .columns = pairing(left: pairedLeft, right: pairedRight) {
                    let onLeft = leftTail.count == below.count
                    return flows + order(midLeft + (onLeft ? below : []), depth: depth + 1) + order(midRight + (onLeft ? [] : below), depth: depth + 1)
                }
            }
            if !midLeft.isEmpty || !midRight.isEmpty { flows += band(left: midLeft, right: midRight, depth: depth) }
            if !below.isEmpty { flows += order(below, depth: depth + 1) }
            return flows
        }
        switch pairing(left: left, right: right) {
        case .table:
            return [LineBuilder.merge(left + right)]
        case .labels(let onLeft):
            let marked = (onLeft ? left : right).map { fragment -> TextLine in
                var copy = fragment
                for i in copy.words.indices { copy.words[i].isLabel = true }
                return copy
            }
            let lines = LineBuilder.merge(marked + (onLeft ? right : left)).map { line -> TextLine in
                guard line.words.allSatisfy(\.isLabel) else { return line }
                var copy = line
                for i in copy.words.indices { copy.words[i].isLabel = false }
                return copy
            }
            return [lines]
        case .marginHeadings(let onLeft):
            return [interleaved(headings: onLeft ? left : right, text: onLeft ? right : left)]
        case .columns:
            break
        }
        return order(left, depth: depth + 1) + order(right, depth: depth + 1)
    }

    /// List numbers set in the gutter before the right side's lines ("12" or "[12]" beside "Doe J, …", a LaTeX
    /// list's labels hanging out of its column) go with the line they number, marked as labels, instead of being
    /// read as a column of numbers or into the left side's text. A number is taken only when nothing of the left
    /// side follows it on its row and a right-side line starts within two ems after it.
    static func numbersHungInTheGutter(left: [TextLine], right: [TextLine]) -> (left: [TextLine], right: [TextLine]) {
        guard !left.isEmpty, !right.isEmpty else { return (left, right) }
        var rightStarts: [Int: Double] = [:]
        for line in right { rightStarts[line.row] = min(rightStarts[line.row] ?? .infinity, line.rect.x0) }
        var leftEnds: [Int: Double] = [:]
        for line in left { leftEnds[line.row] = max(leftEnds[line.row] ?? -.infinity, line.rect.x1) }
        var keep: [TextLine] = []
        var moved: [TextLine] = []
        for line in left {
            guard line.words.count == 1, let word = line.words.first, ListMarker.isLabelNumber(word.text),
                  leftEnds[line.row] == line.rect.x1, let start = rightStarts[line.row],
                  start >= line.rect.x1 - 0.5, start - line.rect.x1 <= 2 * max(line.size, 1) else {
                keep.append(line)
                continue
            }
            var copy = line
            copy.words[0].isLabel = true
            moved.append(copy)
        }
        guard !moved.isEmpty else { return (left, right) }
        return (keep, right + moved)
    }

    /// Margin headings and the text beside them as one flow: each heading (its wrapped lines kept together) before
    /// the first line of text that starts below its top, never merged into that line's row.
    static func interleaved(headings: [TextLine], text: [TextLine]) -> [TextLine] {
        let clusters = headingClusters(headings).enumerated().map { number, cluster in
            cluster.map { line -> TextLine in
                var copy = line
                for i in copy.words.indices { copy.words[i].marginHeading = number + 1 }
                return copy
            }
        }
        var result: [TextLine] = []
        var pending = clusters[...]
        for line in LineBuilder.merge(text) {
            while let cluster = pending.first, let top = cluster.first?.rect.y0, top <= line.rect.y0 + 0.5 * line.rect.height {
                result += cluster
                pending = pending.dropFirst()
            }
            result.append(line)
        }
        for cluster in pending { result += cluster }
        return result
    }

    /// The left edge of the column right of `gutter`: where at least three of its fragments start (within half a
    /// point of the leftmost of them), or nil.
    static func leftEdge(of fragments: [TextLine], after gutter: ClosedRange<Double>) -> Double? {
        let starts = fragments.map(\.rect.x0).filter { $0 >= gutter.upperBound - 1 }
        guard let edge = starts.min(), starts.filter({ $0 <= edge + 0.5 }).count >= 3 else { return nil }
        return edge
    }

    /// A fragment that is one mark alone: a bullet, a dash, a star, or a list number ("3.", "[3]").
    static func isMarkOnly(_ fragment: TextLine) -> Bool {
        fragment.words.count == 1 && (isBullet(fragment.words[0]) || ListMarker.isLabelNumber(fragment.words[0].text))
    }

    /// One or two characters that are neither letters nor digits.
    static func isBullet(_ word: Word) -> Bool {
        word.glyphs.count <= 2 && !word.glyphs.contains { $0.char.properties.isAlphabetic || $0.char.properties.numericType != nil }
    }

    /// The best gutter: a low-coverage x-interval with fragments wholly on both sides.
    static func findGutter(_ fragments: [TextLine]) -> ClosedRange<Double>? {
        // List numbers are taken out of the coverage only where no gutter shows otherwise, or where the gutter
        // without them is the one found with them, reaching further right: a LaTeX list hangs its numbers into the
        // gutter and leaves it narrower than a gutter can be, or cut at the numbers ("10." between two columns 23
        // points apart).
        let covered = findGutter(fragments, numbersCover: true)
        // Without a list number on the page both searches are the same one.
        guard fragments.contains(where: { $0.words.contains { ListMarker.isLabelNumber($0.text) } }) else { return covered }
        let uncovered = findGutter(fragments, numbersCover: false)
        if let covered, let uncovered, abs(uncovered.lowerBound - covered.lowerBound) <= 1, uncovered.upperBound > covered.upperBound + 1 {
            return uncovered
        }
        return covered ?? uncovered
    }

    private static func findGutter(_ fragments: [TextLine], numbersCover: Bool) -> ClosedRange<Double>? {
        guard let first = fragments.first else { return nil }
        let xmin = fragments.reduce(first.rect.x0) { min($0, $1.rect.x0) }
        let xmax = fragments.reduce(first.rect.x1) { max($0, $1.rect.x1) }
        guard xmax - xmin > 8, xmax - xmin < 20_000 else { return nil }
        let binCount = Int((xmax - xmin).rounded(.up)) + 2
        var delta = [Int](repeating: 0, count: binCount + 1)
        // Coverage by words, not fragments: poppler sometimes joins two columns' lines across a narrow gutter.
        for word in fragments.lazy.flatMap(\.words) where numbersCover || !ListMarker.isLabelNumber(word.text) {
            let a = max(0, Int((word.rect.x0 - xmin).rounded(.down)))
            let b = min(binCount, Int((word.rect.x1 - xmin).rounded(.up)))
            if b > a {
                delta[a] += 1
                delta[b] -= 1
            }
        }
        let allowed = Int(0.2 * Double(Set(fragments.map(\.row)).count))
        var coverage = [Int](repeating: 0, count: binCount)
        var running = 0
        var runs: [Range<Int>] = []
        var runStart: Int?
        for bin in 0..<binCount {
            running += delta[bin]
            coverage[bin] = running
            if running <= allowed {
                if runStart == nil { runStart = bin }
            } else if let start = runStart {
                runs.append(start..<bin)
                runStart = nil
            }
        }
        // Each low-coverage run, and its ends where coverage is lowest: a sparse sidebar makes the run start at
        // the page edge, while the gutter is the narrow strip where the main column begins.
        var candidates: [ClosedRange<Double>] = []
        for run in runs where run.count >= Int(minimumGutter) {
            candidates.append(xmin + Double(run.lowerBound)...xmin + Double(run.upperBound))
            var start = run.upperBound - 1
            while start > run.lowerBound, coverage[start - 1] <= coverage[run.upperBound - 1] { start -= 1 }
            // A column whose longest line reaches almost to the next one (an e-mail address in a sidebar) leaves a
            // strip of a point or so before the next column's left edge: still a gutter where coverage falls to none.
            if run.upperBound - start >= 2 || (coverage[run.upperBound - 1] == 0 && run.upperBound - start >= 1) { candidates.append(xmin + Double(start)...xmin + Double(run.upperBound)) }
            var end = run.lowerBound + 1
            while end < run.upperBound, coverage[end] <= coverage[run.lowerBound] { end += 1 }
            if end - run.lowerBound >= 2 { candidates.append(xmin + Double(run.lowerBound)...xmin + Double(end)) }
        }
        var best: (gutter: ClosedRange<Double>, score: Int, width: Double)?
        for run in candidates {
            // As many marks hung just before it as other lines left of it, the page cut there as `order` cuts it:
            // the strip between a list's marks and their text (a sidebar line poppler ran into the first mark
            // counts as a mark).
            let parts = fragments.flatMap { split($0, at: run) }.filter { $0.rect.x1 <= run.lowerBound + 1 }
            let endsInMark = { (part: TextLine) in isMarkOnly(part) || (part.words.last.map(isBullet) ?? false) }
            let marks = parts.filter { endsInMark($0) && run.lowerBound - $0.rect.x1 <= 2 * max($0.size, 1) }.count
            if marks > 0, marks >= parts.filter({ !endsInMark($0) }).count { continue }
            let leftOnly = fragments.filter { $0.rect.x1 <= run.lowerBound + 1 }.count
            let rightOnly = fragments.filter { $0.rect.x0 >= run.upperBound - 1 }.count
            let needed = max(2, Int(0.08 * Double(fragments.count)))
            guard leftOnly >= needed, rightOnly >= needed else { continue }
            let score = min(leftOnly, rightOnly)
            let width = run.upperBound - run.lowerBound
            if best.map({ score > $0.score || (score == $0.score && width > $0.width) }) ?? true {
                best = (run, score, width)
            }
        }
        return best?.gutter
    }
}
