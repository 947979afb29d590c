import DossierModel
import XCTest
@testable import PDFReader

/// The layout steps on glyph data built in code: words, lines, columns, labels, lists, headings, chrome.
final class LayoutTests: XCTestCase {
    func testWordsSplitAtSpacesAndAtWideGlyphGaps() {
        var page = SyntheticPage()
        page.line("Hello world", x: 50, y: 100)
        var glued = page.glyphs
        // "10." then "Marx" two ems to the right with no space glyph between them.
        let font = GlyphFont(name: "Times-Roman", size: 10)
        glued += "10.".unicodeScalars.enumerated().map { Glyph($1, Rect(x0: 50 + Double($0) * 5, y0: 120, x1: 55 + Double($0) * 5, y1: 130), font) }
        glued += "Marx".unicodeScalars.enumerated().map { Glyph($1, Rect(x0: 85 + Double($0) * 5, y0: 120, x1: 90 + Double($0) * 5, y1: 130), font) }
        XCTAssertEqual(WordBuilder.words(from: glued).map(\.text), ["Hello", "world", "10.", "Marx"])
    }

    func testFragmentsOnOneBaselineShareARow() {
        var page = SyntheticPage()
        page.line("Left text here", x: 50, y: 100)
        page.line("Right text", x: 400, y: 101)
        page.line("Next line", x: 50, y: 114)
        let fragments = LineBuilder.fragments(from: WordBuilder.words(from: page.glyphs), page: 1)
        XCTAssertEqual(fragments.count, 3)
        XCTAssertEqual(fragments[0].row, fragments[1].row)
        XCTAssertNotEqual(fragments[0].row, fragments[2].row)
    }

    func testTwoColumnsAreReadOneAfterTheOtherEvenWhenPopplerJoinsTheirLines() {
        var page = SyntheticPage()
        for i in 0..<8 {
            let y = 100 + Double(i) * 12
            page.mergedLine("left column words number \(i) go here", "right column words number \(i) go on", leftX: 50, rightX: 300, y: y)
        }
        let blocks = PDFLayout.blocks(pages: [page.page])
        let all = texts(blocks).joined(separator: "\n")
        let lastLeft = all.range(of: "left column words number 7")
        let firstRight = all.range(of: "right column words number 0")
        XCTAssertNotNil(lastLeft)
        XCTAssertNotNil(firstRight)
        if let lastLeft, let firstRight { XCTAssertLessThan(lastLeft.lowerBound, firstRight.lowerBound, all) }
    }

    func testFindsTheGutterBetweenColumns() {
        var page = SyntheticPage()
        for i in 0..<6 {
            page.line("a line of the left column \(i)", x: 50, y: 100 + Double(i) * 12)
            page.line("a line of the right column \(i)", x: 300, y: 100 + Double(i) * 12)
        }
        let fragments = LineBuilder.fragments(from: WordBuilder.words(from: page.glyphs), page: 1)
        let gutter = ColumnDetector.findGutter(fragments)
        XCTAssertNotNil(gutter)
        if let gutter {
            XCTAssertGreaterThanOrEqual(gutter.lowerBound, 170)
            XCTAssertLessThanOrEqual(gutter.upperBound, 300)
        }
    }

    func testADateColumnStaysWithTheEntryItSitsBeside() {
        var page = SyntheticPage()
        page.line("2015–2019", x: 50, y: 100)
        page.line("PhD in Physics, University of Somewhere, with a thesis", x: 150, y: 100)
        page.line("on the transport of heat across ocean basins.", x: 150, y: 112)
        page.line("2012–2014", x: 50, y: 140)
        page.line("MSc in Marine Sciences, University of Elsewhere,", x: 150, y: 140)
        page.line("graduated with distinction in the first cohort.", x: 150, y: 152)
        page.line("2009–2012", x: 50, y: 180)
        page.line("BSc in Physics, University of Lagos, Nigeria, with", x: 150, y: 180)
        page.line("a minor in applied mathematics and statistics.", x: 150, y: 192)
        let blocks = PDFLayout.blocks(pages: [page.page])
        XCTAssertEqual(blocks.count, 3, texts(blocks).joined(separator: "\n"))
        XCTAssertTrue(blocks.first?.text.hasPrefix("2015–2019 PhD in Physics") == true, blocks.first?.text ?? "")
        XCTAssertTrue(blocks.last?.text.hasPrefix("2009–2012 BSc in Physics") == true, blocks.last?.text ?? "")
    }

    /// A heading set larger than the body, starting in a column of margin dates and running across its gutter, is
    /// one heading: a word space of its size is no gutter (it was cut into a margin label "Prizes and" and "Grants").
    func testALargeHeadingAcrossTheGutterOfAMarginDateColumnStaysWhole() {
        var page = SyntheticPage()
        var y = 100.0
        for (index, entry) in ["Doctoral grant of the Imaginary Foundation for the study of sheep", "Prize for the best thesis in counting sheep, second edition",
                               "Travel grant to the Made-Up Conference on Engines and Wool"].enumerated() {
            page.line("Sep \(2024 - index)", x: 67, y: y)
            page.line(entry, x: 112, y: y)
            y += 16
        }
        // "Prizes and" ends at 106, "Grants" starts at 111: the gap lies in the gutter between the dates (to 107) and
        // the entries (from 112).
        page.line("Prizes and Grants", x: 24.4, y: y + 10, size: 17)
        y += 34
        for (index, entry) in ["Research assistant at the Institute of Imaginary Studies", "Teaching assistant for the course on counting engines"].enumerated() {
            page.line("Oct \(2020 - index)", x: 67, y: y)
            page.line(entry, x: 112, y: y)
            y += 16
        }
        let blocks = PDFLayout.blocks(pages: [page.page])
        XCTAssertTrue(blocks.contains { $0.type == .heading && $0.text == "Prizes and Grants" }, texts(blocks).joined(separator: "\n"))
    }

