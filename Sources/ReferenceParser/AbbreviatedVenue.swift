import DossierText

/// Physics and engineering styles print the journal as an abbreviation right after the authors, with no title
/// ("I. Author, Nucl. Instrum. Methods A 123 (1999) 45"). Two readings of that shape are corrected:
/// - a "title" made only of abbreviations (words of journal names or capitalised words cut short with a full stop,
///   series letters such as "A" or "B"), with at least one word of a journal name, followed by the volume, pages or
///   year, in a reference with no venue, is the journal;
/// - the first word of such an abbreviation left to the field before ("Nucl. | Phys. B") joins the journal when it
///   is a capitalised word of journal names cut with a full stop and the token before it ends with punctuation (at
///   most three such words: "Author, Nucl. Instrum. | Methods A").
package enum AbbreviatedVenue {
    static func apply(_ tokens: [ReferenceToken], labels: inout [String], known: Set<String>) {
        guard known.contains("journal"), tokens.count == labels.count, tokens.count > 2 else { return }
        let hasVenue = labels.contains { $0 == "journal" || $0 == "container-title" }
        if !hasVenue, let start = labels.firstIndex(of: "title") {
            var end = start
            while end + 1 < labels.count, labels[end + 1] == "title" { end += 1 }
            let after = end + 1 < labels.count ? labels[end + 1] : ""
            if end - start < 8, after == "volume" || after == "pages" || after == "date",
               (start...end).allSatisfy({ isAbbreviation(tokens[$0].text) }),
               (start...end).contains(where: { isJournalWord(tokens[$0].text) }) {
                for index in start...end { labels[index] = "journal" }
                return
            }
        }
        guard let first = labels.firstIndex(of: "journal"), first > 1, isAbbreviation(tokens[first].text) else { return }
        var index = first - 1
        var moved = 0
        while index > 0, moved < 3, labels[index] == "title" || labels[index] == "author", isCutJournalWord(tokens[index].text),
              endsWithPunctuation(tokens[index - 1].text) {
            labels[index] = "journal"
            moved += 1
            index -= 1
        }
    }

    /// A capitalised word of journal names cut short with a full stop ("Nucl.", "Phys."): not a whole word that ends
    /// a sentence ("Theory.", "Review.").
    static func isCutJournalWord(_ text: String) -> Bool {
        guard text.hasSuffix("."), let first = text.unicodeScalars.first, TokenTraits.isUpper(first) else { return false }
        let word = AuthorGuards.word(text)
        return !wholeWords.contains(word) && isJournalWord(text)
    }

    /// Words of journal names that are whole words, never abbreviations.
    static let wholeWords: Set<String> = [
        "journal", "proceedings", "transactions", "review", "reviews", "letters", "annals", "acta", "bulletin",
        "quarterly", "magazine", "research", "science", "sciences", "nature", "international", "american", "society",
        "conference", "symposium", "workshop", "congress", "meeting", "annual", "studies", "zeitschrift", "revue",
        "rivista", "archives", "plos", "one", "physical", "advances", "theory", "communications", "ecology",
        "economics", "psychology", "history", "methods", "plasma", "fluids", "photonics", "mathematik", "vestnik",
        "trudy", "izvestiya", "doklady", "журнал", "вестник", "известия", "доклады", "труды",
    ]

    /// A word of journal names ("Phys.", "Nucl", "Rev."), by the lexicon.
    static func isJournalWord(_ text: String) -> Bool {
        (Lexicon.entries[AuthorGuards.word(text)]?.categories ?? 0) & Lexicon.Category.journal != 0
    }

    /// A word of journal names, a capitalised word cut short with a full stop ("Instrum.", "Methods"-like words of
    /// the lexicon), or a series letter or numeral ("A", "B", "II").
    static func isAbbreviation(_ text: String) -> Bool {
        if isJournalWord(text) { return true }
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first, TokenTraits.isUpper(first) else { return false }
        let letters = scalars.filter(TokenTraits.isWordScalar)
        if letters.count <= 2, letters.count == scalars.count || (scalars.count == letters.count + 1 && (scalars.last == "," || scalars.last == ".")) {
            return letters.allSatisfy(TokenTraits.isUpper)  // "A", "B,", "II"
        }
        return scalars.last == "." && letters.count >= 2 && letters.count <= 8 && letters.count == scalars.count - 1
    }

    static func endsWithPunctuation(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last else { return false }
        return last == "," || last == "." || last == ";" || last == ":"
    }
}
