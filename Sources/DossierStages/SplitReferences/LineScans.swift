import DossierText

/// Two expressions the segmenter asks of every line, `PublicationSegmenter.Patterns.doi` (`10\.\d{4,9}/`) and
/// `.pages` (`\d+\s?[-–]\s?\d+`), answered from the bytes where they settle it and by the expression where they do
/// not: a non-ASCII scalar where `\d` or `\s` would judge it, or beside the first match (where a combining mark or a
/// prepended scalar would put the match off character boundaries, which `TextPattern.matches` refuses), sends the
/// line to the expression. Candidates are tried left to right, as the expression tries its starts.
enum LineScans {
    static func holdsDOIPrefix(_ text: String) -> Bool {
        var copy = text
        if let answer = copy.withUTF8({ doiPrefix($0) }) { return answer }
        return PublicationSegmenter.Patterns.doi.matches(text)
    }

    static func holdsPageRange(_ text: String) -> Bool {
        var copy = text
        if let answer = copy.withUTF8({ pageRange($0) }) { return answer }
        return PublicationSegmenter.Patterns.pages.matches(text)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// `\w` in ASCII: letters, digits and "_".
    private static func isWordByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }

    /// `10\.\d{4,9}/`: true, false, or nil for the expression; with `wordStart`, `\b10\.\d{4,9}/` (an ASCII letter,
    /// digit or "_" before the "1" rules a candidate out; a non-ASCII scalar there is judged by the expression).
    static func doiPrefix(_ bytes: UnsafeBufferPointer<UInt8>, wordStart: Bool = false) -> Bool? {
        let count = bytes.count
        var index = 0
        while index + 2 < count {
            defer { index += 1 }
            guard bytes[index] == 0x31, bytes[index + 1] == 0x30, bytes[index + 2] == 0x2E else { continue }
            if wordStart, index > 0, isWordByte(bytes[index - 1]) { continue }
            var end = index + 3
            while end < count, isDigit(bytes[end]) { end += 1 }
            // A non-ASCII scalar may be a digit that `\d` takes.
            if end < count, bytes[end] >= 0x80 { return nil }
            let digits = end - index - 3
            guard digits >= 4, digits <= 9, end < count, bytes[end] == 0x2F else { continue }
            if index > 0, bytes[index - 1] >= 0x80 { return nil }
            if end + 1 < count, bytes[end + 1] >= 0x80 { return nil }
            return true
        }
        return false
    }

    /// `\d+\s?[-–]\s?\d+`: true, false, or nil for the expression. Every match runs from the start of the digits before
    /// a dash (and one white space) to the end of the digits after it, so the first dash that has both is the first
    /// match.
    static func pageRange(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        let count = bytes.count
        // `\s` in ASCII: tab, line feed, form feed, carriage return, space (and U+000B, which sends the line on).
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte == 0x0B { return nil }
            let dashEnd: Int
            if byte == 0x2D {
                dashEnd = index + 1
            } else if byte == 0xE2, index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x93 {
                dashEnd = index + 3
            } else {
                index += 1
                continue
            }
            defer { index = dashEnd }
            // Before the dash: maybe one white space, then at least one digit.
            var before = index - 1
            if before >= 0, bytes[before] >= 0x80 { return nil }
            if before >= 0, isSpace(bytes[before]) { before -= 1 }
            guard before >= 0 else { continue }
            if bytes[before] >= 0x80 { return nil }
            guard isDigit(bytes[before]) else { continue }
            var start = before
            while start > 0, isDigit(bytes[start - 1]) { start -= 1 }
            if start > 0, bytes[start - 1] >= 0x80 { return nil }
            // After the dash: maybe one white space, then at least one digit.
            var after = dashEnd
            if after < count, bytes[after] >= 0x80 { return nil }
            if after < count, isSpace(bytes[after]) { after += 1 }
            guard after < count else { continue }
            if bytes[after] >= 0x80 { return nil }
            guard isDigit(bytes[after]) else { continue }
            var end = after
            while end < count, isDigit(bytes[end]) { end += 1 }
            if end < count, bytes[end] >= 0x80 { return nil }
            return true
        }
        return false
    }
}
