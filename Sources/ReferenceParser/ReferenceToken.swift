import DossierText

/// One token of a reference string: a whitespace-separated word (split further after `,;:` glued to the next
/// word), with its UTF-8 offsets in the raw string so that fields are sliced back verbatim.
public struct ReferenceToken: Sendable, Hashable {
    /// The token's text, punctuation included.
    public var text: String
    /// UTF-8 offset of the first byte in the raw string.
    public var start: Int
    /// UTF-8 offset one past the last byte in the raw string.
    public var end: Int

    /// A token with its text and offsets.
    public init(text: String, start: Int, end: Int) {
        self.text = text
        self.start = start
        self.end = end
    }
}

/// Splits a reference string into `ReferenceToken`s.
public enum ReferenceTokenizer {
    /// The tokens of `raw`, in order; whitespace is dropped, punctuation stays on its word.
    public static func tokenize(_ raw: String) -> [ReferenceToken] {
        let bytes = Array(raw.utf8)
        var tokens: [ReferenceToken] = []
        tokens.reserveCapacity(bytes.count / 5 + 1)
        var index = 0
        while index < bytes.count {
            let spaceLength = whitespaceLength(bytes, at: index)
            if spaceLength > 0 {
                index += spaceLength
                continue
            }
            var end = index
            while end < bytes.count, whitespaceLength(bytes, at: end) == 0 { end += 1 }
            appendChunk(bytes, from: index, to: end, into: &tokens)
            index = end
        }
        return tokens
    }

    /// Adds one whitespace-free chunk, split after `,` `;` `:` that are glued to the next character
    /// ("2009;106:4894" → "2009;" "106:" "4894"), except inside URLs and DOIs.
    static func appendChunk(_ bytes: [UInt8], from start: Int, to end: Int, into tokens: inout [ReferenceToken]) {
        if isUnsplittable(bytes, from: start, to: end) {
            tokens.append(make(bytes, start, end))
            return
        }
        var pieceStart = start
        var index = start
        while index < end - 1 {
            let byte = bytes[index]
            if byte == UInt8(ascii: ","), isDigit(bytes[index + 1]), index > start, isDigit(bytes[index - 1]) {
                // "1,234" stays whole.
            } else if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: ":") {
                let next = bytes[index + 1]
                if next != UInt8(ascii: "/") && !isClosingPunctuation(next) && index + 1 > pieceStart {
                    tokens.append(make(bytes, pieceStart, index + 1))
                    pieceStart = index + 1
                }
            }
            index += 1
        }
        if pieceStart < end { tokens.append(make(bytes, pieceStart, end)) }
    }

    static func make(_ bytes: [UInt8], _ start: Int, _ end: Int) -> ReferenceToken {
        ReferenceToken(text: String(decoding: bytes[start..<end], as: UTF8.self), start: start, end: end)
    }

    /// URLs, DOIs, "doi:10…" and the like are never split.
    static func isUnsplittable(_ bytes: [UInt8], from start: Int, to end: Int) -> Bool {
        guard end - start >= 4 else { return false }
        var index = start
        while index < end - 2 {
            if bytes[index] == UInt8(ascii: ":") && bytes[index + 1] == UInt8(ascii: "/") && bytes[index + 2] == UInt8(ascii: "/") {
                return true
            }
            if bytes[index] == UInt8(ascii: "1") && bytes[index + 1] == UInt8(ascii: "0") && bytes[index + 2] == UInt8(ascii: ".")
                && (index == start || !isDigit(bytes[index - 1])) && contains(bytes, UInt8(ascii: "/"), from: index, to: end) {
                return true
            }
            index += 1
        }
        // The first four bytes with ASCII letters lowered (and some other bytes changed, which match none of these).
        let lower = (UInt32(bytes[start]) << 24 | UInt32(bytes[start + 1]) << 16 | UInt32(bytes[start + 2]) << 8 | UInt32(bytes[start + 3])) | 0x2020_2020
        return lower == fourBytes("www.") || lower == fourBytes("doi:") || lower == fourBytes("arxi")
            || lower == fourBytes("isbn") || lower == fourBytes("pmid") || lower == fourBytes("pmci")
    }

    /// Four ASCII characters as one big-endian number.
    static func fourBytes(_ text: StaticString) -> UInt32 {
        let pointer = text.utf8Start
        return UInt32(pointer[0]) << 24 | UInt32(pointer[1]) << 16 | UInt32(pointer[2]) << 8 | UInt32(pointer[3])
    }

    static func contains(_ bytes: [UInt8], _ byte: UInt8, from start: Int, to end: Int) -> Bool {
        var index = start
        while index < end {
            if bytes[index] == byte { return true }
            index += 1
        }
        return false
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    static func isClosingPunctuation(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: ";") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "\"")
    }

    /// Length in bytes of the whitespace character at `index` (ASCII space and controls, NBSP, the U+2000 spaces), or 0.
    static func whitespaceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let byte = bytes[index]
        if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { return 1 }
        if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 { return 2 }
        if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80 {
            let third = bytes[index + 2]
            if (third >= 0x80 && third <= 0x8A) || third == 0xAF || third == 0xA8 || third == 0xA9 { return 3 }
        }
        if byte == 0xE3, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 { return 3 }
        return 0
    }
}
