import DossierText

/// The year expressions of splitting, `\b(19|20)\d\d[a-z]?\b` (`ReferenceUnits.Patterns.year`) and `\b(19|20)\d\d\b`
/// (`ReferenceFieldOrder.Patterns.year`), asked whether they match: answered from the bytes where they settle it, by
/// the expression where they do not. They ran on every line of a publication list, several times over.
///
/// Every match starts at an ASCII "19" or "20". Around each, in order, the expression's `\b` (a change between `\w`,
/// which in ASCII is letters, digits and "_", and the rest), `\d` and `[a-z]` are read off ASCII bytes; a non-ASCII
/// byte where one of them looks (a Unicode digit, letter or combining mark, which `\b` skips) hands the text to the
/// expression. The first candidate that matches is the expression's first match (it can start nowhere else), and it
/// falls on character boundaries, as `TextPattern.matches` asks: only ASCII stands beside it.
enum YearScan {
    /// Whether `ReferenceUnits.Patterns.year` (with `letter`, a letter after the year allowed) or
    /// `ReferenceFieldOrder.Patterns.year` matches `text`.
    static func holdsYear(_ text: String, letter: Bool) -> Bool {
        var copy = text
        if let answer = copy.withUTF8({ scan($0, letter: letter) }) { return answer }
        return (letter ? ReferenceUnits.Patterns.year : ReferenceFieldOrder.Patterns.year).matches(text)
    }

    /// true or false when the bytes settle it, nil when a non-ASCII scalar stands where the expression looks. With
    /// `anyCase`, the letter after the year may be a capital too, as in an expression that ignores case (where no
    /// non-ASCII scalar folds to an ASCII digit, and one that folds to a letter stands where the scan hands over).
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, letter: Bool, anyCase: Bool = false) -> Bool? {
        func isWord(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
        }
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        let count = bytes.count
        var index = 0
        while index + 1 < count {
            defer { index += 1 }
            let first = bytes[index], second = bytes[index + 1]
            guard (first == 0x31 && second == 0x39) || (first == 0x32 && second == 0x30) else { continue }
            if index > 0 {
                let before = bytes[index - 1]
                if before >= 0x80 { return nil }
                if isWord(before) { continue }
            }
            // No room for two more characters: no candidate after this one has it either.
            guard index + 3 < count else { return index + 2 < count && bytes[index + 2] >= 0x80 ? nil : false }
            let tens = bytes[index + 2], units = bytes[index + 3]
            if tens >= 0x80 || units >= 0x80 { return nil }
            guard isDigit(tens), isDigit(units) else { continue }
            let end = index + 4
            guard end < count else { return true }
            let next = bytes[end]
            if next >= 0x80 { return nil }
            if letter, (next >= 0x61 && next <= 0x7A) || (anyCase && next >= 0x41 && next <= 0x5A) {
                guard end + 1 < count else { return true }
                let after = bytes[end + 1]
                if after >= 0x80 { return nil }
                // Without the letter, a digit then a letter is no boundary either.
                if !isWord(after) { return true }
                continue
            }
            if !isWord(next) { return true }
        }
        return false
    }
}
