/// A list marker as printed, its number when it is one, and whether it is glued to the text ("•Python").
struct Marker: Sendable, Hashable {
    var text: String
    var number: Int?
    var glued: Bool
}

/// List markers at the start of a line: bullets (•, –, ▪, ◦, *, ‣ …) and numbering ([12], [J3], 12., (12), 12)).
enum ListMarker {
    static let bullets: Set<Unicode.Scalar> = [
        "•", "–", "—", "▪", "◦", "*", "‣", "-", "·", "●", "○", "■", "□", "►", "▸", "▹", "➢", "➤", "✓", "✔", "∙",
        "⋅", "◆", "◇", "♦", "\u{F0B7}", "\u{F0A7}", "\u{F076}", "\u{F0D8}", "\u{F0FC}",
    ]

    /// Bullets a symbol font maps to ASCII punctuation (moderncv's banking style: its bullet comes out as "{"); only a
    /// lone one before text is a marker.
    static let loneBullets: Set<String> = ["{"]

    /// The marker that opens `words` (the first word's text, or a bullet glued to it) and whether it is a number.
    static func marker(of words: [String]) -> Marker? {
        guard let first = words.first, let scalar = first.unicodeScalars.first else { return nil }
        if loneBullets.contains(first), words.count >= 2, words[1].first?.isLetter == true || words[1].first?.isNumber == true {
            return Marker(text: "•", number: nil, glued: false)
        }
        if bullets.contains(scalar) {
            if first.unicodeScalars.count == 1 { return words.count >= 2 ? Marker(text: first, number: nil, glued: false) : nil }
            // "•Python": a bullet glued to its text (not "-1.5" or "--").
            let rest = first.unicodeScalars.dropFirst()
            if scalar != "-", scalar != "*", let next = rest.first, next.properties.isAlphabetic {
                return Marker(text: String(Character(scalar)), number: nil, glued: true)
            }
            return nil
        }
        guard words.count >= 2 else { return nil }
        return numbered(first).map { Marker(text: $0.marker, number: $0.number, glued: false) }
    }

    /// A list number as set apart in a label column: "12", "[12]", "12.", "(12)".
    static func labelNumber(_ token: String) -> (marker: String, number: Int)? {
        if let found = numbered(token) { return found }
        // One to three ASCII digits: the same test on the bytes (each such character is one byte).
        guard (1...3).contains(token.utf8.count), token.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let number = Int(token) else { return nil }
        return (token, number)
    }

    static func isLabelNumber(_ token: String) -> Bool { labelNumber(token) != nil }

    /// The number marker of a line whose first word is a label set apart in a gutter ("12" before "Doe J, …").
    static func labelMarker(of words: [Word]) -> Marker? {
        guard words.count >= 2, let first = words.first, first.isLabel, !words[1].isLabel,
              let found = labelNumber(first.text) else { return nil }
        return Marker(text: found.marker, number: found.number, glued: false)
    }

    /// "[12]", "[J3]", "12.", "(12)", "12)", and "[12]:" as moderncv's bibliography sets it.
    static func numbered(_ token: String) -> (marker: String, number: Int)? {
        // Every shape below ends in "]", ")", "." or ":", and a character that is one of them ends in its byte.
        guard let end = token.utf8.last, end == UInt8(ascii: "]") || end == UInt8(ascii: ")") || end == UInt8(ascii: ".")
            || end == UInt8(ascii: ":") else { return nil }
        var chars = Array(token)
        if chars.count >= 4, chars.last == ":", let close = chars.dropLast().last, close == "]" || close == ")" { chars.removeLast() }
        guard chars.count >= 2, chars.count <= 7 else { return nil }
        var body = chars
        switch (chars.first, chars.last) {
        case ("[", "]"), ("(", ")"):
            body = Array(chars.dropFirst().dropLast())
            // A letter or two before the number ("[J3]", "[CP12]"), not a word ("(STAT6)" opening a wrapped line).
            let letters = body.prefix { $0.isLetter && $0.isUppercase }.count
            guard letters <= 2 else { return nil }
            body.removeFirst(letters)
        case (_, "."), (_, ")"):
            body = Array(chars.dropLast())
        default:
            return nil
        }
        guard !body.isEmpty, body.count <= 3, body.allSatisfy(\.isASCII), body.allSatisfy(\.isNumber),
              let number = Int(String(body)) else { return nil }
        return (token, number)
    }
}
