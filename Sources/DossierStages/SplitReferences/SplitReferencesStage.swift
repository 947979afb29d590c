import DossierText
import DossierModel
import DossierPipeline
import Foundation

/// Cuts every publications section into single references — one per list item, numbered line, paragraph or
/// table row — typed by the sub-heading above them ("Conference Papers" → paper-conference). A document with
/// no sections whose blocks are mostly references is read as one publication list.
/// Placeholders (`\bibentry{key}`, `{% cite %}`, empty items) are reported, never turned into publications.
public struct SplitReferencesStage: Stage {
    public let name = "split-references"
    public let summary = "publication sections → one reference string each (numbering, items, paragraphs, rows)"

    public init() {}

    /// A unit's links on its (new) publication: the first that is no doi.org link is its URL, and a doi.org link
    /// gives its DOI.
    static func attach(_ urls: [String], to publication: inout Publication) {
        if let url = urls.first(where: { !$0.containsText("doi.org/") }) { publication.url = url }
        if let doiURL = urls.first(where: { $0.containsText("doi.org/") }), let range = doiURL.rangeOfText("10.") {
            publication.doi = String(doiURL[range.lowerBound...])
        }
    }

    public func run(_ document: Document, context: StageContext) throws -> Document {
        var document = document
        let map = SectionMap(document)
        var indices = map.blocks(of: [.publications], in: document)
        if document.profile.sections.isEmpty { indices = Self.wholeDocumentList(document) }
        var publications: [Publication] = []
        var titleSections: Set<Int> = [], otherSections: Set<Int> = []
        var listUnits: [Int: [ReferenceUnit]] = [:]
        let fieldGroups = Self.fieldGroups(indices, in: document, map: map)
        // Pages that give each paper a heading with its authors under it: there, a paper heading with only a venue
        // line under it is a paper too (its author line left out), not a section.
        var paperUnits: [Int: ReferenceUnit] = [:]  // heading block → its paper, for sections that are one paper
        var paperHeadings = 0
        for section in document.profile.sections {
            guard let heading = section.blocks.first, let unit = Self.titleHeadingUnit(section, in: document) else { continue }
            paperUnits[heading] = unit
            if section.kind == .publications { paperHeadings += 1 }
        }
        let labelled = Self.labelledParagraphs(indices, in: document, map: map)
        let applicantWritten = document.profile.person.name.map(AuthorMatcher.writtenNames) ?? []
        var members = Set(fieldGroups.values.joined())
        // The learned segmenter, where confident, cuts and joins the reader's paragraphs and items; entries read
        // field by field and paper headings are left to the rules.
        var excluded = members.union(fieldGroups.keys)
        for section in document.profile.sections {
            guard let first = section.blocks.first, let last = section.blocks.last, first <= last, paperUnits[first] != nil else { continue }
            excluded.formUnion(first...last)
        }
        let edits = SegmenterEdits.edits(document, blocks: indices, map: map, applicant: applicantWritten, excluded: excluded)
        let continued = Self.continuedParagraphs(indices.filter { !members.contains($0) && fieldGroups[$0] == nil }, in: document, map: map,
                                                 joins: edits.joins)
        members.formUnion(continued.values.flatMap { $0 })
        for index in indices {
            var block = edits.lists[index] ?? document.blocks[index]
            if members.contains(index) { continue }
            if let rest = continued[index] {
                let parts = [block] + rest.map { document.blocks[$0] }
                block.text = parts.map(\.text).joined(separator: "\n")
                block.inlines = parts.flatMap { $0.inlines ?? [] }
            }
            if let rest = fieldGroups[index] {
                let lines = Self.startLines(block) + rest.map { document.blocks[$0].text.replacingOccurrences(of: "\n", with: " ") }
                let inlines = ([block] + rest.map { document.blocks[$0] }).flatMap { $0.inlines ?? [] }
                let unit = ReferenceUnits.unit(ReferenceFieldOrder.sentences(ReferenceFieldOrder.authorFirst(lines) ?? lines), inlines: inlines, block: index)
                var publication = Publication(id: "ref\(publications.count + 1)", type: map.section(ofBlock: index)?.subkind.flatMap(Self.cslType) ?? Self.untyped, raw: unit.text)
                publication.block = index
                publication.title = ReferenceFieldOrder.titleField(lines)
                Self.attach(unit.urls, to: &publication)
                publications.append(publication)
                continue
            }
            let section = map.section(ofBlock: index)
            if let section, let heading = section.blocks.first, !otherSections.contains(heading) {
                if titleSections.contains(heading) { continue }
                otherSections.insert(heading)
                let venueOnly = paperHeadings >= 2 ? Self.titleHeadingVenueUnit(section, in: document) : nil
                if let unit = paperUnits[heading] ?? venueOnly?.unit {
                    otherSections.remove(heading)
                    titleSections.insert(heading)
                    var publication = Publication(id: "ref\(publications.count + 1)", type: Self.untyped, raw: unit.text)
                    if let venueOnly {
                        // The source says which line is the title and which the venue, and that no author line is given.
                        publication.title = venueOnly.title
                        publication.author = []
                    }
                    publication.block = index
                    Self.attach(unit.urls, to: &publication)
                    publications.append(publication)
                    continue
                }
            }
            let units = edits.paragraphCuts[index].map { cuts in
                SegmenterEdits.split(block, at: cuts).flatMap { ReferenceUnits.units(of: $0, index: index) }
            } ?? ReferenceUnits.units(of: block, index: index)
            // The shortfall check counts the same units again: kept for it (lists and tables as the document has them).
            if continued[index] == nil, block.type == .list || block.type == .table { listUnits[index] = units }
            // Each unit is screened apart from the others, on every core for a long list (`ParallelMap`).
            let screened = ParallelMap.map(units) { Self.screen($0) }
            for (unit, verdict) in zip(units, screened) {
                switch verdict {
                case .placeholder:
                    if !unit.raw.isEmpty {
                        document.report(.warning, stage: name, "placeholder, not a reference: \(unit.raw.prefix(80))", provenance: block.provenance)
                    }
                    continue
                case .notReference: continue
                case .candidate: break
                }
                // Loose paragraphs (notes, legends) must read like references; list items and rows are taken as given.
                // The applicant named, in bold or underlined as in an author list or written out, vouches for one more sign.
                if block.type == .paragraph,
                   ReferenceUnits.citationScore(unit.text) + (Self.namesApplicant(block, document.profile.person.name, written: applicantWritten) ? 1 : 0)
                    + (unit.fielded ? 1 : 0) + (labelled.contains(index) ? 1 : 0) < 2 { continue }
                // `raw` is the reference as written, without its numbering and trailing link words ("[PDF] [code]").
                var publication = Publication(id: "ref\(publications.count + 1)", type: section?.subkind.flatMap(Self.cslType) ?? Self.untyped, raw: unit.text)
                publication.block = index
                publication.title = unit.title
                Self.attach(unit.urls, to: &publication)
                publications.append(publication)
            }
        }
        // A page about one paper, whose front matter holds its citation, is that paper.
        if publications.isEmpty, let page = PerPaperPage.publication(document.metadata) { publications = [page] }
        document.profile.publications = publications
        if !document.profile.sections.isEmpty { reportShortfalls(in: &document, blocks: indices, publications: publications, units: listUnits) }
        return document
    }

