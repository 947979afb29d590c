import DossierModel
import DossierText
import Foundation

/// A page about one paper (academicpages' `_publications/*.md`, and sites like it): its front matter holds the
/// full citation (`citation:`), the title, the venue and the date. The citation becomes the publication's raw
/// text; the title and venue, which the page states as fields, are kept as they are and win over the parser's.
enum PerPaperPage {
    /// The publication the page's metadata describes, or nil when it has no citation.
    static func publication(_ metadata: [String: JSONValue]) -> Publication? {
        guard let citation = metadata["citation"]?.stringValue.map(plainText), citation.count >= 20,
              citation.contains(where: \.isLetter) else { return nil }
        var publication = Publication(id: "ref1", type: SplitReferencesStage.untyped, raw: citation)
        if let title = metadata["title"]?.stringValue.map(plainText), !title.isEmpty {
            publication.title = title
        }
        if let venue = metadata["venue"]?.stringValue.map(plainText), !venue.isEmpty {
            publication.containerTitle = venue
        }
        if let url = metadata["paperurl"]?.stringValue, url.hasPrefix("http") { publication.url = url }
        return publication
    }

    /// Front-matter text as sites write it: HTML tags dropped, the common entities decoded, spaces squeezed.
    static func plainText(_ text: String) -> String {
        var result = tag.replacing(in: text, with: "")
        for (entity, character) in [("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&nbsp;", " "), ("&amp;", "&")] {
            result = result.replacingOccurrences(of: entity, with: character)
        }
        return result.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static let tag = TextPattern(#"<[^>]{1,200}>"#)
}
