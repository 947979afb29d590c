import DossierModel
import Foundation

/// HTML inline content → Dossier inlines, with whitespace collapsed as a browser does.
///
/// `b/strong` → strong, `em/i/cite` → emphasis, `u/ins` → underline, `s/del` → strikethrough, `sup`/`sub`,
/// `code/kbd/samp/tt` → code, `q` → its text in quotation marks, `a href` → link (also when it shows no text: icon links to ORCID or GitHub keep
/// their target), `br` → linebreak; an element whose `style` attribute, or whose class in the page's own
/// `<style>` (`StyleSheetHints`), says bold/italic/underline counts as such.
/// A block element met inside inline content (a `<p>` in a table cell) becomes a softbreak.
enum HTMLInlines {
    /// The normalized inlines of these nodes (the content of one block).
    static func inlines(_ nodes: [HTMLNode], hints: StyleSheetHints = .none) -> [Inline] {
        var raw: [Inline] = []
        for node in nodes { raw += build(node, hints) }
        var atLineStart = true
        collapseLeadingSpaces(&raw, atLineStart: &atLineStart)
        var beforeLineEnd = true
        trimTrailingSpaces(&raw, beforeLineEnd: &beforeLineEnd)
        return tidy(trimBreaks(tidy(raw)))
    }

    /// The plain text of inlines (breaks are newlines).
    static func plain(_ inlines: [Inline]) -> String {
        inlines.map(\.text).joined()
    }

    // MARK: Building

    private static func build(_ node: HTMLNode, _ hints: StyleSheetHints) -> [Inline] {
        if node.kind == .text { return [.text(collapse(withoutConditionalMarkers(node.text)))] }
        if HTMLVocabulary.dropped.contains(node.name) { return [] }
        if PageChrome.verdict(node, insideSectioning: true) != .keep { return [] }
        if node.name == "br" { return [Inline(.linebreak, text: "\n")] }
        if node.name == "hr" { return [Inline(.softbreak, text: "\n")] }
        if node.name == "q" { return [.text("“")] + node.children.flatMap { build($0, hints) } + [.text("”")] }
        let children = node.children.flatMap { build($0, hints) }
        if HTMLVocabulary.blockLevel.contains(node.name) {
            return [Inline(.softbreak, text: "\n")] + children + [Inline(.softbreak, text: "\n")]
        }
        if node.name == "a", let href = node.attribute("href"), !href.isEmpty, !href.lowercased().hasPrefix("javascript:") {
            return [Inline(.link, text: "", url: href, children: children)]
        }
        var styles: [InlineStyle] = []
        if let style = HTMLVocabulary.inlineType(node.name) { styles.append(style) }
        if let attribute = node.attributes["style"] { styles += HTMLVocabulary.inlineStyles(inStyleAttribute: attribute) }
        styles += hints.styles(for: node).filter { !styles.contains($0) }
        var wrapped = children
        for style in styles.reversed() {
            if style == .code {
                wrapped = [Inline(.code, text: "", children: wrapped)]
            } else {
                wrapped = [Inline(type(of: style), text: "", children: wrapped)]
            }
        }
        return wrapped
    }

    private static func type(of style: InlineStyle) -> InlineType {
        switch style {
        case .strong: return .strong
        case .emphasis: return .emphasis
        case .underline: return .underline
        case .strikethrough: return .strikethrough
        case .superscript: return .superscript
        case .subscript: return .subscript
        case .code: return .code
        }
    }

