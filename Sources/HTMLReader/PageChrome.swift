import Foundation

/// Decides which parts of a page are chrome — navigation, the site's header and footer, cookie banners,
/// skip links, visually hidden text — so that they do not drown the applicant's content.
///
/// - `nav`, ARIA navigation roles, and elements whose id or class says navbar/menu/sidebar-nav/breadcrumb/
///   skip-link are dropped.
/// - Cookie and consent banners (id/class with cookie, consent, gdpr) are dropped.
/// - At page level (not inside `main`, `article`, `section` or another sectioning element) a `footer`, a
///   `header` that holds navigation or is mostly links, `role=banner|contentinfo`, and classes `site-header`,
///   `site-footer`, `masthead`, `banner` are dropped; not when the class names a post or article
///   (`post-header`, `entry-footer`), as blog themes mark them. A `header` holding only a title and text
///   (pandoc's title block, a hand-written `<header><h1>Name</h1><p>contact</p></header>`) is content.
/// - Hidden content (`hidden`, `display:none`, `sr-only`/`visually-hidden`) is dropped, as a browser hides it.
///
/// Static-site pages often put the applicant's name as the site title in the dropped header; `HTMLBlockWalker`
/// keeps that title when the content itself has no `h1` (see `rescue`).
enum PageChrome {
    /// What to do with an element.
    enum Verdict: Equatable {
        case keep
        /// Dropped; `rescue` says the element may hold the site title (the name) worth keeping.
        case drop(rescue: Bool)
    }

    /// The verdict on an element; `pageTextLength` (the visible characters of the whole page) guards against a
    /// heuristic gone wrong: an element holding more than half of the page's text (300 characters or more) is never dropped
    /// (`<body class="menu-open">`, a page wrapper hidden until a script reveals it).
    static func verdict(_ node: HTMLNode, insideSectioning: Bool, pageTextLength: Int = .max) -> Verdict {
        let verdict = heuristicVerdict(node, insideSectioning: insideSectioning)
        if verdict != .keep, pageTextLength < .max {
            let length = visibleLength(node)
            if length >= 300, length * 2 > pageTextLength { return .keep }
        }
        return verdict
    }

    /// The number of characters of text a node shows (scripts, styles and other dropped elements excluded).
    static func visibleLength(_ node: HTMLNode) -> Int {
        if node.kind == .text { return node.text.utf8.count }
        if HTMLVocabulary.dropped.contains(node.name) { return 0 }
        return node.children.reduce(0) { $0 + visibleLength($1) }
    }

    private static func heuristicVerdict(_ node: HTMLNode, insideSectioning: Bool) -> Verdict {
        guard node.isElement else { return .keep }
        if node.attributes["hidden"] != nil { return .drop(rescue: false) }
        if let style = node.attributes["style"]?.lowercased().replacingOccurrences(of: " ", with: ""),
            style.contains("display:none") || style.contains("visibility:hidden") {
            return .drop(rescue: false)
        }
        let role = node.attribute("role")?.lowercased() ?? ""
        let tokens = self.tokens(node)
        if tokens.contains(where: { token in hiddenMarkers.contains(where: token.contains) }) { return .drop(rescue: false) }
        if tokens.contains(where: { token in consentMarkers.contains(where: token.contains) }) { return .drop(rescue: false) }
        if node.name == "nav" || ["navigation", "menu", "menubar", "search"].contains(role) { return .drop(rescue: true) }
        if tokens.contains(where: isNavigationToken) { return .drop(rescue: true) }
        if !insideSectioning, node.name != "body", node.name != "html", node.name != "main" {
            let namesContent = tokens.contains { token in contentRegionMarkers.contains(where: token.contains) }
            let siteHeader = node.name == "header" && !namesContent && (holdsNavigation(node) || isMostlyLinks(node))
            let siteFooter = node.name == "footer" && !namesContent
            if siteHeader || siteFooter || ["banner", "contentinfo"].contains(role) || tokens.contains(where: pageRegionTokens.contains) {
                return .drop(rescue: node.name != "footer" && role != "contentinfo" && !tokens.contains(where: { $0.contains("footer") }))
            }
        }
        return .keep
    }

    /// Whether navigation sits anywhere inside (a `nav`, `role=navigation`, a navbar or menu class).
    private static func holdsNavigation(_ node: HTMLNode) -> Bool {
        node.children.contains { child in
            guard child.isElement else { return false }
            if child.name == "nav" || child.attribute("role")?.lowercased() == "navigation" || tokens(child).contains(where: isNavigationToken) {
                return true
            }
            return holdsNavigation(child)
        }
    }

    /// Whether most of the words are link text, in three links or more: a row of site links, not a title block.
    private static func isMostlyLinks(_ node: HTMLNode) -> Bool {
        var links = 0
        var linkWords = 0
        var allWords = 0
        func count(_ node: HTMLNode, inLink: Bool) {
            if node.kind == .text {
                let words = node.text.split(whereSeparator: { $0.isWhitespace }).count
                allWords += words
                if inLink { linkWords += words }
                return
            }
            let isLink = node.name == "a" && node.attributes["href"] != nil
            if isLink { links += 1 }
            for child in node.children { count(child, inLink: inLink || isLink) }
        }
        count(node, inLink: false)
        return links >= 3 && linkWords * 3 >= allWords * 2
    }

    /// Whether a node opens a sectioning context for the `header`/`footer` rule.
    static func opensSectioning(_ node: HTMLNode) -> Bool {
        HTMLVocabulary.sectioning.contains(node.name) || node.attribute("role")?.lowercased() == "main"
    }

    /// Class tokens that name a site title, for the rescue of the applicant's name.
    static func isSiteTitle(_ node: HTMLNode) -> Bool {
        tokens(node).contains { token in ["site-title", "site-name", "navbar-brand", "site-brand", "brand", "site__title"].contains(token) }
    }

    private static let hiddenMarkers = ["sr-only", "visually-hidden", "visuallyhidden", "screen-reader"]
    /// A `header` or `footer` whose class names a post or article belongs to the content (al-folio's `post-header`).
    private static let contentRegionMarkers = ["post", "entry", "article", "page-header", "page__header", "content"]
    private static let consentMarkers = ["cookie", "consent", "gdpr"]
    private static let pageRegionTokens: Set<String> = [
        "site-header", "site-footer", "page-footer", "page__footer", "masthead", "banner", "footer", "global-header", "global-footer",
    ]

    private static func isNavigationToken(_ token: String) -> Bool {
        if ["nav", "navigation", "topnav", "sidenav", "toc-nav"].contains(token) { return true }
        return ["navbar", "nav-bar", "site-nav", "sidebar-nav", "skip-link", "skiplink", "skip-to", "breadcrumb", "menu"]
            .contains(where: token.contains)
    }

    /// The element's id and class tokens, lower-cased.
    private static func tokens(_ node: HTMLNode) -> [String] {
        let words = (node.attributes["class"] ?? "") + " " + (node.attributes["id"] ?? "")
        return words.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
    }
}
