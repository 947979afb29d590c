/// What a line holds, read off its UTF-8 bytes in one pass: which ASCII characters occur, how many ASCII
/// digits, and how many non-ASCII characters — enough to prove, before running a regular expression, that it
/// cannot match.
///
/// Every prefilter built on it answers "may match": false only when a character the pattern needs is absent.
package struct LineBytes {
    /// Bit `b` set when ASCII byte `b` occurs (bytes 0–63 in `low`, 64–127 in `high`).
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    /// The number of ASCII digits "0"…"9".
    package private(set) var asciiDigits = 0
    /// The number of Unicode scalars outside ASCII (UTF-8 lead bytes).
    package private(set) var nonASCIIScalars = 0
    /// The UTF-8 bytes, for substring searches.
    package let bytes: [UInt8]

    package init(_ text: some StringProtocol) {
        bytes = Array(text.utf8)
        for byte in bytes {
            if byte < 64 {
                low |= 1 << UInt64(byte)
                if byte >= 48 && byte <= 57 { asciiDigits += 1 }
            } else if byte < 128 {
                high |= 1 << UInt64(byte - 64)
            } else if byte >= 0xC0 {
                nonASCIIScalars += 1
            }
        }
    }

    package var isASCII: Bool { nonASCIIScalars == 0 }

    /// Whether the ASCII character `byte` occurs.
    package func contains(_ byte: UInt8) -> Bool {
        byte < 64 ? low & (1 << UInt64(byte)) != 0 : byte < 128 && high & (1 << UInt64(byte - 64)) != 0
    }

    /// Whether any of the ASCII characters of `characters` occurs.
    package func containsAny(of characters: StaticString) -> Bool {
        characters.withUTF8Buffer { buffer in buffer.contains { contains($0) } }
    }

    /// Whether an ASCII whitespace character (tab, line feed, vertical tab, form feed, carriage return, space)
    /// occurs.
    package var hasASCIIWhitespace: Bool { contains(32) || (9...13).contains { contains($0) } }

    /// Whether an ASCII capital "A"…"Z" occurs.
    package var hasASCIIUppercase: Bool { high & (((1 << 26) - 1) << 1) != 0 }

    /// Whether the text, after leading ASCII whitespace when `skippingWhitespace`, may start with one of
    /// `prefixes` (two lowercase ASCII characters each, compared ignoring ASCII case): true as well when either
    /// of its first two characters is not ASCII (it may fold to ASCII letters), false when it is shorter.
    package func mayStart(withOneOf prefixes: [StaticString], skippingWhitespace: Bool) -> Bool {
        var start = 0
        if skippingWhitespace {
            while start < bytes.count, bytes[start] == 32 || (9...13).contains(bytes[start]) { start += 1 }
        }
        guard start + 1 < bytes.count else { return start < bytes.count && bytes[start] >= 0x80 }
        var first = bytes[start], second = bytes[start + 1]
        if first >= 0x80 || second >= 0x80 { return true }
        if first >= 65 && first <= 90 { first += 32 }
        if second >= 65 && second <= 90 { second += 32 }
        return prefixes.contains { prefix in
            prefix.withUTF8Buffer { $0.count >= 2 && $0[0] == first && $0[1] == second }
        }
    }

    /// Whether `needle` occurs as a run of bytes.
    package func contains(_ needle: StaticString) -> Bool {
        needle.withUTF8Buffer { pin in bytes.withUnsafeBufferPointer { ByteSearch.contains(pin, in: $0) } }
    }

    /// Whether `needle` (lowercase ASCII) occurs with ASCII letters compared case-insensitively.
    package func containsIgnoringASCIICase(_ needle: StaticString) -> Bool {
        needle.withUTF8Buffer { pin in bytes.withUnsafeBufferPointer { ByteSearch.containsFoldingASCIICase(pin, in: $0) } }
    }
}
