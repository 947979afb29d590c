import DossierModel
import DossierPipeline
import Foundation

/// Citation keys shared by the BibTeX and CSL-JSON writers: the first author's family name, the year and the first
/// significant word of the title, folded to lowercase ASCII letters and digits ("smith2019deep"); "anon" and "nd"
/// stand in for a missing author or year. A key already used in the batch gets a, b, c … z, aa … appended.
enum CitationKey {
    /// Title words that never make a key: articles, prepositions and conjunctions of the languages CVs come in.
    static let insignificant: Set<String> = [
        "a", "an", "the", "of", "on", "in", "for", "and", "to", "with", "from", "by", "at", "as", "is", "are", "via",
        "into", "using", "towards", "toward", "under", "over", "about", "or", "its", "der", "die", "das", "ein", "eine",
        "und", "zur", "zum", "von", "la", "le", "les", "el", "los", "las", "un", "une", "una", "de", "del", "des", "du",
        "et", "y", "en", "e", "o", "il", "lo", "per", "da", "do", "dos", "das", "sur", "uber",
    ]

    /// The key before deduplication.
    static func base(_ publication: Publication) -> String {
        let first = publication.author?.first ?? publication.editor?.first
        let nameSource = first?.family?.nonBlank ?? first?.literal?.split(separator: " ").first.map(String.init) ?? first?.given
        let name = folded(nameSource ?? "").nonBlank ?? "anon"
        let year = publication.year.map { String($0) } ?? "nd"
        let words = (publication.title ?? "").split(whereSeparator: { $0.isWhitespace || $0 == "-" || $0 == "/" }).map { folded(String($0)) }
        let word = words.first { !$0.isEmpty && !insignificant.contains($0) } ?? ""
        return name + year + word
    }

    /// A key not yet used in `namespace` of the session; taken when returned.
    static func unique(_ publication: Publication, session: WriterSession, namespace: String) -> String {
        let base = base(publication)
        var counter = 0
        while true {
            let candidate = base + suffix(counter)
            if session.claim(candidate, in: namespace) { return candidate }
            counter += 1
        }
    }

    /// "", "a", …, "z", "aa", "ab", …
    static func suffix(_ counter: Int) -> String {
        guard counter > 0 else { return "" }
        var number = counter
        var letters = ""
        while number > 0 {
            number -= 1
            letters = String(UnicodeScalar(UInt8(97 + number % 26))) + letters
            number /= 26
        }
        return letters
    }

    /// Lowercase ASCII letters and digits only: "Müller" → "muller", "Ærø" → "aero", "Иванов" → "ivanov".
    static func folded(_ text: String) -> String {
        let latin = text.applyingTransform(StringTransform("Any-Latin; Latin-ASCII"), reverse: false) ?? text
        return String(latin.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }.map(Character.init))
    }
}
