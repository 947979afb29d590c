/// Where the title ends and the journal begins when no punctuation separates them, as in the Institute of Physics'
/// numeric style and many hand-made lists ("Doe J 2012 Bacterial small rna regulators Crit Rev Biochem Mol Biol 40
/// 93–113"). A title in sentence case ends on a lower-case word; the journal after it is a run of capitalised words,
/// abbreviations and the small words between them ("Progress in Human Geography") up to the volume. The boundary is
/// moved to the start of that run when:
/// - the model's title and venue are adjacent without punctuation between them (or it read no title at all), and a
///   volume, issue, pages or date follows the venue;
/// - the word before the run is a lower-case word that is not a small word ("… in Norway In Vivo" is left as the
///   model read it: a proper noun after "in" may end the title), or a code such as "B19" or "IgG";
/// - the title before the run is in sentence case (more lower-case words than capitalised ones after its first).
/// Title-case titles are left alone: there only a list of journals could tell.
enum SentenceCaseVenue {
    /// Small words inside journal names, lower-case.
    static let smallWords: Set<String> = [
        "of", "and", "the", "in", "for", "on", "to", "as", "at", "a", "an", "de", "des", "du", "la", "le", "et", "für", "und",
        "der", "die", "y", "di", "del", "della",
    ]

    /// Abbreviated words of journal names beyond the lexicon's, as ISO 4 and the NLM cut them ("Crit Rev Biochem Mol
    /// Biol", "J Immunol"): only what decides a title the model did not read, never a feature of the model.
    static let abbreviations: Set<String> = [
        "crit", "biochem", "immunol", "pathol", "microbiol", "virol", "pharmacol", "endocrinol", "oncol", "cardiol",
        "neurol", "psychiatr", "nurs", "pediatr", "surg", "gastroenterol", "hepatol", "dermatol", "ophthalmol",
        "epidemiol", "infect", "dis", "syst", "rep", "cell", "physiol", "anat", "zool", "bot", "entomol", "paleontol",
        "mineral", "petrol", "geochim", "cosmochim", "agric", "nutr", "vet", "radiol", "urol", "obstet", "gynecol",
        "toxicol", "biotechnol", "biomed", "inf", "inform", "manag", "educ", "philos", "hist", "polit", "sociol",
        "anthropol", "archaeol", "geogr", "health", "public", "cancer", "genome", "mar", "front", "curr", "opin",
    ]

    static func apply(_ tokens: [ReferenceToken], labels: inout [String], known: Set<String>) {
        guard known.contains("journal"), tokens.count == labels.count, tokens.count > 3 else { return }
        guard let venueStart = labels.firstIndex(where: { $0 == "journal" || $0 == "container-title" }) else { return }
        let venueLabel = labels[venueStart]
        var venueEnd = venueStart
        while venueEnd + 1 < labels.count, labels[venueEnd + 1] == venueLabel { venueEnd += 1 }
        guard venueEnd + 1 < labels.count, ["volume", "issue", "pages", "date"].contains(labels[venueEnd + 1]) else { return }
        // The run the title and the venue share: the title right before the venue, or the venue alone when the model
        // read no title.
        var start = venueStart
        if venueStart > 0, labels[venueStart - 1] == "title" {
            guard !endsWithSeparator(tokens[venueStart - 1].text, in: tokens, from: venueStart - 1, labels: labels) else { return }
            while start > 0, labels[start - 1] == "title" { start -= 1 }
        } else {
            guard !labels.contains("title") else { return }
        }
        // The venue: capitalised words, abbreviations and small words back from its end.
        var boundary = venueEnd + 1
        while boundary > start {
            let text = tokens[boundary - 1].text
            guard boundary - 1 == venueEnd || !(text.hasSuffix(",") || text.hasSuffix(":") || text.hasSuffix(";")) else { break }
            guard isVenueWord(text) || smallWords.contains(text) else { break }
            boundary -= 1
            // "In" opens the container ("… recurrent SOM In Proc. 2nd Int. Conf."): what comes before is the title's.
            if text == "In" || text == "In:" { break }
        }
        while boundary <= venueEnd, smallWords.contains(tokens[boundary].text) { boundary += 1 }
        // Without a title from the model, the title found must be a phrase of its own (three words or more).
        let shortest = labels[start] == "title" ? 2 : 3
        guard boundary <= venueEnd, boundary - start >= shortest, boundary != venueStart,
              endsTitle(tokens[boundary - 1].text), isSentenceCase(tokens[start..<boundary].map(\.text)) else { return }
        // A journal the model opened with an abbreviation ("… in the family Ranidae Syst Biol") keeps its start: the
        // capitalised word before an abbreviated name is the title's own (a taxon, a place).
        if boundary < venueStart {
            let opening = tokens[venueStart].text
            guard !(isAbbreviatedJournalWord(opening) && !AbbreviatedVenue.wholeWords.contains(AuthorGuards.word(opening))) else { return }
        }
        // What the venue gives up to the title is words, no numbers; without a title from the model, what stays the
        // venue must be words of journal names ("Crit Rev Biochem Mol Biol"), not any capitalised word.
        if boundary > venueStart {
            guard !(venueStart..<boundary).contains(where: { tokens[$0].text.contains(where: \.isNumber) }) else { return }
        }
        // Unless what goes to the title reads as a sentence-case phrase of its own: two lower-case words at least
        // that are not small words ("Paleo-perspectives on ocean acidification Trends Ecol Evol").
        if labels[start] != "title" {
            let lowerWords = tokens[start..<boundary].filter { token in
                guard let head = token.text.unicodeScalars.first else { return false }
                return head.properties.isLowercase && !smallWords.contains(AuthorGuards.word(token.text))
            }.count
            let allJournalWords = (boundary...venueEnd).allSatisfy { isAbbreviatedJournalWord(tokens[$0].text) || smallWords.contains(tokens[$0].text) }
            // An acronym the lexicon does not know ends the title rather than opening the venue ("… in supercoiled
            // DNA J Mol Biol").
            let opening = tokens[boundary].text.unicodeScalars.filter { TokenTraits.isWordScalar($0) }
            let acronym = opening.count >= 2 && opening.allSatisfy { TokenTraits.isUpper($0) || $0.properties.numericType != nil }
                && !isAbbreviatedJournalWord(tokens[boundary].text)
            guard allJournalWords || (lowerWords >= 2 && !acronym) else { return }
        }
        for index in start..<boundary { labels[index] = "title" }
        for index in boundary...venueEnd { labels[index] = venueLabel }
    }

