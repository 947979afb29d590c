import DossierText

/// Translators named after the title, as humanities references do: "Title. Trans. Paul B. Burrell and Edgar M.
/// Slotkin.", "Translated by Brian Massumi.", "tr. W. Rehg", "Trad. fr. par Maurice de Gandillac.", "Übersetzt von
/// J. G. Jancke.", or the mark after the names ("Hanson, S. (trans.)."). The model reads such a run of names as
/// editors; a run labelled editor that opens with a translator's mark, or closes with a bracketed one, is the
/// translator (the mark with it, as AnyStyle labels it). A run that opens with an editor's mark ("Ed. and trans.
/// X") is left to the editors.
package enum Translators {
    /// Marks that open a run of translators by themselves ("Trans.", "tr."), lowercased, trailing ",:" removed.
    static let openingMarks: Set<String> = ["trans.", "tr.", "transl.", "trad.", "übers."]
    /// First words that open it with "by"/"von"/"par" after them ("Translated by").
    static let openingWords: [String: Set<String>] = [
        "translated": ["by"], "übersetzt": ["von"], "traduit": ["par"], "traduction": ["de", "par"], "trad.": ["par"],
    ]
    /// Bracketed marks that close it ("(trans.)").
    static let closingMarks: Set<String> = ["(trans.)", "(tr.)", "(transl.)", "(trad.)", "(übers.)"]

    static func apply(_ tokens: [ReferenceToken], labels: inout [String], known: Set<String>) {
        guard known.contains("translator"), tokens.count == labels.count else { return }
        var start = 0
        while start < labels.count {
            guard labels[start] == "editor" else {
                start += 1
                continue
            }
            var end = start
            while end + 1 < labels.count, labels[end + 1] == "editor" { end += 1 }
            if opensRun(tokens, at: start, end: end) || (end > start && closingMarks.contains(word(tokens[end].text, trimming: ".,;:"))) {
                for index in start...end { labels[index] = "translator" }
            }
            start = end + 1
        }
    }

    /// Whether the run `start...end` opens with a translator's mark followed by at least one name.
    static func opensRun(_ tokens: [ReferenceToken], at start: Int, end: Int) -> Bool {
        let first = word(tokens[start].text, trimming: ",:")
        if openingMarks.contains(first) { return end > start }
        if let next = openingWords[first], start + 1 < end {
            if next.contains(word(tokens[start + 1].text, trimming: ",:")) { return true }
            // "Trad. fr. par", "Trad. de l'anglais par": a language between the mark and "par"
            return first == "trad." && start + 2 < end && word(tokens[start + 2].text, trimming: ",:") == "par"
        }
        return false
    }

    /// `text` lowercased, without the trailing characters in `trailing` ("(trans.)." → "(trans.)" with ".").
    static func word(_ text: String, trimming trailing: String) -> String {
        var lowered = text.lowercased()
        while let last = lowered.last, trailing.contains(last) { lowered.removeLast() }
        return lowered
    }
}
