import DossierText
import Foundation

/// Exact shortcuts for Foundation and `Character` calls that the reference stages make per line: each answers from
/// the UTF-8 bytes when they decide it, and falls back to the original call otherwise, so results never differ.
enum FastText {
    /// `text.trimmingFast(in: .whitespaces)`, without Foundation when both ends are ASCII and not a space or
    /// a tab (the only ASCII members of `.whitespaces`): then there is nothing to trim.
    static func trimmingSpaces(_ text: String) -> String {
        if let first = text.utf8.first, let last = text.utf8.last, first < 0x80, last < 0x80,
           first != 0x20, first != 0x09, last != 0x20, last != 0x09 {
            return text
        }
        return text.trimmingFast(in: .whitespaces)
    }

    /// `text.trimmingFast(in: .whitespacesAndNewlines)`, without Foundation's set when both ends are ASCII and none of
    /// its ASCII members (tab to carriage return, space): then there is nothing to trim. The legend and counter tests
    /// trimmed every line of a list so.
    static func trimmingWhitespaceAndNewlines(_ text: String) -> String {
        if let first = text.utf8.first, let last = text.utf8.last, first < 0x80, last < 0x80,
           first != 0x20, !(0x09...0x0D).contains(first), last != 0x20, !(0x09...0x0D).contains(last) {
            return text
        }
        return text.trimmingFast(in: .whitespacesAndNewlines)
    }

    /// `text.contains(where: \.isNumber)`. An ASCII digit at the start or after an ASCII byte starts a character of its
    /// own (nothing ASCII joins a following digit; a prepended scalar, which would, is not ASCII), whose first scalar
    /// is the digit, so it answers yes; all-ASCII text without a digit answers no. A name with an accent before the
    /// year ("García, E. (1989)") sent the whole line through the characters.
    static func holdsNumber(_ text: String) -> Bool {
        var sawNonASCII = false, previous: UInt8 = 0
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39 && previous < 0x80 { return true }
            if byte >= 0x80 { sawNonASCII = true }
            previous = byte
        }
        return sawNonASCII && holdsNumberByCharacters(text)
    }

    /// `holdsNumber` by the characters: what its byte test must agree with.
    static func holdsNumberByCharacters(_ text: String) -> Bool {
        text.contains(where: \.isNumber)
    }

    /// `text.replacingOccurrences(of: String(UnicodeScalar(byte)), with: replacement)` for an ASCII `byte` and an
    /// ASCII (or empty) replacement. Done on the bytes when every scalar of the text stands alone
    /// (`FoundationPrecheck.allStandAlone`: no carriage return, so "\r\n" is not split, no combining mark, nothing
    /// canonically equivalent to an ASCII character, as `replacingAll` has it); Foundation's search otherwise.
    static func replacingASCII(_ byte: UInt8, with replacement: StaticString, in text: String) -> String {
        guard text.containsByte(byte) else { return text }
        guard FoundationPrecheck.allStandAlone(text) else {
            return text.replacingOccurrences(of: String(UnicodeScalar(byte)), with: replacement.description)
        }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for found in text.utf8 {
            if found == byte {
                replacement.withUTF8Buffer { out.append(contentsOf: $0) }
            } else {
                out.append(found)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `text.contains(String(UnicodeScalar(byte)))` for an ASCII `byte`: a byte search when the text is ASCII,
    /// `containsText` (the bytes when they decide Foundation's answer, Foundation's search otherwise) when not.
    static func contains(_ byte: UInt8, in text: String) -> Bool {
        guard text.isAllASCII else { return text.containsText(String(UnicodeScalar(byte))) }
        return text.containsByte(byte)
    }

    /// `text.unicodeScalars.filter(\.properties.isAlphabetic).count >= count`, stopping at the count and
    /// answering ASCII scalars without the property table (the alphabetic ones there are the letters).
    static func hasAlphabeticScalars(_ text: String, atLeast count: Int) -> Bool {
        var found = 0
        for scalar in text.unicodeScalars {
            if found >= count { return true }
            let value = scalar.value
            let alphabetic = value < 0x80 ? (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A) : scalar.properties.isAlphabetic
            if alphabetic { found += 1 }
        }
        return found >= count
    }

    /// `text.components(separatedBy: "\n")`: cut at the line-feed bytes, empty pieces kept, when every scalar stands
    /// alone (`FoundationPrecheck.allStandAlone`: no carriage return to pair with a line feed, no mark to join one);
    /// Foundation's otherwise.
    static func newlineComponents(_ text: String) -> [String] {
        guard FoundationPrecheck.allStandAlone(text) else { return text.components(separatedBy: "\n") }
        return text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }

    /// `text.split(separator: " ").count`: on the bytes when every scalar stands alone (`FoundationPrecheck.allStandAlone`:
    /// nothing below U+0300 joins a space into a character with a neighbour), the Character split otherwise.
    static func spaceSeparatedCount(_ text: String) -> Int {
        guard FoundationPrecheck.allStandAlone(text) else { return text.split(separator: " ").count }
        var count = 0, inWord = false
        for byte in text.utf8 {
            if byte == 0x20 {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }

    /// `text.contains(needle)` (a search by Characters): a byte search when every scalar of both stands alone
    /// (`FoundationPrecheck.allStandAlone`: each scalar is then a character that only the same scalar equals, and a
    /// match of the needle's bytes starts and ends on scalars), the Character search otherwise.
    static func containsCharacters(_ needle: String, in text: String) -> Bool {
        guard !needle.isEmpty, FoundationPrecheck.allStandAlone(text), FoundationPrecheck.allStandAlone(needle) else { return text.contains(needle) }
        return text.containsBytes(needle)
    }

    /// `text.count <= limit`, counting characters only when the bytes do not already settle it.
    static func hasAtMostCharacters(_ text: String, _ limit: Int) -> Bool {
        text.hasAtMostCharacters(limit)
    }
}
