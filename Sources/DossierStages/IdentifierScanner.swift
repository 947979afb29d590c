import Foundation

/// An identifier found in text: its scheme, its value in normal form, and whether its checksum holds.
struct FoundIdentifier: Sendable, Hashable {
    enum Scheme: String, Sendable, Hashable, CaseIterable {
        case doi, pmid, pmcid, arxiv, isbn, orcid
    }

    var scheme: Scheme
    /// DOI as written (trailing punctuation trimmed); PMID digits; "PMC123"; arXiv id with version; ISBN
    /// without hyphens; ORCID with hyphens and an uppercase X.
    var value: String
    /// False when a checksum (ISBN, ORCID) fails.
    var valid: Bool
}

/// Finds DOIs (`doi:`, `https://doi.org/`, `dx.doi.org`, bare `10.NNNN/…`), PMIDs (after "PMID"), PMCIDs,
/// arXiv ids (new `2101.01234v2` and old `hep-th/9901001`, after "arXiv:" or in arxiv.org URLs), ISBNs
/// (after "ISBN", checksum checked) and ORCID iDs (orcid.org URLs, after "ORCID", or bare with a valid checksum).
enum IdentifierScanner {
    /// Every identifier in `text`, in order, without duplicates.
    static func scan(_ text: String) -> [FoundIdentifier] {
        var found: [(String.Index, FoundIdentifier)] = []
        func add(_ scheme: FoundIdentifier.Scheme, _ value: String, at index: String.Index, valid: Bool = true) {
            let item = FoundIdentifier(scheme: scheme, value: value, valid: valid)
            if !found.contains(where: { $0.1.scheme == scheme && $0.1.value.lowercased() == value.lowercased() }) {
                found.append((index, item))
            }
        }
        let decoded = text.removingPercentEncoding ?? text
        for match in doi.matches(in: decoded) {
            guard let raw = match.group(1) else { continue }
            let value = trimDOI(raw)
            if value.count > 8 { add(.doi, value, at: match.range.lowerBound) }
        }
        for match in pmid.matches(in: decoded) {
            if let value = match.group(1) ?? match.group(2) { add(.pmid, value, at: match.range.lowerBound) }
        }
        for match in pmcid.matches(in: decoded) {
            if let value = match.group(1) { add(.pmcid, value.uppercased(), at: match.range.lowerBound) }
        }
        for match in arxiv.matches(in: decoded) {
            if let value = match.group(1) {
                add(.arxiv, value.hasSuffix(".pdf") ? String(value.dropLast(4)) : value, at: match.range.lowerBound)
            }
        }
        for match in isbn.matches(in: decoded) {
            guard let raw = match.group(1) else { continue }
            let compact = IdentifierChecksum.compactISBN(raw)
            guard compact.count == 10 || compact.count == 13 else { continue }
            add(.isbn, compact, at: match.range.lowerBound, valid: IdentifierChecksum.isValidISBN(compact))
        }
        for match in labelledORCID.matches(in: decoded) {
            guard let value = match.group(1)?.uppercased() else { continue }
            add(.orcid, value, at: match.range.lowerBound, valid: IdentifierChecksum.isValidORCID(value))
        }
        for match in bareORCID.matches(in: decoded) {
            guard let value = match.group(1)?.uppercased(), IdentifierChecksum.isValidORCID(value) else { continue }
            add(.orcid, value, at: match.range.lowerBound)
        }
        return found.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// A DOI without the punctuation that follows it in prose; a closing bracket stays when the DOI opened it.
    static func trimDOI(_ raw: String) -> String {
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

    private static let doi = TextPattern(#"(?<![\w.])(10\.\d{4,9}/[^\s"<>]+)"#)
    private static let pmid = TextPattern(#"\bPMID\s*:?\s*(\d{1,9})\b|pubmed\.ncbi\.nlm\.nih\.gov/(\d{1,9})"#, caseInsensitive: true)
    private static let pmcid = TextPattern(#"\b(PMC\d{4,9})\b"#)
    private static let arxiv = TextPattern(
        #"(?:\barXiv\s*:?\s*|arxiv\.org/(?:abs|pdf)/)(\d{4}\.\d{4,5}(?:v\d+)?|[a-z][a-z\-]*(?:\.[A-Z]{2})?/\d{7}(?:v\d+)?)"#,
        caseInsensitive: true)
    private static let isbn = TextPattern(#"\bISBN(?:-?1[03])?\s*:?\s*((?:97[89][\s-]?)?\d{1,5}[\s-]?\d{1,7}[\s-]?\d{1,7}[\s-]?[\dXx])(?![\w-])"#, caseInsensitive: true)
    private static let labelledORCID = TextPattern(
        #"(?:orcid\.org/|\bORCID(?:\s*i[dD])?\s*:?\s*)(\d{4}-\d{4}-\d{4}-\d{3}[\dXx])(?![\w-])"#, caseInsensitive: true)
    private static let bareORCID = TextPattern(#"(?<![\w-])(\d{4}-\d{4}-\d{4}-\d{3}[\dX])(?![\w-])"#)
}
