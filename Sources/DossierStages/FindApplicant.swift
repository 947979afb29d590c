import DossierModel
import DossierPipeline
import Foundation

/// Finds the applicant in every author list: `applicantPosition` (1-based), matched through initials
/// ("K. Xu", "Xu K", "Xu, Kai"), accents, hyphens and particles. A bold or underlined author in the source
/// wins over name matching. Equal-contribution and corresponding-author marks are recorded.
/// No match, or two equally good ones, leaves the position empty: it is never guessed.
public struct FindApplicant: Stage {
    public let name = "authorship"
    public let summary = "the applicant's position in every author list; equal-contribution and corresponding marks"

    public init() {}

    public func run(_ document: Document, context: StageContext) throws -> Document {
        var document = document
        guard !document.profile.publications.isEmpty else { return document }
        let applicant = document.profile.person.name ?? Self.nameFromMetadata(document)
        let applicantForms = applicant.map(Self.writtenForms) ?? []
        for index in document.profile.publications.indices {
            var publication = document.profile.publications[index]
            let authors = publication.author ?? []
            guard !authors.isEmpty else { continue }
            let highlighted = Self.highlightedTexts(for: publication, in: document)
            var positions = highlighted.flatMap { text in authors.indices.filter { AuthorMatcher.matches(authors[$0], written: text) } }
            positions = Array(Set(positions)).sorted()
            if positions.count != 1, !applicantForms.isEmpty {
                positions = authors.indices.filter { index in applicantForms.contains { AuthorMatcher.matches(authors[index], applicant: $0) } }
            }
            if positions.count == 1 {
                publication.applicantPosition = positions[0] + 1
            } else if positions.count > 1 {
                document.report(.info, stage: name, "\(positions.count) authors match the applicant; position left empty: \(publication.raw.prefix(60))")
            }
            let marks = AuthorMarks.find(in: publication.raw, authors: authors)
            publication.equalContribution = marks.equal.isEmpty ? nil : marks.equal
            publication.corresponding = marks.corresponding.isEmpty ? nil : marks.corresponding
            document.profile.publications[index] = publication
        }
        return document
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

    private static let alternateGiven = TextPattern(#"\([^)]*\)|["“][^"”]*["”]"#)

    /// Front matter or PDF `author` when no stage found a name.
    static func nameFromMetadata(_ document: Document) -> PersonName? {
        guard let author = document.metadata["author"]?.stringValue, PersonNames.looksLikeName(author) else { return nil }
        return PersonNames.split(PersonNames.stripTitles(author).name)
    }

    /// The strong or underlined runs of the source item a publication came from.
    static func highlightedTexts(for publication: Publication, in document: Document) -> [String] {
        guard let index = publication.block, document.blocks.indices.contains(index) else { return [] }
        let block = document.blocks[index]
        let candidates = [block] + (block.items ?? []) + (block.items ?? []).flatMap { $0.blocks ?? [] } + (block.rows ?? []).flatMap { $0.cells ?? [] }
        let key = String(publication.raw.prefix(40))
        guard let source = candidates.first(where: { $0.type != .list && $0.text.replacingOccurrences(of: "\n", with: " ").contains(key) }) else { return [] }
        return ReferenceUnits.flatten(source.inlines ?? []).filter { $0.type == .strong || $0.type == .underline }.map(\.text)
            .filter { $0.count <= 60 }
    }
}

/// Author names compared the way people abbreviate them.
enum AuthorMatcher {
    /// Lowercase, accents folded, hyphens/apostrophes/periods removed.
    static func fold(_ text: String) -> String {
        String(text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
            .map { $0.isLetter || $0.isNumber ? $0 : " " })
            .split(separator: " ").joined(separator: " ")
    }

    static func familyKeys(_ family: String) -> Set<String> {
        let folded = fold(family)
        var keys: Set<String> = [folded, folded.replacingOccurrences(of: " ", with: "")]
        let words = folded.split(separator: " ").map(String.init)
        let withoutParticles = words.drop { PersonNames.particles.contains($0) }
        if !withoutParticles.isEmpty { keys.insert(withoutParticles.joined(separator: " ")) }
        return keys
    }

    static func initials(_ given: String) -> [Character] {
        let folded = fold(given)
        if folded.count <= 3, !folded.contains(" "), given == given.uppercased() { return Array(folded) }  // "JA" in Vancouver style
        return folded.split(separator: " ").compactMap(\.first)
    }

    /// Same family name and compatible given names (initials agree as far as both go).
    static func matches(_ author: CSLName, applicant: PersonName) -> Bool {
        guard let family = author.family, let applicantFamily = applicant.family else {
            return author.literal.map { fold($0) == fold(applicant.literal) } ?? false
        }
        let authorFamily = [author.particle, family].compactMap { $0 }.joined(separator: " ")
        guard !familyKeys(authorFamily).isDisjoint(with: familyKeys(applicantFamily)) || isCompoundVariant(authorFamily, of: applicant) else {
            // "Xu Kai" written family-first and parsed the other way round.
            if let given = author.given, fold(given) == fold(applicantFamily), fold(family) == fold(applicant.given ?? "") { return true }
            return false
        }
        guard let given = author.given, !given.isEmpty, let applicantGiven = applicant.given, !applicantGiven.isEmpty else { return true }
        let left = initials(given), right = initials(applicantGiven)
        guard let first = left.first, first == right.first else { return false }
        return zip(left, right).allSatisfy { $0 == $1 } || left.count == 1 || right.count == 1
    }

    /// Iberian double surnames written in full or in part: "Gonçalves Peñalver, I." for Inês Gonçalves Peñalver
    /// (split as given "Inês Gonçalves", family "Peñalver"), or "Fernández, M." for María Fernández Núñez.
    static func isCompoundVariant(_ authorFamily: String, of applicant: PersonName) -> Bool {
        let authorWords = fold(authorFamily).split(separator: " ").map(String.init)
        let applicantWords = fold(applicant.literal).split(separator: " ").map(String.init)
        let applicantFamilyWords = fold(applicant.family ?? "").split(separator: " ").map(String.init)
        guard authorWords.count >= 1, let applicantFirst = applicantWords.first, !authorWords.contains(applicantFirst) else { return false }
        let allInName = authorWords.allSatisfy(applicantWords.contains)
        let sharesFamily = authorWords.contains { applicantFamilyWords.contains($0) }
        return allInName && sharesFamily && (authorWords.count >= 2 || applicantFamilyWords.count >= 2)
    }

    /// Whether a highlighted run ("Raman, P.", "P. Raman", "Raman P") names this author.
    static func matches(_ author: CSLName, written: String) -> Bool {
        let cleaned = written.trimmingCharacters(in: CharacterSet(charactersIn: " ,;*†‡#&").union(.whitespaces))
        guard cleaned.count >= 2, let family = author.family else { return false }
        let words = Set(fold(cleaned).split(separator: " ").map(String.init))
        let familyWords = fold(family).split(separator: " ").map(String.init)
        guard !familyWords.isEmpty, familyWords.allSatisfy(words.contains) else { return false }
        guard let given = author.given, let initial = fold(given).first else { return true }
        return words.contains { $0.first == initial && !familyWords.contains($0) } || words.count == familyWords.count
    }
}

/// Equal-contribution and corresponding-author marks after author names in a raw reference.
enum AuthorMarks {
    static func find(in raw: String, authors: [CSLName]) -> (equal: [Int], corresponding: [Int]) {
        var marked: [Character: [Int]] = [:]
        for (offset, author) in authors.enumerated() {
            guard let family = author.family, let range = raw.range(of: family) else { continue }
            // Look at the few characters after the name (given initials may follow in "Xu K*").
            let tail = raw[range.upperBound...].prefix(12)
            let stop = tail.firstIndex { $0 == "," || $0 == ";" || $0 == "(" } ?? tail.endIndex
            for mark in tail[..<stop] where "*†‡#✉".contains(mark) { marked[mark, default: []].append(offset + 1) }
        }
        var equal: [Int] = [], corresponding: [Int] = []
        for (mark, positions) in marked {
            if mark == "✉" || positions.count == 1 { corresponding += positions } else { equal += positions }
        }
        if raw.lowercased().contains("equal contribution") || raw.lowercased().contains("contributed equally"), equal.isEmpty {
            equal = marked.values.flatMap { $0 }
            corresponding.removeAll { equal.contains($0) }
        }
        return (equal.sorted(), corresponding.sorted())
    }
}
