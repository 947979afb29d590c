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

    var isWhitespace: Bool { char.properties.isWhitespace || char == "\u{00A0}" }
}

/// A run of glyphs between whitespace on one baseline.
struct Word: Sendable, Hashable {
    var glyphs: [Glyph]
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
        self.font = Word.dominant(glyphs.map(\.font))
    }

    /// Its text with ligatures expanded and soft hyphens dropped.
    var text: String { GlyphText.text(glyphs) }

    /// Whether it ends in a soft hyphen (always a hyphenation point).
    var endsInSoftHyphen: Bool { glyphs.last?.char == "\u{00AD}" }

    var size: Double { font.size }

    /// The font most of `fonts` are in. A word or a line has a handful of distinct fonts, so they are counted in
    /// a short list compared by `==` (the reader shares one value per font, so that is mostly a pointer check)
    /// rather than hashed: hashing two strings per glyph was a sixth of the layout analysis.
    static func dominant(_ fonts: [GlyphFont]) -> GlyphFont {
        guard let first = fonts.first else { return GlyphFont(name: "", size: 0) }
        var order: [GlyphFont] = [first]
        var counts: [Int] = [0]
        var last = 0
        for font in fonts {
            if order[last] == font { counts[last] += 1; continue }
            if let seen = order.firstIndex(of: font) {
                last = seen
            } else {
                order.append(font)
                counts.append(0)
                last = order.count - 1
            }
            counts[last] += 1
        }
        // Ties go to the larger size, then to the font met first.
        var best = 0
        for index in order.indices.dropFirst() {
            let count = counts[index], bestCount = counts[best]
            if count > bestCount || (count == bestCount && order[index].size > order[best].size) { best = index }
        }
        return order[best]
    }
}

/// Words on one baseline within one column, left to right.
struct TextLine: Sendable, Hashable {
    var words: [Word]
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
        self.font = Word.dominant(self.words.flatMap { $0.glyphs.map(\.font) })
    }

    var text: String { words.map(\.text).joined(separator: " ") }

    /// Left edge of the words that are not side labels: where the line's own text starts.
    var mainX0: Double { words.first { !$0.isLabel }?.rect.x0 ?? rect.x0 }

    /// Right edge of the words that are not side labels: where the line's own text ends.
    var mainX1: Double { words.last { !$0.isLabel }?.rect.x1 ?? rect.x1 }

    /// Size of most of its characters.
    var size: Double { font.size }

    /// The number of the margin heading the line belongs to (0 when it is not one).
    var marginHeading: Int { words.first?.marginHeading ?? 0 }

    /// Every non-label letter is in an italic font.
    var isItalic: Bool {
        let glyphs = words.filter { !$0.isLabel }.flatMap(\.glyphs).filter { $0.char.properties.isAlphabetic }
        return !glyphs.isEmpty && glyphs.allSatisfy(\.font.italic)
    }

    /// Its letters are all capitals ("PUBLICATIONS").
    var isAllCaps: Bool {
        let letters = text.unicodeScalars.filter(\.properties.isAlphabetic)
        return letters.count >= 2 && letters.allSatisfy { !$0.properties.isLowercase }
    }

    /// Every non-label letter is in a bold font.
    var isBold: Bool {
        let glyphs = words.filter { !$0.isLabel }.flatMap(\.glyphs).filter { $0.char.properties.isAlphabetic }
        return !glyphs.isEmpty && glyphs.allSatisfy(\.font.bold)
    }
}
