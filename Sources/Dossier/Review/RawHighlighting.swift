import DossierModel
import Foundation

/// A reference string as written, with the parsed fields marked where they stand in it, so that a reviewer sees at
/// a glance what was read as title, venue, year… and what was left over.
enum RawHighlighting {
    /// A field's value to look for in the raw string and the CSS class that marks it.
    struct Mark {
        var text: String
        var field: String
    }

    /// The marks of a publication: authors (the applicant's own name as `me`), title, venue, year, volume, issue,
    /// pages and identifiers.
    static func marks(_ publication: Publication) -> [Mark] {
        var marks: [Mark] = []
        for (index, author) in (publication.author ?? []).enumerated() {
            guard let name = author.family ?? author.literal else { continue }
            marks.append(Mark(text: name, field: publication.applicantPosition == index + 1 ? "me" : "author"))
        }
        let fields: [(String, String?)] = [
            ("title", publication.title), ("container-title", publication.containerTitle), ("year", publication.issued?.year.map(String.init)),
            ("volume", publication.volume), ("issue", publication.issue), ("page", publication.page), ("DOI", publication.doi),
            ("PMID", publication.pmid), ("arxiv", publication.arxiv), ("ISBN", publication.isbn), ("URL", publication.url),
            ("publisher", publication.publisher), ("status", publication.status),
        ]
        for case let (field, value?) in fields where !value.isEmpty { marks.append(Mark(text: value, field: field)) }
        return marks
    }

    /// The raw string as HTML, each mark found (first occurrence, case and accents ignored, never overlapping an
    /// earlier one) wrapped in `<mark class="f-FIELD">`; everything escaped.
    static func html(_ raw: String, marks: [Mark]) -> String {
        var taken: [(range: Range<String.Index>, field: String)] = []
        for mark in marks.flatMap(spellings) {
            var searchStart = raw.startIndex
            while searchStart < raw.endIndex,
                  let found = raw.range(of: mark.text, options: [.caseInsensitive, .diacriticInsensitive], range: searchStart..<raw.endIndex) {
                if !taken.contains(where: { $0.range.overlaps(found) }) {
                    taken.append((found, mark.field))
                    break
                }
                searchStart = found.upperBound
            }
        }
        taken.sort { $0.range.lowerBound < $1.range.lowerBound }
        var html = ""
        var position = raw.startIndex
        for (range, field) in taken {
            html += HTMLText.escape(String(raw[position..<range.lowerBound]))
            html += "<mark class=\"f-\(cssName(field))\" title=\"\(HTMLText.escape(field))\">\(HTMLText.escape(String(raw[range])))</mark>"
            position = range.upperBound
        }
        html += HTMLText.escape(String(raw[position...]))
        return html
    }

    /// The mark as parsed, then with its hyphens written as the en and em dashes a typesetter may have used ("201-229"
    /// is "201–229" in the PDF).
    private static func spellings(_ mark: Mark) -> [Mark] {
        guard !mark.text.isEmpty else { return [] }
        guard mark.text.contains("-") else { return [mark] }
        return [mark] + ["–", "—"].map { Mark(text: mark.text.replacingOccurrences(of: "-", with: $0), field: mark.field) }
    }

    /// A field name as a CSS class fragment: lowercase letters, digits and dashes.
    static func cssName(_ field: String) -> String {
        String(field.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }
}
