import Foundation

/// Finds and normalises identifiers in text: DOI (without resolver), arXiv ids (old and new forms), PMID,
/// PMCID, ISBN (checksum-validated), ORCID iDs and URLs. The one place each kind is recognised: the reference
/// parser asks for the first of a kind, the identifiers stage for all of them (`all(in:)`).
public enum Identifiers {
    /// The kinds of identifier `all(in:)` finds.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case doi, pmid, pmcid, arxiv, isbn, orcid
    }

    /// An identifier found in text: its kind, its value in normal form, whether its checksum holds, where it starts.
    public struct Match: Sendable, Hashable {
        public var kind: Kind
        /// DOI without resolver (trailing punctuation trimmed); PMID digits; "PMC123"; arXiv id with version;
        /// ISBN without hyphens; ORCID with hyphens and an uppercase X.
        public var value: String
        /// False when a checksum (ISBN, ORCID) fails.
        public var valid: Bool
        /// Where the match starts in the percent-decoded text, for putting kinds in reading order.
        public var position: String.Index
    }

    /// Every identifier in `text` (percent-decoded first), in order, without duplicates (compared case-insensitively).
    /// Invalid ISBNs and ORCIDs after their label are included with `valid` false; a bare ORCID only when valid.
    public static func all(in text: String) -> [Match] {
        // Without a "%" there is nothing to decode (and nothing Foundation could refuse).
        let decoded = text.containsByte(UInt8(ascii: "%")) ? text.removingPercentEncoding ?? text : text
        var found: [Match] = []
        // Seen values by kind, lowercased once each: a list of 4,000 DOIs compared each with all before it was
        // quadratic (seconds in `lowercased()`).
        var seen: Set<String> = []
        for kind in Kind.allCases where mayHold(kind, decoded) {
            for match in matches(kind, in: decoded) where seen.insert(kind.rawValue + " " + match.value.lowercased()).inserted {
                found.append(match)
            }
        }
        return found.sorted { $0.position < $1.position }
    }

    /// The values of the DOIs `all(in:)` finds in `text` (all valid), in order, maybe repeated, without running the
    /// other kinds' expressions: a caller that counts DOIs in a long list spares the ORCID and ISBN ones.
    public static func dois(in text: String) -> [String] {
        let decoded = text.containsByte(UInt8(ascii: "%")) ? text.removingPercentEncoding ?? text : text
        guard mayHold(.doi, decoded) else { return [] }
        return matches(.doi, in: decoded).map(\.value)
    }

    /// Whether the expression of `kind` could match `text`: false only when a literal it needs is missing from the
    /// bytes, so that most texts skip most of the seven expressions. The case-insensitive literals are searched
    /// with ASCII case folding, which is exact for them: no other character folds to their letters, but for "ſ"
    /// (U+017F folds to "s", in "isbn").
    static func mayHold(_ kind: Kind, _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { hay in
            func has(_ literal: StaticString) -> Bool {
                ByteSearch.contains(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount), in: hay)
            }
            func hasFolded(_ literal: StaticString) -> Bool {
                ByteSearch.containsFoldingASCIICase(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount), in: hay)
            }
            switch kind {
            case .doi: return has("10.")
            case .pmid: return hasFolded("pmid") || hasFolded("pubmed")
            case .pmcid: return has("PMC")
            case .arxiv: return hasFolded("arxiv") || oldStyleArxivTail(in: hay)
            case .isbn: return hasFolded("isbn") || longS(in: hay)
            // Both forms, bare and labelled, need an iD with three ASCII hyphens.
            // and a hyphen, four digits and a hyphen among them.
            case .orcid: return hasHyphens(hay, atLeast: 3) && mayHoldORCIDGroup(hay)
            }
        }
    }

    /// Whether `hay` holds at least `count` ASCII hyphens (stopping at the count).
    static func hasHyphens(_ hay: UnsafeBufferPointer<UInt8>, atLeast count: Int) -> Bool {
        guard let base = hay.baseAddress else { return count <= 0 }
        var found = 0, offset = 0
        while found < count, offset < hay.count, let hit = memchr(base + offset, 0x2D, hay.count - offset) {
            found += 1
            offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return found >= count
    }

    /// Whether the bytes hold "/" and seven digits starting "9" or "0", the tail of an old-style arXiv id
    /// ("hep-th/9901001") that may stand without its "arXiv:" prefix.
    private static func oldStyleArxivTail(in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index + 7 < hay.count {
            if hay[index] == UInt8(ascii: "/"), hay[index + 1] == UInt8(ascii: "9") || hay[index + 1] == UInt8(ascii: "0"),
               (index + 2...index + 7).allSatisfy({ hay[$0] >= 48 && hay[$0] <= 57 }) {
                return true
            }
            index += 1
        }
        return false
    }

    /// Whether a hyphen is followed by 4 to 16 bytes that may make four digits (ASCII digits, or bytes of non-ASCII
    /// scalars, which `\d` may take) and another hyphen: both ORCID expressions need `\d{4}-\d{4}-`.
    static func mayHoldORCIDGroup(_ hay: UnsafeBufferPointer<UInt8>) -> Bool {
        var hyphen = -1
        for (index, byte) in hay.enumerated() {
            if byte == UInt8(ascii: "-") {
                if hyphen >= 0, (4...16).contains(index - hyphen - 1) { return true }
                hyphen = index
            } else if byte < 0x80 && !(byte >= 0x30 && byte <= 0x39) {
                hyphen = -1
            }
        }
        return false
    }

    /// The rest of a DOI a line break cut ("10.1016/j.cell.⏎2020.01.001", "10.1103/Phys-⏎RevLett.12"): after a DOI
    /// ending in "-", "/" or "_" (which never end one), the next word; after one ending in ".", the next word when
    /// it starts with a digit and holds a DOI's inner separator ("2020.01.001", not "2019." or a sentence). Empty
    /// when the DOI is whole. The value is joined without the space.
    public static func doiContinuation(of doi: String, after end: String.Index, in text: String) -> String {
        // Ending in an ASCII byte that is none of the four, it ends in a character that is none of them (that byte, or a
        // cluster, which equals no single mark): no continuation, as for most DOIs, without reading the last character.
        if let byte = doi.utf8.last, byte < 0x80, byte != 0x2D, byte != 0x2F, byte != 0x5F, byte != 0x2E { return "" }
        if let answer = doiContinuationByBytes(of: doi, after: end, in: text) { return answer }
        return doiContinuationByCharacters(of: doi, after: end, in: text)
    }

    /// `doiContinuation` read off the bytes where every character it looks at is one ASCII byte: the DOI's last mark
    /// (after an ASCII byte), the white space after it and the next word, with ASCII on both sides; nil for any other
    /// text (a non-ASCII byte or a carriage return met), which the characters decide. In ASCII, white space is tab to
    /// carriage return and space, and a newline line feed to carriage return. A list whose DOIs end in full stops
    /// ("DOI: 10.1000/abc.2019.00002.") read the line break and the next item's number character by character.
    static func doiContinuationByBytes(of doi: String, after end: String.Index, in text: String) -> String? {
        var doiBytes = doi
        let lastIsMark: Bool = doiBytes.withUTF8 { bytes in
            guard let last = bytes.last, last == 0x2D || last == 0x2F || last == 0x5F || last == 0x2E else { return false }
            return bytes.count == 1 || bytes[bytes.count - 2] < 0x80
        }
        guard lastIsMark, let last = doi.utf8.last else { return nil }
        let utf8 = text.utf8
        let start = utf8.distance(from: utf8.startIndex, to: end)
        var copy = text
        let span: Range<Int>?? = copy.withUTF8 { bytes -> Range<Int>?? in
            guard start < bytes.count else { return .some(nil) }
            guard start > 0, bytes[start - 1] < 0x80, bytes[start - 1] != 0x0D else { return nil }
            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
            var cursor = start, spaces = 0, newlines = 0
            while cursor < bytes.count {
                let byte = bytes[cursor]
                if byte >= 0x80 || byte == 0x0D { return nil }
                guard isSpace(byte) else { break }
                if byte >= 0x0A && byte <= 0x0D { newlines += 1 }
                spaces += 1
                cursor += 1
            }
            guard spaces >= 1, spaces <= 2, newlines <= 1, cursor < bytes.count else { return .some(nil) }
            var wordEnd = cursor
            while wordEnd < bytes.count {
                let byte = bytes[wordEnd]
                if byte >= 0x80 || byte == 0x0D { return nil }
                if isSpace(byte) || byte == 0x22 || byte == 0x3C || byte == 0x3E { break }
                wordEnd += 1
            }
            // The byte that ends the word: a non-ASCII scalar after it may join it into a character that does not.
            if wordEnd + 1 < bytes.count, bytes[wordEnd + 1] >= 0x80 { return nil }
            return .some(cursor..<wordEnd)
        }
        guard let span else { return nil }
        guard let span else { return "" }
        let word = text[utf8.index(utf8.startIndex, offsetBy: span.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: span.upperBound)]
        return doiContinues(after: Character(Unicode.Scalar(last)), with: word) ? String(word) : ""
    }

    /// `doiContinuation` read character by character: what its byte test must agree with.
    static func doiContinuationByCharacters(of doi: String, after end: String.Index, in text: String) -> String {
        guard let last = doi.last, "-/_.".contains(last), end < text.endIndex else { return "" }
        var cursor = end
        var spaces = 0
        var newlines = 0
        while cursor < text.endIndex, text[cursor].isWhitespace {
            if text[cursor].isNewline { newlines += 1 }
            spaces += 1
            cursor = text.index(after: cursor)
        }
        guard spaces >= 1, spaces <= 2, newlines <= 1, cursor < text.endIndex else { return "" }
        let word = text[cursor...].prefix(while: { !$0.isWhitespace && $0 != "\"" && $0 != "<" && $0 != ">" })
        return doiContinues(after: last, with: word) ? String(word) : ""
    }

    /// Whether `word`, after a space, goes on a DOI whose last character is `last` (see `doiContinuation`).
    public static func doiContinues(after last: Character, with word: Substring) -> Bool {
        guard "-/_.".contains(last), let head = word.first, head.isASCII, head.isLetter || head.isNumber else { return false }
        guard last == "." else { return true }
        var inner = word.dropFirst()
        while let end = inner.last, ".,;:)]".contains(end) { inner = inner.dropLast() }
        return head.isNumber && inner.contains(where: { ".-/_;(".contains($0) })
    }

    /// Whether the bytes hold "ſ" (U+017F, C5 BF).
    private static func longS(in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for byte in hay {
            if previous == 0xC5 && byte == 0xBF { return true }
            previous = byte
        }
        return false
    }

    /// The first DOI in `text`, without "https://doi.org/" or "doi:", trailing punctuation trimmed.
    public static func doi(in text: String) -> String? {
        guard text.containsBytes("10.") else { return nil }
        return first(.doi, in: text)
    }

    /// An arXiv id: "2101.01234v2" or "hep-th/9901001", found after "arXiv" or in an arxiv.org URL; an old-style id
    /// of a known archive also alone ("hep-th/9711200", as physics references write it), and a new-style id whose
    /// dot PDF extraction spaced ("arXiv:1702 .01748") without the space.
    public static func arxiv(in text: String) -> String? {
        guard mayHoldArxiv(text) else { return nil }
        return first(.arxiv, in: text)
    }

    /// False only when neither arXiv expression can match: the prefixed one needs "arxiv" (ignoring case; no other
    /// character folds to its letters), the bare one "/" and then "9" or "0" and three more ASCII digits (its year and
    /// month). The reference builder asked for an arXiv id in every reference with a "/" (a DOI, a URL).
    package static func mayHoldArxiv(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { hay in
            if ByteSearch.containsFoldingASCIICase(UnsafeBufferPointer(start: ("arxiv" as StaticString).utf8Start, count: 5), in: hay) {
                return true
            }
            func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
            var index = 0
            while index + 4 < hay.count {
                if hay[index] == UInt8(ascii: "/"), hay[index + 1] == UInt8(ascii: "9") || hay[index + 1] == UInt8(ascii: "0"),
                   isDigit(hay[index + 2]), isDigit(hay[index + 3]), isDigit(hay[index + 4]) {
                    return true
                }
                index += 1
            }
            return false
        }
    }

    /// The PMID after "PMID" (with or without a colon) or in a PubMed URL.
    public static func pmid(in text: String) -> String? { first(.pmid, in: text) }

    /// "PMC1234567".
    public static func pmcid(in text: String) -> String? { first(.pmcid, in: text) }

    /// The ISBN after "ISBN" whose checksum holds, digits only (X kept for ISBN-10).
    public static func isbn(in text: String) -> String? { first(.isbn, in: text) }

    /// A DOI with resolver prefixes removed ("https://doi.org/10.1/x", "doi:10.1/x" → "10.1/x").
    public static func normalizeDOI(_ text: String) -> String? { doi(in: text) }

    /// The first valid match; reference text is taken as written (a percent-encoded DOI stays as it is in its URL).
    private static func first(_ kind: Kind, in text: String) -> String? {
        matches(kind, in: text).first(where: \.valid)?.value
    }

    /// The matches of one kind, in order (duplicates kept).
    private static func matches(_ kind: Kind, in text: String) -> [Match] {
        func match(_ value: String, _ range: Range<String.Index>, valid: Bool = true) -> Match {
            Match(kind: kind, value: value, valid: valid, position: range.lowerBound)
        }
        switch kind {
        case .doi:
            return (DOIScan.firstGroups(in: text) ?? IdentifierPattern.doi.firstGroups(in: text)).compactMap { raw, range in
                let value = trimDOI(raw + doiContinuation(of: raw, after: range.upperBound, in: text))
                guard holdsSlashBeforeEnd(value) else { return nil }
                return match(value, range)
            }
        case .pmid:
            return IdentifierPattern.pmid.firstGroups(in: text).map { match($0.0, $0.1) }
        case .pmcid:
            return IdentifierPattern.pmcid.firstGroups(in: text).map { match($0.0.uppercased(), $0.1) }
        case .arxiv:
            let prefixed = IdentifierPattern.arxiv.firstGroups(in: text).map { match($0.0.filter { !$0.isWhitespace }, $0.1) }
            let bare = IdentifierPattern.bareOldStyleArxiv.firstGroups(in: text).map { match($0.0, $0.1) }
            if bare.isEmpty { return prefixed }
            if prefixed.isEmpty { return bare }
            return (prefixed + bare.filter { found in !prefixed.contains { $0.value == found.value } }).sorted { $0.position < $1.position }
        case .isbn:
            return IdentifierPattern.isbn.firstGroups(in: text).compactMap { raw, range in
                let compact = compactISBN(raw)
                guard compact.count == 10 || compact.count == 13 else { return nil }
                return match(compact, range, valid: isValidISBN(compact))
            }
        case .orcid:
            let labelled = IdentifierPattern.labelledORCID.firstGroups(in: text).map { raw, range in
                match(raw.uppercased(), range, valid: isValidORCID(raw.uppercased()))
            }
            let bare = IdentifierPattern.bareORCID.firstGroups(in: text).compactMap { raw, range in
                isValidORCID(raw) ? match(raw, range) : nil
            }
            return labelled + bare
        }
    }

    /// Whether `value` holds a "/" with a character after it (`firstIndex(of: "/")` and the index after it before the
    /// end), read off the bytes when they are all ASCII, where every byte but the pair CR LF is a character of its own.
    static func holdsSlashBeforeEnd(_ value: String) -> Bool {
        if value.isAllASCII {
            guard let slash = value.utf8.firstIndex(of: 0x2F) else { return false }
            return value.utf8.index(after: slash) < value.utf8.endIndex
        }
        return holdsSlashBeforeEndByCharacters(value)
    }

    /// `holdsSlashBeforeEnd` read character by character: what its byte test must agree with.
    static func holdsSlashBeforeEndByCharacters(_ value: String) -> Bool {
        guard let slash = value.firstIndex(of: "/") else { return false }
        return value.index(after: slash) < value.endIndex
    }

    /// Whether `byte` is one of the ASCII marks `trimDOI` takes off the end whatever comes before (".,;:'\">").
    private static func isTrailingDOIMark(_ byte: UInt8) -> Bool {
        byte == 0x2E || byte == 0x2C || byte == 0x3B || byte == 0x3A || byte == 0x27 || byte == 0x22 || byte == 0x3E
    }

    /// A DOI without the punctuation that follows it in prose; a closing bracket stays when the DOI opened it.
    static func trimDOI(_ raw: String) -> String {
        // Ending in an ASCII byte that is none of the marks, it ends in a character that is none of them (that byte, or
        // a cluster, which equals no single mark): nothing to trim, as for most DOIs.
        if let byte = raw.utf8.last, byte < 0x80, !".,;:'\">)]}".utf8.contains(byte) { return raw }
        var value = raw
        // An ASCII mark after an ASCII byte (or alone) is a character of its own, the one the loop below would take
        // off: such marks go by the byte ("10.1000/abc.2019.00002." lost its full stop character by character).
        var cut = 0
        value.withUTF8 { bytes in
            var end = bytes.count
            while end > 0, isTrailingDOIMark(bytes[end - 1]), end == 1 || bytes[end - 2] < 0x80 { end -= 1 }
            cut = bytes.count - end
        }
        if cut > 0 {
            value = String(decoding: value.utf8.dropLast(cut), as: UTF8.self)
            if let byte = value.utf8.last, byte < 0x80, !".,;:'\">)]}".utf8.contains(byte) { return value }
        }
        return trimDOIByCharacters(value)
    }

    /// `trimDOI` read character by character: what its byte steps must agree with.
    static func trimDOIByCharacters(_ raw: String) -> String {
        var value = raw
        while let last = value.last {
            if ".,;:'\"”’>".contains(last) {
                value.removeLast()
            } else if last == ")" || last == "]" || last == "}" {
                let opener: Character = last == ")" ? "(" : last == "]" ? "[" : "{"
                if value.filter({ $0 == opener }).count >= value.filter({ $0 == last }).count { break }
                value.removeLast()
            } else {
                break
            }
        }
        return value
    }

    /// The ISBN without hyphens and spaces, with an uppercase X.
    public static func compactISBN(_ isbn: String) -> String {
        String(isbn.uppercased().filter { $0.isASCII && $0.isNumber || $0 == "X" })
    }

    /// ISBN-10 (weights 10…1, X = 10, sum ≡ 0 mod 11) or ISBN-13 (978/979, weights 1,3, sum ≡ 0 mod 10);
    /// hyphens and spaces are ignored.
    public static func isValidISBN(_ isbn: String) -> Bool {
        let digits = compactISBN(isbn)
        let characters = Array(digits)
        if characters.count == 10 {
            var sum = 0
            for (index, character) in characters.enumerated() {
                let value: Int
                if character == "X" && index == 9 { value = 10 } else if let digit = character.wholeNumberValue { value = digit } else { return false }
                sum += value * (10 - index)
            }
            return sum % 11 == 0
        }
        if characters.count == 13 {
            var sum = 0
            for (index, character) in characters.enumerated() {
                guard let digit = character.wholeNumberValue else { return false }
                sum += digit * (index % 2 == 0 ? 1 : 3)
            }
            return sum % 10 == 0 && (digits.hasPrefix("978") || digits.hasPrefix("979"))
        }
        return false
    }

    /// True for a well-formed ORCID iD (`0000-0002-1825-0097`) whose last character is its MOD 11-2 check digit.
    public static func isValidORCID(_ orcid: String) -> Bool {
        let characters = Array(orcid.uppercased().filter { $0 != "-" })
        guard characters.count == 16, characters.dropLast().allSatisfy({ $0.isASCII && $0.isNumber }), let last = characters.last else {
            return false
        }
        var total = 0
        for character in characters.dropLast() {
            total = (total + (character.wholeNumberValue ?? 0)) * 2
        }
        let result = (12 - total % 11) % 11
        let expected: Character = result == 10 ? "X" : Character(String(result))
        return last == expected
    }

    /// The first http(s) or www. URL, trailing punctuation trimmed.
    public static func url(in text: String) -> String? {
        for word in text.split(whereSeparator: { $0.isWhitespaceFast }) {
            var candidate = word.drop(while: { $0 == "<" || $0 == "(" || $0 == "[" })
            if let start = candidate.foundationRange(of: "http") { candidate = candidate[start.lowerBound...] }
            let lowered = candidate.lowercasedFast()
            if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || lowered.hasPrefix("www.") {
                return trimTrailing(String(candidate))
            }
        }
        return nil
    }

    /// Drops trailing . , ; : > ] and an unbalanced ).
    static func trimTrailing(_ text: String) -> String {
        var result = Substring(text)
        while let last = result.last {
            if ".,;:>]'\"".contains(last) { result = result.dropLast(); continue }
            if last == ")", result.filter({ $0 == "(" }).count < result.filter({ $0 == ")" }).count { result = result.dropLast(); continue }
            break
        }
        return String(result)
    }
}

