import DossierText

/// Physics styles (AIP, APS) cite a chapter or a proceedings paper without its title: "A. Author, in Book Title,
/// edited by … (Publisher, 1998), pp. 35–53". The model, which has seen a title after the authors nearly always,
/// reads the book as the title. When the reference has no venue and its title starts with "in" (lower case, or
/// "In:", or "In" before a word of proceedings and journal names) right after the authors, editors or year, the
/// title is the container.
package enum UntitledChapter {
    static func apply(_ tokens: [ReferenceToken], labels: inout [String], known: Set<String>) {
        guard known.contains("container-title"), tokens.count == labels.count,
              !labels.contains(where: { $0 == "journal" || $0 == "container-title" }),
              let start = labels.firstIndex(of: "title"), start > 0, start + 1 < tokens.count,
              ["author", "editor", "date", "citation-number"].contains(labels[start - 1]),
              opensContainer(tokens[start].text, next: tokens[start + 1].text) else { return }
        var index = start
        while index < labels.count, labels[index] == "title" {
            labels[index] = "container-title"
            index += 1
        }
    }

    /// "in" or "In:" before a capitalised word, or "In" before a word of proceedings and journal names.
    static func opensContainer(_ text: String, next: String) -> Bool {
        guard let first = next.unicodeScalars.first(where: TokenTraits.isWordScalar), TokenTraits.isUpper(first) else { return false }
        if text == "in" || text == "in:" || text == "In:" { return true }
        return text == "In" && AbbreviatedVenue.isJournalWord(next)
    }
}
