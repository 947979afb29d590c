import DossierModel
import XCTest
@testable import PDFReader

/// Headings on glyph data built in code: a heading wrapped over lines in a margin column stays one heading; the
/// author and date lines of a title block are not headings.
final class HeadingLayoutTests: XCTestCase {
    /// The left edge that centres `text` (as `SyntheticPage` sets it) on `axis`.
    private func centred(_ text: String, size: Double, axis: Double) -> Double {
        let words = text.split(separator: " ")
        let width = Double(words.reduce(0) { $0 + $1.unicodeScalars.count }) * 0.5 * size + Double(words.count - 1) * 0.3 * size
        return axis - width / 2
    }

    func testAMarginHeadingWrappedBesideItsEntriesIsOneHeading() {
        var page = SyntheticPage()
        let right = 155.0
        func margin(_ text: String, y: Double) {
            let width = 2 * (300 - centred(text, size: 14, axis: 300))
            page.line(text, x: right - width, y: y, size: 14, font: "Helvetica")
        }
        func entry(_ text: String, y: Double) { page.line(text, x: 174, y: y, size: 10, font: "Times-Roman") }
        margin("Education", y: 100)
        entry("2014–2018: PhD in Physical Oceanography, University of Bergen, Norway.", y: 102)
        entry("2012–2014: MSc in Marine Sciences, University of Kiel, Germany.", y: 120)
        margin("Grants and", y: 150)
        entry("2023: ERC Starting Grant for the study of ocean mixing.", y: 150)
        margin("Awards", y: 165)
        entry("2019: Early Career Award of the European Geosciences Union.", y: 180)
        entry("2017: Best Student Paper, Ocean Sciences Meeting, Portland.", y: 198)
        margin("Teaching", y: 230)
        entry("2022–2024: Lecture on ocean dynamics, University of Kiel.", y: 230)
        entry("2016: Teaching assistant, fluid mechanics, University of Bergen.", y: 248)
        let blocks = PDFLayout.blocks(pages: [page.page])
        let headings = blocks.filter { $0.type == .heading }.map(\.text)
        XCTAssertEqual(headings, ["Education", "Grants and Awards", "Teaching"], texts(blocks).joined(separator: "\n"))
        let grants = blocks.firstIndex { $0.text == "Grants and Awards" }
        XCTAssertEqual(grants.map { blocks[$0 + 1].text }, "2023: ERC Starting Grant for the study of ocean mixing.")
    }

    func testWrappedHeadingLinesAreReunitedOverTheLinesBesideThem() {
        let metrics = LayoutMetrics(bodySize: 10, lineGap: 3)
        func line(_ text: String, x: Double, y: Double, size: Double) -> TextLine {
            var page = SyntheticPage()
            page.line(text, x: x, y: y, size: size, font: "Helvetica")
            return TextLine(words: WordBuilder.words(from: page.glyphs), page: 1)
        }
        // Set flush right at x = 156, as a margin column does.
        let selected = line("Selected", x: 100, y: 100, size: 14)
        let beside1 = line("2024: Doe, J. (2024). A long title that wraps onto", x: 174, y: 100, size: 10)
        let peer = line("Peer-Reviewed", x: 65, y: 115, size: 14)
        let beside2 = line("the next line of the entry beside the heading.", x: 174, y: 113, size: 10)
        let publications = line("Publications", x: 72, y: 130, size: 14)
        let flow = WrappedHeading.reunite([selected, beside1, peer, beside2, publications], metrics: metrics)
        XCTAssertEqual(flow.map(\.text), ["Selected", "Peer-Reviewed", "Publications", beside1.text, beside2.text])
        // A word hyphenated at the end of a flush-right line hangs its hyphen past the edge ("PUBLICA-" / "TIONS").
        let hyphenated = line("PUBLICA-", x: 100, y: 115, size: 14)
        let flushRight = line("SELECTED", x: hyphenated.rect.x1 - 2.4 - 56, y: 100, size: 14)
        XCTAssertTrue(WrappedHeading.continues(flushRight, hyphenated, metrics: metrics), "\(flushRight.rect) \(hyphenated.rect)")
        XCTAssertTrue(Hyphenation(documentWords: []).joins(head: "PUBLICA-", tail: "TIONS"), "a word in capitals split by the typesetter")
        XCTAssertFalse(Hyphenation(documentWords: []).joins(head: "PUBLICA-", tail: "Tions"))
        XCTAssertFalse(Hyphenation(documentWords: []).joins(head: "LREC-", tail: "COLING"), "acronyms keep their hyphen")
        // A line that ends a sentence, a line in another size and a line two line heights down do not go on.
        XCTAssertFalse(WrappedHeading.continues(line("Awards.", x: 100, y: 100, size: 14), line("Teaching", x: 100, y: 115, size: 14), metrics: metrics))
        XCTAssertFalse(WrappedHeading.continues(selected, line("Peer-Reviewed", x: 100, y: 115, size: 12), metrics: metrics))
        XCTAssertFalse(WrappedHeading.continues(selected, line("Publications", x: 100, y: 140, size: 14), metrics: metrics))
        // Body-size lines are not headings to wrap.
        XCTAssertFalse(WrappedHeading.continues(line("Grants and", x: 100, y: 100, size: 10), line("Awards", x: 100, y: 111, size: 10), metrics: metrics))
        XCTAssertTrue(WrappedHeading.continues(line("Grants and", x: 100, y: 100, size: 14), line("Awards", x: 100, y: 115, size: 14), metrics: metrics))
    }

