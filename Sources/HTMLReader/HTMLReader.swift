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

    /// Reads one page; never throws: trouble (bad bytes, invalid JSON-LD, no text) becomes a diagnostic.
    public func read(_ data: Data, source: Source) throws -> Document {
        var document = Document(source: source)
        let decoded = HTMLTextDecoder.decode(data)
        if let problem = decoded.problem { document.report(.warning, stage: Self.stage, problem) }
        let (root, flattened) = LibXMLHTMLParser.parse(decoded.utf8)
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
