import DossierText

/// Decides whether a hyphen at a line end was put there by the typesetter ("hyphen-" + "ation") or belongs to
/// the word ("state-of-the-" + "art", "Smith-" + "Jones").
struct Hyphenation: Sendable {
    /// Every word of the document, lowercased, without surrounding punctuation.
    private let known: Set<String>

    /// First parts of compounds that keep their hyphen when the joined form is not known.
    private static let compoundHeads: Set<String> = [
        "self", "non", "co", "well", "state", "high", "low", "long", "short", "large", "small", "real", "open",
        "cross", "end", "fine", "first", "second", "third", "full", "half", "part", "post", "pre", "semi", "anti",
        "e", "x", "t", "n", "k", "in", "on", "off", "top", "one", "two", "three", "data", "deep", "time", "multi",
        "inter", "intra", "micro", "macro", "meta", "mid", "sub", "super", "bio", "socio", "neuro",
    ]
    // "under" and "over" are left out: their compounds are written closed ("underrepresented", "overfitting"),
    // so "under-" + "standing" at a line end is one word split by the typesetter.

    /// Second parts of compounds ("data-driven", "peer-reviewed") that keep the hyphen.
    private static let compoundTails: Set<String> = [
        "based", "driven", "level", "scale", "specific", "related", "aware", "free", "like", "wide", "term", "time",
        "run", "art", "known", "made", "oriented", "dependent", "independent", "aided", "assisted", "centered",
        "centred", "focused", "sensitive", "resolved", "dimensional", "order", "world", "year", "authored",
        "reviewed", "source", "end", "step", "shot", "tuning", "trained", "grained", "efficient", "intensive",
    ]

    init<S: Sequence>(documentWords: S) where S.Element == String {
        known = Set(documentWords.map(Hyphenation.bare))
    }

    /// Whether `head` (ending in "-") and `tail` (the first word of the next line) are one word split by the typesetter.
    func joins(head: String, tail: String) -> Bool {
        guard head.hasSuffix("-"), head.count >= 2 else { return false }
        let left = Hyphenation.bare(String(head.dropLast()))
        let right = Hyphenation.bare(tail)
        guard let lastLeft = head.dropLast().last, lastLeft.isLetter,
              let firstRight = tail.first, firstRight.isLetter else { return false }
        // A word split in lower case, or a long one in capitals throughout ("PUBLICA-" / "TIONS", a heading in
        // capitals; not the acronyms of "LREC-" / "COLING").
        let capitals = { (word: String, least: Int) in word.count >= least && word.allSatisfy { $0.isLetter && $0.isUppercase } }
        guard firstRight.isLowercase || (capitals(String(head.dropLast()), 5) && capitals(String(tail.prefix(while: \.isLetter)), 3))
        else { return false }
        if Hyphenation.isIdentifierPart(head) || Hyphenation.isIdentifierPart(tail) { return false }
        let leftPart = left.split(separator: "-").last.map(String.init) ?? left
        if known.contains(leftPart + right) || known.contains(left + right) { return true }
        if known.contains(left + "-" + right) || known.contains(leftPart + "-" + right) { return false }
        // "state-of-the-" + "art": a word that already has hyphens keeps this one too.
        if head.dropLast().contains("-") { return false }
        // "multi-" + "electrode" keeps its hyphen; "multi-" + "ple" is "multiple" split by the typesetter.
        if Hyphenation.compoundHeads.contains(left) && right.count >= 4 { return false }
        if Hyphenation.compoundTails.contains(right) && left.count >= 3 { return false }
        return true
    }

    /// Whether `word` is a piece of a DOI, URL, e-mail or code ("10.5194/egusphere-", "egu23-5368"), whose
    /// hyphens are characters of the identifier, never the typesetter's.
    static func isIdentifierPart(_ word: String) -> Bool {
        if word.contains("/") || word.contains("@") || word.contains("_") || word.contains("=") { return true }
        if word.lowercased().hasPrefix("www.") { return true }
        // Letters and digits mixed inside one word: "egu23", "arXiv2101".
        let core = bare(word)
        return core.contains(where: \.isLetter) && core.contains(where: \.isNumber)
    }

    /// Lowercased, without leading/trailing punctuation.
    static func bare(_ word: String) -> String {
        if word.isAllASCII {
            // The same for ASCII, byte by byte: lowercasing is A–Z to a–z, and only a–z and 0–9 are kept at the ends.
            var word = word
            return word.withUTF8 { bytes in
                let kept = { (byte: UInt8) in (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || (byte >= 0x30 && byte <= 0x39) }
                guard let first = bytes.firstIndex(where: kept), let last = bytes.lastIndex(where: kept) else { return "" }
                return String(decoding: bytes[first...last].lazy.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
            }
        }
        let trimmed = word.lowercased().unicodeScalars.drop { !$0.properties.isAlphabetic && !("0"..."9").contains($0) }
        var scalars = Array(trimmed)
        while let last = scalars.last, !last.properties.isAlphabetic, !("0"..."9").contains(last) { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
