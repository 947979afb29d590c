import DossierModel
import XCTest

/// Page chrome (navigation, the site's header and footer, cookie banners) does not drown the content.
final class HTMLChromeTests: XCTestCase {
    private func texts(_ fragment: String) throws -> [String] {
        try HTMLTestSupport.body(fragment).blocks.map(\.text)
    }

    func testNavFooterCookieBannerAndSkipLinkAreDropped() throws {
        let html = """
            <a class="skip-link" href="#main">Skip to content</a>
            <nav><ul><li><a href="/">Home</a></li><li><a href="/cv">CV</a></li></ul></nav>
            <div class="navbar-collapse"><a href="/talks">Talks</a></div>
            <main id="main"><h1>Jane Doe</h1><p>Content</p></main>
            <div id="cookie-consent">We use cookies. <button>Accept</button></div>
            <div role="navigation">Prev / Next</div>
            <footer><p>© 2024 Jane Doe. Powered by Jekyll.</p></footer>
            """
        XCTAssertEqual(try texts(html), ["Jane Doe", "Content"])
    }

    func testHeaderAndFooterInsideContentAreKept() throws {
        let html = "<article><header><h2>Publications</h2></header><p>One</p><footer><p>Last updated 2024</p></footer></article>"
        XCTAssertEqual(try texts(html), ["Publications", "One", "Last updated 2024"])
    }

    func testPageHeaderWithoutNavigationIsContent() throws {
        let html = "<header id=\"title-block-header\"><h1 class=\"title\">Jane Doe</h1><p>jane@example.org · +1 555 0100</p></header><h1>Education</h1>"
        XCTAssertEqual(try texts(html), ["Jane Doe", "jane@example.org · +1 555 0100", "Education"])
    }

    func testPageHeaderThatIsARowOfLinksIsChrome() throws {
        let html = "<header><a href=\"/\">Home</a> <a href=\"/cv\">CV</a> <a href=\"/blog\">Blog</a></header><h1>Jane Doe</h1>"
        XCTAssertEqual(try texts(html), ["Jane Doe"])
    }

    func testSiteTitleInPageHeaderIsKeptWhenTheContentHasNoH1() throws {
        let html = "<header><h1>Jane Doe</h1><nav><a href=\"/\">Home</a></nav></header><main><h2>Education</h2></main>"
        let blocks = try HTMLTestSupport.body(html).blocks
        XCTAssertEqual(blocks.map(\.text), ["Jane Doe", "Education"])
        XCTAssertEqual(blocks.first?.level, 1)
    }

    func testSiteTitleInPageHeaderIsDroppedWhenTheContentHasAnH1() throws {
        let html = "<header><h1>My Blog</h1><nav><a href=\"/\">Home</a></nav></header><main><h1>Curriculum Vitae</h1></main>"
        XCTAssertEqual(try texts(html), ["Curriculum Vitae"])
    }

    func testNavbarBrandIsKeptAsAParagraphWhenNothingElseNamesThePage() throws {
        let html = "<nav class=\"navbar\"><a class=\"navbar-brand\" href=\"/\">Jane Doe</a><a href=\"/cv\">CV</a></nav><h2>Education</h2>"
        XCTAssertEqual(try texts(html), ["Jane Doe", "Education"])
    }

    func testPostHeaderOutsideSectioningIsContent() throws {
        let html = "<nav class=\"navbar\"><a class=\"navbar-brand\" href=\"/\">Site</a></nav><div class=\"post\"><header class=\"post-header\"><h1>CV</h1><p>My full CV.</p></header><article><h2>Education</h2></article></div>"
        XCTAssertEqual(try texts(html), ["CV", "My full CV.", "Education"])
    }

    func testRescuedHeadingIsPreferredToAnEarlierBrand() throws {
        let html = "<nav><a class=\"navbar-brand\" href=\"/\">Home</a></nav><header class=\"masthead\"><h1>Jane Doe</h1></header><h2>Education</h2>"
        XCTAssertEqual(try texts(html), ["Jane Doe", "Education"])
    }

    func testAHeuristicNeverDropsMostOfThePage() throws {
        let paragraph = String(repeating: "Professor of Ecology at the University of Nowhere since 2015. ", count: 6)
        let content = "<h1>Jane Doe</h1><p>\(paragraph)</p>"
        XCTAssertEqual(try texts("<div class=\"menu-open\">\(content)</div><nav>Home</nav>").first, "Jane Doe")
        XCTAssertEqual(try texts("<div id=\"page\" style=\"display:none\">\(content)</div>").first, "Jane Doe")
        let document = try HTMLTestSupport.read("<html><body class=\"sidebar-menu-collapsed\">\(content)</body></html>")
        XCTAssertEqual(document.blocks.count, 2)
    }

    func testHiddenContentIsDropped() throws {
        let html = "<p>Shown<span class=\"sr-only\"> (current)</span></p><div hidden>Secret</div><div style=\"display: none\">Gone</div>"
        XCTAssertEqual(try texts(html), ["Shown"])
    }

    func testSidebarWithTheApplicantsContactIsKept() throws {
        let html = "<div class=\"sidebar sticky\"><h3 class=\"author__name\">Jane Doe</h3><a href=\"mailto:j@example.org\">Email</a></div>"
        XCTAssertEqual(try texts(html), ["Jane Doe", "Email"])
    }
}
