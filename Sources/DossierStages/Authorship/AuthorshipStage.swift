import DossierText
import DossierModel
import DossierPipeline
import Foundation

/// Finds the applicant in every author list: `applicantPosition` (1-based), matched through initials
/// ("K. Xu", "Xu K", "Xu, Kai"), accents, hyphens and particles. A bold or underlined author in the source
/// wins over name matching. Equal-contribution and corresponding-author marks are recorded.
/// No match, or two equally good ones, leaves the position empty: it is never guessed.
public struct AuthorshipStage: Stage {
    public let name = "authorship"
    public let summary = "the applicant's position in every author list; equal-contribution and corresponding marks"

    public init() {}

    public func run(_ document: Document, context: StageContext) throws -> Document {
        var document = document
        guard !document.profile.publications.isEmpty else { return document }
        let applicant = document.profile.person.name ?? Self.nameFromMetadata(document)
        var applicantForms = applicant.map(Self.writtenForms) ?? []
        if applicantForms.isEmpty, let (author, count, total) = Self.commonAuthor(of: document.profile.publications) {
            applicantForms = [author]
            document.report(.info, stage: name, "no applicant name found; the author of \(count) of \(total) references, "
                + "\(author.literal), is taken as the applicant")
        }
        // The applicant's name as references write it, longest first: searched in every reference that lacks it.
        let written = applicantForms.flatMap(AuthorMatcher.writtenNames).sorted { $0.count > $1.count }
        let forms = applicantForms.map(AuthorMatcher.Applicant.init)
        let named = !applicantForms.isEmpty
        let sources = HighlightSources(document)
        let legend = AuthorMarks.legend(in: document.blocks)
        let prepared = Self.prepare(document.profile.publications, forms: forms, named: named, written: written, legend: legend)
        for (index, item) in prepared.enumerated() {
            var publication = item.publication
            let authors = publication.author ?? []
            guard !authors.isEmpty else { continue }
            let highlighted = sources.highlightedTexts(for: publication)
            var positions = highlighted.flatMap { text in authors.indices.filter { AuthorMatcher.matches(authors[$0], written: text) } }
            positions = Array(Set(positions)).sorted()
            if positions.count != 1, named {
                positions = item.matched
            }
            if positions.count == 1 {
                publication.applicantPosition = positions[0] + 1
            } else if positions.count > 1 {
                document.report(.info, stage: name, "\(positions.count) authors match the applicant; position left empty: \(publication.raw.prefix(60))")
            }
            let marks = item.marks
            publication.equalContribution = marks.equal.isEmpty ? nil : marks.equal
            publication.corresponding = marks.corresponding.isEmpty ? nil : marks.corresponding
            document.profile.publications[index] = publication
        }
        return document
    }

    /// A publication with what authorship reads in it alone: the author list repaired against the applicant's name,
    /// the authors that match the applicant, the equal-contribution and corresponding marks.
    struct Prepared: Sendable {
        var publication: Publication
        var matched: [Int] = []
        var marks: (equal: [Int], corresponding: [Int]) = ([], [])
    }