    /// Whether the title's last token ends with punctuation that separates it from the venue. An apostrophe after a
    /// word ("Achilles’") separates only when the title opened a quotation with one.
    static func endsWithSeparator(_ text: String, in tokens: [ReferenceToken], from last: Int, labels: [String]) -> Bool {
        guard let scalar = text.unicodeScalars.last, !TokenTraits.isWordScalar(scalar) else { return false }
        if scalar == "’" || scalar == "'" {
            var index = last
            while index >= 0, labels[index] == "title" {
                if let first = tokens[index].text.unicodeScalars.first, first == "‘" || first == "'" { return true }
                index -= 1
            }
            return false
        }
        return scalar != "+"
    }

    /// A word of a journal's name: capitalised ("Cancer", "Zeitschrift", "Franco-Italian"), an abbreviation ("Rev.",
    /// "J", "Biochem"), an acronym of up to six capitals ("IEEE", "ACM"), or "&".
    static func isVenueWord(_ text: String) -> Bool {
        if text == "&" || isOrdinal(text) { return true }
        guard let head = text.unicodeScalars.first, TokenTraits.isUpper(head) else { return false }
        if AbbreviatedVenue.isJournalWord(text) { return true }
        var scalars = Array(text.unicodeScalars)
        if scalars.last == "." || scalars.last == "," { scalars.removeLast() }
        guard let first = scalars.first, TokenTraits.isUpper(first), scalars.allSatisfy({ TokenTraits.isWordScalar($0) || $0 == "-" }),
              !scalars.contains(where: { $0.properties.numericType != nil }) else { return false }
        let rest = scalars.dropFirst()
        if rest.allSatisfy({ !TokenTraits.isUpper($0) }) { return true }
        // "Franco-Italian": capitalised parts joined by hyphens.
        if rest.allSatisfy(TokenTraits.isUpper) { return scalars.count <= 6 }
        return text.split(separator: "-").allSatisfy { part in
            guard let head = part.unicodeScalars.first else { return false }
            return TokenTraits.isUpper(head) && part.unicodeScalars.dropFirst().allSatisfy { !TokenTraits.isUpper($0) }
        }
    }

    /// A word of journal names by the lexicon or `abbreviations`.
    static func isAbbreviatedJournalWord(_ text: String) -> Bool {
        AbbreviatedVenue.isJournalWord(text) || abbreviations.contains(AuthorGuards.word(text))
    }

    /// "18th", "2nd", "10nth": the number of a conference in its name.
    static func isOrdinal(_ text: String) -> Bool {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard (1...3).contains(digits.count) else { return false }
        return ["st", "nd", "rd", "th", "nth"].contains(text.dropFirst(digits.count).lowercased())
    }

    /// A title's last word: lower-case and not a small word, or a code of letters and digits or inner capitals
    /// ("B19", "IgG", "CD4+").
    static func endsTitle(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars.filter { TokenTraits.isWordScalar($0) })
        guard let first = scalars.first else { return false }
        if first.properties.isLowercase { return !smallWords.contains(text) && scalars.count >= 2 }
        // A code is letters and digits alone ("B19", "IgG", "CD4+"), not words glued by extraction ("Bangladesh.P").
        guard !isOrdinal(text), text.unicodeScalars.allSatisfy({ TokenTraits.isWordScalar($0) || $0 == "+" || $0 == "-" }) else { return false }
        let digits = scalars.contains { $0.properties.numericType != nil }
        let innerCapital = scalars.dropFirst().contains(where: TokenTraits.isUpper) && scalars.contains { $0.properties.isLowercase }
        return digits || innerCapital
    }

    /// More lower-case words than capitalised ones after the first word (small words and codes aside).
    static func isSentenceCase(_ words: [String]) -> Bool {
        var lower = 0, upper = 0
        for word in words.dropFirst() {
            guard !smallWords.contains(word), let first = word.unicodeScalars.first(where: { TokenTraits.isWordScalar($0) }) else { continue }
            if first.properties.isLowercase { lower += 1 } else if TokenTraits.isUpper(first) { upper += 1 }
        }
        return lower > upper
    }
}
