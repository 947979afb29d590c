import DossierModel
import DossierPipeline
import Foundation

/// Reads HTML pages (hand-written, static-site, table-laid-out, any declared encoding) into blocks and metadata
/// with libxml2's HTML parser, dropping scripts, styles and page chrome; never touches the network.
public struct HTMLReader: Reader {
    /// The format this reader reads: HTML.
    public let format = SourceFormat.html
    /// One line for `dossier formats`.
    public let summary = "HTML: headings, paragraphs, lists, tables, quotes, code; <title>, <meta>, JSON-LD (libxml2)"

    /// The stage name in diagnostics.
    static let stage = "read-html"

    /// A reader; it also sets libxml2 up, on the thread that builds the registry.
    public init() {
        // Before conversions run in parallel (NATIVE-NOTES §5).
        LibXMLHTMLParser.initialize()
    }

    /// 32 MiB of UTF-8 source, or 500,000 tags (`<`; a 5,000-row table has 50,000), whichever comes first: past
    /// it a page is cut at the end of a tag or line, with a warning. libxml2's tree and its copy cost about 600
    /// bytes a tag (a 10 MB paragraph of `<em>` was 611 MB) and about 10 bytes a byte of text, and the stages see
    /// at most 4 MiB of text (`TextBudget`). Tags are counted, not bytes alone, so that a page saved whole, with
    /// its fonts and images inline as data URIs (tens of megabytes, few tags), is still read to its end.
    static let maximumBytes = 32 << 20
    static let maximumTags = 500_000

    /// Where `utf8` must end: its length, or the byte limit, or the start of the tag past the tag limit.
    static func limit(of utf8: [UInt8], bytes: Int = maximumBytes, tags: Int = maximumTags) -> Int {
        let end = min(utf8.count, bytes)
        return utf8.withUnsafeBytes { raw -> Int in
            guard let base = raw.baseAddress else { return end }
            var count = 0, start = 0
            while start < end, let next = memchr(base + start, Int32(UInt8(ascii: "<")), end - start) {
                let index = base.distance(to: UnsafeRawPointer(next))
                count += 1
                if count > tags { return index }
                start = index + 1
            }
            return end
        }
    }

    /// The first `limit` bytes or fewer of `utf8`, ending after a `>` or a newline when one is in the last 64 KiB
    /// before the limit, else on a character boundary (inside a huge paragraph).
    static func cut(_ utf8: [UInt8], limit: Int) -> [UInt8] {
        guard utf8.count > limit else { return utf8 }
        if let end = utf8[max(0, limit - (64 << 10))..<limit].lastIndex(where: { $0 == UInt8(ascii: ">") || $0 == 0x0A }) {
            return Array(utf8[...end])
        }
        var end = limit
        while end > 0, utf8[end] & 0xC0 == 0x80 { end -= 1 }
        return Array(utf8[..<end])
    }

    /// Reads one page; never throws: trouble (bad bytes, invalid JSON-LD, no text) becomes a diagnostic.
    public func read(_ data: Data, source: Source) throws -> Document {
        var document = Document(source: source)
        let decoded = HTMLTextDecoder.decode(data)
        if let problem = decoded.problem { document.report(.warning, stage: Self.stage, problem) }
        var utf8 = decoded.utf8
        let limit = Self.limit(of: utf8)
        if limit < utf8.count {
            let whole = utf8.count
            utf8 = Self.cut(utf8, limit: limit)
            let why = limit < Self.maximumBytes ? "has more than 500,000 tags" : String(format: "is %.1f MB", Double(whole) / 1_048_576)
            document.report(.warning, stage: Self.stage, String(
                format: "the page %@; only its first %.1f MB were read", why, Double(utf8.count) / 1_048_576))
        }
        let (root, flattened) = LibXMLHTMLParser.parse(utf8)
        if flattened > 0 {
            document.report(
                .warning, stage: Self.stage,
                "\(flattened) elements nested deeper than \(HTMLTreeBuilder.maximumDepth) levels were flattened: their text is kept, their structure is not")
        }
        let metadata = HTMLMetadata(root)
        document.metadata = metadata.values
        for problem in metadata.problems {
            document.report(.warning, stage: Self.stage, problem.message, provenance: .lines(problem.line, problem.line))
        }
        document.blocks = HTMLBlockWalker(hints: StyleSheetHints(root)).blocks(root)
        if document.blocks.isEmpty {
            document.report(.warning, stage: Self.stage, "the page shows no text (frames, or content built by JavaScript?)")
        }
        return document
    }
}
