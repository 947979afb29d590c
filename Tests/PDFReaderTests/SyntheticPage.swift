import DossierModel
@testable import PDFReader

/// Builds glyph streams in code, as poppler would hand them over: one glyph per scalar, a space glyph between
/// words, a line-end glyph after each line; every glyph half an em wide.
struct SyntheticPage {
    var number = 1
    var height = 842.0
    private(set) var glyphs: [Glyph] = []

    init(number: Int = 1, height: Double = 842) {
        self.number = number
        self.height = height
    }

    /// Appends one line of text with its left edge at `x` and its top at `y`; `bold` words are listed by text.
    mutating func line(_ text: String, x: Double, y: Double, size: Double = 10, font: String = "Times-Roman",
                       bold: Set<String> = [], link: String? = nil) {
        var cursor = x
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        for (index, word) in words.enumerated() {
            let fontName = bold.contains(String(word)) ? "Times-Bold" : font
            let glyphFont = GlyphFont(name: fontName, size: size)
            for scalar in word.unicodeScalars {
                glyphs.append(Glyph(scalar, Rect(x0: cursor, y0: y, x1: cursor + size * 0.5, y1: y + size), glyphFont, link: link))
                cursor += size * 0.5
            }
            if index < words.count - 1 {
                glyphs.append(Glyph(" ", Rect(x0: cursor, y0: y, x1: cursor + size * 0.25, y1: y + size), glyphFont))
                cursor += size * 0.3
            }
        }
        glyphs.append(Glyph("\n", Rect(x0: cursor, y0: y, x1: cursor, y1: y + size), GlyphFont(name: font, size: size)))
    }

    /// Two columns' lines joined into one stream line, as poppler does across a narrow gutter.
    mutating func mergedLine(_ left: String, _ right: String, leftX: Double, rightX: Double, y: Double, size: Double = 10) {
        line(left, x: leftX, y: y, size: size)
        glyphs.removeLast()
        glyphs.append(Glyph(" ", Rect(x0: rightX - 3, y0: y, x1: rightX - 1, y1: y + size), GlyphFont(name: "Times-Roman", size: size)))
        line(right, x: rightX, y: y, size: size)
    }

    /// A left column's line and a right column's numbered line on a baseline `drop` points lower, in one stream
    /// line with the number touching the left line's last glyph (a LaTeX two-column list hangs its numbers into
    /// the gutter: "… entre ap-9 Z. A. …").
    mutating func touchingNumberLine(_ left: String, number: String, _ right: String, leftX: Double, rightX: Double, y: Double,
                                     drop: Double, size: Double = 10) {
        line(left, x: leftX, y: y, size: size)
        let end = glyphs.removeLast().rect.x0
        let font = GlyphFont(name: "Times-Roman", size: size)
        var cursor = end
        for scalar in number.unicodeScalars {
            glyphs.append(Glyph(scalar, Rect(x0: cursor, y0: y + drop, x1: cursor + size * 0.5, y1: y + drop + size), font))
            cursor += size * 0.5
        }
        glyphs.append(Glyph(" ", Rect(x0: cursor, y0: y + drop, x1: rightX - 1, y1: y + drop + size), font))
        line(right, x: rightX, y: y + drop, size: size)
    }

    var page: (number: Int, height: Double, glyphs: [Glyph]) { (number, height, glyphs) }
}

/// The text of every block and its children, in order.
func texts(_ blocks: [Block]) -> [String] {
    blocks.flatMap { [$0.text] + texts($0.children) }
}
