import DossierModel
import XCTest
@testable import PDFReader

/// Headings on glyph data built in code: a heading wrapped over lines in a margin column stays one heading.
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
        // A line that ends a sentence, a line in another size and a line two line heights down do not go on.
        XCTAssertFalse(WrappedHeading.continues(line("Awards.", x: 100, y: 100, size: 14), line("Teaching", x: 100, y: 115, size: 14), metrics: metrics))
        XCTAssertFalse(WrappedHeading.continues(selected, line("Peer-Reviewed", x: 100, y: 115, size: 12), metrics: metrics))
        XCTAssertFalse(WrappedHeading.continues(selected, line("Publications", x: 100, y: 140, size: 14), metrics: metrics))
        // Body-size lines are not headings to wrap.
        XCTAssertFalse(WrappedHeading.continues(line("Grants and", x: 100, y: 100, size: 10), line("Awards", x: 100, y: 111, size: 10), metrics: metrics))
        XCTAssertTrue(WrappedHeading.continues(line("Grants and", x: 100, y: 100, size: 14), line("Awards", x: 100, y: 115, size: 14), metrics: metrics))
    }
}
