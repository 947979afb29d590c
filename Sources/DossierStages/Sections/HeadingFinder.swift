import DossierText
import DossierModel
import Foundation
import ReferenceParser

/// The learned heading finder (issue 11): every top-level block of a document is labelled `heading` or `other` by a
/// linear-chain CRF over layout and text features — the block's type, size against the body, weight and slant, words,
/// lines, capitals, how it ends, a dotted leader or a counter, whether it names a known kind, the rules' own verdicts,
/// its indent against the block after it and the gap above it, and its neighbours. `SectionsStage` takes a paragraph
/// the model calls a heading with high confidence as one where the rules do not; the rules stay as they are. Trained
/// on generated CVs (Benchmarks/cvgen) and the real labelled CVs by `dossier train-segmenter --headings`.
enum HeadingFinder {
    /// Bump when the features change, so an old model is refused rather than misread.
    static let featureVersion: UInt32 = 1
    static let labels = ["heading", "other"]
    /// How sure the model must be before a paragraph the rules pass over becomes a heading.
    static let threshold = 0.9

    /// The compiled-in model, or nil when none is compiled in (or it was trained for other features).
    static let model: SequenceModel? = {
        guard let bytes = GeneralSequences.bytes(base64: HeadingFinderModel.base64), !bytes.isEmpty else { return nil }
        return try? GeneralSequences.decode(bytes, featureVersion: featureVersion)
    }()

    /// The indices of the paragraphs the model calls headings at `threshold` or more, or none without a model.
    static func headingParagraphs(in blocks: [Block], model: SequenceModel? = HeadingFinder.model) -> Set<Int> {
        guard let model, !blocks.isEmpty, blocks.count <= 20_000 else { return [] }
        let (ids, confidence) = GeneralSequences.label(GeneralSequences.sequence(features(of: blocks)), with: model)
        var found = Set<Int>()
        for (index, id) in ids.enumerated() where model.labels[id] == "heading" && confidence[index] >= threshold && blocks[index].type == .paragraph {
            found.insert(index)
        }
        return found
    }

    /// The hashed features of every top-level block. Without `knownKinds` the features that say whether the text
    /// names a known kind are left out (half of the training documents), so that layout has to carry the decision.
    static func features(of blocks: [Block], knownKinds: Bool = true) -> [[UInt32]] {
        let sizes = blocks.filter { $0.type == .paragraph || $0.type == .list }.compactMap { $0.font?.size }.sorted()
        let body = sizes.isEmpty ? nil : sizes[sizes.count / 2]
        // Whether each block reads as a citation, asked once: it is a block's own trait and its predecessor's.
        let references = blocks.map(ReferenceUnits.readsAsReference)
        let own = blocks.indices.map { traits(of: blocks[$0], body: body, knownKinds: knownKinds, readsAsReference: references[$0]) }
        var result: [[UInt32]] = []
        result.reserveCapacity(blocks.count)
        for (index, block) in blocks.enumerated() {
            var keys: [UInt32] = []
            func add(_ name: String, _ value: String) { keys.append(GeneralSequences.key(202, name + "=" + value)) }
            add("bias", "")
            for trait in own[index] { add("own", trait) }
            let previous = index > 0 ? blocks[index - 1] : nil, next = index + 1 < blocks.count ? blocks[index + 1] : nil
            add("previous", previous.map(typeName) ?? "start")
            add("next", next.map(typeName) ?? "end")
            add("type|next", typeName(block) + "/" + (next.map(typeName) ?? "end"))
            if let next {
                if mayBeYearHeading(next.text), SectionsStage.Patterns.yearHeading.matches(next.text.trimmingFast(in: .whitespacesAndNewlines)) {
                    add("nextYear", "1")
                }
                if references[index + 1] { add("nextReference", "1") }
                add("indentAgainstNext", indent(block, against: next))
            }
            if let previous {
                add("gapAbove", gap(above: block, previous: previous))
                if index > 0, own[index - 1].contains("words=1-4") { add("previousShort", "1") }
            }
            // The neighbours' own traits, a few of them: a heading sits between longer text.
            for trait in (index > 0 ? own[index - 1] : []) where trait.hasPrefix("words=") || trait.hasPrefix("emphasis=") { add("p:" + trait, "") }
            for trait in (index + 1 < blocks.count ? own[index + 1] : []) where trait.hasPrefix("words=") || trait.hasPrefix("emphasis=") || trait.hasPrefix("size=") { add("n:" + trait, "") }
            result.append(keys)
        }
        return result
    }

