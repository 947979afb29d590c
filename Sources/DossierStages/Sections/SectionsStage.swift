import DossierText
import DossierModel
import DossierPipeline
import Foundation

/// Finds the document's sections: every heading (and every short paragraph that is plainly a heading:
/// a known section title set in bold, in capitals or ending in a colon) becomes a `Section` with its
/// `SectionKind` and the top-level blocks it spans.
///
/// Sub-headings inside a known section keep the parent's kind and record a sub-kind ("Journal Articles"
/// under "Publications" → publications / article-journal) unless they name another kind themselves.
/// A single title heading at the top that names no kind (the applicant's name) is not a section.
/// "References" in a CV means referees, unless what it holds reads like citations.
public struct SectionsStage: Stage {
    public let name = "sections"
    public let summary = "headings → sections with a kind (8 languages), sub-kinds, referees vs. citations"

    public init() {}

    public func run(_ document: Document, context: StageContext) throws -> Document {
        var document = document
        let learned = HeadingFinder.headingParagraphs(in: document.blocks)
        let headings = Self.nestedUnderEmptyParents(Self.headings(in: document.blocks, learned: learned), blocks: document.blocks)
        var sections: [Section] = []
        var parents: [(level: Int, section: Section)] = []
        for (position, heading) in headings.enumerated() {
            let end = Self.end(of: position, in: headings, blockCount: document.blocks.count)
            while let last = parents.last, last.level >= heading.level { parents.removeLast() }
            let title = heading.title
            // Under a publication list, a long sub-heading is a paper's title ("… in Diffusion Language Models"), not a kind.
            let paperTitle = parents.last?.section.kind == .publications && title.split(separator: " ").count >= 7
            let own = paperTitle ? nil : SectionHeadings.kind(of: title)
            var section = Section(kind: own ?? .other, title: title, blocks: [heading.index, end])
            // A status alone ("Submitted", "Under review") qualifies its parent: submitted grants, talks or papers.
            let status = Self.statusHeadings.contains(SectionHeadings.normalize(title))
            if let parent = parents.last?.section, parent.kind != .other,
               own == nil || (own == .other && !Self.explicitlyOther(title)) || own == parent.kind || status
                || (parent.kind == .researchStatement && own == .summary) {
                section.kind = parent.kind
                section.subkind = Self.subkind(title, kind: parent.kind) ?? SectionHeadings.normalize(title)
            } else if section.kind == .publications {
                section.subkind = SectionHeadings.publicationSubtype(of: title)
            }
            if section.kind == .referees, Self.holdsCitations(document.blocks, from: heading.index + 1, to: end) {
                section.kind = .publications
                document.report(.info, stage: name, "'\(title)' holds citations, not referees: taken as publications", provenance: document.blocks[heading.index].provenance)
            }
            if section.kind == .other, own == nil, Self.readsLikeService(document.blocks, from: heading.index + 1, to: end) {
                section.kind = .service
                document.report(.info, stage: name, "'\(title)' names no kind; its lines are committee and editorial roles: taken as service", provenance: document.blocks[heading.index].provenance)
            }
            parents.append((heading.level, section))
            if position == 0, own == nil, heading.index <= 2, Self.isOnlyTopLevel(heading, headings) { continue }
            sections.append(section)
        }
        document.profile.sections = sections
        return document
    }

    /// Headings that name something else than the kinds ("Patents", "Memberships", "Press"): not a sub-list of their parent.
    static func explicitlyOther(_ title: String) -> Bool {
        ["patents", "patent", "memberships", "professional memberships", "press", "media"].contains(SectionHeadings.normalize(title))
    }

    static let statusHeadings: Set<String> = ["submitted", "under review", "in review", "in preparation", "in prep", "accepted", "in press",
                                              "pending", "forthcoming", "ongoing", "current", "past", "completed"]

    /// A heading found among the top-level blocks.
    struct Heading {
        var index: Int
        var level: Int
        var title: String
    }

