import DossierText
import DossierModel
import DossierPipeline
import Foundation

/// Author names compared the way people abbreviate them.
enum AuthorMatcher {
    /// The ways a CV writes its owner's name in a reference: "Bastian de la Fuente", "de la Fuente, Bastian",
    /// "B. de la Fuente", "de la Fuente, B.", "de la Fuente B".
    static func writtenNames(_ name: PersonName) -> [String] {
        guard let family = name.family, !family.isEmpty else { return [] }
        var forms = [name.literal]
        guard let given = name.given, !given.isEmpty else { return forms }
        let initials = given.split { $0 == " " || $0 == "-" }.compactMap(\.first).map(String.init)
        forms += ["\(given) \(family)", "\(family), \(given)", "\(family), \(initials.map { $0 + "." }.joined(separator: " "))",
                  "\(initials.map { $0 + "." }.joined(separator: " ")) \(family)", "\(family) \(initials.joined())"]
        var seen: Set<String> = []
        return forms.filter { $0.count >= 4 && seen.insert($0).inserted }
    }

    /// Lowercase, accents folded, hyphens/apostrophes/periods removed.
    static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return foldASCII(text) }
        return String(text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
            .map { $0.isLetter || $0.isNumber ? $0 : " " })
            .split(separator: " ").joined(separator: " ")
    }

    /// `fold` of ASCII text from its bytes, the same string Foundation's folding gives: letters lowercased, digits
    /// kept, every other byte a separator, the words joined by single spaces. Folding runs per author and
    /// applicant pair, so Foundation's call was a third of the authorship stage.
    static func foldASCII(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var gap = false
        for byte in text.utf8 {
            let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                if gap && !out.isEmpty { out.append(0x20) }
                gap = false
                out.append(lower)
            } else {
                gap = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func familyKeys(_ family: String) -> Set<String> {
        let folded = fold(family)
        var keys: Set<String> = [folded, FastText.replacingASCII(UInt8(ascii: " "), with: "", in: folded)]
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

    /// An applicant's name with everything `matches` compares of it folded once. Matching runs per author and
    /// applicant form, so deriving these on every call was a third of the authorship stage.
    struct Applicant {
        let name: PersonName
        /// `familyKeys` of the family name (empty without one).
        let familyKeys: Set<String>
        let foldedLiteral: String, foldedFamily: String, foldedGiven: String
        /// `initials` of the given name, when there is one.
        let initials: [Character]?
        /// The words of the folded literal and of the folded family name.
        let literalWords: [String], familyWords: [String]

        init(_ name: PersonName) {
            self.name = name
            familyKeys = name.family.map(AuthorMatcher.familyKeys) ?? []
            foldedLiteral = fold(name.literal)
            foldedFamily = fold(name.family ?? "")
            foldedGiven = fold(name.given ?? "")
            initials = name.given.flatMap { $0.isEmpty ? nil : AuthorMatcher.initials($0) }
            literalWords = foldedLiteral.split(separator: " ").map(String.init)
            familyWords = foldedFamily.split(separator: " ").map(String.init)
        }
    }

    /// Whether an author is any of the applicant's forms, remembered per author name for one document: co-authors
    /// recur through a list, and both the repair of author lists and the applicant's position ask for every author.
    final class ApplicantMatch {
        let forms: [Applicant]
        private var known: [CSLName: Bool] = [:]

        init(_ forms: [Applicant]) { self.forms = forms }

        func matches(_ author: CSLName) -> Bool {
            if let answer = known[author] { return answer }
            let answer = forms.contains { AuthorMatcher.matches(author, applicant: $0) }
            known[author] = answer
            return answer
        }
    }

    /// Same family name and compatible given names (initials agree as far as both go).
    static func matches(_ author: CSLName, applicant: PersonName) -> Bool {
        matches(author, applicant: Applicant(applicant))
    }

    /// What `matches(_:written:)` trims from a written name, made once (building the set was half of each call).
    private static let writtenNameEdges = CharacterSet(charactersIn: " ,;*†‡#&").union(.whitespaces)

    /// `matches(_:applicant:)` with the applicant's name folded beforehand.
    static func matches(_ author: CSLName, applicant: Applicant) -> Bool {
        guard let family = author.family, applicant.name.family != nil else {
            return author.literal.map { fold($0) == applicant.foldedLiteral } ?? false
        }
        let authorFamily = [author.particle, family].compactMap { $0 }.joined(separator: " ")
        guard !familyKeys(authorFamily).isDisjoint(with: applicant.familyKeys) || isCompoundVariant(authorFamily, of: applicant) else {
            // "Xu Kai" written family-first and parsed the other way round.
            if let given = author.given, fold(given) == applicant.foldedFamily, fold(family) == applicant.foldedGiven { return true }
            return false
        }
        guard let given = author.given, !given.isEmpty, let right = applicant.initials else { return true }
        let left = initials(given)
        guard let first = left.first, first == right.first else { return false }
        return zip(left, right).allSatisfy { $0 == $1 } || left.count == 1 || right.count == 1
    }

    /// Iberian double surnames written in full or in part: "Gonçalves Peñalver, I." for Inês Gonçalves Peñalver
    /// (split as given "Inês Gonçalves", family "Peñalver"), or "Fernández, M." for María Fernández Núñez.
    static func isCompoundVariant(_ authorFamily: String, of applicant: Applicant) -> Bool {
        let authorWords = fold(authorFamily).split(separator: " ").map(String.init)
        let applicantWords = applicant.literalWords
        let applicantFamilyWords = applicant.familyWords
        guard authorWords.count >= 1, let applicantFirst = applicantWords.first, !authorWords.contains(applicantFirst) else { return false }
        let allInName = authorWords.allSatisfy(applicantWords.contains)
        let sharesFamily = authorWords.contains { applicantFamilyWords.contains($0) }
        return allInName && sharesFamily && (authorWords.count >= 2 || applicantFamilyWords.count >= 2)
    }

    /// Whether a highlighted run ("Raman, P.", "P. Raman", "Raman P") names this author.
    static func matches(_ author: CSLName, written: String) -> Bool {
        let cleaned = written.trimmingFast(in: writtenNameEdges)
        guard cleaned.count >= 2, let family = author.family else { return false }
        let words = Set(fold(cleaned).split(separator: " ").map(String.init))
        let familyWords = fold(family).split(separator: " ").map(String.init)
        guard !familyWords.isEmpty, familyWords.allSatisfy(words.contains) else { return false }
        guard let given = author.given, let initial = fold(given).first else { return true }
        return words.contains { $0.first == initial && !familyWords.contains($0) } || words.count == familyWords.count
    }
}
