/// Glyphs in content order → words. Whitespace separates words (poppler puts a space wherever the gap between
/// glyphs says so, much as `pdftotext` does); a glyph on another baseline, to the left, or a third of an em away
/// starts a new word.
enum WordBuilder {
    static func words(from glyphs: [Glyph]) -> [Word] {
        var words: [Word] = []
        var current: [Glyph] = []
        var streamLine = 0
        func flush() {
            if !current.isEmpty { words.append(Word(glyphs: current, streamLine: streamLine)) }
            current.removeAll(keepingCapacity: true)
        }
        for glyph in glyphs {
            if glyph.char == "\n" || glyph.char == "\r" {
                flush()
                streamLine += 1
                continue
            }
            if glyph.isWhitespace || glyph.char.value < 0x20 || !WordBuilder.isUsable(glyph.rect) {
                flush()
                continue
            }
            if let last = current.last, !continues(last, with: glyph) { flush() }
            current.append(glyph)
        }
        flush()
        return words
    }

    /// A box with finite coordinates inside ±100,000 points (a broken PDF can say anything).
    static func isUsable(_ rect: Rect) -> Bool {
        let usable = { (value: Double) in value.isFinite && abs(value) < 100_000 }
        return usable(rect.x0) && usable(rect.y0) && usable(rect.x1) && usable(rect.y1)
    }

    /// Whether `next` can follow `last` inside one word: same baseline, not jumping back.
    private static func continues(_ last: Glyph, with next: Glyph) -> Bool {
        let minHeight = max(0.1, min(last.rect.height, next.rect.height))
        guard last.rect.verticalOverlap(next.rect) >= 0.3 * minHeight else { return false }
        // A gap of a third of an em between glyphs is a word space even where the text has none ("10.Marx").
        let gap = next.rect.x0 - last.rect.x1
        // Glyphs of very different sizes drawn over each other are two texts colliding (a margin heading too long
        // for the margin running into the date beside it, "FÖRDERMITTEL|2020–2022:"), not one word.
        let sizes = (max(last.font.size, 0.1), max(next.font.size, 0.1))
        if gap < -0.5, max(sizes.0, sizes.1) > 1.2 * min(sizes.0, sizes.1) { return false }
        if onAnotherBaseline(last.rect, next.rect, fonts: (last.font, next.font)) { return false }
        return next.rect.x0 >= last.rect.x0 - 1 && gap <= 0.3 * max(last.font.size, next.font.size, 1)
    }
}

extension WordBuilder {
    /// Boxes in one font and size whose baselines lie a quarter of an em apart: two lines touching (a list number
    /// hung in a two-column page's gutter right after the left column's last word, "ap-|9"), not a superscript
    /// (set smaller) nor a formula's symbol (another font).
    static func onAnotherBaseline(_ last: Rect, _ next: Rect, fonts: (GlyphFont, GlyphFont)) -> Bool {
        let sizes = (max(fonts.0.size, 0.1), max(fonts.1.size, 0.1))
        return abs(next.y1 - last.y1) > 0.25 * max(sizes.0, sizes.1) && max(sizes.0, sizes.1) <= 1.03 * min(sizes.0, sizes.1)
            && fonts.0.name == fonts.1.name
    }
}

/// Text clean-up the reader applies to every word: ligatures expanded, soft hyphens dropped.
enum GlyphText {
    private static let ligatures: [Unicode.Scalar: String] = [
        "\u{FB00}": "ff", "\u{FB01}": "fi", "\u{FB02}": "fl", "\u{FB03}": "ffi", "\u{FB04}": "ffl",
        "\u{FB05}": "st", "\u{FB06}": "st",
    ]

    /// The text of `scalar` as it should read.
    static func text(_ scalar: Unicode.Scalar) -> String {
        if let expanded = ligatures[scalar] { return expanded }
        if scalar == "\u{00AD}" { return "" }
        return String(Character(scalar))
    }

    /// The text of a run of glyphs: `text(_:)` of each, as UTF-8 bytes (the same scalars as joining those strings,
    /// without a dictionary lookup and a string per glyph).
    static func text<S: Sequence>(_ glyphs: S) -> String where S.Element == Glyph {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(glyphs.underestimatedCount + 4)
        for glyph in glyphs {
            let scalar = glyph.char
            if scalar.value < 0x80 {
                bytes.append(UInt8(scalar.value))
            } else if scalar.value >= 0xFB00, scalar.value <= 0xFB06, let expanded = ligatures[scalar] {
                bytes.append(contentsOf: expanded.utf8)
            } else if scalar != "\u{00AD}" {
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