    /// `Prepared` for every publication, in order: the work that needs no other publication, on every core in chunks
    /// of 64 (`ParallelMap`). Every distinct author read is matched against the applicant once, also on every core,
    /// and the answers shared by the chunks (a matcher per chunk matched the same few hundred names again in each
    /// chunk: 0.2 G instructions more); a name only the repair makes is asked of the chunk's own `ApplicantMatch`
    /// (its memo is not shared between threads). Only the highlighted names, whose search goes on from the last
    /// publication's place, stay in order on one thread.
    static func prepare(_ publications: [Publication], forms: [AuthorMatcher.Applicant], named: Bool, written: [String],
                        legend: [Character: AuthorMarks.Meaning]) -> [Prepared] {
        let distinct = named ? Array(Set(publications.flatMap { $0.author ?? [] })) : []
        let answers = ParallelMap.map(distinct) { author in forms.contains { AuthorMatcher.matches(author, applicant: $0) } }
        let known = Dictionary(uniqueKeysWithValues: zip(distinct, answers))
        let chunk = 64
        let starts = Array(stride(from: 0, to: publications.count, by: chunk))
        return ParallelMap.map(starts, minimumCount: 2, chunk: 1) { start in
            let matcher = AuthorMatcher.ApplicantMatch(forms)
            func matches(_ author: CSLName) -> Bool { known[author] ?? matcher.matches(author) }
            return publications[start..<min(start + chunk, publications.count)].map { publication in
                var item = Prepared(publication: publication)
                if named { ApplicantAnchoredAuthors.repair(&item.publication, matches: matches, written: written) }
                let authors = item.publication.author ?? []
                guard !authors.isEmpty else { return item }
                if named { item.matched = authors.indices.filter { matches(authors[$0]) } }
                item.marks = AuthorMarks.find(in: item.publication.raw, authors: authors, legend: legend)
                return item
            }
        }.flatMap { $0 }
    }

    /// The applicant's name, and the same name with each given name written in parentheses or quotes instead:
    /// "Adam (Xinlai) Liu" publishes as "Liu, X.", "Robert \"Bob\" Smith" as "Bob Smith".
    static func writtenForms(_ name: PersonName) -> [PersonName] {
        var forms = [name]
        guard name.family != nil else { return forms }
        for match in alternateGiven.matches(in: name.literal) {
            let inner = name.literal[match.range].trimmingCharacters(in: CharacterSet(charactersIn: "()\"“” "))
            let words = inner.split(separator: " ")
            guard !words.isEmpty, words.count <= 3, words.allSatisfy({ $0.first?.isUppercase == true && $0.allSatisfy { $0.isLetter || "-.'".contains($0) } }),
                  AuthorMatcher.fold(inner) != AuthorMatcher.fold(name.family ?? "") else { continue }
            forms.append(PersonName(literal: name.literal, given: inner, family: name.family))
        }
        return forms
    }

    /// A publication list without a name (a "publications" page): the author who is in nearly every author list
    /// is the person whose list it is. At least four lists with authors; that author in three of them and in at
    /// least 60 %, every other author in at most half as many. Family name and first initial are compared.
    static func commonAuthor(of publications: [Publication]) -> (PersonName, Int, Int)? {
        var counts: [String: (name: CSLName, count: Int)] = [:]
        var total = 0
        for publication in publications {
            guard let authors = publication.author, !authors.isEmpty else { continue }
            total += 1
            var seen = Set<String>()
            for author in authors {
                guard let family = author.family, family.count >= 2, let initial = author.given?.first(where: \.isLetter) else { continue }
                let key = AuthorMatcher.fold(family) + " " + AuthorMatcher.fold(String(initial))
                guard seen.insert(key).inserted else { continue }
                counts[key, default: (author, 0)].count += 1
            }
        }
        let ranked = counts.values.sorted { $0.count > $1.count }
        guard total >= 4, let top = ranked.first, top.count >= 3, Double(top.count) >= 0.6 * Double(total),
              ranked.count < 2 || ranked[1].count * 2 <= top.count,
              let family = top.name.family, let given = top.name.given else { return nil }
        let initial = given.first(where: \.isLetter).map { "\($0)." } ?? given
        return (PersonName(literal: "\(initial) \(family)", given: initial, family: family), top.count, total)
    }

