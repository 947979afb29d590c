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
        XCTAssertTrue(hyphenation.joins(head: "under-", tail: "standing"), "under- and over- compounds are written closed")
    }

    func testKeepsHyphensInsideIdentifiers() {
        let hyphenation = Hyphenation(documentWords: ["the", "egusphereegu23"])
        XCTAssertFalse(hyphenation.joins(head: "10.5194/egusphere-", tail: "egu23-5368"), "a DOI keeps its hyphen")
        XCTAssertFalse(hyphenation.joins(head: "https://example.org/data-", tail: "sets"), "a URL keeps its hyphen")
        XCTAssertFalse(hyphenation.joins(head: "project-", tail: "v2-release"), "a code with digits keeps its hyphen")
        XCTAssertTrue(hyphenation.joins(head: "hyphen-", tail: "ation."), "plain words still join")
    }

    func testDOIBrokenAtALineEndKeepsItsHyphen() {
        var page = SyntheticPage()
        page.line("Lipp, A. G. and Barnes, R. Tracer sources. DOI: 10.5194/egusphere-", x: 72, y: 100)
        page.line("egu23-5368 and a longer second line of text here", x: 72, y: 112)
        let blocks = PDFLayout.blocks(pages: [page.page])
        XCTAssertTrue(texts(blocks).joined(separator: " ").contains("10.5194/egusphere-egu23-5368"), "\(texts(blocks))")
    }

    func testListMarkers() {
        XCTAssertEqual(ListMarker.marker(of: ["[12]", "Doe"])?.number, 12)
        XCTAssertEqual(ListMarker.marker(of: ["[J3]", "Doe"])?.number, 3)
        XCTAssertEqual(ListMarker.marker(of: ["12.", "Doe"])?.number, 12)
        XCTAssertEqual(ListMarker.marker(of: ["(4)", "Doe"])?.number, 4)
        XCTAssertEqual(ListMarker.marker(of: ["•", "Python"])?.text, "•")
        XCTAssertEqual(ListMarker.marker(of: ["•Python"])?.glued, true)
        // moderncv banking's bullet, which its symbol font maps to "{", before text; not a brace glued to a word.
        XCTAssertEqual(ListMarker.marker(of: ["{", "Lovelace", "A."])?.text, "•")
        XCTAssertNil(ListMarker.marker(of: ["{x}", "Doe"]))
        XCTAssertNil(ListMarker.marker(of: ["{", "}"]))
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
