import DossierText
import DossierModel
import DossierPipeline
import Foundation

/// The text rules of `normalize`, shared with readers and stages that build text themselves.
public enum TextNormalizer {
    private static let replacements: [Character: String] = [
        "\u{FB00}": "ff", "\u{FB01}": "fi", "\u{FB02}": "fl", "\u{FB03}": "ffi", "\u{FB04}": "ffl",
        "\u{FB05}": "st", "\u{FB06}": "st",
        "\u{00AD}": "", "\u{200B}": "", "\u{200C}": "", "\u{200D}": "", "\u{2060}": "", "\u{FEFF}": "",
        "\u{00A0}": " ", "\u{2002}": " ", "\u{2003}": " ", "\u{2004}": " ", "\u{2005}": " ", "\u{2006}": " ",
        "\u{2007}": " ", "\u{2008}": " ", "\u{2009}": " ", "\u{200A}": " ", "\u{202F}": " ", "\u{205F}": " ",
        "\u{3000}": " ", "\t": " ", "\r": "", "\u{2028}": "\n", "\u{2029}": "\n",
    ]

    /// NFC, ligatures, invisible characters, exotic spaces; no collapsing.
    public static func normalizeCharacters(_ text: String) -> String {
        // Most text is plain ASCII without tabs or carriage returns: nothing to do.
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x09 && $0 != 0x0D }) { return text }
        // No scalar that a replaced character is made of or canonically equivalent to (U+2000 and U+2001 are
        // U+2002 and U+2003 to Character equality): the loop below would copy every character.
        if !text.unicodeScalars.contains(where: mayBeReplaced) { return text.precomposedStringWithCanonicalMapping }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            if let replacement = replacements[character] {
                result += replacement
            } else {
                result.append(character)
            }
        }
        return result.precomposedStringWithCanonicalMapping
    }

    /// Whether `scalar` may be, or be part of, a character of `replacements`: the keys and their canonical
    /// equivalents, with room to spare (the whole block of general punctuation).
    private static func mayBeReplaced(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0D, 0xA0, 0xAD, 0x2000...0x206F, 0x3000, 0xFB00...0xFB06, 0xFEFF: return true
        default: return false
        }
    }

    /// Characters normalized, runs of spaces collapsed, each line trimmed, empty edge lines dropped.
    public static func normalizeBlockText(_ text: String) -> String {
        let lines = normalizeCharacters(text).linesSplitFast(omittingEmptySubsequences: false).map { trimmingSpaces(collapseSpaces(Substring($0))) }
        var slice = lines[...]
        while slice.first?.isEmpty == true { slice = slice.dropFirst() }
        while slice.last?.isEmpty == true { slice = slice.dropLast() }
        return slice.joined(separator: "\n")
    }

    /// Characters normalized and runs of spaces collapsed; edges kept, since inline runs abut each other.
    public static func normalizeInlineText(_ text: String) -> String {
        collapseSpaces(Substring(normalizeCharacters(text)))
    }

    /// Spaces off both ends (after `normalizeCharacters`, the only horizontal whitespace left is " ").
    private static func trimmingSpaces(_ text: String) -> String {
        guard text.first == " " || text.last == " " else { return text }
        return String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }

    private static func collapseSpaces(_ text: Substring) -> String {
        // A plain scan: Foundation's `contains` goes through CFString and was most of this stage's time.
        var previous: UInt8 = 0
        if !text.utf8.contains(where: { byte in defer { previous = byte }; return byte == 0x20 && previous == 0x20 }) { return String(text) }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var previousWasSpace = false
        for character in text {
            if character == " " {
                if !previousWasSpace { result.append(" ") }
                previousWasSpace = true
            } else {
                result.append(character)
                previousWasSpace = false
            }
        }
        return result
    }
}