    /// Section headings in a left margin, bold at body size, flush right against the gutter and off the rows of the
    /// text (a LaTeX CV's margin headings): each is read before the text it sits beside, a wrapped one as one heading.
    func testMarginHeadingsAreReadInLineWithTheirSections() {
        var page = SyntheticPage()
        // Right edges at 125: "Degrees" is 7 glyphs of 5 pt.
        page.line("Degrees", x: 90, y: 100, font: "Times-Bold")
        page.line("PhD in Physics, University of Somewhere, with a thesis on heat", x: 142, y: 108)
        page.line("MSc in Marine Sciences, University of Elsewhere, with distinction", x: 142, y: 120)
        page.line("Academic", x: 85, y: 150, font: "Times-Bold")
        page.line("Positions", x: 80, y: 161, font: "Times-Bold")
        page.line("Postdoctoral researcher, Institute of Imaginary Studies, Nowhere", x: 142, y: 166)
        page.line("Research fellow, University of Elsewhere, Somewhere Else, Farland", x: 142, y: 178)
        page.line("Assistant professor, University of Somewhere, Somewhere, Farland", x: 142, y: 190)
        page.line("Awards", x: 95, y: 220, font: "Times-Bold")
        page.line("Best poster award of the Made-Up Conference on Counting Sheep", x: 142, y: 228)
        page.line("Outstanding reviewer award of the Journal of Imaginary Engines", x: 142, y: 240)
        let blocks = PDFLayout.blocks(pages: [page.page])
        let headings = blocks.enumerated().filter { $0.element.type == .heading }.map { ($0.offset, $0.element.text) }
        XCTAssertEqual(headings.map(\.1), ["Degrees", "Academic Positions", "Awards"], texts(blocks).joined(separator: "\n"))
        // Each heading comes right before the text beside it.
        for (offset, _) in headings {
            XCTAssertTrue(blocks.indices.contains(offset + 1) && blocks[offset + 1].type != .heading, texts(blocks).joined(separator: "\n"))
        }
        XCTAssertTrue(blocks.last?.text.contains("Outstanding reviewer") == true)
    }

    /// A margin column of bold headings with italic sub-headings under them and a count on a line of its own
    /// ("Peer-reviewed" / "articles" / "(8)" then "Journal papers"): still a column of headings, each read in line
    /// with its text, the count kept with its heading and the italic one a heading of its own, one level down.
    func testMarginHeadingsWithItalicSubHeadingsAreReadInLineWithTheirSections() {
        var page = SyntheticPage()
        // Right edges at 125 (5 pt per glyph).
        page.line("Degrees", x: 90, y: 100, font: "Times-Bold")
        page.line("PhD in Physics, University of Somewhere, with a thesis on heat", x: 142, y: 108)
        page.line("MSc in Marine Sciences, University of Elsewhere, with distinction", x: 142, y: 120)
        page.line("Peer-reviewed", x: 60, y: 150, font: "Times-Bold")
        page.line("articles", x: 85, y: 161, font: "Times-Bold")
        page.line("(8)", x: 110, y: 172, font: "Times-Bold")
        page.line("Journal papers", x: 55, y: 190, font: "Times-Italic")
        page.line("Doe, J. and Roe, R. (2020). A first paper with a rather long title", x: 142, y: 200)
        page.line("that wraps. Journal of Things, 1, 1–10.", x: 142, y: 211)
        page.line("Roe, R. and Doe, J. (2019). A second paper whose title is also long", x: 142, y: 226)
        page.line("enough to wrap. Journal of Stuff, 2, 3–4.", x: 142, y: 237)
        page.line("Conference", x: 75, y: 260, font: "Times-Italic")
        page.line("Doe, J. (2018). A talk given at a made-up meeting of sheep counters", x: 142, y: 270)
        page.line("in the hills. Proceedings of Counting, 5–6.", x: 142, y: 281)
        page.line("Awards", x: 95, y: 310, font: "Times-Bold")
        page.line("Best poster award of the Made-Up Conference on Counting Sheep", x: 142, y: 318)
        page.line("Outstanding reviewer award of the Journal of Imaginary Engines", x: 142, y: 330)
        let blocks = PDFLayout.blocks(pages: [page.page])
        let headings = blocks.enumerated().filter { $0.element.type == .heading }
        XCTAssertEqual(headings.map(\.element.text), ["Degrees", "Peer-reviewed articles (8)", "Journal papers", "Conference", "Awards"],
                       texts(blocks).joined(separator: "\n"))
        XCTAssertEqual(headings.compactMap(\.element.level), [1, 1, 2, 2, 1])
        for (offset, heading) in headings where heading.text != "Peer-reviewed articles (8)" {
            XCTAssertTrue(blocks.indices.contains(offset + 1) && blocks[offset + 1].type != .heading, texts(blocks).joined(separator: "\n"))
        }
    }

    /// Headings too long for the margin overhang into and past the gutter ("PUBLICATIONS" over the text's left edge)
    /// while the others are flush against it: still a margin column; and a page that only has italic sub-headings
    /// in the margin (a section continued from the page before) reads them as headings too.
    func testOverhangingAndItalicOnlyMarginHeadingsAreReadInLineWithTheirSections() {
        var page = SyntheticPage()
        // Right edges at 125 (5 pt per glyph) but for the two long ones, which run to 150 and 175.
        page.line("Degrees", x: 90, y: 100, font: "Times-Bold")
        page.line("PhD in Physics, University of Somewhere, with a thesis on heat", x: 142, y: 108)
        page.line("MSc in Marine Sciences, University of Elsewhere, with distinction", x: 142, y: 120)
        page.line("EXPERIENCES", x: 95, y: 150, font: "Times-Bold")
        page.line("Postdoctoral researcher, Institute of Imaginary Studies, Nowhere", x: 142, y: 160)
        page.line("Awards", x: 95, y: 190, font: "Times-Bold")
        page.line("Best poster award of the Made-Up Conference on Counting Sheep", x: 142, y: 200)
        page.line("PUBLICATIONSLIST", x: 95, y: 230, font: "Times-Bold")
        page.line("Doe, J. and Roe, R. (2020). A first paper with a rather long title", x: 142, y: 240)
        page.line("that wraps. Journal of Things, 1, 1–10.", x: 142, y: 251)
        page.line("Grants", x: 95, y: 280, font: "Times-Bold")
        page.line("A grant of the Made-Up Foundation for Counting Sheep, 2020–2022", x: 142, y: 290)
        let blocks = PDFLayout.blocks(pages: [page.page])
        XCTAssertEqual(blocks.filter { $0.type == .heading }.map(\.text), ["Degrees", "EXPERIENCES", "Awards", "PUBLICATIONSLIST", "Grants"],
                       texts(blocks).joined(separator: "\n"))

        var continued = SyntheticPage()
        continued.line("Doe, J. and Roe, R. (2020). A first paper with a rather long title", x: 142, y: 100)
        continued.line("that wraps. Journal of Things, 1, 1–10.", x: 142, y: 111)
        continued.line("Roe, R. and Doe, J. (2019). A second paper whose title is also long", x: 142, y: 126)
        continued.line("enough to wrap. Journal of Stuff, 2, 3–4.", x: 142, y: 137)
        continued.line("Conference", x: 75, y: 160, font: "Times-Italic")
        continued.line("papers", x: 95, y: 171, font: "Times-Italic")
        continued.line("Doe, J. (2018). A talk given at a made-up meeting of sheep counters", x: 142, y: 180)
        continued.line("in the hills. Proceedings of Counting, 5–6.", x: 142, y: 191)
        continued.line("Book", x: 105, y: 220, font: "Times-Italic")
        continued.line("chapters", x: 85, y: 231, font: "Times-Italic")
        continued.line("Roe, R. (2017). A chapter in a made-up book about counting sheep", x: 142, y: 240)
        continued.line("at night. In: Sheep, pp. 1–9.", x: 142, y: 251)
        let continuedBlocks = PDFLayout.blocks(pages: [continued.page])
        XCTAssertEqual(continuedBlocks.filter { $0.type == .heading }.map(\.text), ["Conference papers", "Book chapters"],
                       texts(continuedBlocks).joined(separator: "\n"))
    }

