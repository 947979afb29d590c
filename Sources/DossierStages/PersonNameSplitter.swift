import DossierModel
import Foundation

/// Splits a person's name into given and family parts.
///
/// "Family, Given" when there is a comma; otherwise the written order is given-first (a romanized
/// Chinese "Xu Kai" cannot be told apart, so it is kept as written). Particles (van, von, de, da, del,
/// della, di, du, le, la, ten, ter, …) start the family name; "Ortega y Gasset" stays whole; hyphenated
/// family names stay whole ("María José Fernández-Núñez" → "María José" / "Fernández-Núñez");
/// nicknames in parentheses or quotes are left out of both parts; suffixes (Jr., III) of the family part.
enum PersonNameSplitter {
    /// Lowercase particles that begin a family name.
    static let particles: Set<String> = [
        "van", "von", "de", "da", "del", "della", "di", "du", "le", "la", "ten", "ter", "der", "den", "dos", "das",
        "do", "des", "zu", "vom", "zum", "zur", "af", "av", "bin", "ibn", "al", "el", "st.",
    ]
    /// Capitalized particles that begin a family name when they stand inside the name ("Maria De Souza").
    private static let capitalizedParticles: Set<String> = [
        "Van", "Von", "De", "Da", "Del", "Della", "Di", "Du", "Le", "La", "Ten", "Ter", "Der", "Den", "Dos", "Das",
    ]
    private static let suffixes: Set<String> = ["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"]

    /// The name split; `literal` is the name as given.
    static func split(_ literal: String) -> PersonName {
        let text = literal.trimmingCharacters(in: .whitespaces)
        let hanOnly = !text.isEmpty && text.unicodeScalars.allSatisfy { $0.properties.isIdeographic }
        if hanOnly, text.count >= 2 {
            return PersonName(literal: text, given: String(text.dropFirst()), family: String(text.prefix(1)))
        }
        let parts = text.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !suffixes.contains(parts[1]) {
            return PersonName(literal: text, given: withoutNicknames(parts[1]).joined(separator: " "), family: parts[0])
        }
        var tokens = withoutNicknames(text.replacingOccurrences(of: ",", with: ""))
        if tokens.count > 2, let last = tokens.last, suffixes.contains(last) { tokens.removeLast() }
        guard tokens.count >= 2 else { return PersonName(literal: text, given: nil, family: tokens.first) }
        var familyStart = tokens.count - 1
        if let conjunction = tokens.indices.dropFirst(2).dropLast().first(where: { tokens[$0] == "y" || tokens[$0] == "i" }) {
            familyStart = conjunction - 1
        }
        if let particle = tokens.indices.dropFirst().dropLast().first(where: {
            particles.contains(tokens[$0]) || capitalizedParticles.contains(tokens[$0])
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
