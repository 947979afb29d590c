import DossierText
import DossierModel

/// Reads the date of a reference with the precision printed ("2019" → [[2019]], "March 2019" → [[2019, 3]],
/// "3 March 2019" → [[2019, 3, 3]]) and the status words ("in press", "submitted", …).
public enum DateParsing {
    /// A month name or English abbreviation (`Months`), lowercase.
    static func monthNumber(_ word: String) -> Int? { Months.number(of: word) }

    /// The date in `text`, or nil when no year is printed.
    public static func date(_ text: String) -> CSLDate? {
        let words = text.split(whereSeparator: { $0.isWhitespaceFast || $0 == "," || $0 == "(" || $0 == ")" || $0 == "." || $0 == "/" || $0 == "[" || $0 == "]" || $0 == ";" || $0 == ":" })
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

    /// 1500–2039, maybe followed by a letter ("2019a").
    package static func yearValue(_ word: String) -> Int? {
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
