import DossierModel
import DossierText
import Foundation

/// CVs often put the title first: "**Cellular decision making and noise**. G. Balázsi, A. Lovelace and J. Collins.
/// *Cell*, 2011." The parser, trained on author-first references, reads that title but loses most of the authors
/// after it (it reads "N. Yeung and A. Lovelace" as a title). When the title opens the reference, the sentence after
/// it is read as an author list; its names are taken when they are more than the parser found and every one of
/// them reads as a person's name.
enum TitleFirstAuthors {
    static func apply(_ publication: inout Publication, raw: String, runs: [ItalicVenue.Run]) {
        guard let openingEnd = leadingMarksEnd(raw) ?? leadingMarks.firstMatch(in: raw)?.range.upperBound else { return }
        let start = raw[openingEnd...]
        // A bold or italic run that opens the reference and reads as a title is the title, whatever the parser ran
        // into it ("**N-gram feature selection for authorship identification**. J. Houvardas, …").
        if let run = runs.first(where: { start.hasPrefix($0.text) && endsASentence(start.dropFirst($0.text.count)) && readsAsTitle($0.text) }),
           publication.title != run.text, !continuesTitle(publication.title, run: run.text) {
            publication.title = withoutOwnYear(run.text, raw: raw)
            publication.confidence["title"] = 0.8
        }
        guard let title = publication.title, FastText.spaceSeparatedCount(title) >= 3, start.hasPrefix(title) else { return }
        let after = start.dropFirst(title.count)
        let rest = after.drop { " .,:;\"”’*".contains($0) }
        guard rest.first?.isUppercase == true, let span = authorSentence(rest) else { return }
        let found = publication.author ?? []
        let (names, etAl) = PersonNames.authorList(span.filter { !"#*†‡§¶".contains($0) })
        guard names.count >= found.count, !names.isEmpty, names.allSatisfy(isPersonName) else { return }
        publication.author = names
        publication.confidence["author"] = min(publication.confidence["author"] ?? 0.8, 0.8)
        if etAl { publication.etAl = true }
    }

    /// The first sentence of `text`: up to a full stop after a word that is not an initial ("C. B. Holroyd, N.
    /// Yeung and P. Xenakis." ends after "Xenakis"), at most 600 characters.
    static func authorSentence(_ text: Substring) -> String? {
        var index = text.startIndex
        var wordStart = text.startIndex
        var count = 0
        while index < text.endIndex, count < 600 {
            let character = text[index]
            if character == " " {
                wordStart = text.index(after: index)
            } else if character == ".", index > wordStart {
                let word = text[wordStart..<index]
                let next = text.index(after: index)
                let atEnd = next == text.endIndex || text[next] == " "
                let initial = word.count <= 2 && word.first?.isUppercase == true
                if atEnd, !initial, word.lowercased() != "al" { return String(text[..<index]) }
            }
            index = text.index(after: index)
            count += 1
        }
        return nil
    }

    /// Four words or more besides initials, or three with one in lower case: not a bold name ("**A. F. G. Rosen**",
    /// "**Jean-Baptiste S. Szymańska**").
    static func readsAsTitle(_ text: String) -> Bool {
        let words = text.split(separator: " ").filter { word in
            !(word.allSatisfy { $0.isUppercase || $0 == "." || $0 == "-" } && word.count <= 4)
        }
        guard words.count >= 4 || (words.count == 3 && words.contains { $0.first?.isLowercase == true }) else { return false }
        // "de la Fuente S", "Umarov, P. K. et al": names, however many words.
        let (names, etAl) = PersonNames.authorList(text)
        let nameList = !names.isEmpty && names.allSatisfy { name in
            isPersonName(name) && (name.given?.split(separator: " ").count ?? 0) <= 3 && name.given != nil
        }
        return !(nameList || etAl)
    }

    /// What follows a title run: a full stop or colon, a line end, or nothing (not a comma: "**Lovelace A**, Hopper G").
    static func endsASentence(_ after: Substring) -> Bool {
        let next = after.drop { "\"”’*_".contains($0) }.first
        return next == nil || next == "." || next == ":" || next == "\n" || next == "?" || next == "!"
    }

    /// A name with a family name of letters that starts with a capital (or a particle: "van Oudenaarden").
    static func isPersonName(_ name: CSLName) -> Bool {
        guard name.literal == nil, let family = name.family, !family.isEmpty,
              family.split(separator: " ").count <= 3, family.allSatisfy({ $0.isLetter || "-' ’.".contains($0) }) else { return false }
        return family.first?.isUppercase == true || name.particle != nil
    }

    /// Whether the parser's title is the run and more that is not a list of names: a bold title set one line per
    /// run in a PDF ("Membrane protein GARP is a receptor for" + "latent TGF-beta …") is the parser's to keep.
    static func continuesTitle(_ title: String?, run: String) -> Bool {
        guard let title, title.count > run.count, title.hasPrefix(run) else { return false }
        let more = title.dropFirst(run.count).drop { " .,:;".contains($0) }
        let (names, _) = PersonNames.authorList(String(more))
        return names.isEmpty || !names.allSatisfy(isPersonName)
    }