    func testNumberedReferencesWithHangingIndentsBecomeOneItemEach() {
        var page = SyntheticPage()
        page.line("[1] Doe, J. and Roe, R. (2020). A first paper with a rather long", x: 50, y: 100, bold: ["Doe,", "J."])
        page.line("title that wraps. Journal of Things, 1, 1–10.", x: 70, y: 112)
        page.line("[2] Roe, R. and Doe, J. (2019). A second paper whose title is also", x: 50, y: 124, bold: ["Doe,", "J."])
        page.line("long enough to wrap. Journal of Stuff, 2, 3–4.", x: 70, y: 136)
        let blocks = PDFLayout.blocks(pages: [page.page])
        XCTAssertEqual(blocks.count, 1)
        let list = blocks.first
        XCTAssertEqual(list?.type, .list)
        XCTAssertEqual(list?.ordered, true)
        XCTAssertEqual(list?.start, 1)
        XCTAssertEqual(list?.items?.map(\.marker), ["[1]", "[2]"])
        XCTAssertEqual(list?.items?.first?.text, "Doe, J. and Roe, R. (2020). A first paper with a rather long\ntitle that wraps. Journal of Things, 1, 1–10.")
        let strong = list?.items?.first?.inlines?.filter { $0.type == .strong }.map(\.text)
        XCTAssertEqual(strong, ["Doe, J."])
    }

    func testBulletItemsKeepTheirContinuationLines() {
        var page = SyntheticPage()
        page.line("• Designed a pipeline that reads documents and writes", x: 50, y: 100)
        page.line("structured data for the committee", x: 57.5, y: 112)
        page.line("• Taught two courses", x: 50, y: 124)
        let blocks = PDFLayout.blocks(pages: [page.page])
        XCTAssertEqual(blocks.first?.type, .list)
        XCTAssertEqual(blocks.first?.ordered, false)
        XCTAssertEqual(blocks.first?.items?.count, 2)
        XCTAssertEqual(blocks.first?.items?.first?.marker, "•")
        XCTAssertEqual(blocks.first?.items?.first?.text, "Designed a pipeline that reads documents and writes\nstructured data for the committee")
    }

    func testHeadingsComeFromSizeAndWeight() {
        var page = SyntheticPage()
        page.line("Jane Doe", x: 50, y: 60, size: 20, font: "Helvetica-Bold")
        page.line("PUBLICATIONS", x: 50, y: 100, font: "Helvetica-Bold")
        page.line("Doe, J. (2020). A paper about things that matter a great deal to us.", x: 50, y: 120)
        page.line("Doe, J. (2019). Another paper about other things that matter too.", x: 50, y: 132)
        page.line("Education", x: 50, y: 160, font: "Helvetica-Bold")
        page.line("PhD in Physics, University of Somewhere, 2019.", x: 50, y: 180)
        page.line("MSc in Physics, University of Elsewhere, 2015.", x: 50, y: 192)
        let blocks = PDFLayout.blocks(pages: [page.page])
        XCTAssertEqual(blocks.map(\.type), [.heading, .heading, .paragraph, .heading, .paragraph, .paragraph])
        XCTAssertEqual(blocks[3].text, "Education")
        XCTAssertEqual(blocks.compactMap(\.level), [1, 2, 2])
        XCTAssertEqual(blocks.first?.font?.size, 20)
        XCTAssertEqual(blocks.first?.provenance.page, 1)
        XCTAssertEqual(blocks.first?.provenance.bbox?.first, 50)
    }

    /// Three pages drawn by `draw` (given the page and its number).
    private func threePages(_ draw: (inout SyntheticPage, Int) -> Void) -> [(number: Int, height: Double, glyphs: [Glyph])] {
        (1...3).map { n in
            var page = SyntheticPage(number: n)
            draw(&page, n)
            return page.page
        }
    }

    /// The header is kept once; so is a footer with an address (moderncv repeats the name and e-mail in its footer,
    /// often the only place of the address); page numbers and other footers go.
    func testRunningHeadersRepeatsFootersAndPageNumbersAreRemoved() {
        let result = PDFLayout.analyse(threePages { page, n in
            page.line("Jane Doe — Curriculum Vitae", x: 50, y: 30)
            page.line("Body text of page \(n) that says something worth keeping.", x: 50, y: 200)
            page.line("E ada@engines.org", x: 200, y: 775)
            page.line("Printed with care", x: 200, y: 788)
            page.line("Page \(n) of 3", x: 280, y: 800)
        })
        let all = texts(result.blocks).joined(separator: "\n")
        let headers = result.blocks.filter { $0.text == "Jane Doe — Curriculum Vitae" }
        XCTAssertEqual(headers.map(\.provenance.page), [1], "the header is kept once, where it first appears")
        XCTAssertFalse(all.contains("of 3"), all)
        XCTAssertTrue(all.contains("Body text of page 2"), all)
        XCTAssertEqual(all.components(separatedBy: "ada@engines.org").count - 1, 1, all)
        XCTAssertFalse(all.contains("Printed with care"), all)
        XCTAssertEqual(result.removed.count, 4)
    }

