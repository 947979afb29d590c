import DossierText
import DossierModel

/// Guesses the CSL type of a parsed reference from its fields and words.
package enum PublicationType {
    /// Byte strings any one of which is looked for, grouped by their first byte so that one pass over the text
    /// compares only where a needle can start (26 needle searches a reference, each a `memchr` loop, were 2 % of
    /// parsing).
    struct Needles: Sendable {
        private let byFirst: [[[UInt8]]]

        init(_ words: [String]) {
            var byFirst = [[[UInt8]]](repeating: [], count: 256)
            for word in words {
                let bytes = Array(word.utf8)
                if let first = bytes.first { byFirst[Int(first)].append(bytes) }
            }
            self.byFirst = byFirst
        }

        /// Whether any needle occurs in `text`, byte for byte.
        func occur(in text: String) -> Bool {
            var text = text
            return text.withUTF8 { hay in
                for start in hay.indices {
                    for needle in byFirst[Int(hay[start])] where needle.count <= hay.count - start {
                        var matched = true
                        for offset in 1..<needle.count where hay[start + offset] != needle[offset] {
                            matched = false
                            break
                        }
                        if matched { return true }
                    }
                }
                return false
            }
        }
    }

    static let patent = Needles(["patent"])
    static let thesis = Needles(["ph.d.", "phd thesis", "ph. d.", "dissertation", "thesis", "master's", "masters thesis", "mémoire", "thèse", "doctoral"])
    static let preprint = Needles(["biorxiv", "medrxiv", "preprint", "ssrn", "chemrxiv", "psyarxiv", "arxiv"])
    static let conference = Needles(["proc.", "proceedings", "conference", "symposium", "workshop", "congress", "colloquium", "meeting", "conf."])
    static let report = Needles(["technical report", "tech. rep", "tech rep", "working paper", "white paper", "report no", "discussion paper", "rapport"])

    /// `lowered` is the raw reference lowercased.
    static func guess(_ publication: Publication, lowered: String, isJournal: Bool, labels: [String]) -> String {
        let container = publication.containerTitle?.lowercasedFast() ?? ""
        if patent.occur(in: lowered) { return "patent" }
        if thesis.occur(in: lowered) { return "thesis" }
        let preprint = publication.arxiv != nil || self.preprint.occur(in: lowered)
        let conference = self.conference.occur(in: container)
        if preprint && !isJournal && !conference { return "article" }
        if report.occur(in: lowered) { return "report" }
        if conference { return "paper-conference" }
        if publication.editor != nil || (container.isEmpty == false && labels.contains("publisher") && !isJournal) { return "chapter" }
        if isJournal || (publication.containerTitle != nil && (publication.volume != nil || publication.page != nil)) { return "article-journal" }
        if publication.containerTitle != nil { return "article-journal" }
        if publication.publisher != nil || publication.isbn != nil { return "book" }
        if publication.url != nil { return "webpage" }
        if publication.status != nil { return "manuscript" }
        return "document"
    }
}
