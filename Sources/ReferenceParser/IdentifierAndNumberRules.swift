import DossierText

/// Three corrections the rendered training styles made necessary, each about a shape the model is unsure of:
/// an arXiv identifier is never a venue (it is `note`; the builder reads the identifier from the whole string),
/// a lone number after "Journal, 11," is the page or article number when the reference has no pages
/// ("Frontiers in Neural Circuits, 11, 32."), and a doubtful publisher right after the title, with no venue
/// and no place, is the venue ("… networks. NeurIPS, 2021.").
package enum IdentifierAndNumberRules {
    /// Below this (raw) confidence a publisher is doubtful.
    static let doubt = 0.5

    static func apply(_ tokens: [ReferenceToken], labels: inout [String], confidence: [Double], known: Set<String>) {
        guard tokens.count == labels.count else { return }
        if known.contains("note") {
            for index in tokens.indices where labels[index] == "journal" || labels[index] == "container-title" || labels[index] == "title" {
                let lowered = tokens[index].text.lowercasedFast()
                if lowered.hasPrefix("arxiv:"), Identifiers.arxiv(in: tokens[index].text) != nil { labels[index] = "note" }
            }
        }
        if known.contains("pages"), !labels.contains("pages"), let last = labels.lastIndex(of: "volume"), last > 0,
           labels[last - 1] == "volume", tokens[last - 1].text.hasSuffix(","),
           isBareNumber(tokens[last].text), isBareNumber(String(tokens[last - 1].text.dropLast())) {
            labels[last] = "pages"
        }
        if known.contains("journal"), confidence.count == labels.count,
           !labels.contains(where: { $0 == "journal" || $0 == "container-title" || $0 == "location" }),
           let first = labels.firstIndex(of: "publisher"), first > 0, labels[first - 1] == "title" {
            var end = first
            while end + 1 < labels.count, labels[end + 1] == "publisher" { end += 1 }
            if end - first < 4, (first...end).allSatisfy({ confidence[$0] < doubt }), !labels[(end + 1)...].contains("publisher") {
                for index in first...end { labels[index] = "journal" }
            }
        }
    }

    /// Digits (1–6) with at most a trailing "." or ",".
    static func isBareNumber(_ text: String) -> Bool {
        var body = Substring(text)
        if let last = body.last, last == "." || last == "," { body = body.dropLast() }
        return !body.isEmpty && body.count <= 6 && body.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