    private static let alternateGiven = TextPattern(#"\([^)]*\)|["“][^"”]*["”]"#)

    /// Front matter or PDF `author` when no stage found a name.
    static func nameFromMetadata(_ document: Document) -> PersonName? {
        guard let author = document.metadata["author"]?.stringValue, PersonNames.looksLikeName(author) else { return nil }
        return PersonNames.split(PersonNames.stripTitles(author).name)
    }
}

/// Where a publication's bold or underlined author names may be: the blocks of the publication's top-level block
/// (itself, its items and their blocks, its table cells), each with its text on one line, built once per
/// document; and, per top-level block, where the last publication was found, since publications come in order
/// (searching every item for every publication was quadratic in a long list).
final class HighlightSources {
    private let document: Document
    private var candidates: [Int: [Candidate]] = [:]
    private var cursor: [Int: Int] = [:]

    /// A block that may hold a publication's reference, with what makes asking it cheap: whether its text can be
    /// searched byte for byte with Foundation's answer (`FoundationPrecheck.allStandAlone`, read once), and where
    /// the last key was found in it. Keys come in reading order, so the next one is searched from there first: a
    /// table's text holds every row's key, and a search from its start for each row was quadratic (9 s for 5,000
    /// rows).
    private final class Candidate {
        let text: String
        /// The block's bold or underlined runs of 60 characters at most: what a publication found here is given.
        let highlighted: [String]
        let standsAlone: Bool
        var lastFound = 0

        init(text: String, block: Block) {
            self.text = text
            highlighted = ReferenceUnits.flatten(block.inlines ?? []).filter { $0.type == .strong || $0.type == .underline }.map(\.text)
                .filter { $0.hasAtMostCharacters(60) }
            standsAlone = FoundationPrecheck.allStandAlone(text)
        }

        /// `text.mayMatch(key) && text.contains(key)`: from the bytes when they give Foundation's answer (as
        /// `containsText` decides), searching from the last key's place and then before it.
        func holds(_ key: String, bytewise: Bool) -> Bool {
            guard bytewise, standsAlone else { return text.mayMatch(key) && text.contains(key) }
            var text = text, key = key
            let found: Int? = text.withUTF8 { hay in
                key.withUTF8 { pin in
                    if let after = ByteSearch.firstOffset(of: pin, in: hay, from: lastFound) { return after }
                    let end = min(hay.count, lastFound + pin.count - 1)
                    return ByteSearch.firstOffset(of: pin, in: UnsafeBufferPointer(rebasing: hay[0..<end]), from: 0)
                }
            }
            guard let found else { return false }
            lastFound = found
            return true
        }
    }

    init(_ document: Document) { self.document = document }

    /// The bold or underlined runs (60 characters at most) of the block that holds the publication's reference.
    func highlightedTexts(for publication: Publication) -> [String] {
        guard let index = publication.block, document.blocks.indices.contains(index) else { return [] }
        let blocks = candidates(of: index)
        guard !blocks.isEmpty else { return [] }
        let key = String(publication.raw.prefix(40))
        // The needles whose bytes decide Foundation's answer in a text of scalars that stand alone (`containsText`).
        let bytewise = !key.isEmpty && (FoundationPrecheck.isPlain(key) || key.unicodeScalars.allSatisfy(FoundationPrecheck.matchesOnlyItself))
        let start = min(cursor[index] ?? 0, blocks.count - 1)
        for offset in 0..<blocks.count {
            let position = (start + offset) % blocks.count
            let candidate = blocks[position]
            guard candidate.holds(key, bytewise: bytewise) else { continue }
            cursor[index] = position
            return candidate.highlighted
        }
        return []
    }

    private func candidates(of index: Int) -> [Candidate] {
        if let known = candidates[index] { return known }
        let block = document.blocks[index]
        let all = [block] + (block.items ?? []) + (block.items ?? []).flatMap { $0.blocks ?? [] } + (block.rows ?? []).flatMap { $0.cells ?? [] }
        // Made on every core (`ParallelMap`): a list's 4,000 items, each flattened and checked once.
        let found = ParallelMap.map(all.filter { $0.type != .list }) { Candidate(text: FastText.replacingASCII(UInt8(ascii: "\n"), with: " ", in: $0.text), block: $0) }
        candidates[index] = found
        return found
    }
}
