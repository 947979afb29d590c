import DossierText
import DossierModel

/// Guesses the CSL type of a parsed reference from its fields and words.
package enum PublicationType {
    /// `lowered` is the raw reference lowercased.
    static func guess(_ publication: Publication, lowered: String, isJournal: Bool, labels: [String]) -> String {
        let container = publication.containerTitle?.lowercasedFast() ?? ""
        func has(_ words: [String], in text: String) -> Bool { text.containsAnyBytes(words) }
        if has(["patent"], in: lowered) { return "patent" }
        if has(["ph.d.", "phd thesis", "ph. d.", "dissertation", "thesis", "master's", "masters thesis", "mémoire", "thèse", "doctoral"], in: lowered) {
            return "thesis"
        }
        let preprint = publication.arxiv != nil || has(["biorxiv", "medrxiv", "preprint", "ssrn", "chemrxiv", "psyarxiv", "arxiv"], in: lowered)
        let conference = has(["proc.", "proceedings", "conference", "symposium", "workshop", "congress", "colloquium", "meeting", "conf."], in: container)
        if preprint && !isJournal && !conference { return "article" }
        if has(["technical report", "tech. rep", "tech rep", "working paper", "white paper", "report no", "discussion paper", "rapport"], in: lowered) {
            return "report"
        }
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
