import DossierText
import DossierModel

/// Line groups of the whole document → blocks: groups that continue across a column or page break joined,
/// headings found by size and weight relative to the body text, list items gathered into lists.
struct BlockAssembler {
    private static let year = TextPattern(#"\b(19|20)\d\d\b"#)
    private static let sectionNumber = TextPattern(#"^\d{1,2}(\.\d{1,2})+\.?\s+\p{L}"#)

    var metrics: LayoutMetrics
    var hyphenation: Hyphenation
    /// Whether bold lines of body size with space above count as headings: only in documents whose section
    /// headings are not set larger (else such lines are entry titles: "Otto von Guericke University").
    var boldBodyHeadings = true

    func blocks(_ groups: [LineGroup]) -> [Block] {
        var assembler = self
        assembler.boldBodyHeadings = groups.filter { $0.size >= metrics.bodySize + 1 && $0.lines.count <= 3 }.count < 3
        return assembler.assemble(groups)
    }

    private func assemble(_ groups: [LineGroup]) -> [Block] {
        let joined = joinContinuations(groups)
        var headingSizes = joined.indices.map { headingSize(joined[$0], next: joined.indices.contains($0 + 1) ? joined[$0 + 1] : nil) }
        for index in TitleBlock.bylines(joined, isHeading: { headingSizes[$0] != nil }) { headingSizes[index] = nil }
        let ranks = Array(Set(headingSizes.compactMap { $0 }.map { ($0 * 2).rounded() / 2 })).sorted(by: >)
        var blocks: [Block] = []
        var pendingItems: [(block: Block, number: Int?, kind: Int)] = []
        func flushItems() {
            guard let first = pendingItems.first else { return }
            if pendingItems.count == 1, first.block.marker == nil {
                var paragraph = first.block
                paragraph.type = .paragraph
                blocks.append(paragraph)
            } else {
                var list = Block(.list, text: pendingItems.map(\.block.text).joined(separator: "\n"),
                                 provenance: first.block.provenance)
                list.ordered = first.number != nil
                list.start = first.number
                list.items = pendingItems.map(\.block)
                list.provenance.bbox = unionBBox(pendingItems.map(\.block.provenance), page: first.block.provenance.page)
                blocks.append(list)
            }
            pendingItems.removeAll()
        }
        for (index, group) in joined.enumerated() {
            if let size = headingSizes[index] {
                flushItems()
                var block = makeBlock(.heading, group)
                let rank = ranks.firstIndex(of: (size * 2).rounded() / 2) ?? 0
                block.level = min(6, rank + 1)
                // An italic margin heading under bold ones is their sub-heading ("Refereed journal papers").
                if group.lines.allSatisfy({ $0.marginHeading != 0 && $0.isItalic && !$0.isBold }) { block.level = min(6, rank + 2) }
                blocks.append(block)
                continue
            }
            let hangingItem = group.marker == nil && group.isHanging
                && (isHangingNeighbour(joined, index - 1) || isHangingNeighbour(joined, index + 1))
            guard group.marker != nil || hangingItem else {
                flushItems()
                blocks.append(makeBlock(.paragraph, group))
                continue
            }
            let kind = group.marker == nil ? 0 : (group.marker?.number != nil ? 1 : 2)
            if let last = pendingItems.last, last.kind != kind || last.block.provenance.page.map({ $0 + 1 }) ?? 0 < group.lines[0].page {
                flushItems()
            }
            var item = makeBlock(.item, group)
            item.marker = group.marker?.text
            pendingItems.append((item, group.marker?.number, kind))
        }
        flushItems()
        return blocks
    }

    private func isHangingNeighbour(_ groups: [LineGroup], _ index: Int) -> Bool {
        guard groups.indices.contains(index) else { return false }
        return groups[index].marker == nil && groups[index].isHanging && headingSize(groups[index]) == nil
    }

    /// Joins a group to the one before when a column or page break cut a paragraph or item in two.
    private func joinContinuations(_ groups: [LineGroup]) -> [LineGroup] {
        var result: [LineGroup] = []
        for (index, group) in groups.enumerated() {
            let following = groups.indices.contains(index + 1) ? groups[index + 1] : nil
            if var last = result.last, last.flow != group.flow, continues(last, group) || isTailOfNumberedItem(last, group, before: following) {
                last.lines += group.lines
                result[result.count - 1] = last
            } else {
                result.append(group)
            }
        }
        return result
    }

    private func continues(_ previous: LineGroup, _ next: LineGroup) -> Bool {
        guard next.marker == nil, abs(previous.size - next.size) < 0.6, headingSize(previous) == nil,
              let lastLine = previous.lines.last, let firstLine = next.lines.first,
              lastLine.isBold == firstLine.isBold,
              let lastWord = lastLine.words.last?.text, let firstWord = firstLine.words.first?.text,
              let firstChar = firstWord.first else { return false }
        if lastWord.hasSuffix("-"), lastWord.count >= 2, firstChar.isLowercase { return true }
        // An author list cut by a column or page break ("…, A. Slominski, A." / "Demogines, E. Smith, …"): no
        // reference ends on an initial, or on a comma or "and" in a line of initials ("Dear Sir or Madam," may).
        if Self.isInitial(lastWord) { return true }
        if lastWord.hasSuffix(",") || lastWord == "and" || lastWord == "&",
           lastLine.words.filter({ Self.isInitial($0.text) || Self.isInitial(String($0.text.dropLast())) }).count >= 2 { return true }
        guard let end = lastWord.last, !".!?:;".contains(end) else { return false }
        if firstChar.isLowercase { return true }
        // An item cut by a page break goes on at the indent of its text ("[12] Doe, J. … In" / "Proceedings …").
        guard let head = previous.lines.first, previous.marker != nil || previous.isHanging else { return false }
        let textX = previous.lines.count >= 2 ? previous.lines[1].mainX0 : (head.words.count >= 2 ? head.words[1].rect.x0 : head.mainX0)
        return abs(firstLine.mainX0 - textX) < 2 && next.lines.allSatisfy { abs($0.mainX0 - textX) < 2 }
    }

    /// "A.", "J.-P.", "M.S.": a given name's initials.
    static func isInitial(_ word: String) -> Bool {
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        guard word.hasSuffix("."), parts.count >= 2, parts.count <= 4 else { return false }
        return parts.dropLast().allSatisfy { part in
            part.split(separator: "-").allSatisfy { $0.count == 1 && $0.first?.isUppercase == true }
        }
    }

    /// A few unmarked lines at the top of a column or page, between item n and item n + 1 of a numbered list, are
    /// the end of item n, even when its last line above closed a sentence ("… in central Ontario." / "Can J Fish
    /// Aquat Sci. 1997;54: 2789–2795." / "[8]: …"), when they read like a reference's end.
    private func isTailOfNumberedItem(_ previous: LineGroup, _ next: LineGroup, before following: LineGroup?) -> Bool {
        guard next.marker == nil, let number = previous.marker?.number, following?.marker?.number == number + 1,
              next.lines.count <= 3, abs(previous.size - next.size) < 0.6, headingSize(next) == nil,
              next.lines.allSatisfy({ $0.marginHeading == 0 }),
              previous.lines.last?.isBold == next.lines.first?.isBold else { return false }
        // A reference's tail holds its numbers or ends its sentence; a sub-heading that keeps the numbering going
        // ("Pending review") does neither.
        let text = next.lines.flatMap(\.words).map(\.text).joined(separator: " ")
        return text.contains(where: \.isNumber) || text.hasSuffix(".")
    }

    /// The size that ranks this group among headings, or nil when it is not a heading.
    func headingSize(_ group: LineGroup, next: LineGroup? = nil) -> Double? {
        // A heading the column detector found in a margin column, whatever its size ("Peer-reviewed" / "articles (8)").
        if let first = group.lines.first, first.marginHeading != 0, group.lines.allSatisfy({ $0.marginHeading == first.marginHeading }) {
            return group.size
        }
        guard group.marker == nil, group.lines.count <= 3, let first = group.lines.first else { return nil }
        if group.lines.contains(where: { $0.words.contains(where: \.isLabel) }) { return nil }
        let text = group.lines.map(\.text).joined(separator: " ")
        let words = text.split(separator: " ")
        let letters = text.unicodeScalars.filter(\.properties.isAlphabetic)
        guard letters.count >= 2, words.count <= 16 else { return nil }
        let size = group.size
        let em = max(metrics.bodySize, 1)
        // "Researcher, Uppsala University  February 2023 – Ongoing": an entry line, whatever its size.
        let hasYear = Self.year.matches(text)
        if hasYear && words.count > 5 { return nil }
        if size >= metrics.bodySize + 1.0 && words.count <= 12 { return size }
        // "Publications [Google Scholar: 1.2k citations]": a big first word opens a heading with a small remark.
        if group.lines.count == 1, let lead = first.words.first, lead.size >= metrics.bodySize + 1.5, lead.size > size + 1.5,
           lead.text.unicodeScalars.filter(\.properties.isAlphabetic).count >= 3 {
            return lead.size
        }
        // A bold heading wrapped in a left margin: its lines flush right, ragged left ("Academic" / "Positions").
        if group.lines.count >= 2, words.count <= 8, group.lines.allSatisfy(\.isBold),
           group.lines.allSatisfy({ abs($0.rect.x1 - first.rect.x1) <= 2 }), !group.lines.allSatisfy({ abs($0.rect.x0 - first.rect.x0) <= 2 }),
           !text.contains("@"), !Self.year.matches(text) {
            return size
        }
        guard group.lines.count == 1, words.count <= 7, text.count <= 60 else { return nil }
        if let end = text.last, ".,;".contains(end) { return nil }
        if hasYear { return nil }
        if text.contains("@") || text.contains("://") { return nil }
        let caps = letters.count >= 4 && letters.allSatisfy { !$0.properties.isLowercase }
        let spaced = (group.spaceAbove ?? .infinity) > metrics.lineGap + 0.3 * em
        let colored = !isDark(first.font.color)
        let numbered = Self.sectionNumber.matches(text)
        if first.isBold && (caps || colored || numbered || spaced && boldBodyHeadings) { return size }
        if caps && (spaced || colored) && words.count <= 6 { return size }
        // A plain Title Case line right before a numbered list names it ("Peer-Reviewed Journal Articles").
        if next?.marker?.number != nil, words.count >= 2, isTitleCase(words) { return size }
        return nil
    }

    /// Most words of four letters or more start with a capital.
    private func isTitleCase(_ words: [Substring]) -> Bool {
        let long = words.filter { $0.count >= 4 && $0.first?.isLetter == true }
        guard !long.isEmpty else { return false }
        return long.filter { $0.first?.isUppercase == true }.count * 10 >= long.count * 8
    }

    private func isDark(_ color: String) -> Bool {
        let hex = color.dropFirst()
        guard hex.count == 6, let value = Int(hex, radix: 16) else { return true }
        let r = (value >> 16) & 0xFF
        let g = (value >> 8) & 0xFF
        let b = value & 0xFF
        return max(r, g, b) < 0x50 || (max(r, g, b) - min(r, g, b) < 0x20 && max(r, g, b) < 0x90)
    }

    private func makeBlock(_ type: BlockType, _ group: LineGroup) -> Block {
        let builder = InlineBuilder(hyphenation: hyphenation)
        let marker = group.marker
        // A heading's line ends are where a narrow column wrapped it, not part of its title.
        let built = builder.build(group.lines, skipWords: marker.map { $0.glued ? 0 : 1 } ?? 0,
                                  skipFirstScalar: marker?.glued == true, joinLines: type == .heading)
        let page = group.lines.first?.page ?? 1
        let onPage = group.lines.filter { $0.page == page }
        var rect = onPage.first?.rect ?? Rect(x0: 0, y0: 0, x1: 0, y1: 0)
        for line in onPage.dropFirst() { rect = rect.union(line.rect) }
        var block = Block(type, text: built.text, provenance: .page(page, bbox: rect.bbox), inlines: built.inlines)
        let font = Word.dominant(ofWords: group.lines.lazy.flatMap(\.words).filter { !$0.isLabel })
        block.font = FontInfo(name: font.name.isEmpty ? nil : font.name, size: font.size,
                              bold: font.bold, italic: font.italic, color: font.color)
        return block
    }

    private func unionBBox(_ provenances: [Provenance], page: Int?) -> [Double]? {
        let boxes = provenances.filter { $0.page == page }.compactMap(\.bbox).filter { $0.count == 4 }
        guard let first = boxes.first else { return nil }
        return boxes.dropFirst().reduce(first) { [min($0[0], $1[0]), min($0[1], $1[1]), max($0[2], $1[2]), max($0[3], $1[3])] }
    }
}
