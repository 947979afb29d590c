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

/// Splits a reference string into `ReferenceToken`s, undoing the spacing damage PDF extraction does, so that a
/// damaged string gives the tokens of the clean one: a separator moved onto the next word ("Title ,Journal",
/// "Rev .D57", "G .Name") goes back to the word before, a spaced bracket to its word ("( 1963 )"); a number's spaced dot ("arXiv:1702 .01748") is joined; words
/// and numbers glued by a lost space ("Lett.32,438(1974)", "(2014)283", "Jul2014") are split. A token's text is then
/// not always its raw slice, but its offsets always are: fields are still sliced verbatim from the raw string.
public enum ReferenceTokenizer {
    /// The tokens of `raw`, in order; whitespace is dropped, punctuation stays on its word. With `repairing` false the
    /// damage is left as it is (every token its raw slice): the model is trained on damaged strings as they are, so
    /// that it learns their damage, and reads repaired ones at run time.
    public static func tokenize(_ raw: String, repairing: Bool = true) -> [ReferenceToken] {
        let bytes = Array(raw.utf8)
        var tokens: [ReferenceToken] = []
        tokens.reserveCapacity(bytes.count / 5 + 1)
        var index = 0
        // Straight quotes before the current chunk, for telling a closing one from an opening one.
        var quotesBefore = 0
        while index < bytes.count {
            let spaceLength = whitespaceLength(bytes, at: index)
            if spaceLength > 0 {
                index += spaceLength
                continue
            }
            var end = index
            while end < bytes.count, whitespaceLength(bytes, at: end) == 0 { end += 1 }
            if !repairing {
                appendChunk(bytes, from: index, to: end, repairing: false, into: &tokens)
                index = end
                continue
            }
            if let previous = tokens.last, continuesDOI(previous, bytes, from: index, to: end) {
                joinToLast(bytes, from: index, to: end, tokens: &tokens)
                index = end
                continue
            }
            let moved = tokens.isEmpty ? index : reattach(bytes, from: index, to: end, quotesBefore: quotesBefore, onto: &tokens)
            if moved < end {
                // An opening bracket alone ("( 2014)") opens the next chunk.
                if let last = tokens.last, last.end < index, last.text.utf8.allSatisfy(isOpeningBracket) {
                    tokens.removeLast()
                    let first = tokens.count
                    appendChunk(bytes, from: moved, to: end, into: &tokens)
                    tokens[first].text = last.text + tokens[first].text
                    tokens[first].start = last.start
                } else {
                    appendChunk(bytes, from: moved, to: end, into: &tokens)
                }
            }
            for byte in bytes[index..<end] where byte == UInt8(ascii: "\"") { quotesBefore += 1 }
            index = end
        }
        return tokens
    }

    /// Whether the chunk goes on a DOI a line break cut ("10.1016/j.cell. 2020.01.001", `Identifiers.doiContinues`):
    /// the token before is a DOI, one or two spaces (at most one line break) apart.
    static func continuesDOI(_ previous: ReferenceToken, _ bytes: [UInt8], from start: Int, to end: Int) -> Bool {
        // A last character equal to one of "-/_." is that byte (nothing else is canonically equivalent to them).
        guard start - previous.end <= 2, let lastByte = previous.text.utf8.last,
              lastByte == 0x2D || lastByte == 0x2F || lastByte == 0x5F || lastByte == 0x2E,
              let last = previous.text.last, "-/_.".contains(last),
              previous.text.containsBytes("10."), previous.text.containsBytes("/"),
              isUnsplittable(bytes, from: previous.start, to: previous.end),
              bytes[previous.end..<start].filter({ $0 == 0x0A }).count <= 1 else { return false }
        return Identifiers.doiContinues(after: last, with: Substring(String(decoding: bytes[start..<end], as: UTF8.self)))
    }

    static func isOpeningBracket(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") }

    static func isClosingBracket(_ byte: UInt8) -> Bool { byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") }

    /// A chunk that opens with separators (`,` `.` `;` `:`) after a word that ends without one: the separators
    /// (and a closing quote after them) were the word's before extraction moved them. Moves them onto the last
    /// token's text and returns where the rest of the chunk starts (`end` when nothing is left). A number's dot
    /// with digits after it ("1702 .01748") joins the number instead, the whole chunk with it.
    static func reattach(_ bytes: [UInt8], from start: Int, to end: Int, quotesBefore: Int, onto tokens: inout [ReferenceToken]) -> Int {
        guard isSeparator(bytes[start]) || isClosingBracket(bytes[start]), let previous = tokens.last, let last = previous.text.utf8.last,
              !isSeparator(last), !previous.text.utf8.allSatisfy(isOpeningBracket) else { return start }
        // A colon or semicolon standing alone is French typography ("Titre : sous-titre"), not damage.
        if end == start + 1, bytes[start] == UInt8(ascii: ":") || bytes[start] == UInt8(ascii: ";") { return start }
        var cut = start
        while cut < end, isSeparator(bytes[cut]) || isClosingBracket(bytes[cut]) { cut += 1 }
        // A closing bracket is moved back only when the chunk is nothing else ("(1963 )", not "Smith ,)x").
        if cut < end, (start..<cut).contains(where: { isClosingBracket(bytes[$0]) }) { return start }
        if isDigit(last), bytes[start] == UInt8(ascii: "."), cut == start + 1, cut < end,
           (cut..<end).allSatisfy({ isDigit(bytes[$0]) || bytes[$0] == UInt8(ascii: "v") }) {
            joinToLast(bytes, from: start, to: end, tokens: &tokens)
            return end
        }
        if cut < end, let quote = closingQuoteLength(bytes, at: cut, end: end, quotesBefore: quotesBefore) { cut += quote }
        tokens[tokens.count - 1].text += String(decoding: bytes[start..<cut], as: UTF8.self)
        return cut
    }

    /// The chunk `start..<end` made part of the last token: its text appended (without the space between), its end
    /// moved to the chunk's.
    static func joinToLast(_ bytes: [UInt8], from start: Int, to end: Int, tokens: inout [ReferenceToken]) {
        tokens[tokens.count - 1].text += String(decoding: bytes[start..<end], as: UTF8.self)
        tokens[tokens.count - 1].end = end
    }

    /// The length of a closing quote at `index` ("”", "’", or a straight `"` after an odd number of them: the chunk's
    /// separators before it hold none, so `quotesBefore` counts them all), or nil.
    static func closingQuoteLength(_ bytes: [UInt8], at index: Int, end: Int, quotesBefore: Int) -> Int? {
        if bytes[index] == UInt8(ascii: "\"") { return quotesBefore % 2 == 1 ? 1 : nil }
        if bytes[index] == 0xE2, index + 2 < end, bytes[index + 1] == 0x80, bytes[index + 2] == 0x9D || bytes[index + 2] == 0x99 {
            return 3
        }
        return nil
    }

    static func isSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: ":")
    }

