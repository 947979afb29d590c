import DossierText
import DossierModel
import Foundation

/// One reference string cut out of a publications section, with what the source said around it.
struct ReferenceUnit {
    /// The text as written (numbering removed).
    var raw: String
    /// The text to parse: trailing link words ("[PDF] [code]") removed.
    var text: String
    /// URLs of the unit's links (kept even when their words are dropped).
    var urls: [String]
    /// Index of the top-level block it came from.
    var block: Int
    /// Whether its lines were recognised as the fields of one entry (an author line among them): a sign of a reference.
    var fielded = false
    /// The title, when the source set it apart as a field of its own (one paragraph of an item of title, authors
    /// and venue paragraphs).
    var title: String?
}

/// How publication sections are cut into single references.
enum ReferenceUnits {
    /// Words of links that follow a reference ("(arXiv, pdf, code)") and are not part of it.
    static let linkWords: Set<String> = ["pdf", "code", "slides", "arxiv", "doi", "video", "poster", "bib", "bibtex", "html", "website",
                                         "project", "project page", "data", "dataset", "preprint", "paper", "link", "url", "abstract",
                                         "github", "talk", "demo", "supplement", "supplementary", "ssrn", "blog", "media", "press",
                                         "download", "full text", "publisher", "journal", "open access", "repository"]
    static let numbering = #"^\s*(\[\s*[A-Za-z]*\d+[a-z]?\s*\]|\(\s*\d+\s*\)|\d+\s*[.)]|\d{1,3}\s?[-–]|[A-Z]\d+[.)]?)\s+"#
    static let placeholders = [#"\\bibentry\{"#, #"\{%\s*cite"#, #"\{%\s*bibliography"#, #"\\cite\{"#, #"\\nocite"#, #"\{\{<\s*cite"#]

    /// The units of one top-level block.
    static func units(of block: Block, index: Int) -> [ReferenceUnit] {
        switch block.type {
        case .list:
            // Each item is read apart from the others, on every core (`ParallelMap`; a list of 4,000 references).
            return ParallelMap.map(block.items ?? []) { item -> [ReferenceUnit] in
                // An item holding a nested list of references is a group, not a reference.
                if let nested = item.blocks?.filter({ $0.type == .list }), !nested.isEmpty, item.blocks?.first?.type != .paragraph || (item.blocks?.first?.text.count ?? 0) < 40 {
                    return nested.flatMap { units(of: $0, index: index) }
                }
                // One item holding several "title heading + reference" pairs (academicpages' archive list).
                let children = item.blocks ?? []
                // Each heading must have its reference under it: headings alone are the fields of one entry
                // ("2026" / title heading / venue heading).
                let pairs = groupedByHeading(children).filter { $0.first?.type == .heading && $0.count >= 2 }.count
                if children.filter({ $0.type == .heading }).count >= 2, pairs >= 2 {
                    return groupedByHeading(children).map { group in
                        var part = Block(.item, text: group.map(\.text).joined(separator: "\n"), provenance: item.provenance)
                        part.blocks = group
                        return unit(itemText(part), inlines: allInlines(part), block: index)
                    }
                }
                // Several entries the reader ran into one item, each opening with its year in a date column.
                let dated = splitDated(item.text.linesSplitFast().map(String.init))
                if dated.count >= 2 { return dated.map { unit($0, inlines: allInlines(item), block: index) } }
                var whole = unit(itemText(item), inlines: allInlines(item), block: index)
                let paragraphs = children.filter { $0.type == .paragraph }
                if paragraphs.count >= 2, paragraphs.count == children.count {
                    whole.title = ReferenceFieldOrder.titleField(paragraphs.map(\.text))
                }
                return [whole]
            }.flatMap { $0 }
        case .heading where readsAsReference(block):
            return [unit(block.text, inlines: block.inlines ?? [], block: index)]
        case .paragraph, .quote:
            let lines = block.text.linesSplitFast().map(String.init)
            let numbered = lines.filter { Patterns.numbering.matches($0) }
            if numbered.count >= 2 {
                return splitNumbered(lines).map { unit($0, inlines: block.inlines ?? [], block: index) }
            }
            let dated = splitDated(lines)
            if dated.count >= 2 { return dated.map { unit($0, inlines: block.inlines ?? [], block: index) } }
            if let fields = ReferenceFieldOrder.authorFirst(lines) {
                var fielded = unit(ReferenceFieldOrder.sentences(fields), inlines: block.inlines ?? [], block: index)
                fielded.fielded = true
                return [fielded]
            }
            return [unit(block.text, inlines: block.inlines ?? [], block: index)]
        case .table:
            return (block.rows ?? []).filter { $0.cells?.contains { $0.header == true } != true }.compactMap { row in
                guard let cell = row.cells?.max(by: { $0.text.count < $1.text.count }) else { return nil }
                return unit(cell.text, inlines: cell.inlines ?? [], block: index)
            }
        default:
            return []
        }
    }

    /// An item's reference text. Pages often put the title as a link above the full reference: when the first
    /// paragraph is repeated in the rest it is dropped; otherwise paragraphs are joined as sentences.
    static func itemText(_ item: Block) -> String {
        let paragraphs = (item.blocks ?? []).filter { $0.type == .paragraph || $0.type == .heading }.map(\.text)
        // Title, authors and venue as separate paragraphs or lines: put back author first.
        let fields = paragraphs.count >= 2 ? paragraphs.flatMap { $0.linesSplitFast().map(String.init) } : item.text.linesSplitFast().map(String.init)
        if let ordered = ReferenceFieldOrder.authorFirst(fields) { return ReferenceFieldOrder.sentences(ordered) }
        guard paragraphs.count >= 2 else { return item.text }
        let rest = paragraphs.dropFirst().joined(separator: " ")
        // A title repeated, not a year or a badge that the venue happens to hold.
        if paragraphs[0].split(separator: " ").count >= 3, fold(rest).contains(fold(paragraphs[0])) { return rest }
        return paragraphs.reduce("") { text, paragraph in
            guard let last = text.last else { return paragraph }
            return text + (".!?:;,".contains(last) ? " " : ". ") + paragraph
        }
    }

    /// Blocks cut before each heading: [heading, its paragraphs…], …
    static func groupedByHeading(_ blocks: [Block]) -> [[Block]] {
        var groups: [[Block]] = []
        for block in blocks {
            if block.type == .heading || groups.isEmpty {
                groups.append([block])
            } else {
                groups[groups.count - 1].append(block)
            }
        }
        return groups
    }

    static func fold(_ text: String) -> String {
        text.lowercased().filter { $0.isLetter || $0.isNumber }
    }

    /// Lines grouped so that each group starts at a numbered line.
    static func splitNumbered(_ lines: [String]) -> [String] {
        var groups: [String] = []
        for line in lines {
            if Patterns.numbering.matches(line) || groups.isEmpty {
                groups.append(line)
            } else {
                groups[groups.count - 1] += " " + line
            }
        }
        return groups
    }

    /// Lines grouped at each line that opens with a year in a date column ("2020 Doe, J. …") — when the first line does,
    /// and the line before ends an entry (a full stop, a bracket, a number or an identifier), so that a wrapped
    /// "… Proceedings of the\n2020 Conference on …" is not cut. One group when there is nothing to cut.
    static func splitDated(_ lines: [String]) -> [String] {
        guard lines.count >= 2, let first = lines.first, Patterns.datedStart.matches(first) else { return [lines.joined(separator: "\n")] }
        var groups: [String] = []
        for line in lines {
            let previous = groups.last?.split(separator: "\n").last.map { $0.trimmingFast(in: .whitespaces) } ?? ""
            let ended = previous.last.map { ".)]".contains($0) || $0.isNumber } == true || previous.lowercased().contains("doi") || previous.contains("http")
            if groups.isEmpty || (Patterns.datedStart.matches(line) && ended) {
                groups.append(line)
            } else {
                groups[groups.count - 1] += "\n" + line
            }
        }
        return groups
    }

    /// The inlines of an item: its children's when it has children (an item's own inlines repeat its first
    /// paragraph's), else its own.
    static func allInlines(_ block: Block) -> [Inline] {
        let children = (block.blocks ?? []).flatMap { $0.inlines ?? [] }
        return children.isEmpty ? (block.inlines ?? []) : children
    }

    static func unit(_ written: String, inlines: [Inline], block: Int) -> ReferenceUnit {
        // The runs, flattened once for the three readers of them below (each flattened them anew).
        let runs = flatten(inlines)
        let fields = ReferenceFieldOrder.endingStyledLines(ReferenceFieldOrder.separatingAuthorLine(withoutIconLinks(written, runs: runs)), inlines: inlines)
        // A DOI broken at a line end after ".", "/", "-" or "_" goes on at the start of the next line, no space between.
        // Both need a line feed (most units are one line: the searches were a fifth of a long list's time).
        var raw = fields.containsByte(0x0A) ? Patterns.brokenDOI.replacing(in: fields, with: "$1").replacingOccurrences(of: "\n", with: " ") : fields
        if mayOpenWithNumber(raw) { raw = Patterns.numbering.replacing(in: raw, with: "") }
        // A list number after the date column: "2021 J1 A title" → "2021 A title".
        if mayOpenWithYear(raw, afterSpace: true) { raw = Patterns.yearThenLabel.replacing(in: raw, with: "$1") }
        // A date column beside the list (moderncv, Europass) runs into the text: "2024 Doe, J. (2024). …".
        if mayOpenWithYear(raw, afterSpace: false), let match = Patterns.leadingYear.firstMatch(in: raw)?.range {
            let year = raw[match].trimmingFast(in: .whitespaces)
            if raw[match.upperBound...].contains(year) { raw.removeSubrange(match) }
        }
        raw = (mayHoldRepeatedSpace(raw) ? Patterns.spaces.replacing(in: raw, with: " ") : raw).trimmingFast(in: .whitespaces)
        raw = separatingGluedEmphasis(raw, runs: runs)
        let links = runs.filter { $0.type == .link }
        var text = raw
        var urls: [String] = []
        for link in links {
            guard let url = link.url, !url.hasPrefix("mailto:") else { continue }
            urls.append(url)
            let word = link.text.trimmingFast(in: CharacterSet(charactersIn: "[]() ")).lowercased()
            if linkWords.contains(word) { text = removeLast(link.text, from: text) }
        }
        // Bracketed link words without links: "[PDF] [Code]".
        if mayEnd(text, with: ")]") {
            text = Patterns.bracketedLinkWords.replacing(in: text, with: "")
            text = Patterns.emptyBrackets.replacing(in: text, with: "")
        }
        if mayEnd(text, with: ",;|/") { text = Patterns.trailingSeparators.replacing(in: text, with: "") }
        // `text` is `raw` with pieces taken off: as many bytes, nothing was, and the counts are equal (they are counted
        // only when something was).
        if text.last.map({ ".!?)]\"”".contains($0) }) == false, text.utf8.count != raw.utf8.count, raw.characterCount > text.characterCount { text += "." }
        return ReferenceUnit(raw: raw, text: text.trimmingFast(in: .whitespaces), urls: urls, block: block)
    }

    /// False only when `numbering` (anchored at the start) cannot match: after leading ASCII white space the text
    /// opens with an ASCII byte other than "[", "(", a digit, or a capital followed by a digit. A non-ASCII byte there
    /// (a space or a digit of another script) goes to the expression. Most references open with a name: the three
    /// anchored expressions cost each unit a copy of its text into the regular expression engine.
    static func mayOpenWithNumber(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.firstIndex(where: { !isASCIISpace($0) }) else { return false }
        let byte = bytes[first]
        if byte >= 0x80 || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "(") || (0x30...0x39).contains(byte) { return true }
        guard (0x41...0x5A).contains(byte) else { return false }
        let next = bytes.index(after: first)
        return next != bytes.endIndex && (bytes[next] >= 0x80 || (0x30...0x39).contains(bytes[next]))
    }

