import DossierText

/// Plain value types of the layout analysis: glyphs, words and lines on a page, with no poppler in them, so
/// that every layout step can be tested on glyph data built in code.

/// A rectangle in PDF points, origin top-left (y grows downwards).
struct Rect: Sendable, Hashable {
    var x0: Double
    var y0: Double
    var x1: Double
    var y1: Double

    init(x0: Double, y0: Double, x1: Double, y1: Double) {
        self.x0 = x0
        self.y0 = y0
        self.x1 = x1
        self.y1 = y1
    }

    var width: Double { x1 - x0 }
    var height: Double { y1 - y0 }
    var midY: Double { (y0 + y1) / 2 }
    var midX: Double { (x0 + x1) / 2 }

    /// The smallest rectangle holding both.
    func union(_ other: Rect) -> Rect {
        Rect(x0: min(x0, other.x0), y0: min(y0, other.y0), x1: max(x1, other.x1), y1: max(y1, other.y1))
    }

    /// Length of the vertical overlap (0 when apart).
    func verticalOverlap(_ other: Rect) -> Double { max(0, min(y1, other.y1) - max(y0, other.y0)) }

    /// Area of the intersection (0 when apart).
    func intersectionArea(_ other: Rect) -> Double {
        let w = max(0, min(x1, other.x1) - max(x0, other.x0))
        return w * verticalOverlap(other)
    }

    /// `[x0, y0, x1, y1]` for provenance, rounded to 0.1 pt.
    var bbox: [Double] { [x0, y0, x1, y1].map { ($0 * 10).rounded() / 10 } }
}

/// The font of a glyph: what the PDF says, with bold and italic read from the font name.
struct GlyphFont: Sendable, Hashable {
    var name: String
    var size: Double
    var bold: Bool
    var italic: Bool
    /// `#rrggbb`.
    var color: String

    init(name: String, size: Double, bold: Bool? = nil, italic: Bool? = nil, color: String = "#000000") {
        self.name = name
        self.size = size
        let style = FontStyle(fontName: name)
        self.bold = bold ?? style.bold
        self.italic = italic ?? style.italic
        self.color = color
    }
}

/// One Unicode scalar as drawn on the page, in content order; whitespace glyphs separate words.
struct Glyph: Sendable, Hashable {
    var char: Unicode.Scalar
    var rect: Rect
    var font: GlyphFont
    /// The target of a link area covering this glyph, if any.
    var link: String?

    init(_ char: Unicode.Scalar, _ rect: Rect, _ font: GlyphFont, link: String? = nil) {
        self.char = char
        self.rect = rect
        self.font = font
        self.link = link
    }

    /// White space, or a no-break space; ASCII answered without the Unicode property lookup (there the property holds
    /// for tab to carriage return and space only).
    var isWhitespace: Bool {
        let value = char.value
        if value < 0x80 { return UInt8(value).isASCIIWhitespace }
        return char.properties.isWhitespace || char == "\u{00A0}"
    }

    /// `char.properties.isAlphabetic`, answered for ASCII without the Unicode property lookup (there only A–Z and
    /// a–z are alphabetic): the line tests ask it of every glyph.
    var isAlphabetic: Bool {
        let value = char.value
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        return char.properties.isAlphabetic
    }
}

/// Counts fonts to find the one most glyphs are in (`Word.dominant`), one glyph at a time, so that callers need not
/// gather the fonts of a line or a group into an array first.
struct FontTally {
    private var order: [GlyphFont] = []
    private var counts: [Int] = []
    private var last = 0

    /// Counts one glyph in `font`.
    mutating func add(_ font: GlyphFont) {
        if order.isEmpty {
            order.append(font)
            counts.append(1)
            return
        }
        if order[last] == font {
            counts[last] += 1
            return
        }
        if let seen = order.firstIndex(of: font) {
            last = seen
        } else {
            order.append(font)
            counts.append(0)
            last = order.count - 1
        }
        counts[last] += 1
    }

    /// The font counted most; ties go to the larger size, then to the font met first. An empty font when none.
    var dominant: GlyphFont {
        guard !order.isEmpty else { return GlyphFont(name: "", size: 0) }
        var best = 0
        for index in order.indices.dropFirst() {
            let count = counts[index], bestCount = counts[best]
            if count > bestCount || (count == bestCount && order[index].size > order[best].size) { best = index }
        }
        return order[best]
    }
}