    /// A list number at the top of a page with its text right beside it ("[3] Doe, J. …") is the item's marker, not
    /// the page's number; a number standing alone at the foot of the page still is.
    func testAMarkerAtThePageTopIsNotAPageNumber() {
        var first = SyntheticPage(number: 1)
        first.line("[1] Doe, J. (2020). A first paper. Journal of Things, 1, 1–10.", x: 50, y: 680)
        first.line("[2] Roe, R. and Doe, J. (2019). A second paper. Journal of Stuff, 2, 3–4.", x: 50, y: 692)
        first.line("1", x: 300, y: 800)
        var second = SyntheticPage(number: 2)
        second.line("[3]", x: 50, y: 30)
        second.line("Poe, E. and Doe, J. (2018). A third paper. Journal of Ravens, 3, 5–6.", x: 70, y: 30)
        second.line("[4] Doe, J. (2017). A fourth paper. Journal of Things, 4, 7–8.", x: 50, y: 42)
        second.line("2", x: 300, y: 800)
        let result = PDFLayout.analyse([first.page, second.page])
        let items = result.blocks.flatMap { $0.items ?? [] }
        XCTAssertEqual(items.map(\.marker), ["[1]", "[2]", "[3]", "[4]"], texts(result.blocks).joined(separator: "\n"))
        XCTAssertFalse(texts(result.blocks).contains { $0 == "1" || $0 == "2" })
    }

    func testAParagraphCutByAPageBreakIsJoined() {
        var first = SyntheticPage(number: 1)
        first.line("The project started in the spring and grew into a", x: 50, y: 700)
        var second = SyntheticPage(number: 2)
        second.line("collaboration between three universities.", x: 50, y: 80)
        let blocks = PDFLayout.blocks(pages: [first.page, second.page])
        XCTAssertEqual(blocks.count, 1)
        XCTAssertEqual(blocks.first?.text, "The project started in the spring and grew into a\ncollaboration between three universities.")
    }

    func testLineEndHyphensAreRepairedOnlyForTypesetterHyphens() {
        var page = SyntheticPage()
        page.line("We study the hyphen-", x: 50, y: 100)
        page.line("ation of words and state-of-the-", x: 50, y: 112)
        page.line("art methods by Smith-", x: 50, y: 124)
        page.line("Jones and others in the same paragraph here.", x: 50, y: 136)
        let blocks = PDFLayout.blocks(pages: [page.page])
        // The word after a line-end hyphen is pulled up to the line before.
        XCTAssertEqual(blocks.first?.text, "We study the hyphenation of words and state-of-the-art methods by Smith-Jones and others in the same paragraph here.")
    }

    func testLinksBecomeLinkInlines() {
        var page = SyntheticPage()
        page.line("Mail", x: 50, y: 100)
        page.line("jane@example.org", x: 80, y: 100, link: "mailto:jane@example.org")
        let blocks = PDFLayout.blocks(pages: [page.page])
        let link = blocks.first?.inlines?.first { $0.type == .link }
        XCTAssertEqual(link?.url, "mailto:jane@example.org")
        XCTAssertEqual(link?.text, "jane@example.org")
    }

    func testASidebarOnTheSameLineGridIsReadBeforeTheMainColumn() {
        var page = SyntheticPage()
        let sidebar = ["Contact", "Oslo, Norway", "amara@example.com", "Skills", "Python, Rust", "Docker"]
        for (i, text) in sidebar.enumerated() {
            page.line(text, x: 50, y: 100 + Double(i) * 12)
            page.line("Main column line number \(i) with enough words to be prose here", x: 200, y: 100 + Double(i) * 12)
        }
        let all = texts(PDFLayout.blocks(pages: [page.page])).joined(separator: "\n")
        let lastSidebar = all.range(of: "Docker")
        let firstMain = all.range(of: "Main column line number 0")
        XCTAssertNotNil(lastSidebar)
        XCTAssertNotNil(firstMain)
        if let lastSidebar, let firstMain { XCTAssertLessThan(lastSidebar.lowerBound, firstMain.lowerBound, all) }
    }

    func testAHeaderBlockAboveTheBodyFindsItsOwnColumns() {
        var page = SyntheticPage()
        page.line("Jane Doe", x: 50, y: 60, size: 24)
        page.line("12 Example Street", x: 400, y: 60)
        page.line("jane@example.org", x: 400, y: 72)
        for i in 0..<6 { page.line("Body paragraph line \(i) that runs across the whole width of the page", x: 50, y: 200 + Double(i) * 12) }
        let fragments = LineBuilder.fragments(from: WordBuilder.words(from: page.glyphs), page: 1)
        let sections = ColumnDetector.sections(fragments)
        XCTAssertEqual(sections.map(\.count), [3, 6])
        let flows = ColumnDetector.flows(fragments)
        XCTAssertEqual(flows.last?.count, 6, "the body is one flow")
        XCTAssertTrue(flows.joined().contains { $0.text == "Jane Doe" }, "the name is not run into the address")
    }

    func testWorkIsCappedForHugePages() {
        var page = SyntheticPage()
        for i in 0..<3000 { page.line("row \(i) 12 345 6789 1011", x: 20, y: 10 + Double(i) * 0.25, size: 0.2) }
        let blocks = PDFLayout.blocks(pages: [page.page])
        XCTAssertFalse(blocks.isEmpty)
    }

    func testADateSetFlushRightDoesNotBreakAHyphenatedWord() {
        var page = SyntheticPage()
        page.line("• Reduced render time by implementing a prediction al-", x: 50, y: 100)
        page.line("June 2005 – Aug 2007", x: 450, y: 100)
        page.line("gorithm for buddy lists", x: 57.5, y: 112)
        let item = PDFLayout.blocks(pages: [page.page]).first?.items?.first
        XCTAssertEqual(item?.text, "Reduced render time by implementing a prediction algorithm for buddy lists\nJune 2005 – Aug 2007")
    }