    /// The headings among `blocks`: heading blocks and the paragraphs the rules take for headings, then those of
    /// `learned` (paragraphs the heading finder calls headings) that are shaped as one.
    static func headings(in blocks: [Block], learned: Set<Int> = []) -> [Heading] {
        let headingLevels = blocks.filter { $0.type == .heading }.compactMap(\.level)
        let topLevel = headingLevels.min() ?? 1
        // Under a lone title heading (the applicant's name), paragraph headings are its children.
        let titleOnly = blocks.first?.type == .heading && headingLevels.filter { $0 == topLevel }.count == 1
        let paragraphHeadingLevel = titleOnly ? topLevel + 1 : topLevel
        var found: [Heading] = []
        // The kind of the last heading that named one: sub-lists of publications or talks may be headed by topics.
        var namedKind: SectionKind?
        // One level under the last heading that named `namedKind`: where a sub-heading that names none goes.
        func levelUnderNamedKind() -> Int {
            max(paragraphHeadingLevel, (found.last(where: { SectionHeadings.kind(of: $0.title) == namedKind })?.level ?? paragraphHeadingLevel - 1) + 1)
        }
        for (index, block) in blocks.enumerated() {
            let before = found.count
            defer {
                // A heading that names a kind sets it; one that names none (a topic) leaves its parent's.
                if found.count > before, let title = found.last?.title, let kind = SectionHeadings.kind(of: title) { namedKind = kind }
            }
            switch block.type {
            case .heading where !ReferenceUnits.readsAsReference(block):
                found.append(Heading(index: index, level: block.level ?? 1, title: cleanTitle(block.text)))
            case .paragraph where namedKind == .publications || namedKind == .talks ? isUnnamedSubheading(block, next: index + 1 < blocks.count ? blocks[index + 1] : nil) : false:
                found.append(Heading(index: index, level: levelUnderNamedKind(), title: cleanTitle(block.text)))
            case .paragraph where looksLikeHeading(block):
                let firstLine = block.text.split(separator: "\n").first.map(String.init) ?? block.text
                let title = cleanTitle(isWrappedHeading(block) ? block.text.split(separator: "\n").joined(separator: " ") : firstLine)
                // A bold status line ("Submitted") under a heading is that heading's sub-list, not a sibling.
                var level = paragraphHeadingLevel
                if statusHeadings.contains(SectionHeadings.normalize(title)), let last = found.last(where: { !statusHeadings.contains(SectionHeadings.normalize($0.title)) }) {
                    level = max(level, last.level + 1)
                }
                found.append(Heading(index: index, level: level, title: title))
            case .paragraph where learned.contains(index) && isHeadingShaped(block):
                // Found by the model only: one level under the last heading that named a kind, unless it names another
                // kind itself, so that a sub-heading the rules pass over never ends its parent's section.
                let title = cleanTitle(block.text.split(separator: "\n").joined(separator: " "))
                let own = SectionHeadings.kind(of: title)
                let level = namedKind != nil && (own == nil || own == namedKind) ? levelUnderNamedKind() : paragraphHeadingLevel
                found.append(Heading(index: index, level: level, title: title))
            default:
                break
            }
        }
        return found
    }

    /// Sub-headings set at their parent's level: a known heading with nothing under it ("Publications") followed by
    /// headings of the same level that name no kind — years ("2024"), or topics whose blocks read like citations —
    /// makes them its children, until a heading that names a kind again.
    static func nestedUnderEmptyParents(_ headings: [Heading], blocks: [Block]) -> [Heading] {
        var result = headings
        var parent: (level: Int, kind: SectionKind)?
        for position in result.indices {
            let heading = result[position]
            let kind = SectionHeadings.kind(of: heading.title)
            if let current = parent {
                if kind == nil, heading.level == current.level {
                    let end = position + 1 < result.count ? result[position + 1].index - 1 : blocks.count - 1
                    let isYear = Patterns.yearHeading.matches(heading.title)
                    if isYear || (current.kind == .publications && holdsCitations(blocks, from: heading.index + 1, to: end)) {
                        result[position].level = current.level + 1
                        continue
                    }
                }
                if heading.level <= current.level { parent = nil }
            }
            guard let kind, kind != .other, position + 1 < result.count else { continue }
            let next = result[position + 1]
            if next.index == heading.index + 1, next.level == heading.level, SectionHeadings.kind(of: next.title) == nil {
                parent = (heading.level, kind)
            }
        }
        return result
    }

