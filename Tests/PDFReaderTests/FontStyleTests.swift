import XCTest
@testable import PDFReader

final class FontStyleTests: XCTestCase {
    func testBoldAndItalicFromFontNames() {
        XCTAssertEqual(FontStyle(fontName: "Helvetica-BoldOblique"), FontStyle(bold: true, italic: true))
        XCTAssertEqual(FontStyle(fontName: "ABCDEF+CMBX12"), FontStyle(bold: true, italic: false))
        XCTAssertEqual(FontStyle(fontName: "XYZABC+CMTI10"), FontStyle(bold: false, italic: true))
        XCTAssertEqual(FontStyle(fontName: "CMSL10"), FontStyle(bold: false, italic: true))
        XCTAssertEqual(FontStyle(fontName: "SourceSansPro-Semibold"), FontStyle(bold: true, italic: false))
        XCTAssertEqual(FontStyle(fontName: "Lato-Black"), FontStyle(bold: true, italic: false))
        XCTAssertEqual(FontStyle(fontName: "NimbusRomNo9L-ReguItal"), FontStyle(bold: false, italic: true))
        XCTAssertEqual(FontStyle(fontName: "Roboto-Medium"), FontStyle(bold: false, italic: false))
        XCTAssertEqual(FontStyle(fontName: "LiberationSerif"), FontStyle(bold: false, italic: false))
        XCTAssertEqual(FontStyle(fontName: "CMR10"), FontStyle(bold: false, italic: false))
    }
}

final class DominantFontTests: XCTestCase {
    func testATieGoesToTheFontMetFirstEveryTime() {
        let italic = GlyphFont(name: "LMRoman10-Italic", size: 10), bold = GlyphFont(name: "LMRoman10-Bold", size: 10)
        // Both are ties: whatever order a dictionary keeps them in, one of these fails unless the first met wins.
        XCTAssertEqual(Word.dominant([italic, bold, bold, italic]).name, "LMRoman10-Italic")
        XCTAssertEqual(Word.dominant([bold, italic]).name, "LMRoman10-Bold")
        XCTAssertEqual(Word.dominant([italic, bold, bold]).name, "LMRoman10-Bold", "more glyphs win")
        XCTAssertEqual(Word.dominant([italic, GlyphFont(name: "X", size: 12)]).size, 12, "then the larger size")
    }
}
