import DossierModel
import Foundation

/// Splits a person's name as written into given and family names; honorifics and degrees are set aside.
public enum PersonNames {
    static let honorifics: Set<String> = ["prof", "prof.", "professor", "dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss",
                                          "sir", "dame", "prof.dr.", "univ.-prof.", "pd", "dott.", "dott", "ing.", "dipl.-ing.", "mag.",
                                          "assoc.", "asst.", "emeritus", "dr.ª", "dra.", "dra", "prof.ª", "profa.", "profa", "sr.", "sra.", "mme", "mme.",
                                          "herr", "frau", "drs.", "ir.", "prof.dr", "профессор"]
    static let degrees: Set<String> = ["phd", "ph.d.", "ph.d", "md", "m.d.", "msc", "m.sc.", "dphil", "frs", "facp", "mba", "jr", "jr.", "sr", "sr."]
    static let particles: Set<String> = ["van", "von", "de", "da", "del", "della", "di", "du", "le", "la", "ten", "ter", "der", "den",
                                         "dos", "das", "do", "van der", "van den", "von der", "de la", "al", "el", "bin", "ibn"]

    /// The honorifics in front of a name ("Prof. Dr."), and the name without them or trailing degrees.
    public static func stripTitles(_ text: String) -> (honorific: String?, name: String) {
        var words = text.replacingOccurrences(of: ",", with: " , ").split(separator: " ").map(String.init)
        var taken: [String] = []
        while let first = words.first, honorifics.contains(first.lowercased()) {
            taken.append(first)
            words.removeFirst()
        }
        if let comma = words.firstIndex(of: ","), words[(comma + 1)...].allSatisfy({ degrees.contains($0.lowercased()) || $0 == "," }) {
            words = Array(words[..<comma])
        }
        while let last = words.last, degrees.contains(last.lowercased()) || last == "," { words.removeLast() }
        let name = words.joined(separator: " ").replacingOccurrences(of: " , ", with: ", ")
        return (taken.isEmpty ? nil : taken.joined(separator: " "), name)
    }

    /// "Jane Q. Doe" → given "Jane Q.", family "Doe"; "Doe, Jane" → the same; particles stay with the family name.
    public static func split(_ written: String) -> PersonName {
        let name = stripTitles(written).name.trimmingCharacters(in: .whitespaces)
        if let comma = name.firstIndex(of: ",") {
            let family = name[..<comma].trimmingCharacters(in: .whitespaces)
            let given = name[name.index(after: comma)...].trimmingCharacters(in: .whitespaces)
            if !family.isEmpty, !given.isEmpty, !given.contains(",") {
                return PersonName(literal: "\(given) \(family)", given: given, family: family)
            }
        }
        let words = name.split(separator: " ").map(String.init)
        guard words.count >= 2 else { return PersonName(literal: name, given: nil, family: words.first) }
        var familyStart = words.count - 1
        while familyStart > 1, particles.contains(words[familyStart - 1].lowercased()) { familyStart -= 1 }
        let given = words[..<familyStart].joined(separator: " ")
        let family = words[familyStart...].joined(separator: " ")
        return PersonName(literal: name, given: given, family: family)
    }

    /// Whether a short piece of text can be a person's name: 2–5 words, capitalized, no digits or org words.
    public static func looksLikeName(_ text: String) -> Bool {
        let name = stripTitles(text).name
        let words = name.split(separator: " ")
        guard (2...5).contains(words.count), name.rangeOfCharacter(from: .decimalDigits) == nil, !name.contains("@") else { return false }
        guard !EntryFields.contains(any: EntryFields.organizationWords + EntryFields.positionWords, in: name) else { return false }
        return words.allSatisfy { word in
            guard let first = word.first else { return false }
            return first.isUppercase || particles.contains(word.lowercased())
        }
    }
}
