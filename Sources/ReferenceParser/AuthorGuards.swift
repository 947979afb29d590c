import DossierText

/// Words the model may take for names but that are never people: a status ("(in press)", "submitted") or a
/// "(with A. Berg)" credit, whose list leaves out the author it is written by. Such tokens become `note`, so no
/// author is made up from them; the raw text keeps them.
package enum AuthorGuards {
    static func apply(_ tokens: [ReferenceToken], labels: inout [String], known: Set<String>) {
        guard known.contains("note"), labels.contains(where: { $0 == "author" || $0 == "editor" }) else { return }
        let words = tokens.map { word($0.text) }
        var index = 0
        while index < tokens.count {
            guard labels[index] == "author" || labels[index] == "editor" else { index += 1; continue }
            if let length = statusPhrase(at: index, words) {
                for covered in index..<min(index + length, tokens.count) { labels[covered] = "note" }
                index += length
                continue
            }
            if words[index] == "with", tokens[index].text.hasPrefix("(") {
                var end = index
                while end < tokens.count, labels[end] == labels[index] {
                    end += 1
                    if tokens[end - 1].text.contains(")") { break }
                }
                for covered in index..<end { labels[covered] = "note" }
                index = end
                continue
            }
            index += 1
        }
    }

    /// The status phrases, as words.
    static let phrases: [[String]] = [
        ["in", "press"], ["forthcoming"], ["to", "appear"], ["under", "review"], ["in", "review"], ["submitted"],
        ["accepted"], ["in", "preparation"], ["in", "prep"], ["sous", "presse"], ["im", "druck"],
    ]

    /// The number of tokens of the status phrase starting at `index` (in the tokens' `words`), if one does.
    static func statusPhrase(at index: Int, _ words: [String]) -> Int? {
        for phrase in phrases where index + phrase.count <= words.count {
            if phrase.indices.allSatisfy({ words[index + $0] == phrase[$0] }) { return phrase.count }
        }
        return nil
    }

    /// Lowercased, punctuation at both ends removed.
    static func word(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.drop(while: { !TokenTraits.isWordScalar($0) })
            .reversed().drop(while: { !TokenTraits.isWordScalar($0) }).reversed().map(Character.init))
    }
}
