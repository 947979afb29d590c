@testable import HTMLReader
import XCTest

/// Past `HTMLReader.maximumBytes` or `maximumTags` a page is cut at the end of a tag or line (and a warning says so).
final class HTMLSourceBudgetTests: XCTestCase {
    func testTheCutEndsAfterATagOrANewlineOrOnACharacterBoundary() {
        let page = Array("<p>one</p>\n<p>two</p><p>three".utf8)
        XCTAssertEqual(String(decoding: HTMLReader.cut(page, limit: 23), as: UTF8.self), "<p>one</p>\n<p>two</p>")
        XCTAssertEqual(String(decoding: HTMLReader.cut(page, limit: 12), as: UTF8.self), "<p>one</p>\n")
        XCTAssertEqual(HTMLReader.cut(Array(String(repeating: "é", count: 10).utf8), limit: 5).count, 4)
        XCTAssertEqual(HTMLReader.cut(page, limit: 1_000), page)
        let paragraph = Array(("<p>" + String(repeating: "word ", count: 40_000)).utf8)
        XCTAssertEqual(HTMLReader.cut(paragraph, limit: 150_000).count, 150_000, "inside a huge paragraph: its text is kept")
    }

    func testTheLimitIsTheByteLimitOrTheTagPastTheTagLimit() {
        let page = Array("<p>one</p>\n<p>two</p><p>three".utf8)
        XCTAssertEqual(HTMLReader.limit(of: page), page.count)
        XCTAssertEqual(HTMLReader.limit(of: page, bytes: 9), 9)
        XCTAssertEqual(HTMLReader.limit(of: page, tags: 3), 17, "the fourth tag, </p> after two")
        let inlineData = Array(("<img src=\"data:image/png;base64," + String(repeating: "A", count: 100_000) + "\"><p>end</p>").utf8)
        XCTAssertEqual(HTMLReader.limit(of: inlineData, tags: 3), inlineData.count, "a long attribute is not many tags")
    }
}