    /// A paragraph that is a known section title, set apart as a heading would be.
    static func looksLikeHeading(_ block: Block) -> Bool {
        // "PEER-REVIEWED JOURNAL PAPERS. . . . . . . .": a sub-heading with a dotted leader (moderncv's banking style).
        if !block.text.containsText("\n"), let leader = Patterns.dotLeader.firstMatch(in: block.text)?.range {
            var title = block
            title.text = String(block.text[..<leader.lowerBound])
            title.inlines = nil
            title.font?.bold = true
            return !title.text.isEmpty && looksLikeHeading(title)
        }
        // A heading line the reader ran into the text below it: "In Preparation\nAdditional manuscripts …".
        if let firstLine = block.text.split(separator: "\n").first, block.text.containsText("\n"),
            firstLine.split(separator: " ").count <= 4, SectionHeadings.isWholePhrase(String(firstLine)) {
            return true
        }
        if isWrappedHeading(block) { return true }
        // "Publications [Google Scholar: 12k citations]": a heading with a remark in brackets.
        if block.text.count <= 120, !block.text.containsText("\n"), block.text.last == "]" || block.text.last == ")" {
            let unbracketed = Patterns.bracketedRemark.replacing(in: block.text, with: "")
            if unbracketed != block.text, SectionHeadings.isWholePhrase(unbracketed) { return true }
            // "Peer-reviewed research articles (21)": a heading with a counter.
            if Patterns.counter.matches(block.text), unbracketed.split(separator: " ").count <= 6, !isFragment(unbracketed),
                SectionHeadings.kind(of: unbracketed) != nil { return true }
        }
        let text = block.text.trimmingFast(in: .whitespacesAndNewlines)
        let inlines = block.inlines ?? []
        let allStrong = isAllStrong(inlines)
        // Headings in French, Spanish or Portuguese take more words ("Articles dans des revues à comité de
        // lecture"): up to eight when set in bold.
        let wordLimit = allStrong || block.font?.bold == true ? 8 : 6
        guard !text.isEmpty, !text.containsText("\n"), text.count <= 48, FastText.spaceSeparatedCount(text) <= wordLimit,
            !isFragment(text), SectionHeadings.kind(of: text) != nil
        else { return false }
        let capitals = asciiCapitals(text) ?? {
            let letters = text.filter(\.isLetter)
            return !letters.isEmpty && letters == letters.uppercased() && letters.count >= 4
        }()
        // A line that is nothing but a known heading ("In Preparation") stands as one however it is set.
        let wholePhrase = FastText.spaceSeparatedCount(text) <= 4 && SectionHeadings.isWholePhrase(text)
        return allStrong || capitals || wholePhrase || text.hasSuffix(":") || block.font?.bold == true
    }

    /// Whether a paragraph the heading finder calls a heading is shaped as one: at most three short lines and eight
    /// words, no address, no sentence's end, balanced brackets, not links alone and not a citation.
    static func isHeadingShaped(_ block: Block) -> Bool {
        let text = block.text.trimmingFast(in: .whitespacesAndNewlines)
        let lines = text.split(separator: "\n")
        guard !text.isEmpty, text.count <= 80, lines.count <= 3, text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count <= 8,
              !text.containsText("@"), !text.containsText("://"), !isFragment(text), let last = text.last, !".,;".contains(last)
        else { return false }
        // A row of link buttons ("Paper", "Code", "PDF") is no heading.
        return !isAll(.link, block.inlines ?? []) && !ReferenceUnits.readsAsReference(block)
    }

    /// Whether some inline shows text and every one that does is of `type` (a line wholly in italics, wholly links).
    static func isAll(_ type: InlineType, _ inlines: [Inline]) -> Bool {
        let visible = inlines.filter { !$0.text.trimmingFast(in: .whitespaces).isEmpty }
        return !visible.isEmpty && visible.allSatisfy { $0.type == type }
    }

    /// Inlines that are all strong, but for blank ones: a paragraph set wholly in bold in Markdown or HTML.
    static func isAllStrong(_ inlines: [Inline]) -> Bool {
        !inlines.isEmpty && inlines.allSatisfy { $0.type == .strong || $0.text.trimmingFast(in: .whitespaces).isEmpty }
    }

    /// A bold heading wrapped over two or three short lines (a narrow margin column: "Grants and\nFellowships"):
    /// at most six words in all, the lines run together naming a kind.
    static func isWrappedHeading(_ block: Block) -> Bool {
        guard block.font?.bold == true, block.text.containsText("\n"), block.text.count <= 60 else { return false }
        let lines = block.text.split(separator: "\n")
        guard lines.count <= 3, lines.allSatisfy({ $0.split(separator: " ").count <= 4 }) else { return false }
        let joined = lines.joined(separator: " ")
        guard joined.split(separator: " ").count <= 6, !isFragment(joined) else { return false }
        return SectionHeadings.kind(of: SectionHeadings.dehyphenated(joined)) != nil
    }

