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
        var bytesOf = text
        if bytesOf.withUTF8({ bytes in !bytes.contains(where: { $0 >= 0x80 || $0 == 0x09 || $0 == 0x0D }) }) { return text }
        if let simple = normalizeSimpleScalars(text) { return simple }
        // No scalar that a replaced character is made of or canonically equivalent to (U+2000 and U+2001 are
        // U+2002 and U+2003 to Character equality): the loop below would copy every character.
        if !text.unicodeScalars.contains(where: mayBeReplaced) { return text.precomposedStringWithCanonicalMapping }
        return normalizeCharactersByCharacters(text)
    }

    /// `normalizeCharacters` by its general path alone, the replacements character by character and then NFC: what the
    /// byte and scalar paths in front of it must agree with.
    static func normalizeCharactersByCharacters(_ text: String) -> String {
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

    /// `normalizeCharacters` from the scalars, for a text made only of scalars below U+0300 and of general
    /// punctuation (U+2000–U+206F) but the joiners U+200C and U+200D; nil for any other text. Those scalars
    /// extend no character and compose with nothing, so each is a character by itself (but "\r\n", one
    /// character that no replacement names), the replacement of a character is that of its scalar (U+2000 and
    /// U+2001 are U+2002 and U+2003), and what is left is already NFC. A tab-joined table row or an en dash in
    /// a reference took the character loop and Foundation's NFC pass over the whole text (16 % of a long table).
    static func normalizeSimpleScalars(_ text: String) -> String? {
        var source = text
        // Scalar by scalar off the (valid) UTF-8 bytes, which a kept scalar is copied as.
        var unchanged = false
        let out: [UInt8]? = source.withUTF8 { bytes in
            // The bytes up to the first that the loop below would not copy as they are go over without copying: most
            // texts that come here (an en dash, an accented name) have none, and are the same text after it.
            guard let kept = keptPrefixLength(bytes) else { return nil }
            if kept == bytes.count {
                unchanged = true
                return nil
            }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            out.append(contentsOf: bytes[0..<kept])
            var index = kept
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    switch byte {
                    case 0x09: out.append(0x20)
                    // "\r\n" is one character, kept; a carriage return alone is dropped.
                    case 0x0D: if index + 1 < bytes.count, bytes[index + 1] == 0x0A { out.append(0x0D) }
                    default: out.append(byte)
                    }
                    index += 1
                    continue
                }
                let (value, length) = UTF8Scalars.decode(bytes, at: index)
                switch value {
                case 0xA0, 0x2000...0x200A, 0x202F, 0x205F:
                    out.append(0x20)
                case 0xAD, 0x200B, 0x2060:
                    break
                case 0x2028, 0x2029:
                    out.append(0x0A)
                case 0x200C, 0x200D:
                    return nil
                case 0x80..<0x300, 0x2000...0x206F:
                    out.append(contentsOf: bytes[index..<min(index + length, bytes.count)])
                default:
                    return nil
                }
                index += length
            }
            return out
        }
        if unchanged { return text }
        guard let out else { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    /// How many bytes from the start `normalizeSimpleScalars` copies as they are before it first replaces, drops or
    /// refuses a scalar (all of them when it never does); nil when it refuses one before anything else.
    private static func keptPrefixLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x09 || byte == 0x0D { return index }
                index += 1
                continue
            }
            let (value, length) = UTF8Scalars.decode(bytes, at: index)
            switch value {
            case 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0xAD, 0x200B, 0x2060, 0x2028, 0x2029: return index
            case 0x200C, 0x200D: return nil
            case 0x80..<0x300, 0x2000...0x206F: index += length
            default: return nil
            }
        }
        return bytes.count
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
        let normalized = normalizeCharacters(text)
        // One line (no line feed): that line collapsed and trimmed, which the edges' dropping leaves as it is or empty.
        // Most blocks of a reference list are one reference on one line.
        if !normalized.containsByte(0x0A) { return trimmingSpaces(collapseSpaces(Substring(normalized))) }
        return normalizeBlockTextByLines(normalized)
    }

    /// `normalizeBlockText` line by line, of a text whose characters are normalized: what its one-line path must agree with.
    static func normalizeBlockTextByLines(_ normalized: String) -> String {
        let lines = normalized.linesSplitFast(omittingEmptySubsequences: false).map { trimmingSpaces(collapseSpaces(Substring($0))) }
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
        var slice = text
        let doubled = slice.withUTF8 { bytes -> Bool in
            var previous: UInt8 = 0
            for byte in bytes {
                if byte == 0x20 && previous == 0x20 { return true }
                previous = byte
            }
            return false
        }
        if !doubled { return String(text) }
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
