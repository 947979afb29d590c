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
    package static func isPlain(_ needle: String) -> Bool {
        // ASCII bytes answer for themselves (each is a scalar): printable, but K ; `. One that fails settles it; a
        // non-ASCII byte sends the needle to the scalar test.
        var bytes = needle
        let ascii: Bool? = bytes.withUTF8 { buffer in
            for byte in buffer {
                if byte >= 0x80 { return nil }
                if byte < 0x20 || byte > 0x7E || byte == 0x4B || byte == 0x3B || byte == 0x60 { return false }
            }
            return true
        }
        if let ascii { return ascii }
        return needle.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x4B, 0x3B, 0x60: return false
            case 0x20...0x7E, 0xA0, 0xB0, 0x2010, 0x2013, 0x2014, 0x2212: return true
            default: return false
            }
        }
    }
}

extension StringProtocol {
    /// `contains(needle)` (Foundation's, a search through NSString on Linux) answered from the bytes when that gives
    /// the same answer: false when the needle's bytes are absent, true when they occur and every scalar of the text
    /// stands alone (then no match can start or end inside a character, and none is canonically equivalent to
    /// another). Other texts and needles go to Foundation.
    package func containsText(_ needle: String) -> Bool {
        let text = String(self)
        guard !needle.isEmpty else { return text.range(of: needle) != nil }
        if FoundationPrecheck.isPlain(needle) {
            guard text.containsBytes(needle) else { return false }
            return FoundationPrecheck.allStandAlone(text) || text.range(of: needle) != nil
        }
        // A text of scalars that stand alone holds no combining mark, so a needle of precomposed Latin letters or of
        // CJK ideographs (which nothing in such a text is canonically equivalent to) matches it byte for byte.
        if FoundationPrecheck.allStandAlone(text), needle.unicodeScalars.allSatisfy(FoundationPrecheck.matchesOnlyItself) {
            return text.containsBytes(needle)
        }
        return text.range(of: needle) != nil
    }

    /// `trimmingCharacters(in: set)` without Foundation's UTF-16 copy of the whole text: only the scalars at the ends
    /// are tested (the String version's work).
    package func trimmingFast(in set: CharacterSet) -> String { String(self).trimmingFast(in: set) }
}

extension String {
    /// `trimmingCharacters(in: set)` without Foundation's UTF-16 copy of the whole text: only the scalars at the ends
    /// are tested. Foundation tests UTF-16 code units, which for a scalar of the Basic Multilingual Plane is the
    /// scalar itself; when a scalar beyond it is met at an end, the answer is Foundation's own. Not generic: a generic
    /// one runs unspecialised across modules (a witness call per scalar), and it trims every line, link and address.
    package func trimmingFast(in set: CharacterSet) -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end {
            let scalar = scalars[start]
            if scalar.value > 0xFFFF { return trimmingCharacters(in: set) }
            guard set.contains(scalar) else { break }
            start = scalars.index(after: start)
        }
        while start < end {
            let before = scalars.index(before: end)
            let scalar = scalars[before]
            if scalar.value > 0xFFFF { return trimmingCharacters(in: set) }
            guard set.contains(scalar) else { break }
            end = before
        }
        if start == scalars.startIndex, end == scalars.endIndex { return self }
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }
}

extension FoundationPrecheck {
    /// Scalars that, in a text whose scalars all stand alone, only an equal scalar matches: below U+0300 but CR
    /// (no combining marks), and the CJK unified ideographs (only compatibility ideographs, beyond U+0300, decompose
    /// to them).
    package static func matchesOnlyItself(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x300 && scalar != "\r" || (0x4E00...0x9FFF).contains(scalar.value)
    }

    /// Whether every scalar of `text` stands alone (`standsAlone`), read off the UTF-8 bytes: ASCII but CR, two-byte
    /// scalars below U+0300 (lead bytes C2–CB), and the three-byte dashes of `standsAlone`.
    package static func allStandAlone(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { allStandAlone($0) }
    }

    /// `allStandAlone` of UTF-8 bytes. Eight ASCII bytes at a time, and again after each scalar read one by one (an
    /// en dash in every reference sent the rest of a long text byte by byte).
    static func allStandAlone(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        do {
            var index = 0
            while index < bytes.count {
                // Eight ASCII bytes at a time while none is CR (a byte equal to 0x0D is zero after the xor).
                if let base = bytes.baseAddress {
                    while index + 8 <= bytes.count {
                        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                        let crossed = word ^ 0x0D0D_0D0D_0D0D_0D0D
                        let hasCR = (crossed &- 0x0101_0101_0101_0101) & ~crossed & 0x8080_8080_8080_8080 != 0
                        if word & 0x8080_8080_8080_8080 != 0 || hasCR { break }
                        index += 8
                    }
                }
                guard index < bytes.count else { break }
                let byte = bytes[index]
                if byte < 0x80 {
                    if byte == 0x0D { return false }
                    index += 1
                } else if byte >= 0xC2 && byte <= 0xCB {
                    index += 2
                } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80 || bytes[index + 1] == 0x88 {
                    // U+2010, U+2013, U+2014 (E2 80 90/93/94) and U+2212 (E2 88 92).
                    let third = bytes[index + 2]
                    guard bytes[index + 1] == 0x80 ? (third == 0x90 || third == 0x93 || third == 0x94) : third == 0x92 else { return false }
                    index += 3
                } else {
                    return false
                }
            }
            return true
        }
    }
}

extension String {
    /// `range(of: needle)` (Foundation's search) answered from the bytes when they give the same range: the needle
    /// is one `containsText` decides bytewise and every scalar of the text stands alone, so no match can start or
    /// end inside a character and none is canonically equivalent to another; then the first byte match is
    /// Foundation's first match. Plain needles whose bytes are absent answer nil; everything else goes to Foundation.
    /// Per-author and per-title searches in a long reference list went through NSString each (a tenth of authorship).
    package func rangeOfText(_ needle: String) -> Range<Index>? {
        rangeOfText(needle, in: startIndex..<endIndex)
    }

    /// `range(of: needle, range: bounds)`, answered from the bytes as `rangeOfText(_:)` is (the whole text must stand
    /// alone, so that the bounds, which Foundation's search also starts and ends at, fall on characters).
    package func rangeOfText(_ needle: String, in bounds: Range<Index>) -> Range<Index>? {
        guard !needle.isEmpty else { return range(of: needle, range: bounds) }
        let plain = FoundationPrecheck.isPlain(needle)
        guard plain || needle.unicodeScalars.allSatisfy(FoundationPrecheck.matchesOnlyItself),
              FoundationPrecheck.allStandAlone(self) else {
            if plain, !containsBytes(needle) { return nil }
            return range(of: needle, range: bounds)
        }
        var text = self, pin = needle
        let start = utf8.distance(from: utf8.startIndex, to: bounds.lowerBound)
        let end = utf8.distance(from: utf8.startIndex, to: bounds.upperBound)
        let found: Int? = text.withUTF8 { hay in
            pin.withUTF8 { pin in
                ByteSearch.firstOffset(of: pin, in: UnsafeBufferPointer(rebasing: hay[0..<end]), from: start)
            }
        }
        guard let found else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: found)
        return lower..<utf8.index(lower, offsetBy: needle.utf8.count)
    }
}
