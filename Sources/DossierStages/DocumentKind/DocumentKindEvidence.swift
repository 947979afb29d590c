import DossierText
import DossierModel
import Foundation

/// What `document-kind` looks at: section kinds, the title, the name at the top, a salutation and a closing,
/// how much of the text is first-person prose, and how many items read like references.
struct DocumentKindEvidence {
    /// Section kinds that only CVs have.
    static let cvSectionKinds: Set<SectionKind> = [
        .education, .employment, .awards, .skills, .teaching, .service, .grants, .talks, .languages, .projects,
    ]

    let sectionKinds: [SectionKind]
    /// The metadata title, else the first heading.
    let title: String
    let nameAtTop: Bool
    /// The salutation as written ("Dear Search Committee"), when one opens the document.
    let salutation: String?
    /// The closing as written ("Sincerely"), when there is one.
    let closing: String?
    /// Paragraphs of 30 words or more.
    let paragraphs: Int
    /// Share of the non-heading blocks that are such paragraphs.
    let proseShare: Double
    /// Share of the words in paragraphs that are I, me, my, we, our, us.
    let firstPersonDensity: Double
    /// Items (list items and paragraphs outside the contact block) that read like references, and all items.
    let referenceLikeUnits: (references: Int, units: Int)

    init(_ document: Document) {
        let area = ContactArea(document)
        sectionKinds = area.kinds
        let firstHeading = document.blocks.first { $0.type == .heading }?.text ?? ""
        title = document.metadata["title"]?.stringValue ?? firstHeading
        let topLines = document.blocks.prefix(3).flatMap { DocumentLines.lines(of: $0, topLevel: 0) }
        nameAtTop = document.profile.person.name != nil || topLines.contains { PersonNames.name(in: $0.text) != nil }
        salutation = document.blocks.prefix(8).lazy.compactMap { block in
            DocumentKindEvidence.mayOpen(block.text, withAnyOf: DocumentKindEvidence.salutationOpenings, ignoringCase: false)
                ? DocumentKindEvidence.salutationPattern.firstMatch(in: block.text)?.group(0) : nil
        }.first
        closing = document.blocks.suffix(8).lazy.compactMap { block in
            DocumentKindEvidence.mayOpen(block.text, withAnyOf: DocumentKindEvidence.closingOpenings, ignoringCase: true)
                ? DocumentKindEvidence.closingPattern.firstMatch(in: block.text)?.group(0) : nil
        }.first
        let body = document.blocks.filter { $0.type != .heading && $0.type != .rule }
        let prose = body.filter { $0.type == .paragraph && $0.text.split(separator: " ").count >= 30 }
        paragraphs = prose.count
        proseShare = body.isEmpty ? 0 : Double(prose.count) / Double(body.count)
        let words = prose.flatMap { $0.text.lowercasedFast().split(whereSeparator: { !DocumentKindEvidence.isLetter($0) }) }
        let firstPerson = words.filter { DocumentKindEvidence.firstPersonWords.contains(String($0)) }.count
        firstPersonDensity = words.isEmpty ? 0 : Double(firstPerson) / Double(words.count)
        var units: [String] = []
        // Without any section the "contact block" is a guess: count every item then.
        let skipped = sectionKinds.isEmpty ? [] : area.contactBlocks
        for (index, block) in document.blocks.enumerated() where !skipped.contains(index) {
            switch block.type {
            case .list: units += (block.items ?? []).map(\.text)
            case .paragraph: units.append(block.text)
            default: break
            }
        }
        // Each unit is asked apart from the others, on every core (a reference list's 4,000 items run five expressions).
        let looksLikeReference = ParallelMap.map(units) { DocumentKindEvidence.looksLikeReference($0) }
        referenceLikeUnits = (looksLikeReference.filter { $0 }.count, units.count)
    }