    /// What a unit is before its block is looked at: a placeholder, a unit that is surely no reference, or one
    /// that may be.
    enum UnitVerdict: Sendable {
        case placeholder, notReference, candidate
    }

    /// The checks of a unit that need nothing but its text: placeholders, legends, counters, a few words without a
    /// number, a label without letters. Kept apart so that a long list's units are screened on every core.
    static func screen(_ unit: ReferenceUnit) -> UnitVerdict {
        if ReferenceUnits.isPlaceholder(unit.raw) { return .placeholder }
        if ReferenceUnits.isLegend(unit.text) || ReferenceUnits.isCounterHeading(unit.text) { return .notReference }
        // A few words without a number ("LinkedIn", "Tallahassee, FL, USA"): a sidebar under the page's title, not a reference.
        if FastText.spaceSeparatedCount(unit.text) < 4, !unit.text.contains(where: \.isNumber) { return .notReference }
        // A year, a range of years or a bare number ("2021", "2019–2020", "[12]"): a label in the list, not a reference.
        if !FastText.hasAlphabeticScalars(unit.text, atLeast: 4) { return .notReference }
        return .candidate
    }

    /// A warning for every publications section that yields no publication, or far fewer than its text suggests.
    func reportShortfalls(in document: inout Document, blocks: [Int], publications: [Publication], units: [Int: [ReferenceUnit]] = [:]) {
        for section in PublicationCoverage.outermostPublicationSections(document.profile.sections) {
            guard let first = section.blocks.first, let last = section.blocks.last else { continue }
            let own = blocks.filter { first <= $0 && $0 <= last }
            let found = publications.filter { ($0.block).map { first <= $0 && $0 <= last } ?? false }.count
            let signs = PublicationCoverage.signs(of: own.map { document.blocks[$0] }, units: own.map { units[$0] })
            if let message = PublicationCoverage.warning(title: section.title, found: found, signs: signs, documentFound: publications.count) {
                document.report(.warning, stage: name, message, provenance: document.blocks[first].provenance)
            }
        }
    }

