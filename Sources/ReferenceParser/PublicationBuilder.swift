import DossierText
import DossierModel
import Foundation

/// Turns labelled tokens into a `Publication`: each run of one label is sliced verbatim from the raw string (but where
/// the tokenizer repaired extraction damage), cleaned
/// by `FieldCleaning`, and identifiers found by pattern anywhere in the string override what the model said.
package enum PublicationBuilder {
    /// A labelled span: its label, verbatim text and confidence (the lowest of its tokens).
    struct Span {
        var label: String
        var text: String
        var confidence: Double
    }

    static func spans(raw: String, tokens: [ReferenceToken], labels: [String], confidence: [Double]) -> [Span] {
        let utf8 = Array(raw.utf8)
        var spans: [Span] = []
        var index = 0
        while index < tokens.count {
            var end = index + 1
            var lowest = confidence.isEmpty ? 1 : confidence[index]
            while end < tokens.count, labels[end] == labels[index] {
                if !confidence.isEmpty { lowest = min(lowest, confidence[end]) }
                end += 1
            }
            spans.append(Span(label: labels[index], text: text(of: tokens[index..<end], in: utf8), confidence: lowest))
            index = end
        }
        return spans
    }

    /// The raw slice of a run of tokens; where the tokenizer repaired extraction damage in it (a token's text is not
    /// its slice: "Rev .D57" read as "Rev." "D57"), the tokens' texts, a space wherever the raw string has a gap or
    /// a comma or semicolon was glued to the next word.
    static func text(of run: ArraySlice<ReferenceToken>, in utf8: [UInt8]) -> String {
        guard let first = run.first, let last = run.last else { return "" }
        guard run.contains(where: { $0.text.utf8.count != $0.end - $0.start }) else {
            return String(decoding: utf8[first.start..<last.end], as: UTF8.self)
        }
        var text = ""
        var previousEnd = first.start
        for token in run {
            if token.start > previousEnd || text.hasSuffix(",") || text.hasSuffix(";") { text += " " }
            text += token.text
            previousEnd = token.end
        }
        return text
    }

    /// `checks` holds the fitted confidence of the DOI and arXiv pattern checks (`ReferenceParser.doiCheck`,
    /// `.arxivCheck`), when the model has them; without, a DOI or arXiv id found by pattern is given 0.99.
    static func build(raw: String, tokens: [ReferenceToken], labels: [String], confidence: [Double],
                      checks: [String: Double] = [:]) -> Publication {
        var publication = Publication(id: "", type: "document", raw: raw)
        let lowered = raw.lowercasedFast()
        var confidences: [String: Double] = [:]
        var notes: [String] = []
        var isJournal = false
        func set(_ key: String, _ value: Double) { confidences[key] = min(confidences[key] ?? 1, (value * 1000).rounded() / 1000) }

        for span in spans(raw: raw, tokens: tokens, labels: labels, confidence: confidence) {
            let text = span.text
            switch span.label {
            case "author":
                let (names, etAl) = PersonNames.authorList(text)
                if !names.isEmpty { publication.author = (publication.author ?? []) + names; set("author", span.confidence) }
                if etAl { publication.etAl = true }
            case "editor":
                let (names, _) = PersonNames.authorList(text)
                if !names.isEmpty { publication.editor = (publication.editor ?? []) + names; set("editor", span.confidence) }
            case "title" where publication.title == nil:
                let (title, venue) = FieldCleaning.splitTrailingVenue(FieldCleaning.title(text))
                publication.title = title
                if let venue { publication.note = [publication.note, venue].compactMap { $0 }.joined(separator: "; ") }
                set("title", span.confidence)
            case "journal", "container-title":
                if publication.containerTitle == nil {
                    publication.containerTitle = FieldCleaning.container(text)
                    set("container-title", span.confidence)
                }
                if span.label == "journal" { isJournal = true }
            case "date":
                if publication.issued == nil, let date = DateParsing.date(text) {
                    publication.issued = date
                    set("issued", span.confidence)
                }
            case "volume":
                var text = text
                // "2010;42(7)": a year glued in front of the volume (Vancouver style).
                if let semicolon = text.firstIndex(of: ";"), text.distance(from: text.startIndex, to: semicolon) <= 6,
                   let date = DateParsing.date(String(text[..<semicolon])) {
                    if publication.issued == nil { publication.issued = date; set("issued", span.confidence) }
                    text = String(text[text.index(after: semicolon)...])
                }
                let (volume, issue) = FieldCleaning.volumeAndIssue(text)
                if publication.volume == nil, let volume { publication.volume = volume; set("volume", span.confidence) }
                if publication.issue == nil, let issue { publication.issue = issue; set("issue", span.confidence) }
            case "pages":
                if publication.page == nil, let pages = FieldCleaning.pages(text) { publication.page = pages; set("page", span.confidence) }
            case "publisher":
                if publication.publisher == nil { publication.publisher = FieldCleaning.trim(text); set("publisher", span.confidence) }
            case "location":
                if publication.publisherPlace == nil { publication.publisherPlace = FieldCleaning.trim(text); set("publisher-place", span.confidence) }
            case "edition":
                if publication.edition == nil { publication.edition = FieldCleaning.edition(text); set("edition", span.confidence) }
            case "note", "genre", "collection-title", "source":
                let note = FieldCleaning.trim(text)
                if !note.isEmpty, DateParsing.status(note) == nil || note.count > 20 { notes.append(note); set("note", span.confidence) }
            case "url":
                if publication.url == nil, let url = Identifiers.url(in: text) {
                    publication.url = url
                    set("URL", span.confidence)
                } else if Identifiers.url(in: text) == nil {
                    notes.append(FieldCleaning.trim(text))
                }
            default:
                continue
            }
        }
        if !notes.isEmpty { publication.note = notes.joined(separator: "; ") }
        if publication.title == nil, let span = spans(raw: raw, tokens: tokens, labels: labels, confidence: confidence).first(where: { $0.label == "title" }) {
            publication.title = FieldCleaning.title(span.text)
        }
        applyIdentifiers(raw, lowered: lowered, to: &publication, confidences: &confidences, checks: checks)
        publication.status = DateParsing.status(lowered: lowered)
        if publication.status != nil { confidences["status"] = 0.9 }
        publication.type = PublicationType.guess(publication, lowered: lowered, isJournal: isJournal, labels: labels)
        publication.confidence = confidences
        return publication
    }

    /// DOI, arXiv, PMID, PMCID, ISBN and URL found by pattern in the whole string win over the model's labels.
    /// A DOI's and an arXiv id's confidence is how often a token passing the same pattern check was right on the
    /// calibration share (`checks`); PMID, PMCID and ISBN (its checksum holds) keep 0.99.
    static func applyIdentifiers(_ raw: String, lowered: String, to publication: inout Publication, confidences: inout [String: Double],
                                 checks: [String: Double] = [:]) {
        if lowered.containsBytes("10."), let doi = Identifiers.doi(in: raw) {
            publication.doi = doi
            confidences["DOI"] = ((checks[ReferenceParser.doiCheck] ?? 0.99) * 1000).rounded() / 1000
            if let url = publication.url, url.contains(doi) { publication.url = nil; confidences["URL"] = nil }
        }
        // An old-style id may stand without "arXiv" ("hep-th/9711200"); its "/" is the cheap precheck.
        if lowered.containsBytes("arxiv") || lowered.containsBytes("/"), let id = Identifiers.arxiv(in: raw) {
            publication.arxiv = id
            confidences["arxiv"] = ((checks[ReferenceParser.arxivCheck] ?? 0.99) * 1000).rounded() / 1000
        }
        if lowered.containsBytes("pmid"), let id = Identifiers.pmid(in: raw) { publication.pmid = id; confidences["PMID"] = 0.99 }
        if raw.containsBytes("PMC"), let id = Identifiers.pmcid(in: raw) { publication.pmcid = id; confidences["PMCID"] = 0.99 }
        if lowered.containsBytes("isbn"), let isbn = Identifiers.isbn(in: raw) { publication.isbn = isbn; confidences["ISBN"] = 0.99 }
        if publication.url == nil, publication.doi == nil, lowered.containsBytes("http") || lowered.containsBytes("www."), let url = Identifiers.url(in: raw) {
            publication.url = url
            confidences["URL"] = 0.95
        }
        // A note that only repeats identifiers found above is dropped.
        if var note = publication.note?.lowercasedFast() {
            for id in [publication.doi, publication.arxiv, publication.pmid, publication.pmcid, publication.isbn].compactMap({ $0?.lowercasedFast() }) {
                note = note.replacingAll(id, with: "")
            }
            for word in ["arxiv", "pmcid", "pmid", "doi", "isbn", "preprint", "e-print", "eprint"] { note = note.replacingAll(word, with: "") }
            if !note.contains(where: { $0.isLetter || $0.isNumber }) { publication.note = nil; confidences["note"] = nil }
        }
    }
}
