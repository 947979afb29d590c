import DossierText

/// A chapter in an edited book, humanities fashion: "M. Carlisle, ‘Homeric Fictions’, in M. Carlisle – O. Levaniouk
/// (edd.), Nine Essays on Homer, Lanham 1999, pp. 55–91". After a title, "in" + names + an editors' mark ("(ed.)",
/// "(eds.)", "(edd.)", "(Hrsg.)", "(éd.)") are the book's editors, and the run labelled title right after them is
/// the book (the container), not a second title. Only when a title comes before the "in".
package enum EditedVolume {
    static let marks: Set<String> = ["(ed.)", "(eds.)", "(edd.)", "(hrsg.)", "(hg.)", "(éd.)", "(éds.)", "(dir.)", "(ed)", "(eds)"]

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
            if marks.contains(markWord(tokens[index].text)) { mark = index; break }
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

    /// Lowercased, without a trailing "," or ":".
    static func markWord(_ text: String) -> String {
        var lowered = text.lowercased()
        while let last = lowered.last, last == "," || last == ":" { lowered.removeLast() }
        return lowered
    }
}