    /// CSL's type for "a document of no known kind", until parsing says more.
    public static let untyped = "document"

    static func cslType(_ subkind: String) -> String? {
        SectionHeadings.publicationSubtypes.contains { $0.1 == subkind } ? subkind : nil
    }

    /// Whether a bold or underlined run of the block is the applicant's name ("**Steven M Drucker**").
    /// The applicant set in bold or underlined, as in an author list, or written out in one of the ways a reference
    /// writes its author ("Kwame Achterberg", "Achterberg, K.", "K. Achterberg").
    /// `written` is `AuthorMatcher.writtenNames(applicant)`, computed once per document.
    static func namesApplicant(_ block: Block, _ applicant: PersonName?, written: [String]) -> Bool {
        if highlightsApplicant(block, applicant) { return true }
        // Written out, in a paragraph that ends as a reference ends: not a fragment cut after the names ("…; Roe, Ada:").
        guard let end = block.text.trimmingFast(in: .whitespacesAndNewlines).last,
              end == "." || end == ")" || end == "]" || end.isNumber else { return false }
        return written.contains { block.text.contains($0) }
    }

    static func highlightsApplicant(_ block: Block, _ applicant: PersonName?) -> Bool {
        guard let applicant, applicant.family != nil else { return false }
        return ReferenceUnits.flatten(block.inlines ?? []).contains { inline in
            guard inline.type == .strong || inline.type == .underline, inline.text.count <= 60 else { return false }
            let written = inline.text.trimmingCharacters(in: CharacterSet(charactersIn: " ,;*†‡"))
            let name = PersonNames.split(PersonNames.stripTitles(written).name)
            guard name.family != nil else { return false }
            return AuthorMatcher.matches(CSLName(family: name.family, given: name.given), applicant: applicant)
        }
    }

