import DossierText

/// Quotation marks delimit a title in many CV styles (‘Title’. Journal 21.6): when the model runs the title on
/// past its closing quote and the reference has no venue otherwise, the words after the quote are the venue
/// (`journal`), and a trailing number there its volume. Typography decides where the model hesitated.
package enum QuotedTitle {
    static func apply(_ tokens: [ReferenceToken], labels: inout [String], known: Set<String>) {
        reattachTrailingGroup(tokens, labels: &labels)
        guard known.contains("journal"), known.contains("volume"),
              !labels.contains(where: { $0 == "journal" || $0 == "container-title" }),
              let open = tokens.indices.first(where: { labels[$0] == "title" && opensQuote(tokens[$0].text) }) else { return }
        var close = open
        while true {
            guard close < tokens.count, labels[close] == "title" else { return }
            let text = tokens[close].text
            // A one-word quoted title closes on its opening token; a lone quote mark does not.
            if FeatureExtractor.closesQuote(text), close > open || text.unicodeScalars.count > 1 { break }
            close += 1
        }
        var end = close + 1
        while end < tokens.count, labels[end] == "title" { end += 1 }
        guard end > close + 1 else { return }
        let venue = (close + 1)..<end
        // The venue starts with a capital letter, as a journal name does.
        guard let first = tokens[venue.lowerBound].text.unicodeScalars.first, first.properties.isUppercase else { return }
        var numbersFrom = venue.upperBound
        while numbersFrom > venue.lowerBound + 1, isVolumeLike(tokens[numbersFrom - 1].text) { numbersFrom -= 1 }
        for index in venue { labels[index] = index < numbersFrom ? "journal" : "volume" }
    }

    /// A quoted phrase inside a title ("Collective dynamics of “small-world” networks", "Empowering a “third way”
    /// in biomedical research."): taught by styles that close a title with its quote (“Title,” Journal), the model
    /// ends the title at the phrase's closing quote and reads the words after it as the venue. Where the quote
    /// opened inside the title (not at its start) and closes with no punctuation before or after the mark, the
    /// lower-case words after it are the title's: up to and including the first that ends in punctuation, never
    /// past a capitalised word (the venue) or a field other than a venue's.
    static func extendPastInnerQuote(_ tokens: [ReferenceToken], labels: inout [String]) {
        guard tokens.count == labels.count, let start = labels.firstIndex(of: "title") else { return }
        var end = start
        while end + 1 < labels.count, labels[end + 1] == "title" { end += 1 }
        guard end > start, end + 1 < tokens.count else { return }
        let closing = Array(tokens[end].text.unicodeScalars)
        guard closing.count >= 2, let mark = closing.last, "”’»\"".unicodeScalars.contains(mark),
              !",.;:!?".unicodeScalars.contains(closing[closing.count - 2]),
              ((start + 1)...end).contains(where: { opensQuote(tokens[$0].text) }), !opensQuote(tokens[start].text) else { return }
        let venues: Set<String> = ["journal", "container-title", "note", "publisher", "genre"]
        var index = end + 1
        var taken: [Int] = []
        while index < tokens.count, taken.count < 8, venues.contains(labels[index]) {
            let text = tokens[index].text
            guard let first = text.unicodeScalars.first, first.properties.isLowercase else { break }
            taken.append(index)
            if let last = text.unicodeScalars.last, ".,;:".unicodeScalars.contains(last) { break }
            index += 1
        }
        for index in taken { labels[index] = "title" }
    }

    static func opensQuote(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return FeatureExtractor.opensQuote(first)
    }

    /// "21.6", "22(10)", "125", "17," — a volume, maybe with its issue.
    static func isVolumeLike(_ text: String) -> Bool {
        let core = text.unicodeScalars.filter { !(",.;:".unicodeScalars.contains($0)) }
        return !core.isEmpty && core.first.map { $0.properties.numericType != nil } == true
            && core.allSatisfy { $0.properties.numericType != nil || "()".unicodeScalars.contains($0) }
    }

    /// "Sperling, E., and Sedimentary Geochemistry Project Team Members. ‘The composition …’": a title run that
    /// starts with "and" right after the authors and reaches a quoted title after a sentence end begins with the
    /// last author (a group), not with the title.
    static func reattachTrailingGroup(_ tokens: [ReferenceToken], labels: inout [String]) {
        guard let start = tokens.indices.first(where: { labels[$0] == "title" }), start > 0, labels[start - 1] == "author",
              ["and", "&"].contains(tokens[start].text.lowercased()) else { return }
        var quote = start + 1
        while quote < tokens.count, labels[quote] == "title", !opensQuote(tokens[quote].text) { quote += 1 }
        guard quote < tokens.count, labels[quote] == "title", quote - start >= 2,
              let end = tokens[quote - 1].text.unicodeScalars.last, end == "." else { return }
        for index in start..<quote { labels[index] = "author" }
    }
}
