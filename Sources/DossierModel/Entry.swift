/// An education or employment entry: what, where, when — with the text it came from.
public struct Entry: Codable, Sendable, Hashable {
    /// The section kind the entry belongs to (education, employment, …).
    public var kind: SectionKind
    /// Degree or position title.
    public var title: String?
    public var organization: String?
    public var place: String?
    public var dates: DateRange?
    /// The entry's text as written.
    public var raw: String
    /// Index into `Document.blocks` of the top-level block it came from.
    public var block: Int?

    public init(
        kind: SectionKind, title: String? = nil, organization: String? = nil, place: String? = nil,
        dates: DateRange? = nil, raw: String, block: Int? = nil
    ) {
        self.kind = kind
        self.title = title
        self.organization = organization
        self.place = place
        self.dates = dates
        self.raw = raw
        self.block = block
    }
}

/// A date range that keeps its precision: EDTF strings ("2015-09", "2019", "2021-21" for spring) and the raw text.
public struct DateRange: Codable, Sendable, Hashable {
    /// EDTF date of the start, nil when unknown.
    public var start: String?
    /// EDTF date of the end; ".." for an open end ("present"); nil when the range is a single date.
    public var end: String?
    /// The EDTF form of the whole: `start/end`, or the single date.
    public var edtf: String
    /// The text as written.
    public var raw: String

    public init(start: String?, end: String?, raw: String) {
        self.start = start
        self.end = end
        self.raw = raw
        switch (start, end) {
        case let (start?, end?): self.edtf = "\(start)/\(end)"
        case let (start?, nil): self.edtf = start
        case let (nil, end?): self.edtf = "../\(end)"
        case (nil, nil): self.edtf = ""
        }
    }
}