/// A run of glyphs between whitespace on one baseline.
struct Word: Sendable, Hashable {
    let glyphs: [Glyph]
    /// Its text with ligatures expanded and soft hyphens dropped, made once: every layout step reads it, many of them
    /// more than once per word.
    let text: String
    var rect: Rect
    /// The font of most of its glyphs.
    var font: GlyphFont
    /// Index of the line of the content stream it came from (poppler's own line order).
    var streamLine = 0
    /// Set by the column detector for words of a side column of dates or labels merged into the main text.
    var isLabel = false
    /// Set by the column detector for words of a heading set in a margin column: the number of its heading (its
    /// wrapped lines share it), counted from 1 on the page; 0 for any other word.
    var marginHeading = 0

    init(glyphs: [Glyph], streamLine: Int = 0) {
        self.glyphs = glyphs
        self.streamLine = streamLine
        var rect = glyphs.first?.rect ?? Rect(x0: 0, y0: 0, x1: 0, y1: 0)
        for glyph in glyphs.dropFirst() { rect = rect.union(glyph.rect) }
        self.rect = rect
        var tally = FontTally()
        for glyph in glyphs { tally.add(glyph.font) }
        self.font = tally.dominant
        self.text = GlyphText.text(glyphs)
    }

    /// Whether it ends in a soft hyphen (always a hyphenation point).
    var endsInSoftHyphen: Bool { glyphs.last?.char == "\u{00AD}" }

    var size: Double { font.size }

    /// The font most of `fonts` are in. A word or a line has a handful of distinct fonts, so they are counted in
    /// a short list compared by `==` (the reader shares one value per font, so that is mostly a pointer check)
    /// rather than hashed: hashing two strings per glyph was a sixth of the layout analysis.
    static func dominant(_ fonts: [GlyphFont]) -> GlyphFont {
        var tally = FontTally()
        for font in fonts { tally.add(font) }
        return tally.dominant
    }

    /// `dominant` of the fonts of every glyph of `words`, without gathering them.
    static func dominant<S: Sequence>(ofWords words: S) -> GlyphFont where S.Element == Word {
        var tally = FontTally()
        for word in words {
            for glyph in word.glyphs { tally.add(glyph.font) }
        }
        return tally.dominant
    }
}

/// Words on one baseline within one column, left to right.
struct TextLine: Sendable, Hashable {
    /// Its words; `text`, `isBold` and `isItalic` are worked out again whenever they change (a word made a label).
    var words: [Word] {
        didSet { derive() }
    }
    var rect: Rect
    var page: Int
    /// Lines that share a baseline on the page share a row number (set by `LineBuilder`).
    var row = 0
    /// The font of most of its characters.
    var font: GlyphFont

    init(words: [Word], page: Int) {
        self.words = words.sorted { $0.rect.x0 < $1.rect.x0 }
        var rect = self.words.first?.rect ?? Rect(x0: 0, y0: 0, x1: 0, y1: 0)
        for word in self.words.dropFirst() { rect = rect.union(word.rect) }
        self.rect = rect
        self.page = page
        self.font = Word.dominant(ofWords: self.words)
        derive()
    }

    /// Its words' texts joined by spaces.
    private(set) var text = ""

    /// Every non-label letter is in a bold font.
    private(set) var isBold = false

    /// Every non-label letter is in an italic font.
    private(set) var isItalic = false

    /// `text`, `isBold` and `isItalic` from the words: the line tests ask them of the same lines again and again.
    private mutating func derive() {
        text = words.map(\.text).joined(separator: " ")
        var letters = false, bold = true, italic = true
        for word in words where !word.isLabel {
            for glyph in word.glyphs where glyph.isAlphabetic {
                letters = true
                bold = bold && glyph.font.bold
                italic = italic && glyph.font.italic
            }
        }
        isBold = letters && bold
        isItalic = letters && italic
    }

    /// Left edge of the words that are not side labels: where the line's own text starts.
    var mainX0: Double { words.first { !$0.isLabel }?.rect.x0 ?? rect.x0 }

    /// Right edge of the words that are not side labels: where the line's own text ends.
    var mainX1: Double { words.last { !$0.isLabel }?.rect.x1 ?? rect.x1 }

    /// Size of most of its characters.
    var size: Double { font.size }

    /// The number of the margin heading the line belongs to (0 when it is not one).
    var marginHeading: Int { words.first?.marginHeading ?? 0 }

    /// Its letters are all capitals ("PUBLICATIONS").
    var isAllCaps: Bool {
        let letters = text.unicodeScalars.filter(\.properties.isAlphabetic)
        return letters.count >= 2 && letters.allSatisfy { !$0.properties.isLowercase }
    }
}
