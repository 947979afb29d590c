import DossierText
import DossierModel
import Foundation

/// The applicant's own name, written in full among co-authors' initials ("Z. J. Tan, S-J. Chen and Bastian de la
/// Fuente. Predicting …", "Graup, B. P. ; Jankowski, Léa: The petrography …"), is where parsers most often lose the
/// end of an author list: the title read starts inside the names. The document says who the applicant is, so when
/// no author read is the applicant and the applicant's written name ends just inside the title, followed by the
/// sentence's separator, the author list runs up to that name and the title starts after it. Only text that is in
/// the reference moves, and only when everything up to the name reads as names.
enum ApplicantAnchoredAuthors {
    /// Repairs `publication` in place; returns whether it changed. `matches` says whether an author is the applicant
    /// (one of the applicant's name forms) and `written` are their `AuthorMatcher.writtenNames`, longest first (both
    /// made once per document).
    @discardableResult
    static func repair(_ publication: inout Publication, matches: (CSLName) -> Bool, written: [String]) -> Bool {
        // Nothing changes unless one of the written names is found in the reference: when none may be (`mayMatch`, false
        // only when Foundation's search surely finds nothing), the title and the first author are not searched for.
        guard written.contains(where: { publication.raw.mayMatch($0) }) else { return false }
        guard let title = publication.title, let authors = publication.author, let first = authors.first,
              // The applicant read whole is found; a family name read without its given name is not.
              !authors.contains(where: { author in
                  author.given?.isEmpty == false && matches(author)
              }) else { return false }
        let raw = publication.raw
        guard let titleRange = raw.rangeOfText(title) else { return false }
        // Where the author list starts: the first author's first written part.
        let starts = [first.given, first.family, first.literal].compactMap { $0 }.filter { !$0.isEmpty }
            .compactMap { raw.rangeOfText($0)?.lowerBound }.filter { $0 < titleRange.lowerBound }
        guard let start = starts.min() else { return false }
        for name in written {
            var searchFrom = start
            while let found = raw.rangeOfText(name, in: searchFrom..<titleRange.upperBound) {
                searchFrom = found.upperBound
                // The name must end inside the title read, near its start.
                guard found.upperBound > titleRange.lowerBound,
                      raw.distance(from: titleRange.lowerBound, to: found.upperBound) <= 80 else { continue }
                var after = raw[found.upperBound...]
                while let mark = after.first, "*†‡§¶#".contains(mark) { after = after.dropFirst() }
                guard let separator = after.first, ".:,".contains(separator),
                      after.dropFirst().first == " " else { continue }
                let span = String(raw[start..<found.upperBound])
                let rest = after.dropFirst().drop { $0 == " " }
                let titleEnd = titleRange.upperBound
                guard isNamesOnly(span), rest.startIndex < titleEnd else { continue }
                let names = PersonNames.authorList(span).names
                guard names.count >= authors.count, !names.isEmpty else { continue }
                let newTitle = String(raw[rest.startIndex..<titleEnd]).trimmingFast(in: CharacterSet(charactersIn: " .,;:"))
                guard newTitle.split(separator: " ").count >= 2 else { continue }
                publication.author = names
                publication.title = newTitle
                return true
            }
        }
        return false
    }

    /// Names and nothing else: capitalised words, initials ("S-J.", "B. P."), lowercase particles, "and"/"&",
    /// commas and semicolons; no digits, no lowercase words that are not particles.
    static func isNamesOnly(_ span: String) -> Bool {
        guard span.count <= 400, !span.contains(where: \.isNumber) else { return false }
        let words = span.split { $0 == " " || $0 == "," || $0 == ";" }
        guard words.count >= 2 else { return false }
        return words.allSatisfy { word in
            let bare = word.trimmingCharacters(in: CharacterSet(charactersIn: "*†‡§¶"))
            guard let head = bare.first else { return true }
            if head.isUppercase { return bare.allSatisfy { $0.isLetter || "-.'’".contains($0) } }
            return ["and", "&", "und", "et", "y"].contains(bare) || NameParticles.all.contains(bare.lowercased())
        }
    }
}
