import DossierModel
import DossierPipeline
import Foundation
import XCTest

/// The hostile HTML inputs of issue 12 (`Tests/Fixtures/hostile/`) and their kin: bounded time, no text lost
/// without a word.
final class HTMLHostileInputTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/hostile")

    /// Reads and fails the test when reading takes longer than `seconds` (a debug build; the quadratic
    /// versions took 15–30 s on these inputs).
    private func read(_ data: Data, within seconds: Double = 2) throws -> Document {
        let started = Date()
        let document = try HTMLTestSupport.read(data)
        XCTAssertLessThan(Date().timeIntervalSince(started), seconds, "too slow")
        return document
    }

    private func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: Self.fixtures.appendingPathComponent(name))
    }

    func testStyleSheetWithoutBracesIsReadInLinearTime() throws {
        let document = try read(try fixture("hostile-style-regex-quadratic-15s.html"))
        XCTAssertEqual(document.blocks.map(\.text), ["Jane Doe", "x"])
        let huge = "<style>" + String(repeating: "/* ", count: 20_000) + String(repeating: "{", count: 20_000) + "</style><p>y</p>"
        XCTAssertEqual(try read(Data(huge.utf8)).blocks.map(\.text), ["y"])
    }

    func testStyleSheetRulesInsideMediaBlocksAndAfterCommentsStillCount() throws {
        let document = try HTMLTestSupport.body("""
            <style>@media screen { .me { font-weight: bold } } /* .venue { font-style: italic } */ span.x{font-style:italic}</style>
            <p><span class="me">Doe, J.</span> <span class="venue">Nature</span> <span class="x">2020</span></p>
            """)
        let inlines = try XCTUnwrap(document.blocks.first?.inlines)
        XCTAssertEqual(inlines.map(\.type), [.strong, .text, .emphasis])
        XCTAssertEqual(inlines.map(\.text), ["Doe, J.", " Nature ", "2020"])
    }

    func testUnclosedConditionalMarkersAndCDATAAreLinear() throws {
        for marker in ["<![if ", "<![CDATA[ x ", "<![endif "] {
            let html = "<p>" + String(repeating: marker, count: 8_000) + "]</p>"
            let document = try read(Data(html.utf8))
            XCTAssertEqual(document.blocks.count, 1)
        }
        let word = try HTMLTestSupport.body("<p><![if !supportLists]>1.<![endif]> One <![CDATA[hidden]]>two <![IF x]>three</p>")
        XCTAssertEqual(word.blocks.first?.text, "1. One two three")
    }

    func testTextOfTablesNestedTooDeepIsKeptAndTheFlatteningSaid() throws {
        let document = try read(try fixture("hostile-html-nested-table-silent-drop.html"))
        XCTAssertEqual(document.blocks.map(\.text), ["Jane Doe", "SECRETX", "after"])
        XCTAssertEqual(document.diagnostics.map(\.message), ["31 elements nested deeper than 64 levels were flattened: their text is kept, their structure is not"])
        let cells = "<h1>Jane</h1>" + String(repeating: "<table><tr><td>", count: 30) + "A</td><td>B" + String(repeating: "</td></tr></table>", count: 30)
        XCTAssertEqual(try HTMLTestSupport.body(cells).blocks.map(\.text), ["Jane", "A B"])
    }

    func testTextInATableOutsideItsCellsIsKept() throws {
        let document = try HTMLTestSupport.body("""
            <table>Note<tr><td>2019</td><td>PhD</td></tr><tr><b>loose</b><td>2015</td><td>MSc</td></tr></table>
            """)
        XCTAssertEqual(document.blocks.map(\.type), [.paragraph, .table, .paragraph, .table])
        XCTAssertEqual(document.blocks.map(\.text), ["Note", "2019\tPhD", "loose", "2015\tMSc"])
        XCTAssertEqual(document.diagnostics, [])
    }
}
