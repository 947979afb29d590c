import DossierText
import DossierModel
import DossierPipeline
import Foundation
import ReferenceParser

/// Parses each split reference into CSL fields with the trained sequence model (`ReferenceParser`), keeping
/// what splitting already knew: the raw text, the type given by a sub-heading, the URLs of its links.
public struct ParseReferencesStage: Stage {
    public let name = "parse-references"
    public let summary = "each reference → CSL-JSON fields with a confidence each (trained CRF-style model + rules)"
    private let parserSource: @Sendable () -> ReferenceParser?
    /// Starts loading the parser on another thread, for `prepare(for:)`.
    private let prefetch: @Sendable () -> Void

    /// The parser it uses: the one given, or the model compiled in, decoded the first time a document with
    /// references reaches this stage (never when the stage is only registered: start-up stays cheap).
    var parser: ReferenceParser? { parserSource() }

    /// The stage with the model compiled in (`ReferenceParser.standard`), loaded lazily.
    public init() {
        parserSource = { ReferenceParser.standard }
        prefetch = { ReferenceParser.loadStandardInBackground() }
    }

    /// The stage with `parser` (nil: every document with references gets an error diagnostic).
    public init(parser: ReferenceParser?) {
        parserSource = { parser }
        prefetch = {}
    }

    /// A document with a publications section will have references to parse: the model compiled in is decoded on
    /// another thread meanwhile (about 145 M instructions, which the thread running the stages then waits for only
    /// if it gets here first).
    public func prepare(for document: Document) {
        if document.profile.sections.contains(where: { $0.kind == .publications }) { prefetch() }
    }

    public func run(_ document: Document, context: StageContext) throws -> Document {
        var document = document
        guard !document.profile.publications.isEmpty else { return document }
        guard let parser else {
            document.report(.error, stage: name, ReferenceParser.standardProblem ?? "no reference model")
            return document
        }
        let splits = document.profile.publications
        // Each reference is parsed apart from the others, so on every core (`ParallelMap`, in input order); only the
        // italic runs are taken in document order, since each reference's search starts where the one before ended.
        let folded = ParallelMap.map(splits) { Self.typographyFolded($0.raw) }
        var italics = ItalicVenue.Runs(blocks: document.blocks)
        let runs: [[ItalicVenue.Run]?] = splits.indices.map { index in
            let split = splits[index]
            guard split.title == nil, split.containerTitle == nil else { return nil }
            return italics.next(in: split.block, raw: folded[index])
        }
        document.profile.publications = ParallelMap.map(Array(splits.indices)) { index in
            let split = splits[index], folded = folded[index]
            var parsed = parser.parse(folded)
            parsed.id = split.id
            parsed.raw = split.raw
            parsed.block = split.block
            if split.type != SplitReferencesStage.untyped { parsed.type = split.type }
            parsed.url = parsed.url ?? split.url
            parsed.doi = parsed.doi ?? split.doi
            // Fields the source states as fields (a per-paper page's front matter) win over the parser's reading.
            if let title = split.title {
                parsed.title = title
                parsed.confidence["title"] = 1
            }
            // An author list the source says is not given (a paper heading with only a venue under it): none read.
            if split.author?.isEmpty == true { parsed.author = nil }
            if let container = split.containerTitle {
                parsed.containerTitle = container
                parsed.confidence["container-title"] = 1
            }
            if let runs = runs[index] {
                TitleFirstAuthors.apply(&parsed, raw: folded, runs: runs)
                ItalicVenue.apply(&parsed, italics: runs.filter(\.italic).map(\.text), raw: folded)
            }
            TitleWordAsAuthor.repair(&parsed, text: folded)
            Self.givenNameOutOfTitle(&parsed, text: folded)
            Self.titleBeforeCoauthors(&parsed)
            Self.venueOutOfTitle(&parsed)
            Self.genreOutOfTitle(&parsed)
            return parsed
        }
        return document
    }

    /// Economists' shape, the applicant left out of the author list: "A Title (joint with A. Lovelace and G. Hopper),
    /// 2024: Journal of X" or "A Title, 2025: Work in progress". The title is what comes before the remark naming the
    /// co-authors (whatever the parser read as authors before it), or before ", year:" when no author was read.
    static func titleBeforeCoauthors(_ publication: inout Publication) {
        let raw = publication.raw
        let noAuthors = publication.author?.isEmpty ?? true
        // The remark needs "(" and "with", the title before a year ":" and "," (ASCII literals, matched by nothing else).
        if raw.containsByte(0x28), raw.containsBytes("with"), let title = coauthorRemark.firstGroups(in: raw).first?.0,
           noAuthors || publication.title == nil || publication.title?.contains("with ") == true {
            // No title read: the parser took the title and the remark for authors, which they are not.
            if publication.title == nil, !noAuthors {
                publication.author = nil
                publication.confidence["author"] = nil
            }
            publication.title = title.trimmingFast(in: CharacterSet(charactersIn: " ,.;:\"“”"))
            return
        }
        guard noAuthors, raw.containsByte(0x3A), raw.containsByte(0x2C), let found = titleThenYear.firstGroups(in: raw).first?.0 else { return }
        let title = found.trimmingFast(in: CharacterSet(charactersIn: " ,.;:\"“”"))
        // Only a title that ran on past the year is cut; one the parser read well is kept.
        guard let current = publication.title else { publication.title = title; return }
        if current.count > title.count + 3, current.contains(title) { publication.title = title }
    }