    /// A sub-heading that names no kind, under publications or talks: a research topic or a kind of venue ("Soil
    /// Ecology", "International Conferences"). One bold line of at most four words without a digit, a sentence's
    /// end or an address, set apart as a heading is — a dotted leader after it, a list or a year line right after it,
    /// or set further left than the entries below it on the page.
    static func isUnnamedSubheading(_ block: Block, next: Block?) -> Bool {
        var text = block.text.trimmingFast(in: .whitespacesAndNewlines)
        var leader = false
        if let range = Patterns.dotLeader.firstMatch(in: text)?.range {
            text = String(text[..<range.lowerBound])
            leader = true
        }
        let inlines = block.inlines ?? []
        // Before a leader, only the title need be bold (the dots are not).
        let bold = block.font?.bold == true || isAllStrong(inlines) || (leader && inlines.first?.type == .strong)
        guard bold, !text.isEmpty, text.count <= 40, !text.containsText("\n"), text.split(separator: " ").count <= 4,
              text.first?.isUppercase == true || text.first.map({ !$0.isCased && $0.isLetter }) == true,
              !text.contains(where: \.isNumber), !text.containsText("@"), !isFragment(text),
              let last = text.last, !".,;".contains(last) else { return false }
        if leader { return true }
        guard let next else { return false }
        if next.type == .list { return true }
        if next.type == .paragraph || next.type == .heading, Patterns.yearHeading.matches(next.text.trimmingFast(in: .whitespacesAndNewlines)) { return true }
        if let own = block.provenance.bbox, let below = next.provenance.bbox, own.count == 4, below.count == 4,
           block.provenance.page == next.provenance.page, own[0] < below[0] - 3 { return true }
        return false
    }

    /// For ASCII text, whether it has four letters or more and all of them capitals (what comparing its letters with
    /// their upper and lower case tells, when every letter is A–Z or a–z); nil for other text.
    static func asciiCapitals(_ text: String) -> Bool? {
        guard text.isAllASCII else { return nil }
        var text = text
        return text.withUTF8 { bytes in
            var letters = 0
            for byte in bytes {
                if byte >= UInt8(ascii: "a"), byte <= UInt8(ascii: "z") { return false }
                if byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { letters += 1 }
            }
            return letters >= 4
        }
    }

