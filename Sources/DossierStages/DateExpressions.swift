import DossierModel
import Foundation

/// Dates as CVs write them ("2019", "Sep 2015 – Jun 2019", "2021–present", "Exp. Jun. 2017", "Summer 2019",
/// "09/2015", "desde octubre de 2016") → a `DateRange` of EDTF strings that keeps the precision written.
public enum DateExpressions {
    static let months: [String: Int] = {
        var table: [String: Int] = [:]
        let names: [[String]] = [
            ["jan", "january", "januar", "janvier", "enero", "gennaio", "janeiro", "januari", "jän", "ene", "gen"],
            ["feb", "february", "februar", "fevrier", "février", "febrero", "febbraio", "fevereiro", "februari", "fév", "fev"],
            ["mar", "march", "märz", "maerz", "mars", "marzo", "março", "marco", "maart", "mär", "mrt"],
            ["apr", "april", "avril", "abril", "aprile", "abr", "avr"],
            ["may", "mai", "mayo", "maggio", "maio", "mei", "mag"],
            ["jun", "june", "juni", "juin", "junio", "giugno", "junho", "giu"],
            ["jul", "july", "juli", "juillet", "julio", "luglio", "julho", "lug", "juil"],
            ["aug", "august", "août", "aout", "agosto", "augustus", "ago", "aoû"],
            ["sep", "sept", "september", "septembre", "septiembre", "settembre", "setembro", "set", "sett"],
            ["oct", "october", "oktober", "octobre", "octubre", "ottobre", "outubro", "okt", "ott", "out"],
            ["nov", "november", "novembre", "noviembre", "novembro"],
            ["dec", "december", "dezember", "décembre", "decembre", "diciembre", "dicembre", "dezembro", "dez", "déc", "dic"],
        ]
        for (index, spellings) in names.enumerated() { for name in spellings { table[name] = index + 1 } }
        return table
    }()
    /// EDTF level-1 season codes.
    static let seasons: [String: Int] = ["spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24,
                                          "frühling": 21, "sommer": 22, "herbst": 23, "printemps": 21, "été": 22, "automne": 23, "hiver": 24]
    static let presentWords = ["present", "now", "current", "today", "ongoing", "heute", "jetzt", "aujourd'hui", "presente",
                               "actualidad", "actual", "oggi", "atual", "heden", "至今", "现在"]
    static let sinceWords = ["since", "seit", "depuis", "desde", "dal", "dal", "vanaf"]

    /// A date atom found in text.
    struct Atom {
        var edtf: String
        var range: Range<String.Index>
    }

    static let monthPattern = months.keys.sorted { $0.count > $1.count }.map { NSRegularExpression.escapedPattern(for: $0) }.joined(separator: "|")
    static let seasonPattern = seasons.keys.joined(separator: "|")
    static let atomExpression: NSRegularExpression? = try? NSRegularExpression(
        pattern: #"(?:\b(exp(?:ected)?\.?)\s*)?(?:\b(\#(monthPattern)|\#(seasonPattern))\.?(?:\s+de)?,?\s+(?:\d{1,2},?\s+)?)?\b((?:19|20)\d\d)\b(?:[-/.](\d{1,2})\b)?|\b(\d{1,2})[/.]((?:19|20)\d\d)\b"#,
        options: [.caseInsensitive])

    /// Every date atom in `text`, in order.
    static func atoms(in text: String) -> [Atom] {
        guard let expression = atomExpression else { return [] }
        let nsText = text as NSString
        return expression.matches(in: text, range: NSRange(location: 0, length: nsText.length)).compactMap { match in
            guard let range = Range(match.range, in: text) else { return nil }
            func group(_ number: Int) -> String? {
                let nsRange = match.range(at: number)
                return nsRange.location == NSNotFound ? nil : nsText.substring(with: nsRange)
            }
            let expected = group(1) != nil
            if let month = group(5), let year = group(6), let value = Int(month), (1...12).contains(value) {
                return Atom(edtf: "\(year)-\(String(format: "%02d", value))", range: range)
            }
            guard let year = group(3) else { return nil }
            var edtf = year
            if let word = group(2)?.lowercased() {
                if let month = months[word] {
                    edtf += "-" + String(format: "%02d", month)
                } else if let season = seasons[word] {
                    edtf += "-\(season)"
                }
            } else if let month = group(4).flatMap(Int.init), (1...12).contains(month) {
                edtf += "-" + String(format: "%02d", month)
            }
            return Atom(edtf: expected ? edtf + "?" : edtf, range: range)
        }
    }

    /// The first date or date range in `text`, and where it stands in the text.
    public static func firstRange(in text: String) -> (range: DateRange, location: Range<String.Index>)? {
        let found = atoms(in: text)
        guard let first = found.first else { return nil }
        let after = text[first.range.upperBound...]
        let separator = #"^\s*(?:[-–—‐−]+|to|until|till|bis|au|à|a|al|hasta|fino a|tot)\s*"#
        let lowerBefore = text[..<first.range.lowerBound].lowercased()
        let opensSince = sinceWords.contains { lowerBefore.hasSuffix($0 + " ") || lowerBefore.hasSuffix($0 + " el ") || lowerBefore.hasSuffix($0 + " de ") }
        let sinceStart = opensSince ? sinceStart(in: text, before: first.range.lowerBound) : first.range.lowerBound
        if let separatorRange = after.range(of: separator, options: [.regularExpression, .caseInsensitive]) {
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
            if rest.trimmingCharacters(in: .whitespaces).isEmpty || rest.hasPrefix(":") || rest.hasPrefix(")") || rest.hasPrefix(",") {
                let end = separatorRange.upperBound
                if text[first.range.upperBound..<end].contains(where: { "-–—‐−".contains($0) }) {
                    return (DateRange(start: first.edtf, end: "..", raw: String(text[first.range.lowerBound..<end]).trimmingCharacters(in: .whitespaces)), first.range.lowerBound..<end)
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
