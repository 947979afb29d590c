/// A bracket inside a title holds the title's words, not the reference's place or date: "Alexandre le Grand … (actes
/// du colloque de Paris, 27-29 novembre 1997), Nanterre 1999" and "Curiosity Rover Report (August 2015): Three Years
/// on Mars!" were cut by the model at the bracket's place or date. A round bracket the model opened as title (its
/// first token is title), or one between two title tokens, is the title's up to its closing token when what the
/// model read inside it is only place and date and the reference has a date outside the bracket. A bracket holding
/// other fields ("(Doctoral dissertation, University X)", "(pp. 3–9)", "(Eds.)") is left alone.
enum BracketInTitle {
    /// The labels a bracket in a title may have been given that this rule takes back.
    static let placeOrDate: Set<String> = ["location", "date"]

    /// How many tokens a bracket may span (its opening and closing tokens included).
    static let longest = 10

    static func apply(_ tokens: [ReferenceToken], labels: inout [String], known: Set<String>) {
        guard known.contains("title"), tokens.count == labels.count else { return }
        var index = 0
        while index < tokens.count {
            guard opensUnclosed(tokens[index].text), let close = closing(tokens, from: index) else {
                index += 1
                continue
            }
            let inside = index...close
            let openedInTitle = labels[index] == "title" && index + 1 <= close
            let betweenTitles = index > 0 && labels[index - 1] == "title" && close + 1 < labels.count && labels[close + 1] == "title"
            // The reference keeps a date outside the bracket: a bracketed date that is the only one is the reference's
            // ("Mission permanente … (2008, mai 27). Discours …", APA's date after an author the model read as title).
            let dateOutside = labels[..<index].contains("date") || labels[(close + 1)...].contains("date")
            let others = inside.filter { labels[$0] != "title" }
            if openedInTitle || betweenTitles, !others.isEmpty, others.allSatisfy({ placeOrDate.contains(labels[$0]) }), dateOutside {
                for covered in inside { labels[covered] = "title" }
            }
            index = close + 1
        }
    }

    /// Whether `text` opens a round bracket it does not close.
    static func opensUnclosed(_ text: String) -> Bool {
        depth(text) > 0 && text.utf8.contains(UInt8(ascii: "("))
    }

    /// The token that closes the bracket `tokens[start]` opens, within `longest` tokens, or nil.
    static func closing(_ tokens: [ReferenceToken], from start: Int) -> Int? {
        var open = depth(tokens[start].text)
        var index = start + 1
        while index < tokens.count, index - start < longest {
            open += depth(tokens[index].text)
            if open <= 0 { return open == 0 ? index : nil }
            index += 1
        }
        return nil
    }

    /// Round brackets opened minus closed in `text`.
    static func depth(_ text: String) -> Int {
        // Over the contiguous bytes: iterating the `utf8` view cost about 30 instructions a byte.
        var text = text
        return text.withUTF8 { bytes in
            var result = 0
            for byte in bytes {
                if byte == UInt8(ascii: "(") { result += 1 } else if byte == UInt8(ascii: ")") { result -= 1 }
            }
            return result
        }
    }
}
