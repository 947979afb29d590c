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
