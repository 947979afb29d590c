import DossierText

/// A chapter in an edited book, humanities fashion: "M. Carlisle, ‘Homeric Fictions’, in M. Carlisle – O. Levaniouk
/// (edd.), Nine Essays on Homer, Lanham 1999, pp. 55–91". After a title, "in" + names + an editors' mark ("(ed.)",
/// "(eds.)", "(edd.)", "(Hrsg.)", "(éd.)") are the book's editors, and the run labelled title right after them is
/// the book (the container), not a second title. Only when a title comes before the "in".
package enum EditedVolume {
    static let marks: Set<String> = ["(ed.)", "(eds.)", "(edd.)", "(hrsg.)", "(hg.)", "(éd.)", "(éds.)", "(dir.)", "(ed)", "(eds)"]

    /// The book's editors and title after "in" (the translators' and the Italian editors' rules run just before it
    /// in the parser's list: `ReferenceParser.rules`).
    static func apply(_ tokens: [ReferenceToken], labels: inout [String], known: Set<String>) {
        guard known.contains("container-title"), known.contains("editor"), tokens.count == labels.count,
              !labels.contains("journal"), let firstTitle = labels.firstIndex(of: "title") else { return }
        var titleEnd = firstTitle
        while titleEnd + 1 < labels.count, labels[titleEnd + 1] == "title" { titleEnd += 1 }
        // "in" after the first title, then at most 12 tokens of names up to the editors' mark.
        var index = titleEnd + 1
        guard index < tokens.count, tokens[index].text == "in" || tokens[index].text == "In" else { return }
        let inIndex = index
        var mark: Int?
        while index < min(tokens.count, inIndex + 14) {
            if let end = markEnd(tokens, at: index) { mark = end; break }
            index += 1
        }
        guard let mark, mark > inIndex + 1, mark + 1 < tokens.count else { return }
        for covered in inIndex...mark where labels[covered] == "author" || labels[covered] == "title" { labels[covered] = "editor" }
        var book = mark + 1
        guard labels[book] == "title" else { return }
        while book < labels.count, labels[book] == "title" {
            labels[book] = "container-title"
            book += 1
        }
    }

    /// The index of the last token of an editors' mark that starts at `index`: one token ("(eds.)") or Italian's
    /// "(a cura di)", "(a c. di)"; nil when none starts there.
    static func markEnd(_ tokens: [ReferenceToken], at index: Int) -> Int? {
        let word = markWord(tokens[index].text)
        if marks.contains(word) { return index }
        guard word == "(a", index + 2 < tokens.count, ["cura", "c."].contains(markWord(tokens[index + 1].text)),
              markWord(tokens[index + 2].text) == "di)" else { return nil }
        return index + 2
    }

    /// "…, a cura di R.M. Danese, F. Gori, C. Questa, Ludus philologiae 3": after a title, Italian's "a cura di" (or
    /// "a c. di") and the names after it, read by the model as title or authors up to its last author, are editors.
    static func editedBy(_ tokens: [ReferenceToken], labels: inout [String], known: Set<String>) {
        guard known.contains("editor"), tokens.count == labels.count, let firstTitle = labels.firstIndex(of: "title") else { return }
        var index = firstTitle + 1
        while index + 3 < tokens.count {
            defer { index += 1 }
            guard tokens[index].text == "a", ["cura", "c."].contains(tokens[index + 1].text), tokens[index + 2].text == "di" else { continue }
            var last: Int?
            var next = index + 3
            while next < min(tokens.count, index + 16), labels[next] == "title" || labels[next] == "author" {
                if labels[next] == "author" { last = next }
                next += 1
            }
            guard let last else { continue }
            for covered in index...last { labels[covered] = "editor" }
            index = last
        }
    }

    /// Lowercased, without a trailing "," or ":".
    static func markWord(_ text: String) -> String {
        var lowered = text.lowercased()
        while let last = lowered.last, last == "," || last == ":" { lowered.removeLast() }
        return lowered
    }
}