    func testAReferenceCutByAPageBreakStaysOneItem() {
        var first = SyntheticPage(number: 1)
        first.line("[1] Doe, J. (2020). A first paper. Journal of Things, 1, 1–10.", x: 50, y: 680)
        first.line("[2] Roe, R. and Doe, J. (2019). A second paper whose title wraps", x: 50, y: 692)
        first.line("over two lines. In", x: 70, y: 704)
        var second = SyntheticPage(number: 2)
        second.line("Proceedings of the Conference on Stuff, pages 3–4.", x: 70, y: 80)
        let list = PDFLayout.blocks(pages: [first.page, second.page]).first
        XCTAssertEqual(list?.items?.count, 2)
        XCTAssertEqual(list?.items?.last?.text, "Roe, R. and Doe, J. (2019). A second paper whose title wraps\nover two lines. In\nProceedings of the Conference on Stuff, pages 3–4.")
    }

    /// An author list cut by a page break on an initial, or on a comma in a line of initials, goes on after it at
    /// any indent; a letter's "Dear Sir or Madam," does not run into the next page.
    func testAnAuthorListCutByABreakGoesOnAtAnyIndent() {
        var first = SyntheticPage(number: 1)
        first.line("[1] Doe, J. (2020). A first paper. Journal of Things, 1, 1–10.", x: 50, y: 680)
        first.line("[2] Das, S., C. P. Roth, L. M. Wasson, J. K. Vishwanatha, A.", x: 50, y: 692)
        var second = SyntheticPage(number: 2)
        second.line("Demogines, E. Smith, and L. Roe. 2007. A second paper. Cell 3:1–9.", x: 30, y: 80)
        let list = PDFLayout.blocks(pages: [first.page, second.page]).first
        XCTAssertEqual(list?.items?.count, 2)
        XCTAssertEqual(list?.items?.last?.text.hasSuffix("Cell 3:1–9."), true, list?.items?.last?.text ?? "")

        var letter = SyntheticPage(number: 1)
        letter.line("Dear Sir or Madam,", x: 50, y: 692)
        var next = SyntheticPage(number: 2)
        next.line("I am writing to apply for the position advertised in your journal.", x: 30, y: 80)
        XCTAssertEqual(PDFLayout.blocks(pages: [letter.page, next.page]).count, 2)
    }

    /// A full line whose bold title runs on into a wholly bold line is one entry, not an entry and a bold line.
    func testABoldTitleWrappedFromAPlainLineStaysInItsEntry() {
        var page = SyntheticPage()
        page.line("2010: Z. Doe, A. Sahni and S. Bandyopadhyay. Indian Cretaceous terres-", x: 50, y: 100,
                  bold: ["2010:", "Doe,", "Indian", "Cretaceous", "terres-"])
        page.line("trial vertebrates: cosmopolitanism and endemism in a geodynamic platee", x: 50, y: 112, font: "Times-Bold")
        page.line("framework. Lecture notes in Earth Sciences 12, 3–4 (2010).", x: 50, y: 124, bold: ["framework."])
        page.line("2009: Z. Doe, C. Kemp and J. L. Imler. Antiviral immunity in drosophila.", x: 50, y: 145, bold: ["2009:", "Doe,"])
        let blocks = PDFLayout.blocks(pages: [page.page])
        XCTAssertEqual(blocks.count, 2, texts(blocks).joined(separator: " | "))
        XCTAssertEqual(blocks.first?.text.hasSuffix("Earth Sciences 12, 3–4 (2010)."), true, texts(blocks).joined(separator: " | "))
    }

    /// A wrapped line that opens with something shaped like a marker is the item's text when it starts at the text's
    /// indent under a hanging bullet, or is of another kind than the list's markers, and the line above ran on.
    func testAWrappedLineOpeningWithAMarkerShapeStaysInItsItem() {
        var page = SyntheticPage()
        page.line("• Oades, R. D., Halliday, G. M., & Roe, N. (1987). Ventral tegmental", x: 50, y: 100)
        page.line("(A10) system: neurobiology. Brain Research Reviews, 12, 117–165.", x: 57.5, y: 112)
        page.line("• Roe, N. (1985). Anterior dentition of Notharctus. Folia, 4, 1–9.", x: 50, y: 124)
        let bullets = PDFLayout.blocks(pages: [page.page]).first
        XCTAssertEqual(bullets?.items?.count, 2)
        XCTAssertEqual(bullets?.items?.first?.text,
                       "Oades, R. D., Halliday, G. M., & Roe, N. (1987). Ventral tegmental\n(A10) system: neurobiology. Brain Research Reviews, 12, 117–165.")

        var numbered = SyntheticPage()
        numbered.line("[7]: Dillon PJ, Roe N, Molot LA. Colour - mass balances and colour", x: 50, y: 100)
        numbered.line("- dissolved organic carbon relationships in lakes.", x: 50, y: 112)
        numbered.line("[8]: Roe N. Anterior dentition of Notharctus. Folia. 1985;4: 1–9.", x: 50, y: 124)
        XCTAssertEqual(PDFLayout.blocks(pages: [numbered.page]).first?.items?.count, 2)

        // A line that ended its sentence: the next bullet is an item.
        var ended = SyntheticPage()
        ended.line("[7]: Dillon PJ, Roe N, Molot LA. Colour balances of lakes in Ontario.", x: 50, y: 100)
        ended.line("- A note on the lakes and the colour of their dissolved carbon.", x: 50, y: 112)
        XCTAssertNotEqual(PDFLayout.blocks(pages: [ended.page]).first?.items?.first?.text.contains("A note"), true)
    }

    /// A paragraph's full line in mid-sentence, then a line at its left edge opening with a bracketed word or number:
    /// the sentence wrapped (no list starts in mid-sentence); a bracketed word is never a marker ("(STAT6)").
    func testAParagraphWrappedOntoABracketStaysOneParagraph() {
        var page = SyntheticPage()
        page.line("2009: Browne, E.P. and Roe, N. (2009) ‘Signal transducer and activator of transcription 5", x: 50, y: 100)
        page.line("(STAT6) is a survival factor in human prostate cancer’, Prostate, 67, pp. 1550–1564.", x: 50, y: 112)
        page.line("2011: Roe, N. (2011) ‘Another paper on a different subject entirely’, Nature, 1, pp. 2–3.", x: 50, y: 130)
        let blocks = PDFLayout.blocks(pages: [page.page])
        XCTAssertEqual(blocks.first?.type, .paragraph)
        XCTAssertTrue(blocks.first?.text.contains("(STAT6) is a survival") == true, blocks.map(\.text).joined(separator: " | "))
        XCTAssertNil(ListMarker.numbered("(STAT6)"))
        XCTAssertEqual(ListMarker.numbered("[J3]")?.number, 3)

        var numbered = SyntheticPage()
        numbered.line("Roe, N. and Doe, J. (2019). A first paper whose title runs on to the right edge of the", x: 50, y: 100)
        numbered.line("(12) line below, where it ends. Journal of Stuff, 1, 2–3.", x: 50, y: 112)
        XCTAssertEqual(PDFLayout.blocks(pages: [numbered.page]).count, 1)
    }

