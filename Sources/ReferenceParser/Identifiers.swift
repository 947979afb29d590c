/// Finds and normalises identifiers in reference text: DOI (without resolver), arXiv ids (old and new forms),
/// PMID, PMCID, ISBN (checksum-validated) and URLs.
public enum Identifiers {
    /// The first DOI in `text`, without "https://doi.org/" or "doi:", trailing punctuation trimmed.
    public static func doi(in text: String) -> String? {
        guard text.containsBytes("10.") else { return nil }
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index + 7 < scalars.count {
            if scalars[index] == "1", scalars[index + 1] == "0", scalars[index + 2] == ".",
               index == 0 || !isDigit(scalars[index - 1]) {
                var cursor = index + 3
                while cursor < scalars.count, isDigit(scalars[cursor]) || scalars[cursor] == "." { cursor += 1 }
                let registrant = cursor - (index + 3)
                if registrant >= 4, cursor < scalars.count, scalars[cursor] == "/" {
                    var end = cursor + 1
                    while end < scalars.count, !scalars[end].properties.isWhitespace, scalars[end] != "\"", scalars[end] != "<" { end += 1 }
                    var candidate = String(String.UnicodeScalarView(scalars[index..<end]))
                    candidate = trimTrailing(candidate)
                    if candidate.count > cursor - index + 1 { return candidate }
                }
            }
            index += 1
        }
        return nil
    }

    /// An arXiv id: "2101.01234v2" or "hep-th/9901001", found after "arXiv" or in an arxiv.org URL.
    public static func arxiv(in text: String) -> String? {
        let lowered = text.lowercasedFast()
        var searchStart = lowered.startIndex
        while let range = lowered.range(of: "arxiv", range: searchStart..<lowered.endIndex) {
            var rest = text[range.upperBound...]
            rest = rest.drop(while: { $0 == ":" || $0 == " " || $0 == "." || $0 == "/" })
            for prefix in ["org/abs/", "org/pdf/", "abs/", "pdf/", "preprint arxiv:", "preprint "] where rest.lowercasedFast().hasPrefix(prefix) {
                rest = rest.dropFirst(prefix.count)
            }
            rest = rest.drop(while: { $0 == ":" || $0 == " " })
            if let id = newStyleArxiv(rest) ?? oldStyleArxiv(rest) { return id }
            searchStart = range.upperBound
        }
        return nil
    }

    static func newStyleArxiv(_ text: Substring) -> String? {
        let characters = Array(text.prefix(20))
        var index = 0
        while index < characters.count, characters[index].isASCII, characters[index].isNumber { index += 1 }
        guard index == 4, index < characters.count, characters[index] == "." else { return nil }
        var end = index + 1
        while end < characters.count, characters[end].isASCII, characters[end].isNumber { end += 1 }
        guard end - index - 1 >= 4, end - index - 1 <= 5 else { return nil }
        if end < characters.count, characters[end] == "v" {
            var version = end + 1
            while version < characters.count, characters[version].isASCII, characters[version].isNumber { version += 1 }
            if version > end + 1 { end = version }
        }
        return String(characters[..<end])
    }

