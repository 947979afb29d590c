import DossierText
import Foundation

/// Reads the affiliation and the postal address from the lines of the contact block (between the name
/// and the first section): "Address:" / "Affiliation:" labels, lines naming an institution, and lines
/// shaped like an address (a street or a postcode, or "City, Country" after an institution or beside an
/// e-mail or phone of the same block).
enum ContactBlocks {
    /// The affiliation and address from the contact block's lines grouped by block, each joined with ", ".
    static func read(_ blocks: [[String]], name: String?) -> (affiliation: String?, address: String?) {
        var state = State(nameTokens: name.map(PersonNames.comparisonTokens))
        for block in blocks {
            let besideDetails = block.contains(where: isContactDetail)
            for line in block {
                // `detailLabel` ends in a ":": without one the line has nothing to cut.
                let separated = line.containsByte(UInt8(ascii: ":")) ? detailLabel.replacing(in: line, with: "|$0") : line
                for part in parts(of: separated) {
                    state.read(part.trimmingFast(in: partEdges),
                               besideDetails: besideDetails)
                }
            }
        }
        return (state.affiliation.isEmpty ? nil : state.affiliation.joined(separator: ", "),
                state.address.isEmpty ? nil : state.address.joined(separator: ", "))
    }

    /// The line cut at "|", "•" and "·"; a line without them is one part (its bytes tell).
    private static func parts(of line: String) -> [String] {
        let bytes = LineBytes(line)
        guard bytes.contains(UInt8(ascii: "|")) || bytes.contains("•") || bytes.contains("·") else { return [line] }
        return line.components(separatedBy: partSeparators)
    }

    // Character sets built once, not once per line.
    private static let partEdges = CharacterSet.whitespaces.union(CharacterSet(charactersIn: ",;"))
    private static let partSeparators = CharacterSet(charactersIn: "|•·")
    private static let dots = CharacterSet(charactersIn: ".")

    /// What has been read so far.
    private struct State {
        let nameTokens: [String]?
        var affiliation: [String] = []
        var address: [String] = []
        var lastWasAddress = false

        mutating func read(_ text: String, besideDetails: Bool) {
            guard text.count >= 2, !isContactDetail(text) else { return }
            if let nameTokens, PersonNames.cleaned(text).map(PersonNames.comparisonTokens) == nameTokens { return }
            if text.containsByte(UInt8(ascii: ":")), let match = label.firstMatch(in: text), let key = match.group(1)?.lowercased(), let value = match.group(2) {
                if key.hasPrefix("addr") || key.hasPrefix("adresse") || key.hasPrefix("dirección") || key.hasPrefix("indirizzo") {
                    address.append(value)
                } else if key.hasPrefix("affil") || key.hasPrefix("institution") || key.hasPrefix("organi") {
                    affiliation.append(value)
                }
                return
            }
            let cleaned = text.trimmingFast(in: ContactBlocks.dots)
            if isInstitution(text) {
                // "Institut für Meereskunde, Westufer 12": a street after the institution is address.
                let pieces = cleaned.components(separatedBy: ", ")
                let streetAt = pieces.indices.dropFirst().first {
                    !isInstitution(pieces[$0]) && looksLikeAddress(pieces[$0], afterInstitution: false)
                }
                affiliation.append(pieces[..<(streetAt ?? pieces.endIndex)].joined(separator: ", "))
                if let streetAt { address.append(pieces[streetAt...].joined(separator: ", ")) }
                lastWasAddress = streetAt != nil
            } else if looksLikeAddress(text, afterInstitution: !affiliation.isEmpty || besideDetails)
                || (lastWasAddress && isCountry(cleaned))
            {
                address.append(cleaned)
                lastWasAddress = true
            } else {
                lastWasAddress = false
            }
        }
    }

    private static func isContactDetail(_ text: String) -> Bool {
        let lowercased = text.lowercased()
        if text.contains("@") || lowercased.contains("http") || lowercased.contains("www.") { return true }
        if !EmailFinder.emails(in: text).isEmpty || !PhoneFinder.phones(in: text).isEmpty { return true }
        let bytes = LineBytes(text)
        if mayBeDomain(bytes) && domainOnly.matches(text) { return true }
        if mayBeNoise(bytes) && noise.matches(text) { return true }
        return false
    }

    /// `domainOnly` needs a ".".
    static func mayBeDomain(_ bytes: LineBytes) -> Bool { bytes.contains(UInt8(ascii: ".")) }

    /// `noise` starts with one of its words; these are their first two letters ("résumé" is tried as non-ASCII).
    static func mayBeNoise(_ bytes: LineBytes) -> Bool {
        bytes.mayStart(
            withOneOf: ["cu", "cv", "re", "la", "up", "th", "e-", "em", "ph", "te", "mo", "we", "ho", "go", "gi", "li", "or",
                        "tw", "yo", "fo", "bo", "da", "na", "ci"],
            skippingWhitespace: false)
    }