/// The pattern of each kind: the identifier is the first capture group that took part.
enum IdentifierPattern {
    static let doi = TextPattern(#"(?<![0-9])(10\.[0-9][0-9.]{3,}/[^\s"<>]+)"#)
    static let pmid = TextPattern(#"\bPMID[\s:.]*(\d{1,9})\b|pubmed\.ncbi\.nlm\.nih\.gov/(\d{1,9})"#, caseInsensitive: true)
    static let pmcid = TextPattern(#"(PMC\d{4,9})\b"#)
    static let arxiv = TextPattern(
        #"arxiv[:.\s/]*(?:org/(?:abs|pdf)/|abs/|pdf/)?(?:preprint\s+(?:arxiv:)?)?[:\s]*(\d{4}\s?\.\s?\d{4,5}(?!\d)(?:v\d+)?|\p{L}[\p{L}\-.]{0,18}/\d{7}(?!\d)(?:v\d+)?)"#,
        caseInsensitive: true)
    /// An old-style id of a known archive (subject class optional) with a valid year and month ("hep-th/9711200",
    /// "cond-mat.str-el/0301234", 1991–2007), standing alone.
    static let bareOldStyleArxiv = TextPattern(
        #"(?<![\w./-])((?:hep-(?:th|ph|ex|lat)|gr-qc|astro-ph|cond-mat|nucl-(?:th|ex)|quant-ph|math-ph|nlin|math|physics|cs|q-bio|q-fin|stat|chao-dyn|solv-int|patt-sol|adap-org|chem-ph|alg-geom|dg-ga|funct-an|q-alg)(?:\.[A-Za-z-]{2,6})?/(?:9[1-9]|0[0-7])(?:0[1-9]|1[0-2])\d{3}(?:v\d+)?)(?![\d])"#)
    static let isbn = TextPattern(
        #"ISBN(?:-?1[03])?\s*:?\s*((?:97[89][\s-]?)?\d{1,5}[\s-]?\d{1,7}[\s-]?\d{1,7}[\s-]?[\dXx])(?![\w-])"#, caseInsensitive: true)
    static let labelledORCID = TextPattern(
        #"(?:orcid\.org/|\bORCID(?:\s*i[dD])?\s*:?\s*)(\d{4}-\d{4}-\d{4}-\d{3}[\dXx])(?![\w-])"#, caseInsensitive: true)
    static let bareORCID = TextPattern(#"(?<![\w-])(\d{4}-\d{4}-\d{4}-\d{3}[\dX])(?![\w-])"#)
}

/// `IdentifierPattern.doi.firstGroups(in:)`, `(?<![0-9])(10\.[0-9][0-9.]{3,}/[^\s"<>]+)`, found on the bytes: every
/// reference string and every long list ran the expression, several times each. At each "10." not after an ASCII
/// digit: a digit, at least three of `[0-9.]` and "/" right after them (the run gives back nothing that could be the
/// slash), then the run of what is not white space, `"`, `<` or `>`. A non-ASCII scalar in that run ends it only
/// when it is White_Space, which `\s` is but for U+000B, U+0085 and U+001C–U+001F, the ones definitions disagree on:
/// a text that holds one of those is left to the expression (nil). Matches are kept and made strings as the
/// expression's are: through the NSRange of their UTF-16 offsets, dropped when it does not fall on character
/// boundaries. The search goes on after each match, as `matches(in:)` does.
enum DOIScan {
    static func firstGroups(in text: String) -> [(String, Range<String.Index>)]? {
        var copy = text
        let spans = copy.withUTF8 { bytes -> [Range<Int>]? in
            var scanned = 0
            // Eight bytes at a time while all are printable ASCII (none below 0x20, none from 0x80): none is one of those.
            if let base = bytes.baseAddress {
                while scanned + 8 <= bytes.count {
                    let word = UnsafeRawPointer(base + scanned).loadUnaligned(as: UInt64.self)
                    let below = (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080
                    if word & 0x8080_8080_8080_8080 != 0 || below != 0 { break }
                    scanned += 8
                }
            }
            for index in scanned..<bytes.count {
                let byte = bytes[index]
                if byte == 0x0B || (byte >= 0x1C && byte <= 0x1F) { return nil }
                if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0x85 { return nil }
            }
            func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
            var found: [Range<Int>] = []
            var index = 0
            let count = bytes.count
            while index + 3 < count {
                // Straight to the next "1" that leaves room for "0." and a digit.
                if let base = bytes.baseAddress, bytes[index] != 0x31 {
                    guard let hit = memchr(base + index, 0x31, count - 3 - index) else { break }
                    index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                }
                guard bytes[index] == 0x31, bytes[index + 1] == 0x30, bytes[index + 2] == 0x2E,
                      index == 0 || !isDigit(bytes[index - 1]), isDigit(bytes[index + 3]) else {
                    index += 1
                    continue
                }
                var run = index + 4
                while run < count, isDigit(bytes[run]) || bytes[run] == 0x2E { run += 1 }
                guard run - (index + 4) >= 3, run < count, bytes[run] == 0x2F else {
                    index += 1
                    continue
                }
                var end = run + 1
                while end < count {
                    let byte = bytes[end]
                    if byte < 0x80 {
                        if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D || byte == 0x22 || byte == 0x3C
                            || byte == 0x3E { break }
                        end += 1
                        continue
                    }
                    let (value, length) = UTF8Scalars.decode(bytes, at: end)
                    if let scalar = Unicode.Scalar(value), scalar.properties.isWhitespace { break }
                    end += length
                }
                guard end > run + 1 else {
                    index += 1
                    continue
                }
                found.append(index..<end)
                index = end
            }
            return found
        }
        guard let spans else { return nil }
        if spans.isEmpty { return [] }
        var copy2 = text
        // Where ASCII stands on both sides of both ends (the match starts with "1" and ends before white space, a quote,
        // an angle bracket or the end), the ends are character boundaries and the conversion gives them back as they
        // are; it is made only where a non-ASCII scalar is beside an end.
        let plain = copy2.withUTF8 { bytes in
            spans.map { span in
                (span.lowerBound == 0 || bytes[span.lowerBound - 1] < 0x80) && bytes[span.upperBound - 1] < 0x80
                    && (span.upperBound == bytes.count || bytes[span.upperBound] < 0x80)
            }
        }
        let utf8 = text.utf8
        return zip(spans, plain).compactMap { span, plain in
            let lower = utf8.index(utf8.startIndex, offsetBy: span.lowerBound), upper = utf8.index(utf8.startIndex, offsetBy: span.upperBound)
            if plain { return (String(text[lower..<upper]), lower..<upper) }
            guard let range = Range(NSRange(lower..<upper, in: text), in: text) else { return nil }
            return (String(text[range]), range)
        }
    }
}
