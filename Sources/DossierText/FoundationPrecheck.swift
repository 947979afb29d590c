import Foundation

/// Foundation's `range(of:)` and `replacingOccurrences(of:with:)` go through NSString on Linux and cost more than the
/// rest of a field's cleaning; most calls find nothing. These skip the call when the needle's bytes are absent,
/// which gives the same answer only for needles no other text is canonically equivalent to (Foundation matches
/// canonical equivalents): ASCII but K ; ` (U+212A, U+037E, U+1FEF decompose to them) and a few dashes and spaces.
extension StringProtocol {
    /// `range(of: needle)`, without Foundation when it cannot match.
    package func foundationRange(of needle: String) -> Range<Index>? {
        mayMatch(needle) ? range(of: needle) : nil
    }

    /// `replacingOccurrences(of: needle, with: replacement)`, without Foundation when nothing is replaced or when
    /// the text has no scalar that could join a neighbour into one character (then bytes match where Foundation does).
    package func replacingAll(_ needle: String, with replacement: String) -> String {
        guard !needle.isEmpty, FoundationPrecheck.isPlain(needle) else { return replacingOccurrences(of: needle, with: replacement) }
        let text = String(self)
        guard text.containsBytes(needle) else { return text }
        guard text.unicodeScalars.allSatisfy(FoundationPrecheck.standsAlone) else { return replacingOccurrences(of: needle, with: replacement) }
        return FoundationPrecheck.replacingBytes(text, needle, with: replacement)
    }

    /// Whether Foundation could find `needle`: false only when it surely cannot.
    package func mayMatch(_ needle: String) -> Bool {
        guard FoundationPrecheck.isPlain(needle) else { return true }
        return String(self).containsBytes(needle)
    }
}

package enum FoundationPrecheck {
    /// Below U+0300 (no combining marks, no joiners) or one of the dashes of `isPlain`: a character by itself.
    static func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x300 && scalar != "\r" || scalar.value == 0x2010 || scalar.value == 0x2013 || scalar.value == 0x2014 || scalar.value == 0x2212
    }

    /// Every occurrence of `needle`'s bytes, left to right without overlaps, replaced.
    static func replacingBytes(_ text: String, _ needle: String, with replacement: String) -> String {
        let bytes = Array(text.utf8), pin = Array(needle.utf8), with = Array(replacement.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == pin[0], index + pin.count <= bytes.count, bytes[index..<(index + pin.count)].elementsEqual(pin) {
                result.append(contentsOf: with)
                index += pin.count
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Scalars nothing else is canonically equivalent to and that compose with nothing before them.
    static func isPlain(_ needle: String) -> Bool {
        needle.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x4B, 0x3B, 0x60: return false
            case 0x20...0x7E, 0xA0, 0xB0, 0x2010, 0x2013, 0x2014, 0x2212: return true
            default: return false
            }
        }
    }
}
