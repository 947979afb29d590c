import Foundation

/// Foundation's `range(of:)` and `replacingOccurrences(of:with:)` go through NSString on Linux and cost more than the
/// rest of a field's cleaning; most calls find nothing. These skip the call when the needle's bytes are absent,
/// which gives the same answer only for needles no other text is canonically equivalent to (Foundation matches
/// canonical equivalents): ASCII but K ; ` (U+212A, U+037E, U+1FEF decompose to them) and a few dashes and spaces.
extension StringProtocol {
    /// `range(of: needle)`, without Foundation when it cannot match.
    func foundationRange(of needle: String) -> Range<Index>? {
        mayMatch(needle) ? range(of: needle) : nil
    }

    /// `replacingOccurrences(of: needle, with: replacement)`, without Foundation when nothing is replaced.
    func replacingAll(_ needle: String, with replacement: String) -> String {
        mayMatch(needle) ? replacingOccurrences(of: needle, with: replacement) : String(self)
    }

    /// Whether Foundation could find `needle`: false only when it surely cannot.
    func mayMatch(_ needle: String) -> Bool {
        guard FoundationPrecheck.isPlain(needle) else { return true }
        return String(self).containsBytes(needle)
    }
}

enum FoundationPrecheck {
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
