import DossierText

/// ISBD punctuation as GOST (and other Russian, Ukrainian and Polish styles) writes it: "Title // Journal. 2007.
/// Т. 450, № 2. С. 1214–1217." Three readings of it are corrected:
/// - a title run that goes on past a lone "//" ends there: what follows is the container (the journal when a volume
///   or issue marker follows it, else the book or proceedings);
/// - a volume or issue marker ("Т.", "Vol.", "№", "Bd.") and its number labelled pages, before a pages marker
///   ("С.", "pp.") that is also labelled pages, are the volume;
/// - in a reference with no date, a year labelled volume right before a volume marker is the date.
package enum ISBDSeparators {
    static func apply(_ tokens: [ReferenceToken], labels: inout [String], known: Set<String>) {
        guard tokens.count == labels.count, known.contains("journal"), known.contains("container-title") else { return }
        let volumeKeyword = keyword("volume"), numberKeyword = keyword("number"), pagesKeyword = keyword("pages")
        func keywordOf(_ index: Int) -> UInt8 {
            let word = AuthorGuards.word(tokens[index].text)
            return word.isEmpty ? Lexicon.symbolKeyword(tokens[index].text) : Lexicon.entries[word]?.keyword ?? 0
        }
        func isMarker(_ index: Int) -> Bool { let found = keywordOf(index); return found == volumeKeyword || found == numberKeyword }
        if let slash = tokens.firstIndex(where: { $0.text == "//" }), slash > 0, slash + 1 < tokens.count,
           labels[slash + 1] == "title", labels[slash] == "title" || labels[slash - 1] == "title" {
            var end = slash + 1
            while end < labels.count, labels[end] == "title" { end += 1 }
            let marked = (end..<min(tokens.count, end + 4)).contains(where: isMarker)
            for index in (slash + 1)..<end { labels[index] = marked ? "journal" : "container-title" }
        }
        if known.contains("pages"), known.contains("volume") {
            for index in tokens.indices.dropLast() where labels[index] == "pages" && isMarker(index)
                && labels[index + 1] == "pages" && tokens[index + 1].text.contains(where: \.isNumber) {
                let laterPages = ((index + 2)..<tokens.count).contains { labels[$0] == "pages" && keywordOf($0) == pagesKeyword }
                if laterPages {
                    labels[index] = "volume"
                    labels[index + 1] = "volume"
                }
            }
        }
        if known.contains("date"), !labels.contains("date") {
            for index in tokens.indices.dropLast() where labels[index] == "volume" && isYear(tokens[index].text)
                && keywordOf(index + 1) == volumeKeyword {
                labels[index] = "date"
                break
            }
        }
    }

    /// "1969", "1969.", "(1969)": a year between 1500 and 2039.
    static func isYear(_ text: String) -> Bool {
        let word = AuthorGuards.word(text)
        guard word.count == 4, let value = Int(word) else { return false }
        return value >= 1500 && value <= 2039
    }

    static func keyword(_ category: String) -> UInt8 {
        UInt8((Lexicon.keywordCategories.firstIndex(of: category) ?? -1) + 1)
    }
}