    /// Adds one whitespace-free chunk, split after `,` `;` `:` that are glued to the next character
    /// ("2009;106:4894" → "2009;" "106:" "4894"), except inside URLs and DOIs, and where a lost space glued a word
    /// to a number (`glueCuts`).
    static func appendChunk(_ bytes: [UInt8], from start: Int, to end: Int, repairing: Bool = true, into tokens: inout [ReferenceToken]) {
        if isUnsplittable(bytes, from: start, to: end) {
            tokens.append(make(bytes, start, end))
            return
        }
        let cuts = repairing ? glueCuts(bytes, from: start, to: end) : []
        var nextCut = 0
        var pieceStart = start
        var index = start
        while index < end - 1 {
            let byte = bytes[index]
            if nextCut < cuts.count, cuts[nextCut] == index + 1 {
                nextCut += 1
                tokens.append(make(bytes, pieceStart, index + 1))
                pieceStart = index + 1
            } else if byte == UInt8(ascii: ","), isDigit(bytes[index + 1]), index > start, isDigit(bytes[index - 1]), cuts.isEmpty {
                // "1,234" stays whole (but for "32,438" in a glued "Lett.32,438(1974)").
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

    /// Where a lost space glued a word to a number (the offsets the new tokens start at): after a word's dot before
    /// digits ("Lett.|32", "pp.|83-90", but not "v1.2" or "e.g.2"); before a parenthesised year glued to a number
    /// ("438|(1974)"); after a parenthesised year glued to what follows ("(2014)|283"); before a year glued to a
    /// lowercase word ("Jul|2014").
    static func glueCuts(_ bytes: [UInt8], from start: Int, to end: Int) -> [Int] {
        var cuts: [Int] = []
        var index = start + 1
        while index < end {
            let byte = bytes[index]
            if isDigit(byte), bytes[index - 1] == UInt8(ascii: "."), lettersBefore(bytes, index - 1, from: start) >= 2 {
                cuts.append(index)
            } else if byte == UInt8(ascii: "("), isDigit(bytes[index - 1]), isYear(bytes, at: index + 1, end: end),
                      index + 5 < end, bytes[index + 5] == UInt8(ascii: ")") {
                cuts.append(index)
            } else if isAlphanumeric(byte), bytes[index - 1] == UInt8(ascii: ")"), index >= start + 6,
                      bytes[index - 6] == UInt8(ascii: "("), isYear(bytes, at: index - 5, end: end) {
                cuts.append(index)
            } else if isYear(bytes, at: index, end: end), isLowercase(bytes[index - 1]), lettersBefore(bytes, index, from: start) >= 3,
                      index + 4 == end || !isAlphanumeric(bytes[index + 4]) {
                cuts.append(index)
            }
            index += 1
        }
        return cuts
    }

    /// How many ASCII letters run back from `index` (exclusive) to the chunk's start or a dot; 0 when the run is
    /// preceded by anything else (a digit, a hyphen).
    static func lettersBefore(_ bytes: [UInt8], _ index: Int, from start: Int) -> Int {
        var cursor = index - 1
        while cursor >= start, isLetter(bytes[cursor]) { cursor -= 1 }
        guard cursor < start || bytes[cursor] == UInt8(ascii: ".") else { return 0 }
        return index - 1 - cursor
    }

    /// Four digits starting "19" or "20" at `index`, not followed by a fifth.
    static func isYear(_ bytes: [UInt8], at index: Int, end: Int) -> Bool {
        guard index + 4 <= end, (index..<index + 4).allSatisfy({ isDigit(bytes[$0]) }) else { return false }
        guard (bytes[index] == UInt8(ascii: "1") && bytes[index + 1] == UInt8(ascii: "9"))
            || (bytes[index] == UInt8(ascii: "2") && bytes[index + 1] == UInt8(ascii: "0")) else { return false }
        return index + 4 == end || !isDigit(bytes[index + 4])
    }

    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 97 && (byte | 0x20) <= 122 }

    static func isLowercase(_ byte: UInt8) -> Bool { byte >= 97 && byte <= 122 }

    package static func isAlphanumeric(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) }

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
        if byte.isASCIIWhitespace { return 1 }
        if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 { return 2 }
        if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80 {
            let third = bytes[index + 2]
            if (third >= 0x80 && third <= 0x8A) || third == 0xAF || third == 0xA8 || third == 0xA9 { return 3 }
        }
        if byte == 0xE3, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 { return 3 }
        return 0
    }
}