    static func oldStyleArxiv(_ text: Substring) -> String? {
        guard let slash = text.prefix(20).firstIndex(of: "/") else { return nil }
        let archive = text[..<slash]
        guard !archive.isEmpty, archive.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "." }) else { return nil }
        let digits = text[text.index(after: slash)...].prefix(while: { $0.isASCII && $0.isNumber })
        guard digits.count == 7 else { return nil }
        var id = String(archive) + "/" + digits
        let after = text[digits.endIndex...]
        if after.first == "v" {
            let version = after.dropFirst().prefix(while: { $0.isASCII && $0.isNumber })
            if !version.isEmpty { id += "v" + version }
        }
        return id
    }

    /// The PMID after "PMID" (with or without a colon).
    public static func pmid(in text: String) -> String? { number(after: "pmid", in: text, digits: 1...9) }

    /// "PMC1234567".
    public static func pmcid(in text: String) -> String? {
        var searchStart = text.startIndex
        while let range = text.range(of: "PMC", range: searchStart..<text.endIndex) {
            let digits = text[range.upperBound...].prefix(while: { $0.isASCII && $0.isNumber })
            if (4...9).contains(digits.count) { return "PMC" + digits }
            searchStart = range.upperBound
        }
        return nil
    }

    static func number(after marker: String, in text: String, digits: ClosedRange<Int>) -> String? {
        let lowered = text.lowercasedFast()
        guard let range = lowered.range(of: marker) else { return nil }
        let offset = lowered.distance(from: lowered.startIndex, to: range.upperBound)
        let rest = text.dropFirst(offset).drop(while: { $0 == ":" || $0 == " " || $0 == "." })
        let found = rest.prefix(while: { $0.isASCII && $0.isNumber })
        return digits.contains(found.count) ? String(found) : nil
    }

    /// The ISBN after "ISBN" whose checksum holds, digits only (X kept for ISBN-10).
    public static func isbn(in text: String) -> String? {
        let lowered = text.lowercasedFast()
        var searchStart = lowered.startIndex
        while let range = lowered.range(of: "isbn", range: searchStart..<lowered.endIndex) {
            let offset = lowered.distance(from: lowered.startIndex, to: range.upperBound)
            var rest = text.dropFirst(offset)
            if rest.hasPrefix("-13") || rest.hasPrefix("-10") { rest = rest.dropFirst(3) }
            rest = rest.drop(while: { $0 == ":" || $0 == " " })
            var digits = ""
            for character in rest {
                if character.isASCII && character.isNumber || character == "X" || character == "x" { digits.append(character.uppercased()) }
                else if character == "-" || character == " " { continue } else { break }
                if digits.count == 13 { break }
            }
            if digits.count >= 13, isValidISBN(String(digits.prefix(13))) { return String(digits.prefix(13)) }
            if digits.count >= 10, isValidISBN(String(digits.prefix(10))) { return String(digits.prefix(10)) }
            searchStart = range.upperBound
        }
        return nil
    }

    /// ISBN-10 (weights 10…1, X = 10, sum ≡ 0 mod 11) or ISBN-13 (weights 1,3, sum ≡ 0 mod 10).
    public static func isValidISBN(_ digits: String) -> Bool {
        let characters = Array(digits)
        if characters.count == 10 {
            var sum = 0
            for (index, character) in characters.enumerated() {
                let value: Int
                if character == "X" && index == 9 { value = 10 } else if let digit = character.wholeNumberValue, character.isASCII { value = digit } else { return false }
                sum += value * (10 - index)
            }
            return sum % 11 == 0
        }
        if characters.count == 13 {
            var sum = 0
            for (index, character) in characters.enumerated() {
                guard character.isASCII, let digit = character.wholeNumberValue else { return false }
                sum += digit * (index % 2 == 0 ? 1 : 3)
            }
            return sum % 10 == 0 && (digits.hasPrefix("978") || digits.hasPrefix("979"))
        }
        return false
    }

    /// The first http(s) or www. URL, trailing punctuation trimmed.
    public static func url(in text: String) -> String? {
        for word in text.split(whereSeparator: { $0.isWhitespaceFast }) {
            var candidate = word.drop(while: { $0 == "<" || $0 == "(" || $0 == "[" })
            if let start = candidate.foundationRange(of: "http") { candidate = candidate[start.lowerBound...] }
            let lowered = candidate.lowercasedFast()
            if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || lowered.hasPrefix("www.") {
                return trimTrailing(String(candidate))
            }
        }
        return nil
    }

    /// A DOI with resolver prefixes removed ("https://doi.org/10.1/x", "doi:10.1/x" → "10.1/x").
    public static func normalizeDOI(_ text: String) -> String? { doi(in: text) }

    /// Drops trailing . , ; : > ] and an unbalanced ).
    static func trimTrailing(_ text: String) -> String {
        var result = Substring(text)
        while let last = result.last {
            if ".,;:>]'\"".contains(last) { result = result.dropLast(); continue }
            if last == ")", result.filter({ $0 == "(" }).count < result.filter({ $0 == ")" }).count { result = result.dropLast(); continue }
            break
        }
        return String(result)
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 48 && scalar.value <= 57 }
}
