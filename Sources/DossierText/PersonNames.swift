import DossierModel
import Foundation

/// A person's name as written: honorifics and degrees set aside, and the name split into given and family parts.
///
/// "Family, Given" when there is a comma; otherwise the written order is given-first (a romanized
/// Chinese "Xu Kai" cannot be told apart, so it is kept as written). Particles (van, von, de, da, del,
/// della, di, du, le, la, ten, ter, …) start the family name; "Ortega y Gasset" stays whole; hyphenated
/// family names stay whole ("María José Fernández-Núñez" → "María José" / "Fernández-Núñez");
/// nicknames in parentheses or quotes are left out of both parts; suffixes (Jr., III) of the family part.
/// Recognizing and cleaning a name in a CV's text is in PersonNameText.swift.
public enum PersonNames {
    static let honorifics: Set<String> = ["prof", "prof.", "professor", "dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss",
                                          "sir", "dame", "prof.dr.", "univ.-prof.", "pd", "dott.", "dott", "ing.", "dipl.-ing.", "mag.",
                                          "assoc.", "asst.", "emeritus", "dr.ª", "dra.", "dra", "prof.ª", "profa.", "profa", "sr.", "sra.", "mme", "mme.",
                                          "herr", "frau", "drs.", "ir.", "prof.dr", "профессор"]
    static let degrees: Set<String> = ["phd", "ph.d.", "ph.d", "md", "m.d.", "msc", "m.sc.", "dphil", "frs", "facp", "mba", "jr", "jr.", "sr", "sr."]
    /// Lowercase particles that begin a family name (`NameParticles.all`).
    package static var particles: Set<String> { NameParticles.all }
    /// Generational suffixes, lowercase.
    static let suffixes: Set<String> = ["jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "2nd", "3rd"]

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

    /// The name (without titles; see `stripTitles`) split; `literal` is the name as given, trimmed.
    public static func split(_ literal: String) -> PersonName {
        let text = literal.trimmingFast(in: .whitespaces)
        let hanOnly = !text.isEmpty && text.unicodeScalars.allSatisfy { $0.properties.isIdeographic }
        if hanOnly, text.count >= 2 {
            return PersonName(literal: text, given: String(text.dropFirst()), family: String(text.prefix(1)))
        }
        let parts = text.split(separator: ",", maxSplits: 1).map { $0.trimmingFast(in: .whitespaces) }
        if parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !isSuffix(parts[1]) {
            return PersonName(literal: text, given: withoutNicknames(parts[1]).joined(separator: " "), family: parts[0])
        }
        var tokens = withoutNicknames(text.replacingOccurrences(of: ",", with: ""))
        if tokens.count > 2, let last = tokens.last, isSuffix(last) { tokens.removeLast() }
        guard tokens.count >= 2 else { return PersonName(literal: text, given: nil, family: tokens.first) }
        var familyStart = tokens.count - 1
        if let conjunction = tokens.indices.dropFirst(2).dropLast().first(where: { tokens[$0] == "y" || tokens[$0] == "i" }) {
            familyStart = conjunction - 1
        }
        if let particle = tokens.indices.dropFirst().dropLast().first(where: {
            particles.contains(tokens[$0]) || NameParticles.capitalizedInside.contains(tokens[$0])
        }) {
            familyStart = min(familyStart, particle)
        }
        return PersonName(
            literal: text, given: tokens[..<familyStart].joined(separator: " "),
            family: tokens[familyStart...].joined(separator: " "))
    }

    private static func withoutNicknames(_ text: String) -> [String] {
        let stripped = nickname.replacing(in: text, with: " ")
        return stripped.split(whereSeparator: \.isWhitespace).map(String.init)
    }

    private static let nickname = TextPattern(#"\([^)]*\)|["“][^"”]*["”]"#)
}
