import DossierModel
import Foundation
import XCTest

/// Bytes → text: BOM, `<meta charset>`, `http-equiv`, else UTF-8; invalid bytes → U+FFFD and one diagnostic.
final class HTMLEncodingTests: XCTestCase {
    private func latin1(_ string: String) throws -> Data {
        try XCTUnwrap(string.data(using: .isoLatin1))
    }

    func testUTF8WithoutDeclaration() throws {
        let document = try HTMLTestSupport.read("<html><body><p>José Müller – Zürich</p></body></html>")
        XCTAssertEqual(document.blocks.first?.text, "José Müller – Zürich")
        XCTAssertTrue(document.diagnostics.isEmpty)
    }

    func testUTF8ByteOrderMarkIsDropped() throws {
        let document = try HTMLTestSupport.read(Data([0xEF, 0xBB, 0xBF]) + Data("<p>Ångström</p>".utf8))
        XCTAssertEqual(document.blocks.map(\.text), ["Ångström"])
    }

    func testUTF16ByteOrderMark() throws {
        var data = Data([0xFF, 0xFE])
        data += try XCTUnwrap("<html><body><p>Łódź</p></body></html>".data(using: .utf16LittleEndian))
        XCTAssertEqual(try HTMLTestSupport.read(data).blocks.map(\.text), ["Łódź"])
    }

    func testMetaCharsetLatin1() throws {
        let data = try latin1("<html><head><meta charset=\"ISO-8859-1\"></head><body><h1>François Pérez-Núñez</h1></body></html>")
        let document = try HTMLTestSupport.read(data)
        XCTAssertEqual(document.blocks.first?.text, "François Pérez-Núñez")
        XCTAssertTrue(document.diagnostics.isEmpty)
    }

    func testHTTPEquivContentTypeLatin1() throws {
        let html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><title>Søren Ærø</title></head><body><p>Université de Montréal</p></body></html>"
        let document = try HTMLTestSupport.read(try latin1(html))
        XCTAssertEqual(document.blocks.first?.text, "Université de Montréal")
        XCTAssertEqual(document.metadata["title"], .string("Søren Ærø"))
    }

    func testXMLDeclarationOfAnXHTMLPage() throws {
        let html = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>Zoë Ørsted</p></body></html>"
        XCTAssertEqual(try HTMLTestSupport.read(try latin1(html)).blocks.map(\.text), ["Zoë Ørsted"])
    }

    func testWindows1252PunctuationDecodes() throws {
        // 0x93/0x94 are curly quotes and 0x96 an en dash in windows-1252 (and in pages that say iso-8859-1).
        let data = Data("<meta charset=\"windows-1252\"><p>".utf8) + Data([0x93, 0x41, 0x94, 0x20, 0x31, 0x96, 0x32]) + Data("</p>".utf8)
        XCTAssertEqual(try HTMLTestSupport.read(data).blocks.first?.text, "\u{201C}A\u{201D} 1\u{2013}2")
    }

    func testInvalidUTF8BecomesReplacementCharacterWithOneDiagnostic() throws {
        let data = Data("<p>Jos".utf8) + Data([0xE9]) + Data(" and M".utf8) + Data([0xFC, 0xFF]) + Data("ller</p><p>ok</p>".utf8)
        let document = try HTMLTestSupport.read(data)
        XCTAssertEqual(document.blocks.first?.text, "Jos\u{FFFD} and M\u{FFFD}\u{FFFD}ller")
        XCTAssertEqual(document.diagnostics.count, 1)
        XCTAssertEqual(document.diagnostics.first?.severity, .warning)
        XCTAssertEqual(document.diagnostics.first?.stage, "read-html")
        XCTAssertTrue(document.diagnostics.first?.message.contains("U+FFFD") ?? false)
    }

    func testUnknownCharsetFallsBackToUTF8AndSaysSo() throws {
        let document = try HTMLTestSupport.read("<meta charset=\"x-klingon\"><p>Plain</p>")
        XCTAssertEqual(document.blocks.first?.text, "Plain")
        XCTAssertEqual(document.diagnostics.count, 1)
    }

    func testCarriageReturnsBecomeLineFeeds() throws {
        let blocks = try HTMLTestSupport.read("<p>one</p>\r\n<pre>a\r\nb\rc</pre>\r<p>last</p>").blocks
        XCTAssertEqual(blocks[1].text, "a\nb\nc")
        XCTAssertEqual(blocks.map(\.provenance.lines), [[1, 1], [2, 4], [5, 5]])
    }

    func testDeclarationAfterFirstFourKilobytesIsIgnored() throws {
        let padding = "<!--" + String(repeating: "x", count: 5000) + "-->"
        let data = Data("\(padding)<meta charset=\"iso-8859-1\"><p>Zo".utf8) + Data([0xC3, 0xAB]) + Data("</p>".utf8)
        XCTAssertEqual(try HTMLTestSupport.read(data).blocks.first?.text, "Zoë")
    }
}
