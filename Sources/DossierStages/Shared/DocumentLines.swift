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
            // A list's 4,000 items are cut on every core (`ParallelMap`, in order; short lists on this thread).
            return ParallelMap.map(children) { lines(of: $0, topLevel: topLevel) }.flatMap { $0 }
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
        // A long block's links are asked for by the contact stage and again by the identifiers stage, of the same
        // block (a reference list: a fifth of the identifiers stage): kept for the blocks asked last.
        guard block.text.utf8.count >= LinkMemo.minimumBytes else { return findLinks(of: block, topLevel: topLevel) }
        if let known = LinkMemo.shared.links(of: block, topLevel: topLevel) { return known }
        let found = findLinks(of: block, topLevel: topLevel)
        LinkMemo.shared.keep(found, of: block, topLevel: topLevel)
        return found
    }

    /// `links(of:topLevel:)`, found anew.
    static func findLinks(of block: Block, topLevel: Int) -> [DocumentLink] {
        var found: [DocumentLink] = []
        collectInlineLinks(in: block, topLevel: topLevel, into: &found)
        // A bare URL already among the links (or inside one of them) is not added again: an exact set first,
        // then one byte search over the links joined (a Foundation search per link was quadratic in long lists).
        var seen = Set(found.map(\.url))
        var joinedURLs = found.map(\.url).joined(separator: "\n")
        // Each line's bare URLs are found apart from the others' (on every core: a list of 4,000 references is one
        // block); what is already found is then dropped in line order.
        for matches in ParallelMap.map(lines(of: block, topLevel: topLevel), { bareURLs(in: $0.text) }) {
            for match in matches {
                let url = trimURL(match)
                guard url.count > 4, !seen.contains(url), !(joinedURLs.mayMatch(url) && joinedURLs.contains(url)) else { continue }
                seen.insert(url)
                joinedURLs += "\n" + url
                found.append(DocumentLink(url: url, text: url, block: topLevel))
            }
        }
        return found
    }

    /// The links of the last few long blocks asked for, each with its block: `links(of:topLevel:)` is a function of the
    /// block and its index alone, so an equal block has the same links. Comparing a block with its unchanged copy is
    /// quick (equal strings and arrays that share storage compare by identity first).
    final class LinkMemo: @unchecked Sendable {
        static let shared = LinkMemo()
        /// Blocks shorter than this are searched again: the search costs less than keeping them.
        static let minimumBytes = 4096
        /// How many blocks are kept (the batch converts a few documents at once).
        static let capacity = 8
        private let lock = NSLock()
        private var entries: [(block: Block, topLevel: Int, links: [DocumentLink])] = []

        func links(of block: Block, topLevel: Int) -> [DocumentLink]? {
            lock.lock()
            defer { lock.unlock() }
            let bytes = block.text.utf8.count
            return entries.first { $0.topLevel == topLevel && $0.block.text.utf8.count == bytes && $0.block == block }?.links
        }

        func keep(_ links: [DocumentLink], of block: Block, topLevel: Int) {
            lock.lock()
            defer { lock.unlock() }
            if entries.count >= Self.capacity { entries.removeFirst() }
            entries.append((block, topLevel, links))
        }
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
    /// The matches of `bareURL` in `text`, in order: found by `BareURLScanner` in printable ASCII text, by the
    /// expression (when `mayHoldBareURL`) in any other.
    static func bareURLs(in text: String) -> [String] {
        if let found = BareURLScanner.matches(in: text) { return found }
        guard mayHoldBareURL(text) else { return [] }
        if let found = BareURLScanner.matchesBeyondASCII(in: text) { return found }
        return bareURL.matches(in: text).map { $0.group(0) ?? "" }
    }

    /// Whether `bareURL` could match: a line needs one of its literals ("://", "www.", "orcid.org",
    /// "scholar.google.", "linkedin.com", "github."), compared with ASCII case folding; a line with a scalar that may
    /// fold to an ASCII letter (`ByteSearch.mayFoldToASCIILetter`) is always tried.
    static func mayHoldBareURL(_ text: String) -> Bool {
        var text = text
        // A non-ASCII scalar matters only when it may match an ASCII letter of a literal ignoring case ("ſ", "K").
        if ByteSearch.mayFoldToASCIILetter(text) { return true }
        return text.withUTF8 { hay in
            return urlLiterals.contains { literal in
                literal.withUnsafeBufferPointer { ByteSearch.containsFoldingASCIICase($0, in: hay) }
            }
        }
    }

    private static let urlLiterals: [[UInt8]] = ["://", "www.", "orcid.org", "scholar.google.", "linkedin.com", "github."].map { Array($0.utf8) }

    static let bareURL = TextPattern(
        #"(?:https?://|www\.)[^\s<>"'|]+|(?<![\w.@/-])(?:orcid\.org|scholar\.google\.[a-z.]+|(?:[a-z]{2,3}\.)?linkedin\.com|github\.com|[a-z0-9-]+\.github\.io)(?:/[^\s<>"'|,;]*)?"#,
        caseInsensitive: true)
}

