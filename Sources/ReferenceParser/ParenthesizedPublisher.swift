import DossierText

/// A book's publisher in brackets after its title, as the Institute of Physics' style and many lists print it
/// ("Doe J 2009 Honte, culpabilité et traumatisme (Dunod)", "… Nap-of-the-Earth flight (NASA)", "… Essays (MIT Press)
/// pp 141–85"), read by the model as the end of the title. The bracket becomes the publisher when it closes the title,
/// nothing but pages follows, the year came before the title, the reference has no venue and no publisher, and the
/// bracket holds a name: one to six capitalised words or acronyms (small words between them), no digits, no lower-case
/// word ("(PhD thesis)", "(ET blue book)" and "(P504S)" stay in the title), and one word alone of four letters or more
/// ("(DL)" may be the title's own acronym).
enum ParenthesizedPublisher {
    static func apply(_ tokens: [ReferenceToken], labels: inout [String], known: Set<String>) {
        guard known.contains("publisher"), tokens.count == labels.count, tokens.count > 3,
              !labels.contains(where: { $0 == "publisher" || $0 == "journal" || $0 == "container-title" }),
              let end = labels.lastIndex(of: "title"), tokens[end].text.hasSuffix(")") || tokens[end].text.hasSuffix(")."),
              end + 1 == labels.count || labels[end + 1] == "pages" else { return }
        var open = end
        while open >= 0, labels[open] == "title", !tokens[open].text.hasPrefix("(") { open -= 1 }
        // The year comes before the title, as in the styles that bracket the publisher ("Doe J 2009 Title (Dunod)"); a
        // bracket before the year is the title's own ("About graft versus host disease (GVHD). 2014").
        guard open > 0, labels[open] == "title", labels[open - 1] == "title", end - open < 6, labels[..<open].contains("date"),
              !tokens[open - 1].text.hasSuffix("("),
              // One bracket: no other opens or closes inside.
              !tokens[open...end].dropFirst().contains(where: { $0.text.contains("(") }),
              !tokens[open..<end].contains(where: { $0.text.contains(")") }) else { return }
        let words = tokens[open...end].map { $0.text.trimmingASCII("().,") }.filter { !$0.isEmpty }
        guard !words.isEmpty, words.allSatisfy(isNameWord), let first = words.first, !SentenceCaseVenue.smallWords.contains(first),
              words.count >= 2 || first.unicodeScalars.filter(TokenTraits.isWordScalar).count >= 4 else { return }
        for index in open...end { labels[index] = "publisher" }
    }

    /// A word of a publisher's name: capitalised or an acronym ("Dunod", "MIT", "Addison-Wesley", "L’Harmattan"), or a
    /// small word between such words ("and", "of", "&").
    static func isNameWord(_ word: String) -> Bool {
        if word == "&" || SentenceCaseVenue.smallWords.contains(word) { return true }
        guard let head = word.unicodeScalars.first, TokenTraits.isUpper(head) else { return false }
        return !word.unicodeScalars.contains { $0.properties.numericType != nil }
    }
}