    /// False only when `yearThenLabel` (`afterSpace`: leading white space allowed) or `leadingYear` cannot match:
    /// the text does not open with the literal "19" or "20" (after leading ASCII white space for `yearThenLabel`,
    /// where a non-ASCII byte, maybe a space, goes to the expression).
    static func mayOpenWithYear(_ text: String, afterSpace: Bool) -> Bool {
        let bytes = text.utf8
        var index = bytes.startIndex
        if afterSpace {
            while index != bytes.endIndex, isASCIISpace(bytes[index]) { index = bytes.index(after: index) }
        }
        guard index != bytes.endIndex else { return false }
        let first = bytes[index]
        // Where white space may go on, a non-ASCII space may: the expression decides.
        if first >= 0x80 { return afterSpace }
        let next = bytes.index(after: index)
        guard next != bytes.endIndex else { return false }
        let second = bytes[next]
        return (first == UInt8(ascii: "1") && second == UInt8(ascii: "9")) || (first == UInt8(ascii: "2") && second == UInt8(ascii: "0"))
    }

    /// An ASCII byte `\s` may match (the separators 0x1C–0x1F counted too, to be safe).
    private static func isASCIISpace(_ byte: UInt8) -> Bool { (0x09...0x0D).contains(byte) || (0x1C...0x20).contains(byte) }

