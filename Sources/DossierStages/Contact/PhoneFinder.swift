import DossierText
import Foundation

/// Finds telephone numbers in a line of text and normalizes them.
///
/// A run of digits counts as a phone number when a label says so ("Phone:", "Tel.", "Mobile", "☎"), when it
/// starts with a country code ("+1", "(+1)", "0044"), or when it has the North American shape
/// "(617) 555-0142". Dates, year ranges, ISBNs, page ranges and fax numbers are not phones.
///
/// Normal form: the country code kept as written ("00" becomes "+"), a "(0)" trunk prefix after it dropped,
/// the digit groups kept as written and separated by single spaces: "(+1) 607-227-8040" → "+1 607 227 8040".
enum PhoneFinder {
    /// The normalized phone numbers in `line`, in order.
    /// With `labelledOnly`, only numbers after a label ("Phone:", "Tel.") count.
    static func phones(in line: String, labelledOnly: Bool = false) -> [String] {
        guard mayHoldPhone(LineBytes(line)) else { return [] }
        return phonesScanned(in: line, labelledOnly: labelledOnly)
    }

    /// False only when `line` cannot hold a phone: `normalized` wants seven characters that are numbers, and
    /// such a character is an ASCII digit or holds a non-ASCII scalar.
    static func mayHoldPhone(_ bytes: LineBytes) -> Bool {
        bytes.asciiDigits + bytes.nonASCIIScalars >= 7
    }

    /// `phones(in:labelledOnly:)` without the prefilter.
    static func phonesScanned(in line: String, labelledOnly: Bool = false) -> [String] {
        var found: [String] = []
        for match in candidate.matches(in: line) {
            let raw = match.group(0) ?? ""
            let before = String(line[..<match.range.lowerBound].suffix(30))
            if labelledOnly && !phoneLabel.matches(before) { continue }
            guard accepts(raw, before: before), let phone = normalized(raw), !found.contains(phone) else { continue }
            found.append(phone)
        }
        return found
    }

    /// The number of a `tel:` link, normalized.
    static func phone(inLinkTarget url: String) -> String? {
        guard url.lowercased().hasPrefix("tel:") else { return nil }
        let number = (url.dropFirst(4).removingPercentEncoding ?? String(url.dropFirst(4)))
        return normalized(number)
    }

    /// The normal form described above, or nil when the text has too few or too many digits.
    static func normalized(_ raw: String) -> String? {
        var text = raw.trimmingFast(in: .whitespaces)
        text = text.replacingOccurrences(of: "(+", with: "+")
        if text.hasPrefix("00") { text = "+" + text.dropFirst(2) }
        let international = text.hasPrefix("+")
        if international { text = trunkPrefix.replacing(in: text, with: "$1 ") }
        let groups = text.split(whereSeparator: { !$0.isNumber }).map(String.init)
        let digits = groups.joined().count
        guard (7...15).contains(digits) else { return nil }
        return (international ? "+" : "") + groups.joined(separator: " ")
    }

    private static func accepts(_ raw: String, before: String) -> Bool {
        let trimmed = raw.trimmingFast(in: .whitespaces)
        if fax.matches(before) || isbnLabel.matches(before) { return false }
        if dateLike.matches(trimmed) || yearRange.matches(trimmed) || orcidShape.matches(trimmed) { return false }
        if phoneLabel.matches(before) { return true }
        if trimmed.hasPrefix("+") || trimmed.hasPrefix("(+") { return true }
        if trimmed.hasPrefix("00") { return internationalZeros.matches(trimmed) }
        return northAmerican.matches(trimmed)
    }

    private static let candidate = TextPattern(#"(?<![\w/.\-])(?:\(\+?\d{1,4}\)|\+|00)?\s?\(?\d[\d\s().\-/]{5,22}\d(?![\w/\-])"#)
    private static let trunkPrefix = TextPattern(#"^(\+\d{1,4})[\s.\-]*\(0\)[\s.\-]*"#)
    /// "0049 30 1234567": a country code after 00 and at least ten digits in all.
    private static let internationalZeros = TextPattern(#"^00[1-9](?:\D*\d){9,}"#)
    private static let phoneLabel = TextPattern(
        #"(?:phone|tel|telephone|téléphone|telefon|telefono|teléfono|telefone|mobile|mobil|mob|cell|handy|portable|móvil|cellulare|\\faPhone|\\faMobile|☎|📞|📱)\.?\s*(?:\([^)]*\))?\s*[:.]?\s*$"#,
        caseInsensitive: true)
    private static let fax = TextPattern(#"fax\.?\s*[:.]?\s*$"#, caseInsensitive: true)
    private static let isbnLabel = TextPattern(#"orcid(?:\s*id)?\s*:?\s*$|isbn(?:-1[03])?\s*:?\s*$|issn\s*:?\s*$|doi\s*:?\s*$|pp?\.\s*$"#, caseInsensitive: true)
    private static let orcidShape = TextPattern(#"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$"#)
    private static let dateLike = TextPattern(#"^\d{1,4}[./\-]\d{1,2}[./\-]\d{1,4}$"#)
    private static let yearRange = TextPattern(#"^(?:19|20)\d{2}\s*[\-/]\s*(?:(?:19|20)?\d{2})$|^(?:19|20)\d{2}(?:\s+(?:19|20)\d{2})+$"#)
    private static let northAmerican = TextPattern(#"^(?:1[\s.\-])?\(?\d{3}\)?[\s.\-]\d{3}[\s.\-]\d{4}$"#)
}
