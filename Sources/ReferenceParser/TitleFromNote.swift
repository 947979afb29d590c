import DossierText

/// A reference that ends with its title ("Drucker, S. M. and Hydrie, A. 2009. LiveLabs ThumbTack. Product.") has
/// no venue after it, and the model, which has seen titles followed by venues, calls it a note. When nothing is
/// labelled title and a note directly follows the authors or the date, its first sentence is the title.
/// Likewise a run the model called the container right after the authors (not editors), not opened by "In", when
/// nothing is labelled title: "A. Author, B. Author. A Title in Words. arXiv, 2026" is a titled work, not a chapter.
package enum TitleFromNote {
    static func apply(_ tokens: [ReferenceToken], labels: inout [String], known: Set<String>) {
        containerAfterAuthors(tokens, labels: &labels, known: known)
        guard known.contains("title"), !labels.contains("title"),
              let first = labels.firstIndex(of: "note"), first > 0,
              labels[first - 1] == "author" || labels[first - 1] == "date" else { return }
        var end = first
        while end < tokens.count, labels[end] == "note" {
            end += 1
            if endsSentence(tokens[end - 1].text) { break }
        }
        for index in first..<end { labels[index] = "title" }
    }

    static func containerAfterAuthors(_ tokens: [ReferenceToken], labels: inout [String], known: Set<String>) {
        guard known.contains("title"), !labels.contains("title"), let first = labels.firstIndex(of: "container-title"),
              first > 0, labels[first - 1] == "author", labels.lastIndex(of: "container-title").map({ last in
                  (first...last).allSatisfy { labels[$0] == "container-title" } }) == true else { return }
        let opening = tokens[first].text.lowercased()
        guard opening != "in" && opening != "in:" else { return }
        for index in first..<tokens.count where labels[index] == "container-title" { labels[index] = "title" }
    }

    /// Ends with ". ? !" after a word of two letters or more (not an initial such as "J.").
    static func endsSentence(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last, last == "." || last == "?" || last == "!" else { return false }
        return text.unicodeScalars.filter { TokenTraits.isWordScalar($0) }.count >= 2
    }
}