    /// Removes Word's "downlevel-revealed" conditional markers (`<![if !supportLists]>`, `<![endif]>`), which the
    /// parser passes on as text; what they enclose is shown by every browser but old Internet Explorer.
    /// A `<![CDATA[…]]>` section, which browsers treat as a comment in HTML, goes too.
    ///
    /// One pass over the bytes (a pattern took seconds on a text of thousands of unclosed `<![if`): what
    /// `<!\[\s*(if\b[^\]>]*|endif\s*)\]>|<!\[CDATA\[[\s\S]*?\]\]>` matches, case-insensitively, is removed.
    static func withoutConditionalMarkers(_ text: String) -> String {
        guard text.contains("<![") else { return text }
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        // The first `]` or `>` at or after some earlier position (reused while it lies ahead), and the position
        // after which no `]]>` remains: each byte is looked at a bounded number of times.
        var stop = -1
        var noCDATAEndAfter = Int.max
        var index = 0
        while index < bytes.count {
            guard bytes[index] == 0x3C, let end = conditionalMarkerEnd(bytes, at: index, &stop, &noCDATAEndAfter) else {
                result.append(bytes[index])
                index += 1
                continue
            }
            index = end
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The end (exclusive) of the conditional marker or CDATA section starting at `start`, or nil.
    private static func conditionalMarkerEnd(_ bytes: [UInt8], at start: Int, _ stop: inout Int, _ noCDATAEndAfter: inout Int) -> Int? {
        func lower(_ index: Int) -> UInt8? { index < bytes.count ? bytes[index] | (bytes[index] >= 0x41 && bytes[index] <= 0x5A ? 0x20 : 0) : nil }
        func matches(_ word: String, at index: Int) -> Bool {
            word.utf8.enumerated().allSatisfy { lower(index + $0.offset) == $0.element }
        }
        guard matches("<![", at: start) else { return nil }
        if matches("cdata[", at: start + 3) {
            guard start < noCDATAEndAfter else { return nil }
            var index = start + 9
            while index + 2 < bytes.count {
                if bytes[index] == 0x5D, bytes[index + 1] == 0x5D, bytes[index + 2] == 0x3E { return index + 3 }
                index += 1
            }
            noCDATAEndAfter = start
            return nil
        }
        var index = start + 3
        while let byte = lower(index), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C { index += 1 }
        if matches("endif", at: index) {
            index += 5
            while let byte = lower(index), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C { index += 1 }
            return matches("]>", at: index) ? index + 2 : nil
        }
        guard matches("if", at: index) else { return nil }
        index += 2
        if let next = lower(index), next >= 0x80 || (next >= 0x61 && next <= 0x7A) || (next >= 0x30 && next <= 0x39) || next == 0x5F {
            return nil  // `\b`: "iframe" is not "if"
        }
        if stop < index {
            stop = index
            while stop < bytes.count, bytes[stop] != 0x5D, bytes[stop] != 0x3E { stop += 1 }
        }
        return matches("]>", at: stop) ? stop + 2 : nil
    }

    /// Runs of HTML white space become one space (no-break spaces are kept: they are not HTML white space).
    static func collapse(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var inSpace = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{0C}" {
                if !inSpace { result.unicodeScalars.append(" ") }
                inSpace = true
            } else {
                result.unicodeScalars.append(scalar)
                inSpace = false
            }
        }
        return result
    }

    // MARK: Whitespace, as a browser lays it out

    /// Drops a space that follows a space, a line start or the block start.
    private static func collapseLeadingSpaces(_ inlines: inout [Inline], atLineStart: inout Bool) {
        for index in inlines.indices {
            switch inlines[index].type {
            case .text:
                var text = inlines[index].text
                if atLineStart, text.hasPrefix(" ") { text.removeFirst() }
                if !text.isEmpty { atLineStart = text.hasSuffix(" ") }
                inlines[index].text = text
            case .linebreak, .softbreak:
                atLineStart = true
            default:
                var children = inlines[index].children ?? []
                collapseLeadingSpaces(&children, atLineStart: &atLineStart)
                inlines[index].children = children
            }
        }
    }

    /// Drops a space before a line end or the block end.
    private static func trimTrailingSpaces(_ inlines: inout [Inline], beforeLineEnd: inout Bool) {
        for index in inlines.indices.reversed() {
            switch inlines[index].type {
            case .text:
                var text = inlines[index].text
                if beforeLineEnd, text.hasSuffix(" ") { text.removeLast() }
                if !text.isEmpty { beforeLineEnd = false }
                inlines[index].text = text
            case .linebreak, .softbreak:
                beforeLineEnd = true
            default:
                var children = inlines[index].children ?? []
                trimTrailingSpaces(&children, beforeLineEnd: &beforeLineEnd)
                inlines[index].children = children
            }
        }
    }

    /// Removes breaks at the start and end, and turns a run of breaks that came from block boundaries into one.
    private static func trimBreaks(_ inlines: [Inline]) -> [Inline] {
        var result: [Inline] = []
        var index = 0
        while index < inlines.count {
            guard isBreak(inlines[index]) else {
                result.append(inlines[index])
                index += 1
                continue
            }
            var run: [Inline] = []
            while index < inlines.count, isBreak(inlines[index]) {
                run.append(inlines[index])
                index += 1
            }
            let atEdge = result.isEmpty || index == inlines.count
            if atEdge { continue }
            if run.contains(where: { $0.type == .softbreak }) {
                result.append(Inline(.softbreak, text: "\n"))
            } else {
                result += run
            }
        }
        return result
    }

    private static func isBreak(_ inline: Inline) -> Bool {
        inline.type == .linebreak || inline.type == .softbreak
    }

    /// Removes empty runs (keeping links, which carry a target), merges adjacent text and recomputes every
    /// container's text.
    private static func tidy(_ inlines: [Inline]) -> [Inline] {
        var result: [Inline] = []
        for inline in inlines {
            var inline = inline
            switch inline.type {
            case .text:
                guard !inline.text.isEmpty else { continue }
                if let last = result.last, last.type == .text {
                    result[result.count - 1] = .text(last.text + inline.text)
                    continue
                }
            case .linebreak, .softbreak:
                break
            case .code where inline.children == nil:
                guard !inline.text.isEmpty else { continue }
            default:
                let children = tidy(inline.children ?? [])
                inline.text = plain(children)
                if inline.type == .code {
                    inline.children = nil
                } else {
                    inline.children = children
                }
                guard !inline.text.isEmpty || inline.type == .link else { continue }
            }
            result.append(inline)
        }
        return result
    }
}