    /// Entries whose title, authors and venue are separate paragraphs (PDF CVs that set each field on its own line
    /// with space between): a paragraph set wholly in bold starts an entry and the plain ones after it continue it.
    /// Read so only when most bold paragraphs of a run have such followers; returns start → its followers.
    static func fieldGroups(_ indices: [Int], in document: Document, map: SectionMap) -> [Int: [Int]] {
        var runs: [[Int]] = []
        for index in indices where document.blocks[index].type == .paragraph {
            if let last = runs.last?.last, last + 1 == index, map.section(ofBlock: last)?.blocks == map.section(ofBlock: index)?.blocks {
                runs[runs.count - 1].append(index)
            } else {
                runs.append([index])
            }
        }
        var result: [Int: [Int]] = [:]
        for run in runs {
            if let cycles = repeatingFields(run, in: document) {
                for group in cycles { result[group[0]] = Array(group.dropFirst()) }
                continue
            }
            // A title has words; a bold year ("2018") or label over the entries is not one.
            let starts = Set(run.filter { isWhollyBold(document.blocks[$0]) && document.blocks[$0].text.split(separator: " ").count >= 3 })
            guard starts.count >= 2 else { continue }
            // Entries that open with a year column or a number are started by those, not by a bold title within them.
            let marked = run.contains { !starts.contains($0) && (ReferenceUnits.Patterns.leadingYear.matches(document.blocks[$0].text)
                || ReferenceUnits.Patterns.numbering.matches(document.blocks[$0].text)) }
            guard !marked else { continue }
            var groups: [[Int]] = []
            for index in run {
                if starts.contains(index) { groups.append([index]) } else if !groups.isEmpty { groups[groups.count - 1].append(index) }
            }
            let entries = groups.filter { (2...5).contains($0.count) }
            guard Double(entries.count) >= 2.0 / 3.0 * Double(groups.count) else { continue }
            for group in entries { result[group[0]] = Array(group.dropFirst()) }
        }
        return result
    }

    /// Entries written one field per paragraph in the same order every time (a web page's `<p class="title">`,
    /// `<p class="authors">`, `<p class="venue">`; a PDF's title, author and venue lines set apart): after any lines
    /// before the first entry (a legend, a note), the paragraphs of the run fall into cycles of two to four with an
    /// author list at the same place in each, no other author list, and a year somewhere in each (a title may hold
    /// one too). Two cycles at least, or one of three that is the whole run (title and authors, then the dated
    /// venue). Returns the cycles, or nil.
    static func repeatingFields(_ run: [Int], in document: Document) -> [[Int]]? {
        guard run.count >= 3 else { return nil }
        let texts = run.map { document.blocks[$0].text }
        // "Paper PDF", "Slides Code": the links under an entry, not a name with initials.
        let authors = texts.map { !ReferenceFieldOrder.isLinkWordsOnly($0) && ReferenceFieldOrder.looksLikeLongAuthorList($0, single: true) }
        let dated = texts.map { $0.count <= 500 && YearScan.holdsYear($0, letter: false) }
        for period in 2...4 {
            for offset in 0..<period where (run.count - offset) % period == 0 {
                let cycles = (run.count - offset) / period
                guard cycles >= 2 || (cycles == 1 && period == 3) else { continue }
                // Lines before the first entry must not be author lists themselves.
                guard !authors[..<offset].contains(true) else { continue }
                let starts = Array(stride(from: offset, to: run.count, by: period))
                guard let place = (0..<period).first(where: { authors[offset + $0] }) else { continue }
                let fits = starts.allSatisfy { start in
                    (0..<period).allSatisfy { authors[start + $0] == ($0 == place) } && (0..<period).contains { dated[start + $0] }
                }
                // One entry alone must read title and authors (either order), then the dated venue: not authors, venue
                // and the links under a paper heading.
                if cycles == 1, !(dated[offset + 2] && place < 2) { continue }
                if fits { return starts.map { Array(run[$0..<($0 + period)]) } }
            }
        }
        return nil
    }

