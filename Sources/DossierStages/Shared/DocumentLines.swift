import DossierText
import DossierModel
import Foundation

/// One line of the document's text, with the top-level block it belongs to and the block that holds it.
struct DocumentLine: Sendable {
    var text: String
    /// Index into `Document.blocks` of the top-level block.
    var block: Int
    /// The (possibly nested) block the line comes from: its type, level, font and provenance.
    var node: Block
}

/// A link target found in the document (a link inline, an `<a href>` in raw HTML, or a bare URL in text).
struct DocumentLink: Sendable, Hashable {
    var url: String
    /// The link text ("Google Scholar"), or the URL itself for a bare URL.
    var text: String
    /// Index into `Document.blocks` of the top-level block.
    var block: Int
}

/// Flattens blocks into lines and links, the form the contact and identifier stages search.
enum DocumentLines {
    /// Every line of every block, in document order; table cells and list items are lines of their own.
    static func lines(of document: Document) -> [DocumentLine] {
        document.blocks.enumerated().flatMap { index, block in lines(of: block, topLevel: index) }
    }

    /// The lines of one block and its children.
    static func lines(of block: Block, topLevel: Int) -> [DocumentLine] {
        let children = block.children
        if !children.isEmpty {
            return children.flatMap { lines(of: $0, topLevel: topLevel) }
        }
        if block.type == .rule { return [] }
        return block.text.linesSplitFast().compactMap { line in
            let text = line.trimmingFast(in: .whitespaces)
            return text.isEmpty ? nil : DocumentLine(text: text, block: topLevel, node: block)
        }
    }

    /// Every link of the document, in document order: link inlines, raw HTML anchors, then bare URLs of each block.
    static func links(of document: Document) -> [DocumentLink] {
        document.blocks.enumerated().flatMap { index, block in links(of: block, topLevel: index) }
    }

    /// The links of one top-level block.
    static func links(of block: Block, topLevel: Int) -> [DocumentLink] {
        var found: [DocumentLink] = []
        collectInlineLinks(in: block, topLevel: topLevel, into: &found)
        // A bare URL already among the links (or inside one of them) is not added again: an exact set first,
        // then one byte search over the links joined (a Foundation search per link was quadratic in long lists).
        var seen = Set(found.map(\.url))
        var joinedURLs = found.map(\.url).joined(separator: "\n")
        for line in lines(of: block, topLevel: topLevel) {
            for match in mayHoldBareURL(line.text) ? bareURL.matches(in: line.text) : [] {
                let url = trimURL(match.group(0) ?? "")
                guard url.count > 4, !seen.contains(url), !(joinedURLs.mayMatch(url) && joinedURLs.contains(url)) else { continue }
                seen.insert(url)
                joinedURLs += "\n" + url
                found.append(DocumentLink(url: url, text: url, block: topLevel))
            }
        }
        return found
    }

    private static func collectInlineLinks(in block: Block, topLevel: Int, into found: inout [DocumentLink]) {
        for inline in block.inlines ?? [] {
            collect(inline, topLevel: topLevel, into: &found)
        }
        for child in block.children {
            collectInlineLinks(in: child, topLevel: topLevel, into: &found)
        }
    }

    private static func collect(_ inline: Inline, topLevel: Int, into found: inout [DocumentLink]) {
        if inline.type == .link, let url = inline.url, !url.isEmpty {
            found.append(DocumentLink(url: url, text: inline.text, block: topLevel))
        }
        if inline.type == .html, let raw = inline.raw {
            for match in htmlAnchor.matches(in: raw) {
                guard let url = match.group(1), !url.isEmpty else { continue }
                let text = tag.replacing(in: match.group(2) ?? "", with: "").trimmingFast(in: .whitespacesAndNewlines)
                found.append(DocumentLink(url: url, text: text, block: topLevel))
            }
        }
        for child in inline.children ?? [] {
            collect(child, topLevel: topLevel, into: &found)
        }
    }

    /// A URL with the punctuation that usually follows it in prose removed.
    static func trimURL(_ url: String) -> String {
        var url = url
        while let last = url.last, ".,;:!?'\"".contains(last) || (last == ")" && !url.contains("(")) {
            url.removeLast()
        }
        return url
    }

    private static let htmlAnchor = TextPattern(
        #"<a\s[^>]*?href\s*=\s*["']([^"']*)["'][^>]*>([\s\S]*?)</a>"#, caseInsensitive: true)
    private static let tag = TextPattern(#"<[^>]+>"#)
    /// Whether `bareURL` could match: an ASCII line needs one of its literals ("://", "www.", "orcid.org",
    /// "scholar.google.", "linkedin.com", "github."), compared with ASCII case folding; a line with other bytes is
    /// always tried (a non-ASCII letter may fold to an ASCII one).
    static func mayHoldBareURL(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { hay in
            if hay.contains(where: { $0 >= 0x80 }) { return true }
            return urlLiterals.contains { literal in
                literal.withUnsafeBufferPointer { ByteSearch.containsFoldingASCIICase($0, in: hay) }
            }
        }
    }

    private static let urlLiterals: [[UInt8]] = ["://", "www.", "orcid.org", "scholar.google.", "linkedin.com", "github."].map { Array($0.utf8) }

    private static let bareURL = TextPattern(
        #"(?:https?://|www\.)[^\s<>"'|]+|(?<![\w.@/-])(?:orcid\.org|scholar\.google\.[a-z.]+|(?:[a-z]{2,3}\.)?linkedin\.com|github\.com|[a-z0-9-]+\.github\.io)(?:/[^\s<>"'|,;]*)?"#,
        caseInsensitive: true)
}