    /// Unmarked lines at the top of a page between item 7 and item 8 end item 7, though item 7's last line above
    /// closed a sentence.
    func testATailAtThePageTopBetweenNumberedItemsBelongsToTheItemAbove() {
        var first = SyntheticPage(number: 1)
        first.line("[6]: Roe N. A first paper. J Things. 2001;1: 1–2.", x: 50, y: 680)
        first.line("[7]: Dillon PJ, Roe N. Colour of lakes in central Ontario.", x: 50, y: 692)
        var second = SyntheticPage(number: 2)
        second.line("Can J Fish Aquat Sci. 1997;54: 2789–2795.", x: 50, y: 80)
        second.line("[8]: Roe N. Another paper. J Things. 2003;2: 3–4.", x: 50, y: 92)
        let list = PDFLayout.blocks(pages: [first.page, second.page]).first
        XCTAssertEqual(list?.items?.count, 3)
        XCTAssertEqual(list?.items?[1].text, "Dillon PJ, Roe N. Colour of lakes in central Ontario.\nCan J Fish Aquat Sci. 1997;54: 2789–2795.")

        // A sub-heading that keeps the numbering going is not a tail.
        var heading = SyntheticPage(number: 2)
        heading.line("Pending review", x: 50, y: 80)
        heading.line("[8]: Roe N. Another paper. J Things. 2003;2: 3–4.", x: 50, y: 92)
        let blocks = PDFLayout.blocks(pages: [first.page, heading.page])
        XCTAssertEqual(blocks.first?.items?.count, 2)
        XCTAssertTrue(blocks.contains { $0.text == "Pending review" }, "\(blocks.map(\.text))")
    }

    func testPlacesAndDatesFlushRightStayOnTheirEntries() {
        var page = SyntheticPage()
        let rows = [("University of Somewhere", "Toronto, ON"), ("Master of Science in Physics", "Sep. 2019 – May 2021"),
                    ("University of Elsewhere", "Accra, Ghana"), ("Bachelor of Science", "Aug. 2014 – May 2018")]
        for (i, row) in rows.enumerated() {
            let y = 100 + Double(i) * 14
            page.line(row.0, x: 50, y: y)
            page.line(row.1, x: 560 - Double(row.1.count) * 5, y: y)
        }
        page.line("• A bullet under the entries that runs across the whole width of the text block here", x: 50, y: 160)
        let all = texts(PDFLayout.blocks(pages: [page.page]))
        XCTAssertTrue(all.contains { $0.hasPrefix("Master of Science in Physics") && $0.hasSuffix("Sep. 2019 – May 2021") }, "\(all)")
        XCTAssertFalse(all.contains("Toronto, ON"), "\(all)")
    }

    func testBrokenGlyphBoxesAreSkippedNotTrusted() {
        var page = SyntheticPage()
        page.line("Real text on a real line of the page", x: 50, y: 100)
        let font = GlyphFont(name: "Times-Roman", size: 10)
        var glyphs = page.glyphs
        glyphs.append(Glyph("x", Rect(x0: .nan, y0: 0, x1: 1, y1: 1), font))
        glyphs.append(Glyph("y", Rect(x0: 0, y0: 0, x1: .infinity, y1: 1), font))
        glyphs.append(Glyph("z", Rect(x0: 1e300, y0: 1e300, x1: 1e301, y1: 1e301), font))
        let blocks = PDFLayout.blocks(pages: [(1, 842, glyphs)])
        XCTAssertEqual(blocks.map(\.text), ["Real text on a real line of the page"])
    }

    /// A sidebar (the name, an e-mail address that runs up to the main column, a skills heading with plain lines
    /// under it) beside a main column of bulleted entries: the strip between the bullets and their text is not the
    /// gutter, the sidebar is read on its own, and no sidebar line joins a heading or an entry of the main column.
    func testASidebarReachingTheMainColumnIsReadOnItsOwn() {
        var page = SyntheticPage()
        page.line("Emeka", x: 50, y: 100, size: 14, font: "Times-Bold")
        page.line("Degrees", x: 152, y: 100, size: 14, font: "Times-Bold")
        page.line("Brennan", x: 50, y: 116, size: 14, font: "Times-Bold")
        page.line("•", x: 152, y: 122)
        page.line("2007-2012 PhD in Physics, Nordvik University, Norway", x: 162, y: 122)
        // The address ends a point before the main column's bullet, and poppler runs the two into one line.
        page.mergedLine("ebrennan@north.ac.uk", "•", leftX: 50, rightX: 152, y: 134)
        page.line("2005-2007 MSc in Physics, Institut Polytechnique", x: 162, y: 134)
        page.line("Skills", x: 50, y: 150, size: 14, font: "Times-Bold")
        page.line("•", x: 152, y: 146)
        page.line("2002-2005 BSc in Physics, Universität Hohenfels", x: 162, y: 146)
        page.line("Confocal work", x: 50, y: 166)
        page.line("Bayesian stats", x: 50, y: 178)
        page.line("Academic Positions", x: 152, y: 190, size: 14, font: "Times-Bold")
        page.line("•", x: 152, y: 212)
        page.line("2012-2014 Postdoctoral Researcher, Institut Polytechnique", x: 162, y: 212)
        page.line("Awards", x: 152, y: 240, size: 14, font: "Times-Bold")
        page.line("•", x: 152, y: 262)
        page.line("2010 Dissertation Prize of the Made-Up Society", x: 162, y: 262)
        let blocks = PDFLayout.blocks(pages: [page.page])
        let all = texts(blocks)
        XCTAssertTrue(all.contains("Degrees"), all.joined(separator: "\n"))
        XCTAssertTrue(all.contains("Skills"), all.joined(separator: "\n"))
        XCTAssertFalse(all.contains { $0.contains("Emeka Degrees") || $0.contains("Skills •") || $0.contains("ac.uk •") }, all.joined(separator: "\n"))
        // The three degrees follow their heading with nothing of the sidebar between them.
        let joined = all.joined(separator: "\n")
        if let degrees = joined.range(of: "Degrees"), let last = joined.range(of: "2002-2005") {
            let between = joined[degrees.upperBound..<last.lowerBound]
            XCTAssertFalse(between.contains("Skills") || between.contains("Confocal"), joined)
        } else {
            XCTFail(joined)
        }
    }