    /// Paragraphs that go on with the one before them — an entry the reader cut at a page break, a column edge or a
    /// line of its own: the next starts with a lowercase letter, or the previous ends in a comma, a hyphen or "and".
    /// The segmenter's confident `joins` are taken too.
    /// Returns first paragraph → the paragraphs that continue it.
    static func continuedParagraphs(_ indices: [Int], in document: Document, map: SectionMap,
                                    joins: Set<Int> = []) -> [Int: [Int]] {
        var result: [Int: [Int]] = [:]
        var start: Int?
        var previous: Int?
        for index in indices {
            let block = document.blocks[index]
            defer { previous = index }
            guard block.type == .paragraph else { start = nil; continue }
            if let previous, let first = start ?? Optional(previous), previous + 1 == index, document.blocks[previous].type == .paragraph,
               map.section(ofBlock: previous)?.blocks == map.section(ofBlock: index)?.blocks,
               joins.contains(index) || goesOn(from: document.blocks[previous].text, to: block.text) {
                result[first, default: []].append(index)
                start = first
            } else {
                start = nil
            }
        }
        return result
    }

    static func goesOn(from previous: String, to next: String) -> Bool {
        goesOnByItsEnds(from: previous, to: next) || endsInFunctionWord(previous.trimmingFast(in: .whitespacesAndNewlines))
    }

    /// `goesOn` without the function words: what the segmenter's model was trained to see (its feature `goesOn`).
    static func goesOnByItsEnds(from previous: String, to next: String) -> Bool {
        let before = FastText.trimmingWhitespaceAndNewlines(previous)
        let after = FastText.trimmingWhitespaceAndNewlines(next)
        guard let last = before.last, let firstLetter = after.first(where: { $0.isLetter || $0.isNumber }) else { return false }
        // A sentence going on in lowercase ("with application to …"), not a label or numbering ("xx. Doe J", "a) …").
        let word = after.prefix { $0.isLetter }
        let mark = after[word.endIndex...].first
        if after.first?.isLetter == true, firstLetter.isLowercase, mark != "." && mark != ")", !ReferenceUnits.isLegend(after) { return true }
        // The characters before the last, stepped back to from the end (`dropLast(n)` counted every character of the
        // line first: 18 K instructions a reference).
        let lastStart = before.index(before: before.endIndex)
        let beforeLast = before[..<lastStart]
        // A word cut by a hyphen ("large-" / "scale"), not a dash between link words ("doi - HAL").
        let hyphenated = last == "-" && beforeLast.last?.isLetter == true
        // An author list cut after an initial ("…, Marine A." / "Denolle (2026). A title"): no reference ends on one.
        let initial = last == "." && !FastText.hasAtMostCharacters(before, 2) && beforeLast.last?.isUppercase == true
            && beforeLast[..<beforeLast.index(before: beforeLast.endIndex)].last == " "
        return hyphenated || initial || ",&".contains(last) || before.hasSuffix(" and")
    }

    /// `goesOnByItsEnds` as it was written, trimming with Foundation's set and dropping characters by count: what the
    /// version above must agree with.
    static func goesOnByItsEndsByCounting(from previous: String, to next: String) -> Bool {
        let before = previous.trimmingFast(in: .whitespacesAndNewlines)
        let after = next.trimmingFast(in: .whitespacesAndNewlines)
        guard let last = before.last, let firstLetter = after.first(where: { $0.isLetter || $0.isNumber }) else { return false }
        let word = after.prefix { $0.isLetter }
        let mark = after.dropFirst(word.count).first
        if after.first?.isLetter == true, firstLetter.isLowercase, mark != "." && mark != ")", !ReferenceUnits.isLegend(after) { return true }
        let hyphenated = last == "-" && before.dropLast().last?.isLetter == true
        let initial = last == "." && !FastText.hasAtMostCharacters(before, 2) && before.dropLast().last?.isUppercase == true && before.dropLast(2).last == " "
        return hyphenated || initial || ",&".contains(last) || before.hasSuffix(" and")
    }

