/// One block of the source, faithfully: its type, its plain text, its inline structure and where it came from.
///
/// A struct with optional children rather than an enum with payloads, so that its JSON is flat and
/// the same shape for every type (`type`, `text`, `provenance` always present).
public struct Block: Codable, Sendable, Hashable {
    public var type: BlockType
    /// The plain text of the block, children included (items joined by newlines).
    public var text: String
    /// Heading level 1–6.
    public var level: Int?
    /// For `list`: numbered or not.
    public var ordered: Bool?
    /// For an ordered `list`: the first number.
    public var start: Int?
    /// For `item`: the marker as written ("[12]", "3.", "•"), when the reader saw one.
    public var marker: String?
    /// For `code`: the info string (language).
    public var info: String?
    /// For `cell`: a header cell.
    public var header: Bool?
    public var inlines: [Inline]?
    /// For `list`: its `item` blocks.
    public var items: [Block]?
    /// For `item` and `quote`: the blocks inside.
    public var blocks: [Block]?
    /// For `table`: its `row` blocks.
    public var rows: [Block]?
    /// For `row`: its `cell` blocks.
    public var cells: [Block]?
    public var provenance: Provenance
    public var font: FontInfo?

    public init(
        _ type: BlockType, text: String, provenance: Provenance, level: Int? = nil, inlines: [Inline]? = nil,
        font: FontInfo? = nil
    ) {
        self.type = type
        self.text = text
        self.provenance = provenance
        self.level = level
        self.inlines = inlines
        self.font = font
    }

    /// The block's direct children, whatever field holds them.
    public var children: [Block] {
        (items ?? []) + (blocks ?? []) + (rows ?? []) + (cells ?? [])
    }
}

/// The closed set of block types (DESIGN §2).
public enum BlockType: String, Codable, Sendable, Hashable, CaseIterable {
    case heading, paragraph, list, item, table, row, cell, quote, code, rule
}

/// Inline content: text with emphasis, strong, links and line breaks kept.
public struct Inline: Codable, Sendable, Hashable {
    public var type: InlineType
    /// The plain text of this inline and its children.
    public var text: String
    /// For `link`: the target.
    public var url: String?
    /// For `html`: the markup as written (its `text` is only what it shows, e.g. a line break).
    public var raw: String?
    public var children: [Inline]?

    public init(_ type: InlineType, text: String, url: String? = nil, raw: String? = nil, children: [Inline]? = nil) {
        self.type = type
        self.text = text
        self.url = url
        self.raw = raw
        self.children = children
    }

    /// A run of plain text.
    public static func text(_ string: String) -> Inline { Inline(.text, text: string) }
}

/// Inline types; `html` is raw HTML found in Markdown, kept as text and never executed; `softbreak` is a
/// line end inside a paragraph, `linebreak` a hard break.
public enum InlineType: String, Codable, Sendable, Hashable, CaseIterable {
    case text, emphasis, strong, strikethrough, underline, superscript, `subscript`, code, link, softbreak, linebreak, html
}