    /// `street` needs a `\s` (ASCII or not), except in "Hauptstr.5"-like forms, which need a digit and "str.",
    /// "strasse", "weg", "allee", "platz" or "gasse" ("straße" is non-ASCII and always tried).
    static func mayBeStreet(_ bytes: LineBytes) -> Bool {
        if bytes.hasASCIIWhitespace || !bytes.isASCII { return true }
        guard bytes.asciiDigits > 0 else { return false }
        return ["str.", "strasse", "weg", "allee", "platz", "gasse"].contains { bytes.containsIgnoringASCIICase($0) }
    }

    /// Every `postcode` form needs two digits (`\d`: ASCII or not) and a capital "A"…"Z" or a `\s` (ASCII or not).
    static func mayBePostcode(_ bytes: LineBytes) -> Bool {
        bytes.asciiDigits + bytes.nonASCIIScalars >= 2 && (bytes.hasASCIIUppercase || bytes.hasASCIIWhitespace || !bytes.isASCII)
    }

    /// `cityCountry` needs a ",".
    static func mayBeCityCountry(_ bytes: LineBytes) -> Bool { bytes.contains(UInt8(ascii: ",")) }

    private static func isInstitution(_ text: String) -> Bool {
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter })
        guard words.count <= 14 else { return false }
        return words.contains { institutionWords.contains(String($0)) }
    }

    private static func looksLikeAddress(_ text: String, afterInstitution: Bool) -> Bool {
        let words = text.split(separator: " ")
        guard words.count <= 12 else { return false }
        // "January 2025" (the date under a title) is shaped like "Westufer 12" but is no street.
        if words.count == 2, Months.numberBesideYear(words[0].lowercased().trimmingFast(in: CharacterSet(charactersIn: ".,"))) != nil,
           words[1].count == 4, words[1].allSatisfy(\.isNumber) { return false }
        let bytes = LineBytes(text)
        if (mayBeStreet(bytes) && street.matches(text)) || (mayBePostcode(bytes) && postcode.matches(text)) { return true }
        return afterInstitution && mayBeCityCountry(bytes) && cityCountry.matches(text)
    }

    static let label = TextPattern(
        #"^(address|adresse|dirección|indirizzo|affiliation|institution|organi[sz]ation|office)\s*:\s*(.+)$"#,
        caseInsensitive: true)
    /// A label that starts a contact detail in the middle of a line ("Department of X Mail: a@b.c" in two-column
    /// PDF headers): the line is cut before it.
    static let detailLabel = TextPattern(
        #"(?<=\S\s)(?:e-?mail|mail|orcid|website|web|homepage|phone|tel|telephone|mobile|fax|github|linkedin|twitter)\s*:"#,
        caseInsensitive: true)
    static let domainOnly = TextPattern(#"^[\w.-]+\.[a-z]{2,}(?:/\S*)?$"#, caseInsensitive: true)
    static let noise = TextPattern(
        #"^(?:curriculum vit|cv$|résumé|resume$|last updated|updated|this document|e-?mail|phone|tel|mobile|web|website|homepage|google scholar|github|linkedin|orcid|twitter|researchgate|youtube|follow|born|date of birth|nationality|citizenship)"#,
        caseInsensitive: true)
    static let street = TextPattern(
        #"\b(?:\d+\w?\s+\p{L}+.*\b(?:street|st|road|rd|avenue|ave|boulevard|blvd|drive|dr|lane|ln|way|place|pl|square|court|ct)\b|\p{L}+(?:str\.|straße|strasse|weg|allee|platz|gasse)\s*\d|(?:rue|via|calle|avenida|avenue|piazza|plaza|carrer)\s+\p{L}|\b(?:p\.?o\.?\s*box|postfach|room|suite|office|building|bldg|hall)\s+\w*\d|^\p{Lu}\p{L}+(?:[\s\-]\p{L}+)?\.?\s\d{1,4}[a-zA-Z]?$)"#,
        caseInsensitive: true)
    static let postcode = TextPattern(
        #"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b|\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b|(?:^|,\s*)(?:[A-Z]-?)?\d{4,5}\s+\p{Lu}\p{L}+"#)
    /// "Germany", "United Kingdom" on the line after an address; not "Partner Research Manager".
    private static func isCountry(_ text: String) -> Bool {
        country.matches(text) && !text.lowercased().split(separator: " ").contains { PersonNames.nonNameWords.contains(String($0)) }
    }

    private static let country = TextPattern(#"^\p{Lu}[\p{L}.'\-]+(?:\s\p{Lu}[\p{L}.'\-]+)?$"#)
    static let cityCountry = TextPattern(#"^\p{Lu}[\p{L}.'\- ]{1,30}(?:,\s*\p{Lu}[\p{L}.'\- ]{0,30}){1,2}\.?$"#)
    private static let institutionWords: Set<String> = [
        "university", "universität", "universitat", "université", "universidad", "universidade", "università",
        "universiteit", "uniwersytet", "institute", "institut", "instituto", "istituto", "college", "school",
        "laboratory", "laboratoire", "lab", "department", "dept", "departamento", "dipartimento", "département",
        "faculty", "fakultät", "center", "centre", "centro", "hospital", "clinic", "klinikum", "academy",
        "akademie", "inc", "gmbh", "ltd", "llc", "corporation", "company", "foundation", "hochschule", "école",
        "polytechnique", "politecnico", "labs",
    ]
}