    /// False only when an expression anchored at the start, `^\s*` then one of `words`, cannot match: after the ASCII
    /// bytes `\s` may take, the text's bytes are ASCII and spell none of them (ignoring case, ASCII letters folded). A
    /// non-ASCII byte where a word's letter is due (a space, or a letter that folds to one) goes to the expression. The
    /// salutation and closing expressions ran over every block, a whole reference list among them (one opening with a
    /// capital T went to the salutation's expression, which copied the list to UTF-16).
    static func mayOpen(_ text: String, withAnyOf words: [StaticString], ignoringCase: Bool) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count, bytes[index].mayBeASCIISpace { index += 1 }
            guard index < bytes.count else { return false }
            func fold(_ byte: UInt8) -> UInt8 { ignoringCase && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
            return words.contains { word in
                word.withUTF8Buffer { literal in
                    for (offset, letter) in literal.enumerated() {
                        guard index + offset < bytes.count else { return false }
                        let byte = bytes[index + offset]
                        if byte >= 0x80 { return true }
                        if fold(byte) != fold(letter) { return false }
                    }
                    return true
                }
            }
        }
    }

    /// The words the salutation's alternatives open with, as written (it is case-sensitive).
    static let salutationOpenings: [StaticString] = ["Dear", "To whom", "Sehr geehrte", "Madame, Monsieur", "Estimad", "Gentile"]
    /// The first words of the closing's alternatives (it ignores case).
    static let closingOpenings: [StaticString] = [
        "sincerely", "yours", "best", "kind", "warm", "with", "respectfully", "mit", "cordial", "atentamente",
    ]

    /// `character.isLetter`, answered for a one-byte ASCII character without the Unicode property table (the
    /// letters there are A–Z and a–z): prose paragraphs of many kilobytes were split on it character by character.
    static func isLetter(_ character: Character) -> Bool {
        let utf8 = character.utf8
        if utf8.count == 1, let byte = utf8.first { return (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        return character.isLetter
    }

    /// Whether the title contains one of `words` (lowercased).
    func titleMentions(_ words: [String]) -> Bool {
        let lower = title.lowercased()
        return words.contains { lower.containsText($0) }
    }

    /// A year plus at least one more sign of a citation: an author list, a venue, pages, a DOI or quotes.
    static func looksLikeReference(_ text: String) -> Bool {
        let yearByBytes = holdsYearByBytes(text)
        if yearByBytes == false { return false }
        guard yearByBytes == true || (mayHoldYear(text) && year.matches(text)) else { return false }
        // Any one sign will do, so the expressions that a byte test can rule out go first, and only when it does not.
        if holdsDOIByBytes(text) == true { return true }
        if mayHoldIdentifier(text), identifier.matches(text) { return true }
        if text.containsByte(0x22) || text.containsBytes("“"), quotedTitle.matches(text) { return true }
        if text.containsAnyBytes(venueWords), venue.matches(text) { return true }
        return authorList.matches(text) || pages.matches(text)
    }

    /// `looksLikeReference` by its expressions alone, every one asked: what the byte tests must agree with.
    static func looksLikeReferenceByExpressions(_ text: String) -> Bool {
        guard year.matches(text) else { return false }
        return [authorList, venue, pages, identifier, quotedTitle].contains { $0.matches(text) }
    }

    /// False when `year` cannot match: its century ("19", "20") is ASCII digits, which no other text matches, and its
    /// words are ASCII (`ByteSearch.mayHoldFoldingASCII` for the case-insensitive match).
    static func mayHoldYear(_ text: String) -> Bool {
        text.containsBytes("19") || text.containsBytes("20")
            || ByteSearch.mayHoldFoldingASCII(text, anyOf: ["in press", "forthcoming", "submitted"])
    }

    /// `year` answered from the bytes, nil where they do not settle it. Without a word of its second alternative (which
    /// `ByteSearch.mayHoldFoldingASCII` rules out, scalars that fold to ASCII letters included), it is its first,
    /// `\b(?:19|20)\d{2}[a-z]?\b` ignoring case, which `YearScan` reads off ASCII bytes: the expression ran on every item
    /// of a reference list (47 K instructions a call).
    static func holdsYearByBytes(_ text: String) -> Bool? {
        guard !ByteSearch.mayHoldFoldingASCII(text, anyOf: ["in press", "forthcoming", "submitted"]) else { return nil }
        var copy = text
        return copy.withUTF8 { YearScan.scan($0, letter: true, anyCase: true) }
    }

    /// `identifier` answered from the bytes, nil where they do not settle it: without "arXiv:" or "ISBN" in any case
    /// (ruled out as in `holdsYearByBytes`) it is `\b10\.\d{4,9}/`, which `LineScans.doiPrefix` reads off ASCII bytes.
    static func holdsDOIByBytes(_ text: String) -> Bool? {
        guard !ByteSearch.mayHoldFoldingASCII(text, anyOf: ["arxiv:", "isbn"]) else { return nil }
        var copy = text
        return copy.withUTF8 { LineScans.doiPrefix($0, wordStart: true) }
    }

    /// False when `identifier` cannot match: it needs "10." or, ignoring case, "arxiv:" or "isbn".
    static func mayHoldIdentifier(_ text: String) -> Bool {
        text.containsBytes("10.") || ByteSearch.mayHoldFoldingASCII(text, anyOf: ["arxiv:", "isbn"])
    }

    /// The words of `venue` (matched with case): one of them must be in the text's bytes for it to match.
    private static let venueWords = ["Proc", "Journal", "Conference", "Symposium", "Workshop", "Transactions", "Letters", "Review",
                                     "Press", "vol.", "Vol.", "arXiv", "bioRxiv", "preprint"]

    private static let firstPersonWords: Set<String> = ["i", "me", "my", "mine", "we", "our", "us"]
    private static let salutationPattern = TextPattern(
        #"^\s*(?:Dear\s+[^\n,:]{1,60}|To whom it may concern|Sehr geehrte[^\n,]{0,60}|Madame, Monsieur|Estimad[oa]s?\s+[^\n,:]{1,60}|Gentile\s+[^\n,:]{1,60})"#)
    private static let closingPattern = TextPattern(
        #"^\s*(?:Sincerely|Yours sincerely|Yours faithfully|Yours truly|Best regards|Kind regards|Warm regards|With best regards|Respectfully|Mit freundlichen Grüßen|Cordialement|Atentamente|Cordiali saluti)\b"#,
        caseInsensitive: true)
    static let year = TextPattern(#"\b(?:19|20)\d{2}[a-z]?\b|\b(?:in press|forthcoming|submitted)\b"#, caseInsensitive: true)
    private static let authorList = TextPattern(
        #"\p{Lu}[\p{L}'\-]+,\s*(?:\p{Lu}\.\s*)+|(?:\p{Lu}\.\s*)+\p{Lu}[\p{L}'\-]+,|\bet al\b|\p{Lu}[\p{L}'\-]+,?\s+(?:and|&)\s+\p{Lu}"#)
    private static let venue = TextPattern(
        #"\b(?:In:?\s+Proc|Proceedings|Journal|Conference|Symposium|Workshop|Transactions|Letters|Review|Press|vol\.|Vol\.|arXiv|bioRxiv|preprint)\b"#)
    private static let pages = TextPattern(#"\bpp?\.\s*\d+|\b\d+\s*\(\d+\)\s*[:,]\s*\d+|\b\d+[–-]\d+\b"#)
    static let identifier = TextPattern(#"\b10\.\d{4,9}/|arXiv:|ISBN"#, caseInsensitive: true)
    private static let quotedTitle = TextPattern(#"[“"][^”"]{10,}[”"]"#)
}