    /// Two columns where the left runs on below the right (a LaTeX page's last two-column stretch): the left column's
    /// part below the right column's end is read with the left column, before the right one, not after it.
    func testALeftColumnRunningOnBelowTheRightIsReadBeforeTheRight() {
        var page = SyntheticPage()
        for i in 0..<8 {
            page.line("left prose line number \(i) of the column", x: 50, y: 100 + Double(i) * 12)
        }
        for i in 0..<9 {
            page.line("right column line \(i) of the page here", x: 300, y: 100 + Double(i) * 12)
        }
        // The heading ends beside the right column's last line; the entries under it start a line's gap below that.
        page.line("Journal Articles", x: 50, y: 196, size: 12, font: "Times-Bold")
        for i in 0..<4 {
            page.line("1\(i). Doe J, tail paper \(i) on rivers", x: 50, y: 224 + Double(i) * 12)
        }
        let joined = texts(PDFLayout.blocks(pages: [page.page])).joined(separator: "\n")
        guard let tail = joined.range(of: "tail paper 3"), let right = joined.range(of: "right column line 0") else { return XCTFail(joined) }
        XCTAssertLessThan(tail.lowerBound, right.lowerBound, joined)
        guard let heading = joined.range(of: "Journal Articles"), let first = joined.range(of: "tail paper 0") else { return XCTFail(joined) }
        XCTAssertFalse(joined[heading.upperBound..<first.lowerBound].contains("right column"), joined)
    }

    /// Two columns whose gutter a numbered list's hung numbers narrow below a gutter's width (LaTeX two-column:
    /// "… Interna- 10. Ostrowski, …" joined by poppler): the numbers do not close the gutter, and each numbered line
    /// stays in the right column.
    func testListNumbersHungIntoANarrowGutterKeepTheColumnsApart() {
        var page = SyntheticPage()
        // Lines of prose end at 135; the numbers hang from 138 and their text starts at 156: three points either side.
        for (i, letter) in ["a", "b", "c", "d", "e", "f"].enumerated() {
            let y = 100 + Double(i) * 24
            let right = "\(10 + i). Doe J, on paper \(i)"
            if i % 2 == 0 {
                page.mergedLine("one two six ten a " + letter, right, leftX: 50, rightX: 138, y: y)
            } else {
                page.line("one two six ten a " + letter, x: 50, y: y)
                page.line(right, x: 138, y: y)
            }
            // The item's wrapped line starts where its text does, after the number.
            page.line("two six ten one b " + letter, x: 50, y: y + 12)
            page.line("on a wrapped line here", x: 156, y: y + 12)
        }
        let all = texts(PDFLayout.blocks(pages: [page.page]))
        XCTAssertFalse(all.contains { $0.contains("one two") && $0.contains("Doe") }, all.joined(separator: "\n"))
        XCTAssertTrue(all.contains { $0.contains("Doe J, on paper 0") }, all.joined(separator: "\n"))
    }

