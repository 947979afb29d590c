/// A run of separators alone is no field: GOST's ". : Publisher" (the place left empty) had its ":" read as a
/// location of its own, a field with no text (an empty `publisher-place` in the output, and a wrong field counted
/// at the model's 0.97). Such a run (every token only full stops, commas, colons, semicolons, slashes, quotes,
/// brackets and one dash at most) joins the field before it, as the separator after a field's text is labelled in
/// training. Marks that are fields of their own stay: a run at the very start, dashes standing for the author of the
/// entry before ("———."), footnote marks ("*†"), "###".
enum LonePunctuation {
    static func apply(_ tokens: [ReferenceToken], labels: inout [String]) {
        guard tokens.count == labels.count else { return }
        var start = 1
        while start < labels.count {
            var end = start + 1
            while end < labels.count, labels[end] == labels[start] { end += 1 }
            if labels[start] != labels[start - 1], (start..<end).allSatisfy({ isSeparator(tokens[$0].text) }) {
                let before = labels[start - 1]
                for index in start..<end { labels[index] = before }
            }
            start = end
        }
    }

    /// The characters a separator token is made of (and invisible format characters such as U+200E).
    static let separators: Set<Unicode.Scalar> = [".", ",", ":", ";", "/", "\"", "'", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}",
                                                  "\u{201E}", "\u{AB}", "\u{BB}", "(", ")", "[", "]"]
    /// Dashes: one is a separator ("2001 – Title"), more stand for a name ("———.").
    static let dashes: Set<Unicode.Scalar> = ["-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}"]

    /// Whether `text` is a separator and nothing else.
    static func isSeparator(_ text: String) -> Bool {
        var dashCount = 0
        for scalar in text.unicodeScalars {
            if dashes.contains(scalar) {
                dashCount += 1
            } else if !separators.contains(scalar), scalar.properties.generalCategory != .format {
                return false
            }
        }
        return dashCount <= 1
    }
}
