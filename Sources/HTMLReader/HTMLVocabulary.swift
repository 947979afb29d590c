/// What the reader knows about HTML element names: which are blocks, which are dropped, which style text.
enum HTMLVocabulary {
    /// Elements whose content is never text of the page: code, styling, embedded media, form controls, the head.
    static let dropped: Set<String> = [
        "script", "style", "template", "noscript", "svg", "head", "title", "meta", "link", "base",
        "iframe", "object", "embed", "canvas", "audio", "video", "source", "track", "map", "area", "img", "picture",
        "input", "select", "textarea", "button", "option", "optgroup", "datalist", "output", "progress", "meter",
        "annotation", "annotation-xml", "frameset", "frame", "param", "dialog",
    ]

    /// Elements that make their own block, or hold blocks; everything else is inline.
    static let blockLevel: Set<String> = [
        "#document", "html", "body", "address", "article", "aside", "blockquote", "center", "dd", "details", "dir", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
        "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "ul", "legend", "listing", "xmp", "plaintext",
        "frameset", "noframes", "search",
    ]

    /// Headings, by level.
    static let headingLevels: [String: Int] = ["h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6]

    /// Elements that make a table row a row of blocks rather than a row of cells (see `HTMLTables`).
    static let structuralInCell: Set<String> = [
        "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "dl", "blockquote", "pre", "hr", "menu", "dir",
    ]

    /// Elements inside which a `header` or `footer` belongs to that part, not to the page (HTML's sectioning rule).
    static let sectioning: Set<String> = [
        "main", "article", "section", "aside", "nav", "blockquote", "details", "dialog", "fieldset", "figure", "td", "th",
    ]

    /// The inline type an element gives its content, if any; `a` is handled apart (it needs its `href`).
    static func inlineType(_ name: String) -> InlineStyle? {
        switch name {
        case "b", "strong": return .strong
        case "em", "i", "cite", "dfn", "var": return .emphasis
        case "u", "ins": return .underline
        case "s", "strike", "del": return .strikethrough
        case "sup": return .superscript
        case "sub": return .subscript
        case "code", "kbd", "samp", "tt": return .code
        default: return nil
        }
    }

    /// The styles written in a `style` attribute that a reader of a CV would notice (bold names, italics).
    static func inlineStyles(inStyleAttribute style: String) -> [InlineStyle] {
        let declarations = style.lowercased().replacingOccurrences(of: " ", with: "")
        var styles: [InlineStyle] = []
        if declarations.contains("font-weight:bold") || declarations.contains("font-weight:bolder")
            || ["600", "700", "800", "900"].contains(where: { declarations.contains("font-weight:" + $0) }) {
            styles.append(.strong)
        }
        if declarations.contains("font-style:italic") || declarations.contains("font-style:oblique") { styles.append(.emphasis) }
        if declarations.contains("text-decoration:underline") || declarations.contains("text-decoration-line:underline") {
            styles.append(.underline)
        }
        return styles
    }
}

/// The inline styles an HTML element can give (a subset of `InlineType`).
enum InlineStyle {
    case strong, emphasis, underline, strikethrough, superscript, `subscript`, code
}