    /// Words no reference ends on, lowercase: articles, prepositions and conjunctions of the languages CVs are
    /// written in ("… prostate cancer cells with" / "U937 enhances …").
    static let phraseWords: Set<String> = [
        "a", "an", "the", "of", "and", "or", "in", "on", "for", "to", "with", "from", "by", "at", "as", "into", "via",
        "between", "among", "towards", "toward", "under", "over", "its", "their", "our", "is", "are", "using",
        "der", "die", "das", "des", "dem", "den", "und", "von", "zur", "zum", "für", "mit", "im", "am", "auf", "bei", "ein", "eine",
        "de", "du", "la", "le", "les", "et", "au", "aux", "pour", "sur", "dans", "par", "un", "une", "à",
        "del", "el", "los", "las", "y", "con", "para", "por", "una", "da", "do", "dos", "em", "com",
        "di", "della", "il", "per",
    ]

    /// Whether a text's last line ends on a lowercase function word (`phraseWords`) after other words of its own: the
    /// sentence goes on in the next line. (A word alone on its line is a link's or an icon's text: "… doi:10.1/x.\n a".)
    static func endsInFunctionWord(_ text: String) -> Bool {
        let line = text.reversed().prefix { $0 != "\n" }
        let word = line.prefix { $0.isLetter }
        guard (1...7).contains(word.count), word.allSatisfy(\.isLowercase), line.dropFirst(word.count).first == " ",
              line.dropFirst(word.count + 1).contains(where: \.isLetter) else { return false }
        return phraseWords.contains(String(word.reversed()))
    }

