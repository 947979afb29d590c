/// Where a block came from: a line range (Markdown, HTML) or a page and box (PDF).
public struct Provenance: Codable, Sendable, Hashable {
    /// First and last source line, 1-based, inclusive.
    public var lines: [Int]?
    /// 1-based page number.
    public var page: Int?
    /// `[x0, y0, x1, y1]` in PDF points, origin top-left.
    public var bbox: [Double]?

    public init(lines: [Int]? = nil, page: Int? = nil, bbox: [Double]? = nil) {
        self.lines = lines
        self.page = page
        self.bbox = bbox
    }

    /// A line range.
    public static func lines(_ first: Int, _ last: Int) -> Provenance { Provenance(lines: [first, last]) }

    /// A page and a bounding box.
    public static func page(_ page: Int, bbox: [Double]) -> Provenance { Provenance(page: page, bbox: bbox) }
}

/// Text attributes of a block where the source has them (PDF).
public struct FontInfo: Codable, Sendable, Hashable {
    public var name: String?
    public var size: Double?
    public var bold: Bool?
    public var italic: Bool?
    /// `#rrggbb`.
    public var color: String?

    public init(name: String? = nil, size: Double? = nil, bold: Bool? = nil, italic: Bool? = nil, color: String? = nil) {
        self.name = name
        self.size = size
        self.bold = bold
        self.italic = italic
        self.color = color
    }
}
