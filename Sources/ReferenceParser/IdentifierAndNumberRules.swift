import DossierText

/// Three corrections about shapes the model is unsure of: the initials that end an author list in a colon
/// ("Lovelace, J.T.: A title", Springer LNCS and DIN) are the author's; an arXiv identifier (and its subject class)
/// is never a venue (it is `note`; the builder reads the identifier from the whole string); and a lone number after
/// "Journal, 11," is the page or article number when the reference has no pages ("Frontiers in Neural Circuits,
/// 11, 32."). (A rule that took a doubtful publisher right after the title as the venue was made for the model
/// trained on rendered styles; with the model that ships it turned a book's publisher, "Routledge", into a
/// journal, and was taken out.)
package enum IdentifierAndNumberRules {
    /// The four in their order (the parser runs them one by one, so that each has its own fitted confidence).
    static func apply(_ tokens: [ReferenceToken], labels: inout [String], confidence: [Double], known: Set<String>) {
        arxivAsNote(tokens, labels: &labels, known: known)
        initialsBeforeColon(tokens, labels: &labels, known: known)
        loneNumberAsPages(tokens, labels: &labels, known: known)
        yearEndingVenue(tokens, labels: &labels, known: known)
    }

    /// An arXiv identifier (and its subject class) read as anything but an identifier (a venue, a title, pages, a
    /// date) is `note`.
    static func arxivAsNote(_ tokens: [ReferenceToken], labels: inout [String], known: Set<String>) {
        guard tokens.count == labels.count, known.contains("note") else { return }
        // Every change below needs a token that may hold an arXiv id or is the "[arXiv:" before one (which holds
        // "arxiv"): one byte scan per token spares the rest of the references.
        guard tokens.contains(where: { Identifiers.mayHoldArxiv($0.text) }) else { return }
        for index in tokens.indices where labels[index] != "note" && labels[index] != "url" && labels[index] != "doi" {
            if isArxivID(tokens[index].text) { labels[index] = "note" }
            // A bracketed prefix the tokenizer split from its number ("[arXiv:" "0905.2970"), and that number.
            else if isSplitArxivPrefix(tokens, at: index) || (index > 0 && isSplitArxivPrefix(tokens, at: index - 1)) { labels[index] = "note" }
            // Its subject class right after it ("arXiv:2405.01234 [cs.IR]") goes with it.
            else if index > 0, labels[index - 1] == "note",
                    isArxivID(tokens[index - 1].text) || (index > 1 && isSplitArxivPrefix(tokens, at: index - 2)),
                    isArxivCategory(tokens[index].text) { labels[index] = "note" }
        }
    }

    /// "…, Lovelace, J.T.: Cell migration: …" (Springer LNCS, DIN): the last author's initials end in the colon that
    /// opens the title; they are the author's, not the title's first word.
    static func initialsBeforeColon(_ tokens: [ReferenceToken], labels: inout [String], known: Set<String>) {
        guard tokens.count == labels.count else { return }
        if let first = labels.firstIndex(of: "title"), first > 0, labels[first - 1] == "author", isInitialsBeforeColon(tokens[first].text) {
            labels[first] = "author"
        }
    }

    /// "Frontiers in Neural Circuits, 11, 32.": in a reference without pages, the second of two bare numbers read
    /// as volume is the page or article number — but not before a bracketed month ("Proceedings of the IEEE 63, 9
    /// (September 1975)", ACM's volume, issue and dated issue).
    static func loneNumberAsPages(_ tokens: [ReferenceToken], labels: inout [String], known: Set<String>) {
        guard tokens.count == labels.count else { return }
        if known.contains("pages"), !labels.contains("pages"), let last = labels.lastIndex(of: "volume"), last > 0,
           labels[last - 1] == "volume", tokens[last - 1].text.hasSuffix(","),
           isBareNumber(tokens[last].text), isBareNumber(String(tokens[last - 1].text.dropLast())),
           !opensMonthBracket(tokens, at: last + 1) {
            labels[last] = "pages"
        }
    }

    /// "In Proceedings of ACL 2024, pages 2210–2224.": in a reference with no date, a year that ends the venue's
    /// run (after at least two words of it, followed by the run's end) is the date.
    static func yearEndingVenue(_ tokens: [ReferenceToken], labels: inout [String], known: Set<String>) {
        guard tokens.count == labels.count, known.contains("date"), !labels.contains("date") else { return }
        for index in tokens.indices.dropFirst(2) where labels[index] == "container-title" || labels[index] == "journal" {
            let label = labels[index]
            guard labels[index - 1] == label, labels[index - 2] == label,
                  index + 1 == tokens.count || labels[index + 1] != label else { continue }
            var text = Substring(tokens[index].text)
            if let last = text.last, last == "," || last == "." { text = text.dropLast() }
            guard text.count == 4, text.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(text),
                  (1800...2099).contains(year) else { continue }
            labels[index] = "date"
            return
        }
    }

    /// A token that is an arXiv id passing the arXiv pattern: "arXiv:2405.01234" (its dot maybe spaced, which the
    /// tokenizer joins), or an old-style id standing alone ("hep-th/9711200,").
    static func isArxivID(_ text: String) -> Bool {
        // Both answers need `Identifiers.arxiv` to find an id, which it cannot where `mayHoldArxiv` says so.
        guard Identifiers.mayHoldArxiv(text) else { return false }
        let lowered = text.lowercasedFast()
        if lowered.hasPrefix("arxiv:") { return Identifiers.arxiv(in: text) != nil }
        guard text.containsBytes("/"), !lowered.hasPrefix("http"), let id = Identifiers.arxiv(in: text) else { return false }
        return text.drop(while: { $0 == "(" || $0 == "[" }).hasPrefix(id)
    }

    /// Whether `tokens[index]` opens a bracket with a month name ("(September", "(Sept.").
    static func opensMonthBracket(_ tokens: [ReferenceToken], at index: Int) -> Bool {
        guard index < tokens.count, tokens[index].text.hasPrefix("(") else { return false }
        let word = tokens[index].text.dropFirst().prefix(while: { $0.isLetter })
        return !word.isEmpty && Lexicon.months.contains(String(word).lowercased())
    }

    /// Whether `tokens[index]` is "arXiv:" opened by a bracket ("[arXiv:", "(arXiv:") and the token after it a number
    /// that makes an arXiv id with it: "[7] … (2010) [arXiv:0905.2970 [hep-th]]", read as a title when no other was.
    static func isSplitArxivPrefix(_ tokens: [ReferenceToken], at index: Int) -> Bool {
        guard index + 1 < tokens.count, tokens[index].text.utf8.count == 7,
              let open = tokens[index].text.utf8.first, open == UInt8(ascii: "[") || open == UInt8(ascii: "(") else { return false }
        let prefix = tokens[index].text.lowercasedFast()
        guard prefix.hasSuffix("arxiv:"), let first = tokens[index + 1].text.utf8.first, first >= 48, first <= 57 else { return false }
        return Identifiers.arxiv(in: "arXiv:" + tokens[index + 1].text) != nil
    }

    /// "[cs.IR]", "[hep-th]", "[math.AG]." — an arXiv subject class in brackets (and the bracket around the id that
    /// it closes: "[hep-th]].", "[hep-th])").
    static func isArxivCategory(_ text: String) -> Bool {
        var body = Substring(text)
        if let last = body.last, last == "." || last == "," { body = body.dropLast() }
        if body.hasSuffix("]]") || body.hasSuffix("])") { body = body.dropLast() }
        guard body.count >= 4, body.count <= 20, body.first == "[", body.last == "]" else { return false }
        let inner = body.dropFirst().dropLast()
        return inner.first?.isLowercase == true && inner.allSatisfy { $0.isASCII && ($0.isLetter || $0 == "." || $0 == "-") }
    }

    /// "J.T.:", "A.:", "J.-P.:" — initials, each with its full stop, then a colon.
    static func isInitialsBeforeColon(_ text: String) -> Bool {
        guard text.count >= 3, text.count <= 12, text.hasSuffix(".:") else { return false }
        var expectLetter = true
        for character in text.dropLast() {
            if expectLetter {
                if character == "-" { continue }  // "J.-P."
                guard character.isUppercase else { return false }
                expectLetter = false
            } else if character == "." {
                expectLetter = true
            } else {
                return false
            }
        }
        return expectLetter
    }

    /// Digits (1–6) with at most a trailing "." or ",".
    static func isBareNumber(_ text: String) -> Bool {
        var body = Substring(text)
        if let last = body.last, last == "." || last == "," { body = body.dropLast() }
        return !body.isEmpty && body.count <= 6 && body.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
