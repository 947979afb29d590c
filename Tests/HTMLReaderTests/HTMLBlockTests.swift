import DossierModel
import XCTest

/// Each HTML block element → its Dossier block.
final class HTMLBlockTests: XCTestCase {
    private func blocks(_ fragment: String) throws -> [Block] {
        try HTMLTestSupport.body(fragment).blocks
    }

    func testHeadingsKeepTheirLevel() throws {
        let result = try blocks("<h1>Jane Doe</h1><h2>Education</h2><h3>A</h3><h4>B</h4><h5>C</h5><h6>D</h6>")
        XCTAssertEqual(result.map(\.type), Array(repeating: .heading, count: 6))
        XCTAssertEqual(result.compactMap(\.level), [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(result.map(\.text), ["Jane Doe", "Education", "A", "B", "C", "D"])
    }

    func testEmptyHeadingIsDropped() throws {
        XCTAssertEqual(try blocks("<h2><a id=\"x\"></a></h2><p>text</p>").map(\.type), [.paragraph])
    }

    func testParagraphsAndLineBreaks() throws {
        let result = try blocks("<p>Jane Doe<br>Department of Biology<br/>jane@example.org</p><p>Second</p>")
        XCTAssertEqual(result.map(\.type), [.paragraph, .paragraph])
        XCTAssertEqual(result[0].text, "Jane Doe\nDepartment of Biology\njane@example.org")
        XCTAssertEqual(result[0].inlines?.map(\.type), [.text, .linebreak, .text, .linebreak, .text])
    }

    func testBulletListItemsHoldParagraphsAndNestedLists() throws {
        let result = try blocks("<ul><li>One</li><li>Two<ul><li>Nested</li></ul></li></ul>")
        let list = try XCTUnwrap(result.first)
        XCTAssertEqual(list.type, .list)
        XCTAssertEqual(list.ordered, false)
        let items = try XCTUnwrap(list.items)
        XCTAssertEqual(items.map(\.text), ["One", "Two\nNested"])
        XCTAssertNil(items[0].marker)
        XCTAssertEqual(items[1].blocks?.map(\.type), [.paragraph, .list])
        XCTAssertEqual(items[1].blocks?.last?.items?.first?.text, "Nested")
    }

    func testOrderedListMarkersFollowStartAndValue() throws {
        let list = try XCTUnwrap(try blocks("<ol start=\"12\"><li>a</li><li>b</li><li value=\"20\">c</li><li>d</li></ol>").first)
        XCTAssertEqual(list.ordered, true)
        XCTAssertEqual(list.start, 12)
        XCTAssertEqual(list.items?.compactMap(\.marker), ["12.", "13.", "20.", "21."])
    }

    func testReversedOrderedListCountsDown() throws {
        let list = try XCTUnwrap(try blocks("<ol reversed><li>new</li><li>old</li><li>oldest</li></ol>").first)
        XCTAssertEqual(list.items?.compactMap(\.marker), ["3.", "2.", "1."])
    }

    func testHugeListNumbersDoNotOverflow() throws {
        let result = try blocks("<ol start=\"9223372036854775807\"><li>a</li><li>b</li></ol><ol><li value=\"-9223372036854775808\">c</li></ol><ol reversed start=\"-9223372036854775808\"><li>d</li><li>e</li></ol>")
        XCTAssertEqual(result.map { $0.items?.count }, [2, 1, 2])
        XCTAssertEqual(result.first?.items?.compactMap(\.marker), ["1000000000.", "1000000001."])
    }

    func testListWrittenDirectlyInsideAListJoinsThePreviousItem() throws {
        let list = try XCTUnwrap(try blocks("<ul><li>Parent</li><ul><li>Child</li></ul></ul>").first)
        XCTAssertEqual(list.items?.count, 1)
        XCTAssertEqual(list.items?.first?.text, "Parent\nChild")
    }

    func testDefinitionListGroupsTermWithDefinitions() throws {
        let list = try XCTUnwrap(try blocks("<dl><dt>2019–2021</dt><dd>Postdoc</dd><dd>Lab X</dd><dt>2015</dt><dd>PhD</dd></dl>").first)
        XCTAssertEqual(list.type, .list)
        XCTAssertEqual(list.ordered, false)
        XCTAssertEqual(list.items?.map(\.text), ["2019–2021\nPostdoc\nLab X", "2015\nPhD"])
        XCTAssertEqual(list.items?.first?.blocks?.map(\.type), [.paragraph, .paragraph, .paragraph])
        XCTAssertEqual(list.items?.first?.inlines?.first?.type, .text, "a term is not made bold")
    }

    func testTableRowsAndHeaderCells() throws {
        let table = try XCTUnwrap(try blocks("<table><thead><tr><th>Year</th><th>Award</th></tr></thead><tbody><tr><td>2019</td><td><b>Best</b> paper</td></tr></tbody></table>").first)
        XCTAssertEqual(table.type, .table)
        let rows = try XCTUnwrap(table.rows)
        XCTAssertEqual(rows.map(\.text), ["Year\tAward", "2019\tBest paper"])
        XCTAssertEqual(rows[0].cells?.map(\.header), [true, true])
        XCTAssertEqual(rows[1].cells?.map(\.header), [nil, nil])
        XCTAssertEqual(rows[1].cells?[1].inlines?.first?.type, .strong)
    }

    func testLayoutTableRowsWithHeadingsBecomeBlocks() throws {
        let html = """
            <table><tr><td colspan="2"><h2>Education</h2></td></tr>
            <tr><td>2015–2019</td><td>PhD, University of Nowhere</td></tr>
            <tr><td>2013–2015</td><td>MSc</td></tr>
            <tr><td colspan="2"><h2>Positions</h2><ul><li>Postdoc</li></ul></td></tr></table>
            """
        let result = try blocks(html)
        XCTAssertEqual(result.map(\.type), [.heading, .table, .heading, .list])
        XCTAssertEqual(result[1].rows?.map(\.text), ["2015–2019\tPhD, University of Nowhere", "2013–2015\tMSc"])
    }

    func testSingleColumnTableIsReadAsParagraphs() throws {
        let result = try blocks("<table><tr><td><b>Jane Doe</b></td></tr><tr><td>&nbsp;</td></tr><tr><td>jane@example.org</td></tr></table>")
        XCTAssertEqual(result.map(\.type), [.paragraph, .paragraph])
        XCTAssertEqual(result.map(\.text), ["Jane Doe", "jane@example.org"])
    }

    func testCellWithParagraphsJoinsThemWithNewlines() throws {
        let table = try XCTUnwrap(try blocks("<table><tr><td>2019</td><td><p>Line one</p><p>Line two</p></td></tr></table>").first)
        XCTAssertEqual(table.rows?.first?.cells?[1].text, "Line one\nLine two")
    }

    func testBlockquotePreAndRule() throws {
        let result = try blocks("<blockquote><p>Said</p><p>twice</p></blockquote><pre class=\"language-r\">\nx &lt;- 1\n  y\n</pre><hr>")
        XCTAssertEqual(result.map(\.type), [.quote, .code, .rule])
        XCTAssertEqual(result[0].blocks?.map(\.text), ["Said", "twice"])
        XCTAssertEqual(result[1].text, "x <- 1\n  y")
        XCTAssertEqual(result[1].info, "r")
    }

    func testDivAndSpanThatOnlyHoldTextBecomeParagraphs() throws {
        let result = try blocks("<div>Plain   text\nin a div</div><span>Span text</span><div><div><section><div>Deep</div></section></div></div>")
        XCTAssertEqual(result.map(\.type), [.paragraph, .paragraph, .paragraph])
        XCTAssertEqual(result.map(\.text), ["Plain text in a div", "Span text", "Deep"])
    }

    func testTextBesideBlocksInAContainerIsItsOwnParagraph() throws {
        let result = try blocks("<div>Before<p>Inside</p>After <b>bold</b></div>")
        XCTAssertEqual(result.map(\.text), ["Before", "Inside", "After bold"])
    }

    func testWordHTMLConditionalMarkersAreNotText() throws {
        let html = "<p class=MsoListParagraph><![if !supportLists]><span style='font-family:Symbol'>·</span> <![endif]><span class=Strong>Doe, J.</span> (2020)<o:p></o:p></p>"
        XCTAssertEqual(try blocks(html).map(\.text), ["· Doe, J. (2020)"])
    }

    func testWordListParagraphsBecomeAList() throws {
        let item = { (marker: String, text: String) in
            "<p class=MsoListParagraphCxSpMiddle style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>\(marker)<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span></span><![endif]>\(text)<o:p></o:p></p>\n"
        }
        let html = "<p class=MsoNormal>Before</p>" + item("1.", "<b>Doe, J.</b> (2020). One.") + item("2.", "Roe, R. (2019). Two.")
            + "<p class=MsoNormal>Between</p>" + item("·", "Python") + item("·", "R")
        let result = try blocks(html)
        XCTAssertEqual(result.map(\.type), [.paragraph, .list, .paragraph, .list])
        XCTAssertEqual(result[1].ordered, true)
        XCTAssertEqual(result[1].start, 1)
        XCTAssertEqual(result[1].items?.compactMap(\.marker), ["1.", "2."])
        XCTAssertEqual(result[1].items?.map(\.text), ["Doe, J. (2020). One.", "Roe, R. (2019). Two."])
        XCTAssertEqual(result[1].items?.first?.inlines?.first?.type, .strong)
        XCTAssertEqual(result[3].ordered, false)
        XCTAssertEqual(result[3].items?.compactMap(\.marker), ["•", "•"])
    }

    func testInlineElementHoldingABlockIsWalkedAsAContainer() throws {
        let result = try blocks("<a href=\"/p\"><div><h3>Title</h3><p>Body</p></div></a>")
        XCTAssertEqual(result.map(\.type), [.heading, .paragraph])
    }

    /// Sibling containers of one kind that each hold a few paragraphs (a publication as title, authors and venue
    /// paragraphs in a `<div class="publication">`) are the items of a list, one per container.
    func testRepeatedContainersOfParagraphsAreTheItemsOfAList() throws {
        let result = try blocks("""
        <h2>Publications</h2>
        <div class="pub"><p class="title">A title</p><p class="authors">J. Doe and R. Roe</p><p>J. Things, 1, 2020</p></div>
        <div class="pub"><p class="title">Another title</p><p class="authors">R. Roe and J. Doe</p><p>J. Stuff, 2, 2019</p></div>
        <div class="note"><p>One</p><p>Two</p></div>
        """)
        XCTAssertEqual(result.map(\.type), [.heading, .list, .paragraph, .paragraph])
        let items = try XCTUnwrap(result[1].items)
        XCTAssertEqual(items.count, 2)
        XCTAssertEqual(items[0].blocks?.map(\.text), ["A title", "J. Doe and R. Roe", "J. Things, 1, 2020"])
        XCTAssertEqual(items[1].text, "Another title\nR. Roe and J. Doe\nJ. Stuff, 2, 2019")
    }

    /// A container alone, one holding a heading, and containers of another kind in between are not records.
    func testContainersThatAreNotARunOfRecordsAreWalkedAsBefore() throws {
        let result = try blocks("""
        <div class="a"><p>One</p><p>Two</p></div>
        <div class="b"><p>Three</p><p>Four</p></div>
        <div class="c"><h3>Heading</h3><p>Five</p></div>
        <div class="c"><h3>Heading</h3><p>Six</p></div>
        """)
        XCTAssertEqual(result.map(\.type), [.paragraph, .paragraph, .paragraph, .paragraph, .heading, .paragraph, .heading, .paragraph])
    }
}
