/// One publication as a CSL-JSON item (so that CSL-JSON output is a direct mapping), plus what Dossier adds:
/// the raw reference string, a confidence per field and the applicant's position in the author list.
public struct Publication: Codable, Sendable, Hashable {
    public var id: String
    /// CSL type: article-journal, paper-conference, chapter, book, thesis, report, article (preprint), patent, …
    public var type: String
    public var author: [CSLName]?
    public var editor: [CSLName]?
    public var title: String?
    public var containerTitle: String?
    public var issued: CSLDate?
    public var volume: String?
    public var issue: String?
    public var page: String?
    public var publisher: String?
    public var publisherPlace: String?
    public var edition: String?
    public var doi: String?
    public var pmid: String?
    public var pmcid: String?
    public var arxiv: String?
    public var isbn: String?
    public var url: String?
    public var status: String?
    public var note: String?
    /// The reference string as it stood in the source.
    public var raw: String
    /// Field name (as in this JSON) → confidence 0–1.
    public var confidence: [String: Double]
    /// 1-based position of the applicant in `author`; nil when not found (never guessed).
    public var applicantPosition: Int?
    /// The author list was cut by "et al.".
    public var etAl: Bool?
    /// 1-based positions of authors marked as contributing equally.
    public var equalContribution: [Int]?
    /// 1-based positions of authors marked as corresponding.
    public var corresponding: [Int]?
    /// Index into `Document.blocks` of the top-level block it came from.
    public var block: Int?

    package enum CodingKeys: String, CodingKey {
        case id, type, author, editor, title
        case containerTitle = "container-title"
        case issued, volume, issue, page, publisher
        case publisherPlace = "publisher-place"
        case edition
        case doi = "DOI"
        case pmid = "PMID"
        case pmcid = "PMCID"
        case arxiv
        case isbn = "ISBN"
        case url = "URL"
        case status, note, raw, confidence, applicantPosition, etAl, equalContribution, corresponding, block
    }

    public init(id: String, type: String, raw: String) {
        self.id = id
        self.type = type
        self.raw = raw
        self.confidence = [:]
    }
}

/// A CSL name: structured when it could be split, `literal` for consortia and what could not.
public struct CSLName: Codable, Sendable, Hashable {
    public var family: String?
    public var given: String?
    public var particle: String?
    public var suffix: String?
    public var literal: String?

    package enum CodingKeys: String, CodingKey {
        case family, given
        case particle = "non-dropping-particle"
        case suffix, literal
    }

    public init(family: String? = nil, given: String? = nil, particle: String? = nil, suffix: String? = nil, literal: String? = nil) {
        self.family = family
        self.given = given
        self.particle = particle
        self.suffix = suffix
        self.literal = literal
    }
}

/// A CSL date that keeps its precision: `[[2019]]`, `[[2019, 10]]` or `[[2019, 10, 3]]`, and the raw text.
public struct CSLDate: Codable, Sendable, Hashable {
    public var dateParts: [[Int]]
    public var raw: String?

    package enum CodingKeys: String, CodingKey {
        case dateParts = "date-parts"
        case raw
    }

    public init(dateParts: [[Int]], raw: String? = nil) {
        self.dateParts = dateParts
        self.raw = raw
    }

    /// The year of the first date, if any.
    public var year: Int? { dateParts.first?.first }
}
