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

    func testEveryKindOfDeepNestingReadsOnAWorkersStack() throws {
        let depth = 20_000
        let pages: [(String, String)] = [
            ("<table><tr><td>", "</td></tr></table>"), ("<ul><li>", "</li></ul>"), ("<dl><dd>", "</dd></dl>"),
            ("<blockquote>", "</blockquote>"), ("<b><i>", "</i></b>"), ("<a href=x>", "</a>"), ("<h2>", "</h2>"),
            ("<pre><span>", "</span></pre>"), ("<p>", "</p>"),
        ]
        for (open, close) in pages {
            let html = "<p>Jane</p>" + String(repeating: open, count: depth) + "deep" + String(repeating: close, count: depth)
            let box = DocumentBox()
            let thread = Thread {
                box.set(try? HTMLTestSupport.read(html))
            }
            // Smaller than the CLI's worker threads (8 MB), as large as HTMLRobustnessTests allows a debug build.
            thread.stackSize = 1024 * 1024
            thread.start()
            XCTAssertTrue(box.wait(seconds: 60), open)
            let document = try XCTUnwrap(box.document, open)
            XCTAssertTrue(document.blocks.map(\.text).joined(separator: " ").contains("deep"), "\(open): \(document.blocks.map(\.text))")
        }
    }

    func testJSONLDNestedDeeperThanTheModelHoldsIsIgnoredWithAWarning() throws {
        for depth in [70, 100_000] {
            let json = "{\"@type\": \"Person\", \"name\": \"Jane\", \"x\": " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
            let document = try HTMLTestSupport.read("<html><head><script type=\"application/ld+json\">\(json)</script></head><body><p>x</p></body></html>")
            XCTAssertNil(document.metadata["jsonld"])
            XCTAssertEqual(document.diagnostics.count, 1)
            XCTAssertNoThrow(try JSONEncoder().encode(document))
        }
        let shallow = "{\"@type\": \"Person\", \"name\": \"Jane\", \"x\": " + String(repeating: "[", count: 60) + String(repeating: "]", count: 60) + "}"
        let document = try HTMLTestSupport.read("<html><head><script type=\"application/ld+json\">\(shallow)</script></head><body><p>x</p></body></html>")
        XCTAssertEqual(document.metadata["author"], .string("Jane"))
        XCTAssertNoThrow(try JSONEncoder().encode(document))
    }
}

private final class DocumentBox: @unchecked Sendable {
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private var stored: Document?

    func set(_ document: Document?) {
        lock.lock()
        stored = document
        lock.unlock()
        done.signal()
    }

    func wait(seconds: Double) -> Bool {
        done.wait(timeout: .now() + seconds) == .success
    }

    var document: Document? {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