    func testTheAuthorAndDateLinesUnderATitleAreParagraphs() {
        var page = SyntheticPage()
        let title = "Curriculum Vitae — Dr. Jonas Feldhaus-Mbeki"
        page.line(title, x: centred(title, size: 17, axis: 300), y: 110, size: 17, font: "LMRoman17-Regular")
        page.line("Jonas Feldhaus-Mbeki", x: centred("Jonas Feldhaus-Mbeki", size: 12, axis: 300), y: 149, size: 12, font: "LMRoman12-Regular")
        page.line("January 2025", x: centred("January 2025", size: 12, axis: 300), y: 179, size: 12, font: "LMRoman12-Regular")
        page.line("Contact", x: 71, y: 216, size: 14, font: "LMRoman12-Bold")
        page.line("Email: jonas@example.net · Web: https://example.net/feldhaus · Phone: +41 44 555 01 77", x: 71, y: 238)
        page.line("Summary", x: 71, y: 271, size: 14, font: "LMRoman12-Bold")
        page.line("Structural engineer working on timber–concrete composite floors and their long-term", x: 71, y: 293)
        page.line("behaviour under moisture cycling, with eight years of experience in academia.", x: 71, y: 305)
        let blocks = PDFLayout.blocks(pages: [page.page])
        XCTAssertEqual(blocks.map(\.type), [.heading, .paragraph, .paragraph, .heading, .paragraph, .heading, .paragraph],
                       texts(blocks).joined(separator: "\n"))
        XCTAssertEqual(blocks[1].text, "Jonas Feldhaus-Mbeki")
        XCTAssertEqual(blocks[2].text, "January 2025")
        // The demoted lines take no heading level: the section headings rank right under the title.
        XCTAssertEqual(blocks.compactMap(\.level), [1, 2, 2])
    }

    func testACentredHeadingUnderATitleThatIsNoNameOrDateStaysAHeading() {
        var page = SyntheticPage()
        page.line("Jane Q. Doe", x: centred("Jane Q. Doe", size: 20, axis: 300), y: 60, size: 20, font: "Helvetica")
        page.line("RESEARCH INTERESTS", x: centred("RESEARCH INTERESTS", size: 13, axis: 300), y: 100, size: 13, font: "Helvetica")
        page.line("Ocean mixing, submesoscale fronts and the ventilation of the deep ocean basins.", x: 71, y: 120)
        let blocks = PDFLayout.blocks(pages: [page.page])
        XCTAssertEqual(blocks.map(\.type), [.heading, .heading, .paragraph], texts(blocks).joined(separator: "\n"))
    }

    func testDateOnlyAndNameOnlyLines() {
        for date in ["January 2025", "1 March 2024", "March 1, 2024", "2024-03-01", "01/03/2024", "Last updated: May 2024", "Juni 2023"] {
            XCTAssertTrue(TitleBlock.isDateOnly(date), date)
        }
        for other in ["Publications 2020–2024", "Since 2019", "May Smith 2024", "2024", "Research Interests"] {
            XCTAssertFalse(TitleBlock.isDateOnly(other), other)
        }
        for name in ["Jonas Feldhaus-Mbeki", "Dr. A. B. Smith", "Zheng Yuan, Madeleine van Zuylen, and Oren Etzioni", "Arman Cohan† Sergey Feldman"] {
            XCTAssertTrue(TitleBlock.isNameOnly(name), name)
        }
        for other in ["RESEARCH INTERESTS", "Research in Progress", "Education", "Room 12, Main Building", "jonas@example.net"] {
            XCTAssertFalse(TitleBlock.isNameOnly(other), other)
        }
    }
}
