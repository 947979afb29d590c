import DossierModel
import Foundation

/// Dates as CVs write them ("2019", "Sep 2015 – Jun 2019", "2021–present", "Exp. Jun. 2017", "Summer 2019",
/// "09/2015", "desde octubre de 2016") → a `DateRange` of EDTF strings that keeps the precision written.
public enum DateExpressions {
    /// The month a lowercase word names beside a year (`Months`, short forms included).
    static func month(_ word: String) -> Int? { Months.numberBesideYear(word) }
    /// EDTF level-1 season code (`Months.seasons`).
    static func season(_ word: String) -> Int? { Months.seasonCode(word) }
    static let presentWords = ["present", "now", "current", "today", "ongoing", "heute", "jetzt", "aujourd'hui", "presente",
                               "actualidad", "actual", "oggi", "atual", "heden", "至今", "现在"]
    static let sinceWords = ["since", "seit", "depuis", "desde", "dal", "dal", "vanaf"]

    /// A date atom found in text.
    struct Atom {
        var edtf: String
        var range: Range<String.Index>
    }

    static let monthPattern = Months.allSpellingsLongestFirst.map(TextPattern.escaped).joined(separator: "|")
    static let seasonPattern = Months.seasons.map(\.text).joined(separator: "|")
    /// What joins the two ends of a range ("2015 – 2019", "2015 to 2019", "2015 bis 2019").
    static let separator = TextPattern(#"^\s*(?:[-–—‐−]+|to|until|till|bis|au|à|a|al|hasta|fino a|tot)\s*"#, caseInsensitive: true)
    static let atomPattern = TextPattern(
        #"(?:\b(exp(?:ected)?\.?)\s*)?(?:\b(\#(monthPattern)|\#(seasonPattern))\.?(?:\s+de)?,?\s+(?:\d{1,2},?\s+)?)?\b((?:19|20)\d\d)\b(?:[-/.](\d{1,2})\b)?|\b(\d{1,2})[/.]((?:19|20)\d\d)\b"#,
        caseInsensitive: true)

    /// Every date atom in `text`, in order.
    static func atoms(in text: String) -> [Atom] {
        atomPattern.matches(in: text).compactMap { match in
            let expected = match.group(1) != nil
            if let month = match.group(5), let year = match.group(6), let value = Int(month), (1...12).contains(value) {
                return Atom(edtf: "\(year)-\(String(format: "%02d", value))", range: match.range)
            }
            guard let year = match.group(3) else { return nil }
            var edtf = year
            if let word = match.group(2)?.lowercased() {
                if let month = month(word) {
                    edtf += "-" + String(format: "%02d", month)
                } else if let season = season(word) {
                    edtf += "-\(season)"
                }
            } else if let month = match.group(4).flatMap(Int.init), (1...12).contains(month) {
                edtf += "-" + String(format: "%02d", month)
            }
            return Atom(edtf: expected ? edtf + "?" : edtf, range: match.range)
        }
    }

    /// The first date or date range in `text`, and where it stands in the text.
    public static func firstRange(in text: String) -> (range: DateRange, location: Range<String.Index>)? {
        let found = atoms(in: text)
        guard let first = found.first else { return nil }
        let after = text[first.range.upperBound...]
        let lowerBefore = text[..<first.range.lowerBound].lowercased()
        let opensSince = sinceWords.contains { lowerBefore.hasSuffix($0 + " ") || lowerBefore.hasSuffix($0 + " el ") || lowerBefore.hasSuffix($0 + " de ") }
        let sinceStart = opensSince ? sinceStart(in: text, before: first.range.lowerBound) : first.range.lowerBound
        if let separatorRange = separator.firstMatch(in: text, from: first.range.upperBound)?.range {
            let rest = after[separatorRange.upperBound...]
            if found.count > 1, found[1].range.lowerBound == separatorRange.upperBound {
                let raw = String(text[first.range.lowerBound..<found[1].range.upperBound])
                return (DateRange(start: first.edtf, end: found[1].edtf, raw: raw), first.range.lowerBound..<found[1].range.upperBound)
            }
            let lowerRest = rest.lowercased()
            if let word = presentWords.first(where: { lowerRest.hasPrefix($0) }) {
                let end = text.index(separatorRange.upperBound, offsetBy: word.count)
                return (DateRange(start: first.edtf, end: "..", raw: String(text[first.range.lowerBound..<end])), first.range.lowerBound..<end)
            }
            // "2022–:" or "2022 –" at the end: an open range.
            if rest.trimmingFast(in: .whitespaces).isEmpty || rest.hasPrefix(":") || rest.hasPrefix(")") || rest.hasPrefix(",") {
                let end = separatorRange.upperBound
                if text[first.range.upperBound..<end].contains(where: { "-–—‐−".contains($0) }) {
                    return (DateRange(start: first.edtf, end: "..", raw: String(text[first.range.lowerBound..<end]).trimmingFast(in: .whitespaces)), first.range.lowerBound..<end)
                }
            }
        }
        if opensSince {
            return (DateRange(start: first.edtf, end: "..", raw: String(text[sinceStart..<first.range.upperBound])), sinceStart..<first.range.upperBound)
        }
        return (DateRange(start: first.edtf, end: nil, raw: String(text[first.range])), first.range)
    }

    private static func sinceStart(in text: String, before index: String.Index) -> String.Index {
        let prefix = text[..<index].lowercased()
        for word in sinceWords {
            if let range = prefix.range(of: word, options: .backwards) {
                return text.index(text.startIndex, offsetBy: prefix.distance(from: prefix.startIndex, to: range.lowerBound))
            }
        }
        return index
    }
}