    /// False only when `text` cannot hold two white-space characters in a row (`\s{2,}`): it is ASCII without two
    /// adjacent spaces, tabs or line breaks. Anything else goes to the expression.
    static func mayHoldRepeatedSpace(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var previousSpace = false
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let space: Bool
                if byte < 0x80 {
                    space = byte == 0x20 || (0x09...0x0D).contains(byte)
                    index += 1
                } else {
                    // A non-ASCII scalar counts as a space when any definition of `\s` may hold it (an en dash in a
                    // page range sent every reference to the expression).
                    let (value, length) = UTF8Scalars.decode(bytes, at: index)
                    space = mayBeSpace(value)
                    index += length
                }
                if space && previousSpace { return true }
                previousSpace = space
            }
            return false
        }
    }

    /// Whether a non-ASCII scalar may be white space to an expression's `\s`: the White_Space and Zs scalars, with
    /// U+180E, U+200B and U+FEFF, which some definitions count.
    static func mayBeSpace(_ value: UInt32) -> Bool {
        switch value {
        case 0x85, 0xA0, 0x1680, 0x180E, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: return true
        default: return false
        }
    }

    /// False only when an expression anchored at the end (`…[…]\s*$`) cannot match: the last character is ASCII, not
    /// white space and not one of `ends`. Anything else goes to the expression.
    static func mayEnd(_ text: String, with ends: String) -> Bool {
        guard let last = text.utf8.last else { return true }
        if last >= 0x80 || last == 0x20 || (0x09...0x0D).contains(last) { return true }
        return ends.utf8.contains(last)
    }

    /// Links drawn as one glyph of an icon font (a code or a preprint icon in the right margin) come out of a PDF as a
    /// lone letter at the end of a line ("… gravitational a\nfields …"): removed where a one-character link stands so.
    /// `runs` are the unit's inlines flattened (`flatten`).
    static func withoutIconLinks(_ text: String, runs: [Inline]) -> String {
        let icons = Set(runs.filter { $0.type == .link }.map { $0.text.trimmingFast(in: .whitespaces) }.filter { $0.count == 1 })
        guard !icons.isEmpty else { return text }
        // Several icons may stand side by side ("… spherical a Ƃ\ncoordinates").
        let pattern = TextPattern(#"([ \t]+("# + icons.map(TextPattern.escaped).joined(separator: "|") + #"))+[ \t]*(?=\n|$)"#)
        return pattern.replacing(in: text, with: "")
    }

    /// A space put back where an italic or bold run starts right after a sentence's period: Markdown
    /// "in Images._Methods in Ecology_" reads "Images.Methods in Ecology"; the markup, not the text, made the break.
    /// `runs` are the unit's inlines flattened (`flatten`).
    static func separatingGluedEmphasis(_ text: String, runs: [Inline]) -> String {
        var result = text
        for inline in runs where [.emphasis, .strong].contains(inline.type) {
            let run = inline.text.trimmingFast(in: .whitespaces)
            guard run.first?.isUppercase == true, let range = result.rangeOfText("." + run) else { continue }
            guard range.lowerBound > result.startIndex, result[result.index(before: range.lowerBound)].isLowercase else { continue }
            result.insert(" ", at: result.index(after: range.lowerBound))
        }
        return result
    }

    /// Whether a unit is the key to the marks of a list ("* = PhD student; † = Masters student"), not a reference.
    /// Also the key written in words: "* Indicates co-first author", "† corresponding author", "(* equal contribution)",
    /// "Underlined names denote students" — short, without a year.
    static func isLegend(_ text: String) -> Bool {
        // `legend` needs an "=" (an ASCII literal, matched by nothing else).
        if text.containsByte(UInt8(ascii: "=")), Patterns.legend.matches(text) { return true }
        let trimmed = FastText.trimmingWhitespaceAndNewlines(text)
        guard FastText.hasAtMostCharacters(trimmed, 150), !YearScan.holdsYear(trimmed, letter: true) else { return false }
        // `markLegend` needs one of its marks (matched as themselves), `wordLegend` a ":" or "indicate" or "denote"
        // (ignoring case, which `mayHoldFoldingASCII` allows for).
        // The key's words alone, its mark taken by the reader for a bullet: "These authors contributed equally".
        if trimmed.count <= 60, ByteSearch.mayHoldFoldingASCII(trimmed, anyOf: ["contribut", "first author"]),
           Patterns.phraseLegend.matches(trimmed) { return true }
        return mayHoldMark(trimmed) && Patterns.markLegend.matches(trimmed)
            || (FastText.hasAtMostCharacters(trimmed, 100) && (trimmed.containsByte(0x3A) || ByteSearch.mayHoldFoldingASCII(trimmed, anyOf: ["indicate", "denote"]))
                && Patterns.wordLegend.matches(trimmed))
    }

    /// Whether `text` holds one of the marks of `Patterns.markLegend`: * † ‡ § ¶ # ✉.
    private static func mayHoldMark(_ text: String) -> Bool {
        text.containsByte(0x2A) || text.containsByte(0x23) || ["†", "‡", "§", "¶", "✉"].contains { text.containsBytes($0) }
    }

    /// Whether a unit is a sub-heading with a counter ("Preprints (5)", "Peer-reviewed articles [21]"), not a reference.
    static func isCounterHeading(_ text: String) -> Bool {
        let trimmed = FastText.trimmingWhitespaceAndNewlines(text)
        guard FastText.hasAtMostCharacters(trimmed, 80), let counter = Patterns.trailingCounter.firstMatch(in: trimmed)?.range else { return false }
        let heading = String(trimmed[..<counter.lowerBound])
        return !heading.isEmpty && heading.split(separator: " ").count <= 6 && SectionHeadings.kind(of: heading) != nil
    }

    /// Every inline and, after each, its children's, depth first: appended to one array (a flat map of one-element
    /// arrays joined to each child's made and freed arrays for every run of every reference).
    static func flatten(_ inlines: [Inline]) -> [Inline] {
        var result: [Inline] = []
        result.reserveCapacity(inlines.count)
        func visit(_ inlines: [Inline]) {
            for inline in inlines {
                result.append(inline)
                if let children = inline.children { visit(children) }
            }
        }
        visit(inlines)
        return result
    }

    private static func removeLast(_ word: String, from text: String) -> String {
        guard let range = text.range(of: word, options: .backwards) else { return text }
        var result = text
        result.removeSubrange(range)
        return result
    }

    static func isPlaceholder(_ text: String) -> Bool {
        let trimmed = FastText.trimmingWhitespaceAndNewlines(text)
        // Every placeholder pattern needs a "\\" or a "{" (ASCII literals, matched by nothing else).
        guard !trimmed.isEmpty else { return true }
        return (trimmed.containsByte(0x5C) || trimmed.containsByte(0x7B)) && Patterns.placeholders.contains { $0.matches(trimmed) }
    }

    /// A heading that is a whole reference ("### [3] Doe J, Roe R. A title. Journal, 2014, 48(3): 414-422."): long and
    /// citation-like, so neither a section title nor a paper's title alone.
    static func readsAsReference(_ block: Block) -> Bool {
        guard block.type == .heading, block.text.count >= 60 else { return false }
        // "[12]" numbers citations, never sections.
        if Patterns.citationNumber.matches(block.text) { return true }
        guard block.text.count >= 80 else { return false }
        let score = citationScore(block.text)
        return score >= 3 || (score >= 2 && Patterns.numbering.matches(block.text))
    }

    /// Signs that a text is a reference: a year or a status, author-like initials, a venue, pages, an identifier.
    static func citationScore(_ text: String) -> Int {
        let lowered = text.lowercased()
        var score = 0
        if YearScan.holdsYear(text, letter: true) { score += 1 }
        if ["in press", "submitted", "under review", "accepted", "forthcoming", "in preparation", "to appear"].contains(where: lowered.containsText) { score += 1 }
        if Patterns.authorLike.matches(text) { score += 1 }
        if Patterns.venueLike.matches(lowered) { score += 1 }
        if text.contains("\"") || text.contains("“") { score += 1 }
        if text.split(separator: " ").count < 5 { score -= 2 }
        return score
    }

    /// The expressions of splitting, compiled once.
    enum Patterns {
        static let numbering = TextPattern(ReferenceUnits.numbering)
        static let citationNumber = TextPattern(#"^\s*\[\s*\d{1,3}\s*\]\s+\S"#)
        // "2024 Doe, J." or, glued by markup, "`2020`__Porto, A.__" → "2020Porto, A.".
        static let brokenDOI = TextPattern(#"(10\.[0-9]{4,9}/[^\s"<>]*[./_-])[ \t]*\n[ \t]*(?=[0-9a-z][^\s"<>]{0,40}(\s|$))"#)
        static let yearThenLabel = TextPattern(#"^(\s*(?:19|20)\d\d[a-z]?\s+)(?:\[\s*[A-Za-z]*\d+\s*\]|[A-Z]{1,2}\d+[.)]?|\d{1,3}[.)])\s+"#)
        // "2020 Doe, J. …", "2007: Elboury S, Couteau C, …", "2006: Brennan-Ó Dálaigh, G.S. …" (a year column, then a family
        // name of up to three words and a comma or initials).
        static let datedStart = TextPattern(#"^\s*(19|20)\d\d[a-z]?[:.]?\s+\p{Lu}[\p{L}'’\-]+(\s(?:\p{Lu}[\p{L}'’\-]+|van|von|der|den|de|del|della|da|di|du|la|le|ten|ter)){0,2}(,|\s\p{Lu}{1,3}[,.]?\s)"#)
        static let leadingYear = TextPattern(#"^(19|20)\d\d[a-z]?(\s+|(?=\p{Lu}\p{Ll}))"#)
        // "* = PhD student; † = Masters student" (the "*" may already be taken as a list marker).
        static let legend = TextPattern(#"^\s*([^\p{L}\p{N}\s]{1,3}\s*)?=\s*\p{L}[^=]*(;\s*[^\p{L}\p{N}\s]{1,3}\s*=\s*\p{L}.*)?$"#)
        // "* Indicates co-first author", "†: corresponding author", "(# equal contribution)", "Note: * denotes …".
        static let markLegend = TextPattern(#"^[(\[]?\s*((?i:note|legend|key)\s*:\s*)?[*†‡§¶#✉]+\s*[=:–-]?\s*(?i:indicates?|denotes?|marks?|means|equal(ly)?|co-?first|shared first|joint first|corresponding|contributed|these authors|student|mentee|supervised|trainee|undergrad|graduate|postdoc|senior author|last author)"#)
        // "Underlined names denote students", "Authors in bold indicate mentees": names the marks, cites nothing.
        static let wordLegend = TextPattern(#"(?i:^(note|legend|key)\s*:|\b(names?|authors?|students?|mentees?|trainees?|asterisks?|bold|underlined?)\b.*\b(indicates?|denotes?)\b|\b(indicates?|denotes?)\b.*\b(authors?|students?|mentees?|trainees?|contribution|contributed)\b)"#)
        static let phraseLegend = TextPattern(#"^(?i:(these |the |both |all )?(authors? )?contributed equally|equal(ly)? contribution|(co-?first|joint first|shared first|equal first) authors?(hip)?)\b[^0-9]*$"#)
        // A counter closing a heading: "(5)", "[21]", "(n = 12)".
        static let trailingCounter = TextPattern(#"\s*[(\[]\s*(n\s*=\s*)?\d{1,3}\s*[)\]]\s*:?$"#)
        static let spaces = TextPattern(#"\s{2,}"#)
        static let bracketedLinkWords = TextPattern(#"(\s*[\[(]\s*(?i:pdf|code|slides|video|poster|bibtex|bib|html|arxiv|doi|project|data|talk|demo)\s*[\])])+\s*$"#)
        static let emptyBrackets = TextPattern(#"\s*[\[(]\s*(?:[,;|/]\s*)*[\])]\s*$"#)
        static let trailingSeparators = TextPattern(#"[\s,;|/]+$"#)
        static let placeholders = ReferenceUnits.placeholders.map { TextPattern($0) }
        static let year = TextPattern(#"\b(19|20)\d\d[a-z]?\b"#)
        // Author marks may sit between a name and its comma: "Sankoh O†,", "Lovelace, A.*".
        static let authorLike = TextPattern(#"\b\p{Lu}\.\s?(\p{Lu}\.\s?)?\p{Lu}\p{Ll}+|\p{Lu}\p{Ll}+,\s\p{Lu}\.|\p{Lu}\p{Ll}+\s\p{Lu}{1,3}[*†‡§¶#]*[,.]"#)
        // … and Vancouver's "2010;7:e1001005" (year; volume).
        static let venueLike = TextPattern(#"doi|arxiv|\bpp?\.\s*\d|\d+\s*\(\d+\)|\bvol\.|\bjournal\b|\bproc|\bconference\b|\bin:|\bpress\b|\d+[–-]\d+|\b(19|20)\d\d;\s?\d+"#)
    }
}
