import DossierText
import Foundation

/// The title block at the top of a document (LaTeX's \maketitle, as pandoc makes it): the title, then lines
/// centred under it. Its author line and date line are set larger than the body but are not headings.
enum TitleBlock {
    /// Indices of groups that look like headings but are the author or date line of the title block: single lines
    /// centred under the first heading of the first page, smaller than it, that hold only names or only a date.
    static func bylines(_ groups: [LineGroup], isHeading: (Int) -> Bool) -> Set<Int> {
        guard let titleIndex = groups.indices.first(where: isHeading), titleIndex <= 2,
              let title = groups[titleIndex].lines.first, title.page == groups[0].lines.first?.page else { return [] }
        let titleRect = groups[titleIndex].lines.reduce(title.rect) { $0.union($1.rect) }
        let titleSize = groups[titleIndex].size
        var result: Set<Int> = []
        for index in groups.indices.dropFirst(titleIndex + 1) {
            let group = groups[index]
            guard let line = group.lines.first, line.page == title.page,
                  isCentred(group, under: titleRect, em: titleSize) else { break }
            guard isHeading(index) else { continue }
            if group.lines.count == 1, group.size < titleSize - 0.5, isDateOnly(line.text) || isNameOnly(line.text) {
                result.insert(index)
            }
        }
        return result
    }

    /// Centred on the title's axis and of another width than the title (so the centring is evidence).
    private static func isCentred(_ group: LineGroup, under title: Rect, em: Double) -> Bool {
        let rect = group.lines.dropFirst().reduce(group.lines[0].rect) { $0.union($1.rect) }
        let tolerance = max(3, 0.2 * em)
        return rect.y0 >= title.y1 - 1 && abs(rect.midX - title.midX) <= tolerance && abs(rect.width - title.width) > 2 * tolerance
    }

    private static let numericDate = TextPattern(#"^(19|20)\d\d([-/.]\d{1,2}){1,2}$|^\d{1,2}[-/.]\d{1,2}[-/.](19|20)\d\d$"#)
    private static let yearOnly = TextPattern(#"^(19|20)\d\d$"#)
    private static let dayOnly = TextPattern(#"^\d{1,2}(st|nd|rd|th)?$"#)

    /// "January 2025", "1 March 2024", "March 1, 2024", "2024-03-01", "01/03/2024", "Last updated: May 2024".
    static func isDateOnly(_ text: String) -> Bool {
        var rest = text.trimmingCharacters(in: .whitespaces).lowercased()
        for prefix in ["last updated", "updated", "as of", "version of", "stand"] where rest.hasPrefix(prefix) {
            rest = String(rest.dropFirst(prefix.count)).trimmingCharacters(in: CharacterSet(charactersIn: " :"))
        }
        if numericDate.matches(rest) {
            return true
        }
        let tokens = rest.split(whereSeparator: { $0 == " " || $0 == "," }).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".")) }
        guard (2...4).contains(tokens.count), let year = tokens.last,
              yearOnly.matches(year) else { return false }
        let others = tokens.dropLast()
        let monthCount = others.filter { Months.numberBesideYear($0) != nil }.count
        let dayCount = others.filter { dayOnly.matches($0) }.count
        return monthCount == 1 && monthCount + dayCount == others.count
    }

    /// One or more personal names and nothing else: "Jonas Feldhaus-Mbeki", "Zheng Yuan, Madeleine van Zuylen,
    /// and Oren Etzioni", "Dr. A. B. Smith"; not a line in capitals ("RESEARCH INTERESTS").
    static func isNameOnly(_ text: String) -> Bool {
        guard !text.contains(where: \.isNumber), !text.contains("@"), !text.contains(":") else { return false }
        let letters = text.filter(\.isLetter)
        guard letters.count >= 4, letters != letters.uppercased() else { return false }
        var names: [[String]] = [[]]
        for raw in text.split(separator: " ") {
            var token = String(raw)
            let endsName = token.hasSuffix(",") || token.hasSuffix(";")
            token = token.trimmingCharacters(in: CharacterSet.letters.inverted.subtracting(CharacterSet(charactersIn: ".-'’")))
            let lower = token.lowercased()
            if lower == "and" || lower == "&" || lower == "und" || lower == "et" {
                if !(names.last?.isEmpty ?? true) { names.append([]) }
                continue
            }
            if !token.isEmpty { names[names.count - 1].append(token) }
            if endsName, !(names.last?.isEmpty ?? true) { names.append([]) }
        }
        names.removeAll(where: \.isEmpty)
        guard !names.isEmpty else { return false }
        return names.allSatisfy(isPersonName)
    }

    /// Two to five words, each capitalised (or an initial, a title such as "Dr.", or a particle such as "van").
    private static func isPersonName(_ words: [String]) -> Bool {
        let core = words.filter { !NameParticles.all.contains($0.lowercased()) }
        guard (2...5).contains(words.count), core.count >= 2 else { return false }
        return core.allSatisfy { word in
            guard let first = word.first, first.isUppercase else { return false }
            let parts = word.split(whereSeparator: { "-'’".contains($0) })
            return parts.allSatisfy { $0.first?.isUppercase == true } && word.filter(\.isLetter).count >= 1
        }
    }
}
