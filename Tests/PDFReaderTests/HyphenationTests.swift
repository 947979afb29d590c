import XCTest
@testable import PDFReader

final class HyphenationTests: XCTestCase {
    func testJoinsTypesetterHyphensAndKeepsCompounds() {
        let hyphenation = Hyphenation(documentWords: ["well-known", "multiple", "the"])
        XCTAssertTrue(hyphenation.joins(head: "hyphen-", tail: "ation"))
        XCTAssertTrue(hyphenation.joins(head: "multi-", tail: "ple"), "the joined word occurs elsewhere")
        XCTAssertFalse(hyphenation.joins(head: "well-", tail: "known"), "the hyphenated word occurs elsewhere")
        XCTAssertFalse(hyphenation.joins(head: "state-of-the-", tail: "art"))
        XCTAssertFalse(hyphenation.joins(head: "Smith-", tail: "Jones"))
        XCTAssertFalse(hyphenation.joins(head: "self-", tail: "supervised"))
        XCTAssertFalse(hyphenation.joins(head: "2015-", tail: "2019"))
    }

    func testListMarkers() {
        XCTAssertEqual(ListMarker.marker(of: ["[12]", "Doe"])?.number, 12)
        XCTAssertEqual(ListMarker.marker(of: ["[J3]", "Doe"])?.number, 3)
        XCTAssertEqual(ListMarker.marker(of: ["12.", "Doe"])?.number, 12)
        XCTAssertEqual(ListMarker.marker(of: ["(4)", "Doe"])?.number, 4)
        XCTAssertEqual(ListMarker.marker(of: ["•", "Python"])?.text, "•")
        XCTAssertEqual(ListMarker.marker(of: ["•Python"])?.glued, true)
        XCTAssertNil(ListMarker.marker(of: ["2019.", "Doe"]))
        XCTAssertNil(ListMarker.marker(of: ["Doe,", "J."]))
    }

    func testPageNumbers() {
        XCTAssertTrue(RunningChromeFilter.looksLikePageNumber("3"))
        XCTAssertTrue(RunningChromeFilter.looksLikePageNumber("Page 3 of 8"))
        XCTAssertTrue(RunningChromeFilter.looksLikePageNumber("- 3 -"))
        XCTAssertTrue(RunningChromeFilter.looksLikePageNumber("3/8"))
        XCTAssertFalse(RunningChromeFilter.looksLikePageNumber("CV"))
        XCTAssertFalse(RunningChromeFilter.looksLikePageNumber("2019–2021"))
        XCTAssertFalse(RunningChromeFilter.looksLikePageNumber("2019"), "a year alone at the foot of a page is content")
    }
}