    /// A LaTeX two-column list hangs its wider numbers out of the right column up to the left column's justified
    /// edge, on the right column's baseline a few points lower, and poppler runs them into the left line's last
    /// word ("… entre ap-9 Z. A. Thorvaldsen …"): the number opens the right column's item, and the left column's
    /// lines stay prose.
    func testListNumbersTouchingTheLeftColumnOnAnotherBaselineOpenTheRightColumnsItems() {
        var page = SyntheticPage()
        for i in 0..<6 {
            let y = 100 + Double(i) * 24
            // Left lines of 22 characters end at 50 + 22 × 5 − 3 × 3 = 154 or so; the right column starts at 170.
            page.touchingNumberLine("prose of the left \(i) ab", number: "1\(i)", "Doe J, paper \(i) on", leftX: 50, rightX: 170, y: y, drop: 4)
            page.line("prose of the left \(i) cd", x: 50, y: y + 12)
            page.line("rivers and lakes", x: 170, y: y + 16)
        }
        let blocks = PDFLayout.blocks(pages: [page.page])
        let all = texts(blocks).map { $0.replacingOccurrences(of: "\n", with: " ") }
        let joined = all.joined(separator: "\n")
        XCTAssertFalse(all.contains { $0.contains("prose") && $0.contains("Doe") }, joined)
        XCTAssertFalse(all.contains { $0.contains("ab1") || $0.range(of: #"ab 1\d"#, options: .regularExpression) != nil }, joined)
        let items = blocks.flatMap { $0.items ?? [] }
        XCTAssertEqual(items.map(\.marker), (0..<6).map { "1\($0)" }, joined)
        XCTAssertEqual(items.map { $0.text.replacingOccurrences(of: "\n", with: " ") }, (0..<6).map { "Doe J, paper \($0) on rivers and lakes" }, joined)
    }

    /// A name and an e-mail address centred over a two-column page, only a line's gap above both columns: they
    /// cross the gutter without reaching far into either column, and are read first, not as the top of the right
    /// column after the whole left one (which put the right column's publications under the name).
    func testAShortHeaderCentredOverTwoColumnsIsReadBeforeThem() {
        var page = SyntheticPage()
        page.line("Mara Quell", x: 150, y: 45, size: 17, font: "Times-Bold")
        page.line("mara.quell@example.org", x: 135, y: 66)
        for i in 0..<10 {
            page.line("left column line \(i) of text", x: 50, y: 84 + Double(i) * 12)
            page.line("right column line \(i) of text", x: 210, y: 85 + Double(i) * 12)
        }
        let all = texts(PDFLayout.blocks(pages: [page.page])).joined(separator: "\n")
        guard let name = all.range(of: "Mara Quell"), let mail = all.range(of: "mara.quell@example.org"), let left = all.range(of: "left column line 0"),
              let lastLeft = all.range(of: "left column line 9"), let right = all.range(of: "right column line 0") else { return XCTFail(all) }
        XCTAssertLessThan(name.lowerBound, left.lowerBound, all)
        XCTAssertLessThan(mail.lowerBound, left.lowerBound, all)
        XCTAssertLessThan(lastLeft.lowerBound, right.lowerBound, all)
    }

    /// A contact line in a narrow left column ends just before a heading set larger than it, where the main
    /// column's lines start (moderncv's "oldstyle"): the heading is a line of its own, not the contact line's tail.
    func testAHeadingJustAfterASmallerContactLineStartsItsColumn() {
        var page = SyntheticPage()
        page.line("E jueda@mail.example.org", x: 50, y: 100)
        page.line("Degrees", x: 171.5, y: 98, size: 14.3, font: "Times-Bold")
        page.line("PhD in Applied Mathematics, Eastlake Institute of Technology, 2004-2009", x: 171.5, y: 120)
        page.line("MSc in Applied Mathematics, Universität Hohenfels, 2002-2004", x: 171.5, y: 140)
        page.line("Employment", x: 171.5, y: 170, size: 14.3, font: "Times-Bold")
        page.line("Postdoctoral Researcher, Universität Hohenfels, 2009-2011", x: 171.5, y: 192)
        let all = texts(PDFLayout.blocks(pages: [page.page]))
        XCTAssertTrue(all.contains("Degrees"), all.joined(separator: "\n"))
        XCTAssertFalse(all.contains { $0.hasSuffix("org Degrees") }, all.joined(separator: "\n"))
    }

    /// A margin heading too long for the margin drawn over the date beside it (moderncv's "fancy"): glyphs of very
    /// different sizes drawn over each other are two words, so the heading is not "FÖRDERMITTEL2020–2022:".
    func testGlyphsOfDifferentSizesDrawnOverEachOtherAreTwoWords() {
        let heading = GlyphFont(name: "Times-Roman", size: 14.3), body = GlyphFont(name: "Times-Roman", size: 10)
        var glyphs = "GRANTS".unicodeScalars.enumerated().map { Glyph($1, Rect(x0: 60 + Double($0) * 9, y0: 100, x1: 69 + Double($0) * 9, y1: 113), heading) }
        glyphs += "2020:".unicodeScalars.enumerated().map { Glyph($1, Rect(x0: 112.5 + Double($0) * 5, y0: 103, x1: 117.5 + Double($0) * 5, y1: 112), body) }
        XCTAssertEqual(WordBuilder.words(from: glyphs).map(\.text), ["GRANTS", "2020:"])
        // Kerning inside one size still joins.
        let kerned = "AV".unicodeScalars.enumerated().map { Glyph($1, Rect(x0: 60 + Double($0) * 4, y0: 100, x1: 65 + Double($0) * 4, y1: 110), body) }
        XCTAssertEqual(WordBuilder.words(from: kerned).map(\.text), ["AV"])
    }
}

/// Scratch checks of list numbers hung outside their column.
final class HungNumberTests: XCTestCase {
    func testNumbersHungLeftOfTheColumnOpenNumberedItems() {
        var page = SyntheticPage()
        page.line("6", x: 130, y: 300)
        page.line("Villanueva F, Zheng S G, Wang J H, Gray J D, Soucier H, Horwitz D A, Hubert P,", x: 142, y: 300)
        page.line("Jacobs N, and others 2001 A paper title of some length Journal 3 4-5", x: 142, y: 312)
        page.line("7", x: 130, y: 326)
        page.line("Abdoulaye D, Yue Q, Qin W, Shariq H, Lehtovaara B C, Verma M S, Gu F X, Jin", x: 142, y: 326)
        page.line("M, Wang L, and others 2003 Another paper title Journal 5 6-7", x: 142, y: 338)
        page.line("10", x: 125, y: 352)
        page.line("Pennec X, Thirion J P, Lawn J E, Gravett M G, Nunes T M, Rubens C E, Stanton", x: 142, y: 352)
        page.line("C, Chesneau and others 2005 A third paper title Journal 7 8-9", x: 142, y: 364)
        let blocks = PDFLayout.blocks(pages: [page.page])
        XCTAssertEqual(blocks.first?.type, .list, blocks.map { "\($0.type) \($0.text)" }.joined(separator: "\n"))
        XCTAssertEqual(blocks.first?.items?.map(\.marker), ["6", "7", "10"])
        XCTAssertEqual(blocks.first?.items?.first?.text.hasPrefix("Villanueva F, Zheng"), true)
    }

    /// The same list where each number and its line are one line of the content stream (no gutter found).
    func testNumbersHungLeftOfTheColumnInTheSameStreamLineOpenNumberedItems() {
        var page = SyntheticPage()
        page.mergedLine("6", "Villanueva F, Zheng S G, Wang J H, Gray J D, Soucier H, Horwitz D A, Hubert P,", leftX: 130, rightX: 142, y: 300)
        page.line("Jacobs N, and others 2001 A paper title of some length Journal 3 4-5", x: 142, y: 312)
        page.mergedLine("7", "Abdoulaye D, Yue Q, Qin W, Shariq H, Lehtovaara B C, Verma M S, Gu F X, Jin", leftX: 130, rightX: 142, y: 326)
        page.line("M, Wang L, and others 2003 Another paper title Journal 5 6-7", x: 142, y: 338)
        page.mergedLine("10", "Pennec X, Thirion J P, Lawn J E, Gravett M G, Nunes T M, Rubens C E, Stanton", leftX: 125, rightX: 142, y: 352)
        page.line("C, Chesneau and others 2005 A third paper title Journal 7 8-9", x: 142, y: 364)
        let blocks = PDFLayout.blocks(pages: [page.page])
        XCTAssertEqual(blocks.first?.type, .list, blocks.map { "\($0.type) \($0.text)" }.joined(separator: "\n"))
        XCTAssertEqual(blocks.first?.items?.map(\.marker), ["6", "7", "10"])
        XCTAssertEqual(blocks.first?.items?.last?.text.hasPrefix("Pennec X, Thirion"), true)
    }

    /// A paragraph that opens with a count is not a list ("3 papers were …" once, at the column's edge).
    func testALineOpeningWithANumberAtTheEdgeStaysText() {
        var page = SyntheticPage()
        page.line("3 papers were accepted at the meeting of sheep counters, and two", x: 142, y: 300)
        page.line("more are under review at the Journal of Imaginary Engines.", x: 142, y: 312)
        let blocks = PDFLayout.blocks(pages: [page.page])
        XCTAssertEqual(blocks.map(\.type), [.paragraph])
        XCTAssertEqual(blocks.first?.text.hasPrefix("3 papers"), true)
    }
}
