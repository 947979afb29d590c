import DossierModel
import XCTest

/// Inline elements → inline kinds; whitespace collapsed as a browser does; scripts and styles dropped.
final class HTMLInlineTests: XCTestCase {
    private func paragraph(_ fragment: String) throws -> Block {
        try XCTUnwrap(try HTMLTestSupport.body(fragment).blocks.first)
    }

    func testEveryInlineKind() throws {
        let block = try paragraph(
            "<p><b>B</b><strong>S</strong> <em>E</em><i>I</i> <u>U</u> <a href=\"https://doi.org/10.1000/1\">L</a> <code>C</code> x<sup>2</sup> H<sub>2</sub>O <s>old</s></p>")
        let types = (block.inlines ?? []).filter { $0.type != .text }.map(\.type)
        XCTAssertEqual(types, [.strong, .strong, .emphasis, .emphasis, .underline, .link, .code, .superscript, .subscript, .strikethrough])
        XCTAssertEqual(block.inlines?.first { $0.type == .link }?.url, "https://doi.org/10.1000/1")
        XCTAssertEqual(block.text, "BS EI U L C x2 H2O old")
    }

    func testBoldSelfNameInAuthorListIsKept() throws {
        let block = try paragraph("<p>Smith, A., <b>Doe, J.</b>, &amp; Lee, K. (2020). Title. <i>Journal</i>, 3(2), 1–9.</p>")
        let strong = try XCTUnwrap(block.inlines?.first { $0.type == .strong })
        XCTAssertEqual(strong.text, "Doe, J.")
        XCTAssertEqual(block.text, "Smith, A., Doe, J., & Lee, K. (2020). Title. Journal, 3(2), 1–9.")
    }

    func testStyleAttributeBoldCountsAsStrong() throws {
        let block = try paragraph("<p><span style=\"font-weight: bold\">Doe J</span>, Roe R</p>")
        XCTAssertEqual(block.inlines?.first?.type, .strong)
        XCTAssertEqual(block.inlines?.first?.text, "Doe J")
    }

    func testClassMadeBoldByThePagesStylesheetCountsAsStrong() throws {
        let document = try HTMLTestSupport.read("""
            <html><head><style>/* me */ .me, span.self { font-weight: 700 } .venue{font-style:italic} div .nested { font-weight: bold }</style></head>
            <body><p><span class="me">Doe, J.</span>, <span class="nested">Roe, R.</span> <span class="venue">Nature</span></p></body></html>
            """)
        let inlines = try XCTUnwrap(document.blocks.first?.inlines)
        XCTAssertEqual(inlines.filter { $0.type != .text }.map(\.type), [.strong, .emphasis])
        XCTAssertEqual(inlines.first?.text, "Doe, J.")
    }

    func testTagQualifiedStyleRuleAppliesToThatTagOnly() throws {
        let document = try HTMLTestSupport.read("""
            <style>h1.western { font-weight: bold } p.western { font-size: 10pt }</style>
            <p class="western">Plain <span class="western">text</span></p>
            """)
        XCTAssertEqual(document.blocks.first?.inlines?.map(\.type), [.text])
    }

    func testNestedInlinesKeepTheirChildren() throws {
        let block = try paragraph("<p><a href=\"/x\"><b>Bold link</b> tail</a></p>")
        let link = try XCTUnwrap(block.inlines?.first)
        XCTAssertEqual(link.type, .link)
        XCTAssertEqual(link.text, "Bold link tail")
        XCTAssertEqual(link.children?.map(\.type), [.strong, .text])
    }

    func testIconLinkWithoutTextKeepsItsTarget() throws {
        let block = try paragraph("<p><a href=\"https://orcid.org/0000-0002-1825-0097\"><i class=\"ai ai-orcid\"></i></a></p>")
        XCTAssertEqual(block.inlines?.first?.url, "https://orcid.org/0000-0002-1825-0097")
        XCTAssertEqual(block.text, "")
    }

    func testWhitespaceCollapsesAcrossElements() throws {
        let block = try paragraph("<p>\n   Jane  \n <b> Doe </b>  ,\tPhD  <br>\n  next   line \n</p>")
        XCTAssertEqual(block.text, "Jane Doe , PhD\nnext line")
        XCTAssertEqual(block.inlines?.first { $0.type == .strong }?.text, "Doe ")
    }

    func testNoBreakSpacesAreKept() throws {
        XCTAssertEqual(try paragraph("<p>J.&nbsp;Doe</p>").text, "J.\u{00A0}Doe")
    }

    func testScriptStyleTemplateNoscriptAndSVGAreDropped() throws {
        let document = try HTMLTestSupport.body(
            "<p>Visible<script>var hidden = 1;</script><style>p{}</style></p><template><p>tpl</p></template><noscript>Enable JS</noscript><svg><text>icon</text></svg><p>End</p>")
        XCTAssertEqual(document.blocks.map(\.text), ["Visible", "End"])
    }

    func testQuotationsCDATAAndProcessingInstructions() throws {
        XCTAssertEqual(try paragraph("<p>say <q>hi</q> a<![CDATA[hidden]]>b <?php echo 1; ?>end</p>").text, "say “hi” ab end")
    }

    func testEntitiesAreDecoded() throws {
        XCTAssertEqual(try paragraph("<p>Caf&eacute; &amp; &#233;t&#xE9; &lt;b&gt;</p>").text, "Café & été <b>")
    }
}