    /// False only when `SectionsStage.Patterns.yearHeading` cannot match the text: the expression takes the whole text
    /// and at most 28 ASCII bytes that are not white space ("before 2019 – present and earlier" has 28), so a text with
    /// more of them is no year heading. A reference list after a heading was given to the expression whole.
    static func mayBeYearHeading(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var solid = 0
            for byte in bytes where byte < 0x80 && !byte.mayBeASCIISpace {
                solid += 1
                if solid > 32 { return false }
            }
            return true
        }
    }

    /// What a block is, before its neighbours are looked at.
    static func traits(of block: Block, body: Double?, knownKinds: Bool, readsAsReference: Bool? = nil) -> [String] {
        var traits: [String] = ["type=" + typeName(block)]
        let text = block.text.trimmingFast(in: .whitespacesAndNewlines)
        // Cut at the line-feed bytes (`linesSplitFast`, the same lines): a reference list's block is one long text.
        let lines = text.linesSplitFast()
        let firstLine = lines.first.map(String.init) ?? ""
        let firstWords = firstLine.splitFast(0x20)
        let words = firstWords.count
        traits.append("lines=" + (lines.count >= 4 ? "4+" : String(lines.count)))
        traits.append("words=" + (words <= 4 ? "1-4" : words <= 8 ? "5-8" : words <= 15 ? "9-15" : "16+"))
        traits.append("wordCount=" + String(min(words, 10)))
        let inlines = block.inlines ?? []
        var emphasis = "plain"
        if block.font?.bold == true || SectionsStage.isAll(.strong, inlines) {
            emphasis = "bold"
        } else if block.font?.italic == true || SectionsStage.isAll(.emphasis, inlines) {
            emphasis = "italic"
        } else if SectionsStage.isAll(.underline, inlines) {
            emphasis = "underline"
        } else if SectionsStage.isAll(.link, inlines) {
            emphasis = "link"
        } else if inlines.contains(where: { $0.type == .strong && !$0.text.trimmingFast(in: .whitespaces).isEmpty }) {
            emphasis = "someBold"
        }
        traits.append("emphasis=" + emphasis)
        if let name = block.font?.name?.lowercased(), name.containsText("csc") || name.containsText("smallcap") || name.hasSuffix("sc") {
            traits.append("smallCaps")
        }
        if let size = block.font?.size, let body, body > 0 {
            let ratio = size / body
            traits.append("size=" + (ratio < 0.95 ? "smaller" : ratio < 1.05 ? "body" : ratio < 1.25 ? "larger" : "much larger"))
        } else {
            traits.append("size=none")
        }
        let capitals = SectionsStage.asciiCapitals(firstLine) ?? {
            let letters = firstLine.filter(\.isLetter)
            return letters.count >= 4 && letters == letters.uppercased() && letters != letters.lowercased()
        }()
        if capitals { traits.append("capitals") }
        let capitalised = firstWords.filter { $0.first?.isUppercase == true }.count
        traits.append("capitalisedWords=" + (words == 0 ? "none" : capitalised == words ? "all" : capitalised * 2 >= words ? "most" : "few"))
        if let last = firstLine.last {
            traits.append("end=" + (last == ":" ? ":" : ".;,".contains(last) ? "." : last.isNumber ? "digit" : ")]".contains(last) ? ")" : last.isLetter ? "letter" : "other"))
        }
        if let first = firstLine.first { traits.append("start=" + (first.isNumber ? "digit" : first.isUppercase ? "upper" : first.isLowercase ? "lower" : "other")) }
        if FastText.holdsNumber(firstLine) { traits.append("digits") }
        let mayHoldYear = SectionsStage.Patterns.mayHoldYear(firstLine)
        if mayHoldYear, SectionsStage.Patterns.year.matches(firstLine) { traits.append("year") }
        if mayHoldYear, SectionsStage.Patterns.yearHeading.matches(firstLine) { traits.append("yearLine") }
        if firstLine.containsText("@") || firstLine.containsText("://") { traits.append("address") }
        if SectionsStage.Patterns.mayHoldLeader(firstLine), SectionsStage.Patterns.dotLeader.matches(firstLine) { traits.append("leader") }
        if SectionsStage.Patterns.mayHoldCounter(firstLine), SectionsStage.Patterns.counter.matches(firstLine) { traits.append("counter") }
        if SectionsStage.isFragment(firstLine) { traits.append("fragment") }
        if block.type == .paragraph, readsAsReference ?? ReferenceUnits.readsAsReference(block) { traits.append("reference") }
        if knownKinds {
            let cleaned = SectionsStage.cleanTitle(firstLine)
            let known = SectionHeadings.knownKindTraits(of: cleaned)
            if let kind = known.kind { traits.append("kind"); traits.append("kind=" + kind.rawValue) }
            if known.wholePhrase { traits.append("wholePhrase") }
            if known.publicationSubtype { traits.append("publicationSubtype") }
            if block.type == .paragraph, SectionsStage.looksLikeHeading(block) { traits.append("rule:looksLikeHeading") }
        }
        return traits
    }

    static func typeName(_ block: Block) -> String {
        block.type == .heading ? "heading" + String(block.level ?? 1) : block.type.rawValue
    }

    /// Where a block starts against the block after it on the same page: further left, the same, further right.
    static func indent(_ block: Block, against next: Block) -> String {
        guard let own = block.provenance.bbox, let below = next.provenance.bbox, own.count == 4, below.count == 4,
              block.provenance.page == next.provenance.page else { return "none" }
        return own[0] < below[0] - 3 ? "left" : own[0] > below[0] + 3 ? "right" : "same"
    }

    /// The gap between a block and the one above it, against the block's own height per line.
    static func gap(above block: Block, previous: Block) -> String {
        guard let own = block.provenance.bbox, let above = previous.provenance.bbox, own.count == 4, above.count == 4,
              block.provenance.page == previous.provenance.page else { return "none" }
        let lineCount = Double(max(1, block.text.linesSplitFast().count))
        let lineHeight = max(1, (own[3] - own[1]) / lineCount)
        let gap = own[1] - above[3]
        return gap < 0 ? "overlap" : gap < 0.5 * lineHeight ? "tight" : gap < 1.2 * lineHeight ? "line" : "wide"
    }
}
