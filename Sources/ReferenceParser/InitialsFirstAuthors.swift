import DossierText

/// In a list of authors written initials first ("B. Hall, T.W. Allen – J. Kalff"), every author has an initial. The
/// model sometimes runs the names on into a short title-case title that has no other separator than a comma, as
/// humanities lists cite books ("B. Hall, Epic Singers, Gloucester Mass. 1972", "K.C. King, Achilles. Paradigms of
/// the Hero…", "T.W. Allen, Homeri Opera V, Oxford 1912"): the first chunk between commas with no initial ends the
/// authors. When the model found a title right after the run, that one chunk joins it; when it found none, the run
/// must end on a place right before the year ("…, Oxford 1912", no comma between, nothing but pages after): the chunks
/// before the place are the title and the place the location. Only the first author run, only when the reference has
/// no other title.
enum InitialsFirstAuthors {
    static func apply(_ tokens: [ReferenceToken], labels: inout [String], known: Set<String>) {
        guard known.contains("title"), known.contains("location"), tokens.count == labels.count,
              let start = labels.firstIndex(of: "author"), labels[..<start].allSatisfy({ $0 == "citation-number" }),
              start + 3 < tokens.count, DanglingAuthor.isDottedInitials(tokens[start].text) else { return }
        var end = start
        while end < labels.count, labels[end] == "author" { end += 1 }
        var titleEnd = end
        while titleEnd < labels.count, labels[titleEnd] == "title" { titleEnd += 1 }
        guard end < tokens.count, !labels[titleEnd...].contains("title"),
              let cut = firstChunkWithoutInitial(tokens, from: start, to: end),
              // No name after it ("J. Smith, Mary Doe, K. Lee, Title" keeps its names).
              !tokens[cut..<end].contains(where: { hasInitial($0.text) }) else { return }
        if titleEnd > end {
            // "K.C. King, Achilles. Paradigms of the Hero": one chunk, then the title the model found, which a quoted
            // title is not the rest of ("J. B. Smith, Forrest Smith. “ABC…”").
            guard lastChunkStart(tokens, from: cut, to: end) == nil, !opensWithQuote(tokens[end].text) else { return }
            for index in cut..<end { labels[index] = "title" }
            return
        }
        // No title: "…, Gloucester Mass. 1972": a title chunk, then a place right before the year (no comma between,
        // no bracket), then nothing but pages. A run with a venue after it ("D. Drezner, Washington Post (2016)") is
        // left alone.
        guard !labels.contains("location"), labels[end] == "date", ReferenceParser.isPlainYear(tokens[end].text),
              isCapitalized(tokens[end - 1].text), !tokens[end - 1].text.hasSuffix(","),
              !tokens[end].text.hasPrefix("("), labels[(end + 1)...].allSatisfy({ $0 == "pages" || $0 == "date" }),
              let place = lastChunkStart(tokens, from: cut, to: end), place > cut, end - place <= 4,
              tokens[place..<end].allSatisfy({ isPlaceWord($0.text) }) else { return }
        for index in cut..<place { labels[index] = "title" }
        for index in place..<end { labels[index] = "location" }
    }

    /// The first token of the first chunk after the first author (chunks end at a comma or at a word ending in a
    /// full stop that is not an initial) that has no initial and opens with a capitalised word that is no keyword,
    /// suffix or collaboration; nil when every chunk is a name, or a chunk is something else (an editors' mark, names
    /// joined by "and").
    static func firstChunkWithoutInitial(_ tokens: [ReferenceToken], from start: Int, to end: Int) -> Int? {
        var chunkStart = start
        var first = true
        for index in start..<end {
            let text = tokens[index].text
            guard index + 1 == end || text.hasSuffix(",") || text.hasSuffix(";") || (text.hasSuffix(".") && !hasInitial(text)) else { continue }
            let chunk = tokens[chunkStart...index]
            let named = chunk.contains { hasInitial($0.text) }
            if first {
                // The first author: initials, then a family name.
                guard named, index > chunkStart else { return nil }
                first = false
            } else if !named {
                let head = chunk.first?.text ?? ""
                guard isCapitalized(head), Lexicon.keywords[AuthorGuards.word(head)] == nil,
                      !chunk.contains(where: { joinsNames($0.text) || Collaborations.isCollaborationWord($0.text) }) else { return nil }
                return chunkStart
            }
            chunkStart = index + 1
        }
        return nil
    }

    /// Whether a token holds an initial: a capital before a full stop ("B.", "J-L.", "D.Rubin", "andD."), a capital
    /// and a hyphen ("J-L"), or one to three capitals alone ("C", "MV.", "JL,").
    static func hasInitial(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        for index in scalars.indices.dropLast() where TokenTraits.isUpper(scalars[index]) {
            if scalars[index + 1] == "." || scalars[index + 1] == "-" { return true }
        }
        let letters = scalars.filter { $0.properties.isAlphabetic }
        return !letters.isEmpty && letters.count <= 3 && letters.allSatisfy(TokenTraits.isUpper)
            && scalars.allSatisfy { $0.properties.isAlphabetic || $0 == "." || $0 == "," || $0 == ";" }
    }

    /// "and", "&", "und", "et", "e", "y": a chunk holding one is names.
    static func joinsNames(_ text: String) -> Bool {
        ["and", "&", "und", "et", "e", "y"].contains(AuthorGuards.word(text)) || text == "&"
    }

    /// Whether `text` opens with a quotation mark.
    static func opensWithQuote(_ text: String) -> Bool {
        guard let head = text.unicodeScalars.first else { return false }
        return ["\"", "'", "\u{201C}", "\u{2018}", "\u{AB}", "\u{201E}", "`"].contains(head)
    }

    /// The first token of the last chunk (after the last comma) of `from..<to`, or nil when it has no comma.
    static func lastChunkStart(_ tokens: [ReferenceToken], from start: Int, to end: Int) -> Int? {
        guard let comma = tokens[start..<end].lastIndex(where: { $0.text.hasSuffix(",") }), comma + 1 < end else { return nil }
        return comma + 1
    }

    /// A word of a place's name: capitalised, no digit, no keyword ("Gloucester", "Mass.", "Ithaca-London"), or a
    /// word joining two places ("and", "am", "–").
    static func isPlaceWord(_ text: String) -> Bool {
        if ["and", "am", "–", "-", "e", "und"].contains(text) { return true }
        guard isCapitalized(text), Lexicon.keywords[AuthorGuards.word(text)] == nil else { return false }
        return !text.unicodeScalars.contains { $0.properties.numericType != nil }
    }

    /// Whether the first letter of `text` is a capital.
    static func isCapitalized(_ text: String) -> Bool {
        guard let head = text.unicodeScalars.first(where: { $0.properties.isAlphabetic }) else { return false }
        return TokenTraits.isUpper(head)
    }
}
