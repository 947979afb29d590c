import DossierText

/// Words the model may take for names but that are never people: a status ("(in press)", "submitted") or a
/// "(with A. Berg)" credit, whose list leaves out the author it is written by. Such tokens become `note`, so no
/// author is made up from them; the raw text keeps them. A venue tag ("InfVis'23.", "CHI ’19", as publication pages
/// open an entry with) is never a name either: it is the venue when the model found none, else `note`.
package enum AuthorGuards {
    static func apply(_ tokens: [ReferenceToken], labels: inout [String], known: Set<String>) {
        guard known.contains("note"), labels.contains(where: { $0 == "author" || $0 == "editor" }) else { return }
        // The words of the author and editor tokens and the few after them, made when first asked for: most tokens
        // are never looked at.
        var words = [String?](repeating: nil, count: tokens.count)
        func wordAt(_ position: Int) -> String {
            if let known = words[position] { return known }
            let made = word(tokens[position].text)
            words[position] = made
            return made
        }
        let venueLabel = known.contains("container-title") && !labels.contains(where: { $0 == "journal" || $0 == "container-title" })
            ? "container-title" : "note"
        var index = 0
        while index < tokens.count {
            guard labels[index] == "author" || labels[index] == "editor" else { index += 1; continue }
            if let length = venueTag(at: index, tokens) {
                for covered in index..<min(index + length, tokens.count) { labels[covered] = venueLabel }
                index += length
                continue
            }
            if mayOpenPhrase(tokens[index].text), let length = statusPhrase(at: index, count: tokens.count, word: wordAt) {
                for covered in index..<min(index + length, tokens.count) { labels[covered] = "note" }
                index += length
                continue
            }
            if tokens[index].text.hasPrefix("("), wordAt(index) == "with" {
                var end = index
                while end < tokens.count, labels[end] == labels[index] {
                    end += 1
                    if tokens[end - 1].text.contains(")") { break }
                }
                for covered in index..<end { labels[covered] = "note" }
                index = end
                continue
            }
            index += 1
        }
    }

    /// The status phrases, as words.
    static let phrases: [[String]] = [
        ["in", "press"], ["forthcoming"], ["to", "appear"], ["under", "review"], ["in", "review"], ["submitted"],
        ["accepted"], ["in", "preparation"], ["in", "prep"], ["sous", "presse"], ["im", "druck"],
    ]

    /// False only when the token's word cannot open a status phrase: an ASCII token whose first letter or digit is
    /// none of the phrases' first letters (i f t u s a), or that has none. Other tokens go to `statusPhrase`.
    static func mayOpenPhrase(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for byte in bytes {
                if byte >= 0x80 { return true }
                let lower = byte | 0x20
                if (byte >= 0x30 && byte <= 0x39) || (lower >= 0x61 && lower <= 0x7A) {
                    return lower == 0x69 || lower == 0x66 || lower == 0x74 || lower == 0x75 || lower == 0x73 || lower == 0x61
                }
            }
            return false
        }
    }

    /// The number of tokens of the status phrase starting at `index` (in the tokens' `words`), if one does.
    static func statusPhrase(at index: Int, count: Int, word: (Int) -> String) -> Int? {
        // Every phrase is matched from its first word: the token's word, made once, picks the phrases to try.
        let first = word(index)
        for phrase in phrases where index + phrase.count <= count && phrase[0] == first {
            if phrase.indices.dropFirst().allSatisfy({ word(index + $0) == phrase[$0] }) { return phrase.count }
        }
        return nil
    }

    /// The number of tokens (1 or 2) of a venue tag starting at `index`: an acronym-like word of two or more letters
    /// with at least two capitals, then an apostrophe and a two-digit year, glued ("InfVis'23.", "ICML’19,") or as a
    /// token of its own ("CHI ’19").
    static func venueTag(at index: Int, _ tokens: [ReferenceToken]) -> Int? {
        func isYear(_ text: Substring) -> Bool {
            var body = text
            while let last = body.last, last == "." || last == "," || last == ":" || last == ";" || last == ")" { body = body.dropLast() }
            guard let mark = body.first, mark == "'" || mark == "’" else { return false }
            let digits = body.dropFirst()
            return digits.count == 2 && digits.allSatisfy { $0.isASCII && $0.isNumber }
        }
        func isAcronym(_ text: Substring) -> Bool {
            var body = text
            if let first = body.first, first == "(" || first == "[" { body = body.dropFirst() }
            let capitals = body.filter(\.isUppercase).count
            return body.count >= 2 && body.count <= 12 && capitals >= 2 && body.first?.isUppercase == true
                && body.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
        }
        // Both shapes need an apostrophe in this token or the next: most author tokens are spared the rest.
        // "'" or the UTF-8 of "’" (E2 80 99), in one pass over the bytes.
        func holdsMark(_ text: String) -> Bool {
            var text = text
            return text.withUTF8 { bytes in
                for index in bytes.indices where bytes[index] == 0x27
                    || (bytes[index] == 0x99 && index >= 2 && bytes[index - 1] == 0x80 && bytes[index - 2] == 0xE2) { return true }
                return false
            }
        }
        guard holdsMark(tokens[index].text) || index + 1 < tokens.count && holdsMark(tokens[index + 1].text) else { return nil }
        let text = Substring(tokens[index].text)
        if let mark = text.firstIndex(where: { $0 == "'" || $0 == "’" }), mark > text.startIndex {
            return isAcronym(text[..<mark]) && isYear(text[mark...]) ? 1 : nil
        }
        if index + 1 < tokens.count, isAcronym(text), isYear(Substring(tokens[index + 1].text)) { return 2 }
        return nil
    }

    /// Lowercased, punctuation at both ends removed: the scalars of the lowercased text from its first word scalar
    /// to its last.
    static func word(_ text: String) -> String {
        let scalars = text.lowercasedFast().unicodeScalars
        guard let first = scalars.firstIndex(where: TokenTraits.isWordScalar),
              let last = scalars.lastIndex(where: TokenTraits.isWordScalar) else { return "" }
        return String(scalars[first...last])
    }
}
