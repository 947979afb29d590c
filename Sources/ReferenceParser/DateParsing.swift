import DossierText
import DossierModel

/// Reads the date of a reference with the precision printed ("2019" → [[2019]], "March 2019" → [[2019, 3]],
/// "3 March 2019" → [[2019, 3, 3]]) and the status words ("in press", "submitted", …).
public enum DateParsing {
    /// A month name or English abbreviation (`Months`), lowercase.
    static func monthNumber(_ word: String) -> Int? { Months.number(of: word) }

    /// The date in `text`, or nil when no year is printed.
    public static func date(_ text: String) -> CSLDate? {
        let words = dateWords(text)
        var year: Int?
        var month: Int?
        var day: Int?
        for (index, word) in words.enumerated() {
            let lowered = word.lowercasedFast()
            if year == nil, let value = yearValue(lowered) {
                year = value
                continue
            }
            if month == nil, let value = monthNumber(lowered) ?? monthNumber(String(lowered.prefix(3))).flatMap({ lowered.count <= 4 ? $0 : nil }) {
                month = value
                // A day next to the month.
                for neighbour in [index - 1, index + 1] where neighbour >= 0 && neighbour < words.count {
                    let candidate = words[neighbour].filter(\.isNumber)
                    if let number = Int(candidate), (1...31).contains(number), candidate.count <= 2, day == nil { day = number }
                }
            }
        }
        guard let year else { return nil }
        var parts = [year]
        if let month {
            parts.append(month)
            if let day { parts.append(day) }
        }
        return CSLDate(dateParts: [parts], raw: FieldCleaning.trim(text))
    }

    /// `date`'s words: `text` cut at white space and at , ( ) . / [ ] ; : (empty pieces dropped).
    static func dateWords(_ text: String) -> [Substring] {
        var bytes = text
        // ASCII text is cut at those bytes, with no closure asked per character: every character is one byte but a
        // CR LF pair, white space either way.
        let cuts: [Range<Int>]? = bytes.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var pieces: [Range<Int>] = []
            var start = 0
            for (offset, byte) in bytes.enumerated() where isDateSeparator(byte) {
                if offset > start { pieces.append(start..<offset) }
                start = offset + 1
            }
            if bytes.count > start { pieces.append(start..<bytes.count) }
            return pieces
        }
        guard let cuts else { return dateWordsByCharacters(text) }
        return FoundationPrecheck.slices(Substring(text), cuts)
    }

    /// `dateWords` character by character, for any text.
    static func dateWordsByCharacters(_ text: String) -> [Substring] {
        text.split(whereSeparator: { $0.isWhitespaceFast || $0 == "," || $0 == "(" || $0 == ")" || $0 == "." || $0 == "/" || $0 == "[" || $0 == "]" || $0 == ";" || $0 == ":" })
    }

    /// An ASCII byte `dateWords` cuts at.
    static func isDateSeparator(_ byte: UInt8) -> Bool {
        byte.isASCIIWhitespace || byte == 0x2C || byte == 0x28 || byte == 0x29 || byte == 0x2E || byte == 0x2F || byte == 0x5B || byte == 0x5D
            || byte == 0x3B || byte == 0x3A
    }

    /// 1500–2039, maybe followed by a letter ("2019a").
    package static func yearValue(_ word: String) -> Int? {
        var text = word
        // An ASCII word (one character a byte, but a CR LF pair, which is no digit or letter either way) by its bytes.
        let answer: Int?? = text.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return .none }
            var count = bytes.count
            if count == 5, let last = bytes.last, (last | 0x20) >= 0x61, (last | 0x20) <= 0x7A { count = 4 }
            guard count == 4 else { return .some(nil) }
            var value = 0
            for byte in bytes[0..<4] {
                guard byte >= 0x30, byte <= 0x39 else { return .some(nil) }
                value = value * 10 + Int(byte - 0x30)
            }
            return .some((1500...2039).contains(value) ? value : nil)
        }
        if let answer { return answer }
        return yearValueByCharacters(word)
    }

    /// `yearValue` character by character, for any text.
    static func yearValueByCharacters(_ word: String) -> Int? {
        var digits = Substring(word)
        if let last = digits.last, last.isLetter, digits.count == 5 { digits = digits.dropLast() }
        guard digits.count == 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits), (1500...2039).contains(value) else { return nil }
        return value
    }

    /// "in press", "submitted", "under review", "accepted" or "in preparation" when the reference says so.
    public static func status(_ text: String) -> String? { status(lowered: text.lowercasedFast()) }

    /// `status` of a text already lowercased.
    static func status(lowered: String) -> String? {
        for (phrase, status) in statusTable where lowered.containsBytes(phrase) { return status }
        return nil
    }

    /// The status phrases and the status each gives, in the order they are tried.
    static let statusTable: [(String, String)] = [
        ("in press", "in press"), ("forthcoming", "in press"), ("to appear", "in press"), ("sous presse", "in press"),
        ("im druck", "in press"), ("under review", "under review"), ("in review", "under review"),
        ("submitted", "submitted"), ("accepted", "accepted"), ("in preparation", "in preparation"), ("in prep.", "in preparation"),
    ]
}