/// The matches of `DocumentLines.bareURL` in printable ASCII text (bytes 0x20–0x7E and tabs), found by one pass over
/// the bytes: the expression ran on every line that holds "://" (each reference with a DOI link), twice per document
/// (contact and identifiers), a tenth of a long reference list's time. `BareURLScannerTests` checks it against the
/// expression on random strings.
///
/// The expression, case-insensitive, tries at each position `(?:https?://|www\.)[^\s<>"'|]+`, else, where no
/// `[\w.@/-]` stands before, `orcid.org`, `scholar.google.` and `[a-z.]+`, `linkedin.com` after an optional
/// `[a-z]{2,3}.`, `github.com`, or `[a-z0-9-]+.github.io`, in that order, each followed by an optional
/// `/[^\s<>"'|,;]*`. None of its runs can give characters back to what follows, so the first alternative that
/// matches its own part is the match; the search goes on after it.
enum BareURLScanner {
    /// The matched texts, in order; nil when `text` holds a byte outside printable ASCII and tab.
    static func matches(in text: String) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            guard bytes.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x09 }) else { return nil }
            var found: [String] = []
            var start = 0
            while start < bytes.count {
                if let end = match(bytes, at: start) {
                    found.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                    start = end
                } else {
                    start += 1
                }
            }
            return found
        }
    }

    /// The matched texts of any text, or nil for the expression to judge it. The same walk as `matches(in:)`, where a
    /// non-ASCII scalar ends a URL's run only when it is white space (`\s`, which is White_Space here: U+000B and
    /// U+0085, the two that definitions of `\s` disagree on, send the text to the expression), can start no match,
    /// and can match no letter of a literal or a host (`ByteSearch.mayFoldToASCIILetter` sends those that fold to one
    /// to the expression). A non-ASCII scalar just before a host, which the lookbehind would judge by `\w`, sends the
    /// text to the expression too, as does a control character other than tab, line feed, form feed and carriage
    /// return. Matches are made strings as the expression's are (`TextMatch`): dropped when they do not fall on
    /// character boundaries.
    /// The literals of which the host alternatives need one ("github." for both of GitHub's), lowercase.
    private static let hostLiterals: [[UInt8]] = ["orcid.org", "scholar.google.", "linkedin.com", "github."].map { Array($0.utf8) }

    static func matchesBeyondASCII(in text: String) -> [String]? {
        if ByteSearch.mayFoldToASCIILetter(text) { return nil }
        var copy = text
        let spans = copy.withUTF8 { bytes -> [Range<Int>]? in
            for (index, byte) in bytes.enumerated() {
                if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D) || byte == 0x7F { return nil }
                if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0x85 { return nil }
            }
            // Without a host's literal (ASCII case ignored, no scalar here folds to an ASCII letter) only "http" or
            // "www." can start a match: the other starts are passed over by their first byte (a reference line with a
            // DOI link and an en dash was tried at each of its bytes).
            let hostsPossible = hostLiterals.contains { literal in
                literal.withUnsafeBufferPointer { ByteSearch.containsFoldingASCIICase($0, in: bytes) }
            }
            var found: [Range<Int>] = []
            var start = 0
            while start < bytes.count {
                if !hostsPossible, bytes[start] | 0x20 != UInt8(ascii: "h"), bytes[start] | 0x20 != UInt8(ascii: "w") {
                    start += 1
                    continue
                }
                switch matchBeyondASCII(bytes, at: start) {
                case .none: start += 1
                case .some(.none): return nil
                case .some(.some(let end)):
                    found.append(start..<end)
                    start = end
                }
            }
            return found
        }
        guard let spans else { return nil }
        let utf8 = text.utf8
        return spans.compactMap { span in
            let lower = utf8.index(utf8.startIndex, offsetBy: span.lowerBound), upper = utf8.index(utf8.startIndex, offsetBy: span.upperBound)
            guard let range = Range(NSRange(lower..<upper, in: text), in: text) else { return nil }
            return String(text[range])
        }
    }

    /// `match` over any UTF-8: nil when no match starts at `start`, the end of the match, or `.some(nil)` when a
    /// non-ASCII scalar stands before a host.
    private static func matchBeyondASCII(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int?? {
        let prefixEnd = schemeEnd(bytes, at: start)
        if let prefixEnd {
            let end = runEnd(bytes, from: prefixEnd, stopsAtComma: false)
            if end > prefixEnd { return .some(end) }
        }
        // The lookbehind first where an ASCII byte settles it: most starts follow a letter.
        let before: UInt8? = start > 0 ? bytes[start - 1] : nil
        if let before, before < 0x80, isWord(before) || before == UInt8(ascii: ".") || before == UInt8(ascii: "@")
            || before == UInt8(ascii: "/") || before == UInt8(ascii: "-") { return .none }
        guard let hostEnd = host(bytes, at: start) else { return .none }
        if let before, before >= 0x80 { return .some(nil) }
        guard hostEnd < bytes.count, bytes[hostEnd] == UInt8(ascii: "/") else { return .some(hostEnd) }
        return .some(runEnd(bytes, from: hostEnd + 1, stopsAtComma: true))
    }

    /// The end of "http://", "https://" or "www." at `start` (ASCII case ignored), nil when none is there.
    private static func schemeEnd(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        if let end = literal("http", bytes, at: start) {
            let afterS = end < bytes.count && lower(bytes[end]) == UInt8(ascii: "s") ? end + 1 : end
            return literal("://", bytes, at: afterS)
        }
        return literal("www.", bytes, at: start)
    }

    /// Where a URL's run from `start` ends: at `[\s<>"'|]` (and `,;` when `stopsAtComma`), scalar by scalar.
    private static func runEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, stopsAtComma: Bool) -> Int {
        var end = start
        while end < bytes.count {
            let byte = bytes[end]
            if byte < 0x80 {
                if isOutsideURL(byte, stopsAtComma: stopsAtComma) || byte == 0x0A || byte == 0x0C || byte == 0x0D { break }
                end += 1
                continue
            }
            let (value, length) = UTF8Scalars.decode(bytes, at: end)
            if let scalar = Unicode.Scalar(value), scalar.properties.isWhitespace { break }
            end += length
        }
        return end
    }

    /// The end of the match that starts at `start`, nil when none does.
    private static func match(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        // `(?:https?://|www\.)[^\s<>"'|]+`
        let prefixEnd = schemeEnd(bytes, at: start)
        if let prefixEnd {
            var end = prefixEnd
            while end < bytes.count, !isOutsideURL(bytes[end], stopsAtComma: false) { end += 1 }
            if end > prefixEnd { return end }
        }
        // The lookbehind: no `[\w.@/-]` before.
        if start > 0 {
            let before = bytes[start - 1]
            if isWord(before) || before == UInt8(ascii: ".") || before == UInt8(ascii: "@") || before == UInt8(ascii: "/")
                || before == UInt8(ascii: "-") { return nil }
        }
        guard let hostEnd = host(bytes, at: start) else { return nil }
        // `(?:/[^\s<>"'|,;]*)?`
        guard hostEnd < bytes.count, bytes[hostEnd] == UInt8(ascii: "/") else { return hostEnd }
        var end = hostEnd + 1
        while end < bytes.count, !isOutsideURL(bytes[end], stopsAtComma: true) { end += 1 }
        return end
    }

    /// The end of the host alternatives of the expression at `start`, tried in its order.
    private static func host(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        if let end = literal("orcid.org", bytes, at: start) { return end }
        if let end = literal("scholar.google.", bytes, at: start) {
            var run = end
            while run < bytes.count, isLetter(bytes[run]) || bytes[run] == UInt8(ascii: ".") { run += 1 }
            if run > end { return run }
        }
        // `(?:[a-z]{2,3}\.)?linkedin\.com`: three letters, then two, then none.
        for letters in [3, 2] {
            if start + letters < bytes.count, (start..<(start + letters)).allSatisfy({ isLetter(bytes[$0]) }),
               bytes[start + letters] == UInt8(ascii: "."), let end = literal("linkedin.com", bytes, at: start + letters + 1) {
                return end
            }
        }
        if let end = literal("linkedin.com", bytes, at: start) { return end }
        if let end = literal("github.com", bytes, at: start) { return end }
        // `[a-z0-9-]+\.github\.io`
        var run = start
        while run < bytes.count, isLetter(bytes[run]) || isDigit(bytes[run]) || bytes[run] == UInt8(ascii: "-") { run += 1 }
        if run > start, let end = literal(".github.io", bytes, at: run) { return end }
        return nil
    }

    /// The end of `word` (lowercase) at `start`, compared ignoring ASCII case; nil when it is not there.
    private static func literal(_ word: StaticString, _ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        word.withUTF8Buffer { pin in
            guard start + pin.count <= bytes.count else { return nil }
            for offset in 0..<pin.count where lower(bytes[start + offset]) != pin[offset] { return nil }
            return start + pin.count
        }
    }

    private static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
    private static func isLetter(_ byte: UInt8) -> Bool { lower(byte) >= 0x61 && lower(byte) <= 0x7A }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isWord(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "_") }

    /// `[\s<>"'|]` (and `,;` after a host's slash): what ends a URL's run.
    private static func isOutsideURL(_ byte: UInt8, stopsAtComma: Bool) -> Bool {
        switch byte {
        case 0x20, 0x09, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "|"): return true
        case UInt8(ascii: ","), UInt8(ascii: ";"): return stopsAtComma
        default: return false
        }
    }
}