    /// A paragraph set in bold: by its font (PDF) or by markup over all its text.
    static func isWhollyBold(_ block: Block) -> Bool {
        if block.font?.bold == true { return true }
        let inlines = (block.inlines ?? []).filter { !$0.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        return !inlines.isEmpty && inlines.allSatisfy { $0.type == .strong }
    }

    /// The lines of an entry's first paragraph: a title wrapped over lines is one field; a short label from a
    /// margin column run into the first line ("First-author  A title in bold") is left out.
    static func startLines(_ block: Block) -> [String] {
        var text = block.text
        let inlines = (block.inlines ?? []).filter { !$0.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        if inlines.count >= 2, inlines[0].type == .text, inlines[1].type == .strong,
           inlines[0].text.split(separator: " ").count <= 2, inlines[1].text.split(separator: " ").count >= 3,
           let range = text.range(of: inlines[1].text) {
            text = String(text[range.lowerBound...])
        }
        let lines = text.split(separator: "\n").map(String.init)
        return lines.contains(where: ReferenceFieldOrder.looksLikeAuthorList) ? lines : [lines.joined(separator: " ")]
    }

    /// One reference whose title is a sub-heading and whose authors, venue and year are the paragraphs under it
    /// (publication pages that give each paper a heading), or nil when the section is not such an entry.
    static func titleHeadingUnit(_ section: Section, in document: Document) -> ReferenceUnit? {
        guard let (first, content) = paperHeadingContent(section, in: document, minimumWords: 3) else { return nil }
        // One entry: its authors right under the title, one line with a year (abstracts aside), not a list of references.
        let lines = [section.title] + content.flatMap { $0.text.split(separator: "\n").map(String.init) }
        guard lines.count >= 2, ReferenceFieldOrder.looksLikeAuthorList(lines[1]),
              lines.filter({ $0.count <= 300 && YearScan.holdsYear($0, letter: false) }).count <= 1 else { return nil }
        guard let fields = ReferenceFieldOrder.authorFirst(lines) else { return nil }
        let unit = ReferenceUnits.unit(ReferenceFieldOrder.sentences(fields), inlines: content.flatMap { $0.inlines ?? [] }, block: first + 1)
        return ReferenceUnits.isPlaceholder(unit.raw) ? nil : unit
    }

    /// A sub-heading of a publication list that may be a paper's title (`minimumWords` words at least, naming no
    /// section kind unless it is long) with nothing but paragraphs under it: its block and those paragraphs.
    static func paperHeadingContent(_ section: Section, in document: Document, minimumWords: Int) -> (first: Int, content: ArraySlice<Block>)? {
        guard let first = section.blocks.first, let last = section.blocks.last, first < last, section.subkind != nil,
              document.blocks[first].type == .heading else { return nil }
        let words = section.title.split(separator: " ").count
        guard words >= minimumWords, SectionHeadings.kind(of: section.title) == nil || words >= 7 else { return nil }
        let content = document.blocks[(first + 1)...last]
        return content.allSatisfy({ $0.type == .paragraph }) ? (first, content) : nil
    }

    /// Paragraphs that open with an entry label ("J2", "C14", "[3]", "12."), after a year column or not, where a section
    /// has two such paragraphs at least: a numbered list set as paragraphs ("2022 J2 Rules as constitutive practices …"),
    /// each an entry even when it names no author (the applicant's own list, single-authored).
    static func labelledParagraphs(_ indices: [Int], in document: Document, map: SectionMap) -> Set<Int> {
        var bySection: [[Int]: [Int]] = [:]
        var numbered: [[Int]: [(index: Int, number: Int)]] = [:]
        for index in indices where document.blocks[index].type == .paragraph {
            let text = document.blocks[index].text
            let section = map.section(ofBlock: index)?.blocks ?? []
            if Patterns.entryLabel.matches(text) {
                bySection[section, default: []].append(index)
            } else if let number = Patterns.bareNumber.firstGroups(in: text).first.flatMap({ Int($0.0) }) {
                numbered[section, default: []].append((index, number))
            }
        }
        // Bare numbers ("25 Title…", "24 Title…", a list written as paragraphs, often counting down) label entries
        // only when they run in steps of one, up or down.
        for (section, run) in numbered where run.count >= 2 {
            let steps = zip(run, run.dropFirst()).filter { abs($0.number - $1.number) == 1 }.count
            if steps * 10 >= (run.count - 1) * 8 { bySection[section, default: []] += run.map(\.index) }
        }
        return Set(bySection.values.filter { $0.count >= 2 }.joined())
    }

    enum Patterns {
        static let entryLabel = TextPattern(#"^\s*((19|20)\d\d\s+)?(\p{Lu}{1,2}\d{1,3}|\[\s*\p{Lu}{0,2}\d{1,3}\s*\])\s+\p{L}"#)
        static let bareNumber = TextPattern(#"^\s*(\d{1,3})\s+\p{L}"#)
    }

    /// A paper heading with a venue line under it and no author line ("Performing Software Test Oracle …" /
    /// "High-Performance Computing …, TopHPC 2019, 2019" / an abstract): the title, and the unit "Title. Venue".
    static func titleHeadingVenueUnit(_ section: Section, in document: Document) -> (title: String, unit: ReferenceUnit)? {
        guard let (first, content) = paperHeadingContent(section, in: document, minimumWords: 4),
              let venue = content.first?.text, !venue.contains("\n"),
              venue.count <= 250, YearScan.holdsYear(venue, letter: false), !ReferenceFieldOrder.looksLikeAuthorList(venue),
              content.dropFirst().filter({ $0.text.count <= 300 && YearScan.holdsYear($0.text, letter: false) }).isEmpty
        else { return nil }
        let title = section.title.trimmingCharacters(in: CharacterSet(charactersIn: " .")), separator = title.last.map { ".!?".contains($0) } == true ? " " : ". "
        let unit = ReferenceUnits.unit(title + separator + venue, inlines: content.first?.inlines ?? [], block: first + 1)
        return ReferenceUnits.isPlaceholder(unit.raw) ? nil : (title, unit)
    }

    /// A document without headings whose list items or paragraphs are mostly references.
    static func wholeDocumentList(_ document: Document) -> [Int] {
        let candidates = document.blocks.indices.filter { [.list, .paragraph].contains(document.blocks[$0].type) }
        let units = candidates.flatMap { ReferenceUnits.units(of: document.blocks[$0], index: $0) }
        guard units.count >= 2 else { return [] }
        let references = units.filter { ReferenceUnits.citationScore($0.text) >= 3 }.count
        return Double(references) >= 0.7 * Double(units.count) ? candidates : []
    }
}