    /// The tail of a wrapped line ("Diversity and Integration Award]"), not a title: unbalanced brackets or a
    /// lowercase start.
    static func isFragment(_ text: String) -> Bool {
        if text.isAllASCII {
            // The same counted in bytes: in ASCII every bracket is a character of its own, and a–z the lower case.
            var text = text
            return text.withUTF8 { bytes in
                var opened = 0, closed = 0
                for byte in bytes {
                    if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") { opened += 1 }
                    if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") { closed += 1 }
                }
                return opened != closed || bytes.first.map { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") } == true
            }
        }
        let opened = text.filter { $0 == "(" || $0 == "[" }.count
        let closed = text.filter { $0 == ")" || $0 == "]" }.count
        return opened != closed || text.first?.isLowercase == true
    }

    static func cleanTitle(_ text: String) -> String {
        // LaTeX icon commands that leaked into the text layer: "\faFile *[regular]: Publications".
        var title = text.utf8.first == UInt8(ascii: "\\") ? Patterns.latexIcons.replacing(in: text, with: "") : text
        if Patterns.mayHoldLeader(title) { title = Patterns.dotLeader.replacing(in: title, with: "") }
        title = title.trimmingFast(in: .whitespacesAndNewlines)
        while let last = title.last, ":.".contains(last) { title.removeLast() }
        return SectionHeadings.dehyphenated(title.trimmingFast(in: .whitespaces))
    }

    /// The last block of the section that starts at `headings[position]`: before the next heading of the same
    /// or a higher level.
    static func end(of position: Int, in headings: [Heading], blockCount: Int) -> Int {
        let level = headings[position].level
        let next = headings[(position + 1)...].first { $0.level <= level }
        return (next?.index ?? blockCount) - 1
    }

    static func isOnlyTopLevel(_ heading: Heading, _ headings: [Heading]) -> Bool {
        headings.filter { $0.level <= heading.level }.count == 1 && headings.count > 1
    }

    static func subkind(_ title: String, kind: SectionKind) -> String? {
        kind == .publications ? SectionHeadings.publicationSubtype(of: title) : nil
    }

    /// Whether most lines under an unknown heading are service roles ("Chair of the … Committee", "Reviewer for …").
    static func readsLikeService(_ blocks: [Block], from first: Int, to last: Int) -> Bool {
        guard first <= last else { return false }
        let lines = blocks[first...last].flatMap { ($0.items ?? [$0]).map(\.text) }.filter { !$0.isEmpty }
        guard lines.count >= 2 else { return false }
        let roles = ["committee", "chair", "member of", "reviewer", "referee for", "editor", "editorial board", "organizer",
                     "organiser", "board member", "program committee", "steering"]
        let service = lines.filter { line in let lowered = line.lowercased(); return roles.contains { lowered.containsText($0) } }.count
        return Double(service) >= 0.6 * Double(lines.count)
    }

    /// Whether the blocks read like a bibliography rather than a list of people to contact.
    static func holdsCitations(_ blocks: [Block], from first: Int, to last: Int) -> Bool {
        guard first <= last else { return false }
        let lines = blocks[first...last].flatMap { block -> [String] in
            let units = block.items ?? [block]
            return units.map(\.text)
        }
        var citations = 0
        var people = 0
        for line in lines where !line.isEmpty {
            let lowered = line.lowercased()
            if lowered.containsText("upon request") || lowered.containsText("on request") || lowered.containsText("auf anfrage") { people += 2 }
            if line.containsText("@") || Patterns.personWords.matches(lowered) { people += 1 }
            let hasYear = Patterns.year.matches(line)
            let citationSigns = Patterns.citationSigns.filter { $0.matches(lowered) }.count
            if hasYear && citationSigns >= 1 { citations += 1 }
        }
        return citations > people
    }

    /// The expressions of this stage, compiled once.
    enum Patterns {
        static let dotLeader = TextPattern(#"(\s?\.){6,}\s*$"#)
        static let counter = TextPattern(#"[(\[]\s*\d{1,3}\s*[)\]]\s*$"#)
        static let bracketedRemark = TextPattern(#"\s*[\[(].*[\])]\s*$"#)
        static let latexIcons = TextPattern(#"^(\\[A-Za-z]+\s*\*?\s*(\[[^\]]*\])?\s*:?\s*)+"#)
        static let personWords = TextPattern(#"\b(prof|professor|dr|phone|tel|email|e-mail)\b"#)
        static let year = TextPattern(#"\b(19|20)\d\d[a-z]?\b"#)
        // "2024", "2019–2021", "2020 - present", "Before 2015", "2015 and earlier".
        static let yearHeading = TextPattern(#"^((?i:before|until|since|pre-?)\s*)?(19|20)\d\d(\s*[–—-]\s*((19|20)?\d\d|(?i:present|now|today)))?(\s*(?i:and|or)\s*(?i:earlier|before|older|later))?$"#)
        static let citationSigns = [#"doi"#, #"\bpp?\.\s*\d"#, #"\d+\s*\(\d+\)"#, #"\bvol\."#, #"\bjournal\b"#, #"\bproc\."#, #"“|\""#, #"\bin:"#]
            .map { TextPattern($0) }

        /// False when `year` and `yearHeading` cannot match: their century ("19", "20") is ASCII, and no other text
        /// matches it.
        static func mayHoldYear(_ text: String) -> Bool { text.containsBytes("19") || text.containsBytes("20") }

        /// False when `dotLeader` cannot match: it needs six "." at least.
        static func mayHoldLeader(_ text: String) -> Bool {
            var text = text
            return text.withUTF8 { bytes in
                var dots = 0
                for byte in bytes where byte == UInt8(ascii: ".") {
                    dots += 1
                    if dots >= 6 { return true }
                }
                return false
            }
        }

        /// False when `counter` cannot match: it ends in ")" or "]".
        static func mayHoldCounter(_ text: String) -> Bool { text.containsByte(UInt8(ascii: ")")) || text.containsByte(UInt8(ascii: "]")) }
    }
}
