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

    /// 16 MiB of UTF-8 source: past it a page is cut at the end of a tag or line, with a warning. libxml2's tree
    /// and its copy cost up to 60 bytes a byte of markup (a 10 MB paragraph of `<em>` was 611 MB), and the stages
    /// see at most 4 MiB of text (`TextBudget`); real pages, scripts and styles included, are a few megabytes.
    static let maximumBytes = 16 << 20

    /// The first `limit` bytes or fewer of `utf8`, ending after a `>` or a newline when one is there, else on a
    /// character boundary.
    static func cut(_ utf8: [UInt8], limit: Int) -> [UInt8] {
        guard utf8.count > limit else { return utf8 }
        if let end = utf8[..<limit].lastIndex(where: { $0 == UInt8(ascii: ">") || $0 == 0x0A }) { return Array(utf8[...end]) }
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
        if utf8.count > Self.maximumBytes {
            let whole = utf8.count
            utf8 = Self.cut(utf8, limit: Self.maximumBytes)
            document.report(.warning, stage: Self.stage, String(
                format: "the page is %.1f MB; only its first %.1f MB were read", Double(whole) / 1_048_576, Double(utf8.count) / 1_048_576))
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