    /// A run closed by the reference's only year ("**Efficient Sovereign Debt Buybacks, 2025**") without it; a year
    /// the reference gives again is the title's ("Cancer statistics, 2015 … 2015").
    static func withoutOwnYear(_ run: String, raw: String) -> String {
        guard let match = yearTail.firstMatch(in: run) else { return run }
        let year = run[match.range].filter(\.isNumber)
        let elsewhere = raw.components(separatedBy: year).count - 1
        return elsewhere > 1 ? run : String(run[..<match.range.lowerBound])
    }

    /// Where `leadingMarks` matches to in `raw`, read from its bytes (the expression, every reference's first step
    /// here, cost as much as the rest of this check): nil, for the expression to answer, when a byte it reads is
    /// neither ASCII (but for the bullets, dash and quotes it names) nor plain (ICU may count a vertical tab as a
    /// space), or when the match would end before a non-ASCII scalar (a combining mark there would leave it off a
    /// character boundary, where the expression's match is dropped).
    static func leadingMarksEnd(_ raw: String) -> String.Index? {
        var text = raw
        let end: Int? = text.withUTF8 { bytes in
            let count = bytes.count
            /// Whether a bullet, dash or quote of three bytes opens at `offset` (• ◦ ▪ – as bullets, “ ‘ as quotes).
            func named(at offset: Int, quote: Bool) -> Bool {
                guard offset + 2 < count, bytes[offset] == 0xE2 else { return false }
                let (second, third) = (bytes[offset + 1], bytes[offset + 2])
                if quote { return second == 0x80 && (third == 0x9C || third == 0x98) }
                return (second == 0x80 && (third == 0xA2 || third == 0x93)) || (second == 0x97 && third == 0xA6) || (second == 0x96 && third == 0xAA)
            }
            /// Whether the expression's classes read the byte at `offset` as this code does: the end, a plain ASCII
            /// byte (not a vertical tab or an information separator), or a named scalar.
            func readable(_ offset: Int) -> Bool {
                guard offset < count else { return true }
                let byte = bytes[offset]
                if byte < 0x80 { return byte != 0x0B && !(byte >= 0x1C && byte <= 0x1F) }
                return named(at: offset, quote: false) || named(at: offset, quote: true)
            }
            func isSpace(_ offset: Int) -> Bool {
                guard offset < count else { return false }
                let byte = bytes[offset]
                return byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
            }
            /// Past the spaces from `offset`, or -1 when the byte that stops them may not be read.
            func pastSpaces(_ offset: Int) -> Int {
                var position = offset
                while isSpace(position) { position += 1 }
                return readable(position) ? position : -1
            }
            var position = pastSpaces(0)
            guard position >= 0 else { return nil }
            // The list number: "[" at most, one to four digits (after a longer run no space or mark can follow),
            // one of ". ) ]" at most, then spaces.
            var number = position
            if number < count, bytes[number] == 0x5B { number += 1 }
            var digits = number
            while digits < count, bytes[digits] >= 0x30, bytes[digits] <= 0x39 { digits += 1 }
            guard readable(number), readable(digits) else { return nil }
            var matched = -1
            if digits > number, digits - number <= 4 {
                var after = digits
                if digits < count, bytes[digits] == 0x2E || bytes[digits] == 0x29 || bytes[digits] == 0x5D {
                    guard readable(digits + 1) else { return nil }
                    if isSpace(digits + 1) { after = digits + 1 }
                }
                if isSpace(after) {
                    matched = pastSpaces(after)
                    guard matched >= 0 else { return nil }
                }
            }
            if matched < 0, position < count {
                // Else a bullet or dash, then spaces.
                let byte = bytes[position]
                let bullet = byte == 0x2D || byte == 0x2A || byte == 0x2B ? 1 : named(at: position, quote: false) ? 3 : 0
                if bullet > 0 {
                    guard readable(position + bullet) else { return nil }
                    if isSpace(position + bullet) {
                        matched = pastSpaces(position + bullet)
                        guard matched >= 0 else { return nil }
                    }
                }
            }
            if matched >= 0 { position = matched }
            // The opening quotes and stars.
            while position < count {
                let byte = bytes[position]
                if byte == 0x22 || byte == 0x27 || byte == 0x2A {
                    position += 1
                } else if named(at: position, quote: true) {
                    position += 3
                } else {
                    break
                }
            }
            guard position == count || bytes[position] < 0x80 else { return nil }
            return position
        }
        guard let end else { return nil }
        return raw.utf8.index(raw.utf8.startIndex, offsetBy: end)
    }

    /// ", 2025" closing a bold title and year.
    private static let yearTail = TextPattern(#"[,.]?\s*\(?(?:19|20)\d\d\)?$"#)

    /// A list number, bullet or opening quote before the title: "12. ", "[3] ", "• ", "“".
    static let leadingMarks = TextPattern(#"^\s*(?:\[?\d{1,4}[.)\]]?\s+|[•◦▪\-–*+]\s+)?["“‘'*]*"#)
}