    private static let coauthorRemark = TextPattern(#"^([^()]{8,}?)\s*\((?:joint (?:work )?|co-?authored |together )?with\s+\p{Lu}[^)]+\)"#)
    private static let titleThenYear = TextPattern(#"^([^:()]{8,}?),\s*(?:19|20)\d\d\s*:\s*\S"#)

    /// A journal without volume or pages run into the title ("… of biological invasions. BioScience" followed by a bare
    /// DOI): when no container was read and the title's last sentence is a short capitalised name, that sentence is
    /// the container.
    static func venueOutOfTitle(_ publication: inout Publication) {
        guard publication.containerTitle == nil, let title = publication.title,
              let stop = title.range(of: ". ", options: .backwards) else { return }
        let head = String(title[..<stop.lowerBound])
        let venue = String(title[stop.upperBound...]).trimmingFast(in: CharacterSet(charactersIn: " ."))
        let words = venue.split(separator: " ")
        let capitalised = words.filter { $0.first?.isUppercase == true }.count
        guard (1...6).contains(words.count), words.first?.first?.isUppercase == true, capitalised * 2 >= words.count,
              !venue.contains(where: { "?!:;,()".contains($0) || $0.isNumber }), head.split(separator: " ").count >= 4 else { return }
        // The venue must be what follows the title in the reference, up to its end, a DOI or a link.
        guard let at = publication.raw.range(of: title) else { return }
        let after = publication.raw[at.upperBound...].trimmingFast(in: .whitespaces)
        guard after.isEmpty || after.first == "." || after.hasPrefix("10.") || after.lowercased().hasPrefix("doi") || after.hasPrefix("http")
                || after.hasPrefix("---") else { return }
        publication.title = head
        publication.containerTitle = venue
    }

    /// DIN 1505 writes every name "Family, Given" and closes the list with a colon: "Jankowski, Léa ; Morris, Meaghan:
    /// Things to Do …". A title read as "Meaghan: Things to Do …" after a last author "Morris" without a given name
    /// starts after the colon; the word before it is that author's given name.
    static func givenNameOutOfTitle(_ publication: inout Publication, text: String) {
        guard let title = publication.title, var authors = publication.author, let last = authors.last,
              last.literal == nil, last.given?.isEmpty ?? true, let family = last.family,
              let given = givenBeforeColon.firstGroups(in: title).first?.0,
              text.contains("\(family), \(given): ") else { return }
        let rest = title.dropFirst(given.count + 1).trimmingFast(in: .whitespaces)
        guard rest.split(separator: " ").count >= 2 else { return }
        authors[authors.count - 1].given = given
        publication.author = authors
        publication.title = rest
    }

    private static let givenBeforeColon = TextPattern(#"^(\p{Lu}[\p{L}'’-]+(?:[ -]\p{Lu}[\p{L}'’-]+)?):\s"#)

    /// A genre or a description closing the title is not part of it: "… point processes [Doctoral dissertation,
    /// Université X]", "A System to Prevent the Impact, invention patent".
    static func genreOutOfTitle(_ publication: inout Publication) {
        guard var title = publication.title else { return }
        // "… using random projections in" + "Proceedings of …": the word that opens the container is not the title's.
        for tail in [" in", " In", " In:"] where title.hasSuffix(tail) && title.count > tail.count + 10 {
            title.removeLast(tail.count)
            publication.title = title
        }
        let trimmed = genreSuffix.replacing(in: title, with: "").trimmingFast(in: .whitespaces)
        if trimmed != title, trimmed.split(separator: " ").count >= 2 { publication.title = trimmed }
    }

    private static let genreSuffix = TextPattern(#"(\s*\[[^\[\]]*(?i:dissertation|thesis|universit|doctoral|master|phd|unpublished|preprint)[^\[\]]*\]|,\s*(?i:invention patent|patent|patent application|(?:phd |doctoral |master'?s )?thesis|dissertation|technical report))\s*$"#)

    /// The reference as the parser reads it best: a typeset ellipsis (". . ." from LaTeX's `\ldots`) as one
    /// character, so a cut author list ("Ibrahim, A., . . . Bartholdy, B. P.") is not read as initials and sentences.
    /// An author list cut with a count ("B. Rokers […16 more…].", PubMed's and some CV templates' mark) reads as
    /// "et al.", the cut the parser knows.
    /// German lists cut with "u. a." ("und andere", DIN 1505: "Baffes, P. ; u. a.: Title") read as "et al." too.
    static func typographyFolded(_ raw: String) -> String {
        var folded = spacedEllipsis.replacing(in: raw, with: "…")
        if folded.containsBytes("u.") { folded = germanCut.replacing(in: folded, with: "$1et al.") }
        guard folded.containsBytes("more") else { return folded }
        return countedCut.replacing(in: folded, with: " et al.")
    }

    private static let spacedEllipsis = TextPattern(#"\.(\s\.){2,}"#)
    private static let germanCut = TextPattern(#"([;,]\s*)u\.\s?a\.(?=\s*[:.,;])"#)
    private static let countedCut = TextPattern(#"\s*[\[(]\s*(?:…|\.\.\.)?\s*\d+\s+more(?:\s+authors)?\s*(?:…|\.\.\.)?\s*[\])]\.?"#)
}
