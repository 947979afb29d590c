import DossierText

/// A title's last sentence that the model could not tell from a venue ("… bat wings. Scientific Reports."): when
/// the reference has no venue at all and every token of that sentence was labelled title with low confidence,
/// it is the journal. The model's own doubt, not a word list, picks the references this touches.
package enum UncertainVenue {
    /// Below this confidence a title token counts as doubtful.
    static let doubt = 0.5

    static func apply(_ tokens: [ReferenceToken], labels: inout [String], confidence: [Double], known: Set<String>) {
        guard known.contains("journal"), confidence.count == labels.count,
              !labels.contains(where: { $0 == "journal" || $0 == "container-title" || $0 == "publisher" }),
              let last = labels.lastIndex(of: "title") else { return }
        var start = last
        while start > 0, labels[start - 1] == "title", !TokenTraits.closesUnit(tokens[start - 1].text) { start -= 1 }
        guard start > 0, labels[start - 1] == "title", last - start < 8,
              (start...last).allSatisfy({ confidence[$0] < doubt }),
              let first = tokens[start].text.unicodeScalars.first, first.properties.isUppercase else { return }
        for index in start...last { labels[index] = "journal" }
    }
}
