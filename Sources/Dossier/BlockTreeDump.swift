import DossierModel
import Foundation

/// The block tree as an indented text dump with provenance: the output of `dossier inspect` and the golden
/// form of reader tests. One line per block:
/// `heading@p1 [72,90,310,104] 14.3pt bold level=1 "Publications"` or `paragraph@L3-5 "…"`.
public enum BlockTreeDump {
    public static func render(_ document: Document) -> String {
        var lines: [String] = []
        let pages = document.source.pages.map { " pages=\($0)" } ?? ""
        lines.append("document \(document.source.format.rawValue)\(pages) \(quote(document.source.path))")
        for key in document.metadata.keys.sorted() {
            if let value = document.metadata[key], let data = try? Document.encoder(pretty: false).encode(value) {
                lines.append("meta \(key)=\(String(decoding: data, as: UTF8.self))")
            }
        }
        for block in document.blocks { append(block, depth: 0, to: &lines) }
        for diagnostic in document.diagnostics {
            lines.append("diagnostic \(diagnostic.severity.rawValue) [\(diagnostic.stage)] \(diagnostic.message)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One block's line, without indentation or children.
    public static func line(_ block: Block) -> String {
        var parts = [block.type.rawValue + "@" + where_(block.provenance)]
        if let bbox = block.provenance.bbox {
            parts.append("[" + bbox.map { String(Int($0.rounded())) }.joined(separator: ",") + "]")
        }
        if let font = block.font {
            if let size = font.size { parts.append(String(format: "%.1fpt", size)) }
            if font.bold == true { parts.append("bold") }
            if font.italic == true { parts.append("italic") }
        }
        if let level = block.level { parts.append("level=\(level)") }
        if let ordered = block.ordered { parts.append(ordered ? "ordered" : "bullet") }
        if let marker = block.marker { parts.append("marker=\(marker)") }
        if block.header == true { parts.append("header") }
        if let info = block.info { parts.append("info=\(info)") }
        let styled = styledRuns(block.inlines ?? [])
        if !styled.isEmpty { parts.append("{" + styled.joined(separator: " ") + "}") }
        if block.children.isEmpty || ![BlockType.list, .table, .row, .quote].contains(block.type) {
            parts.append(quote(block.text))
        }
        return parts.joined(separator: " ")
    }

    private static func append(_ block: Block, depth: Int, to lines: inout [String]) {
        lines.append(String(repeating: "  ", count: depth) + line(block))
        for child in block.children { append(child, depth: depth + 1, to: &lines) }
    }

    private static func where_(_ provenance: Provenance) -> String {
        if let page = provenance.page { return "p\(page)" }
        if let lines = provenance.lines, lines.count == 2 { return "L\(lines[0])-\(lines[1])" }
        return "?"
    }

    /// Emphasis, strong and links of a block, as `strong:"Doe, J." link:"paper"→https://…`.
    private static func styledRuns(_ inlines: [Inline]) -> [String] {
        inlines.flatMap { inline -> [String] in
            switch inline.type {
            case .strong, .emphasis, .underline, .strikethrough, .superscript, .`subscript`, .code:
                return ["\(inline.type.rawValue):\(quote(inline.text))"] + styledRuns(inline.children ?? [])
            case .link:
                return ["link:\(quote(inline.text))→\(inline.url ?? "")"] + styledRuns(inline.children ?? [])
            default:
                return styledRuns(inline.children ?? [])
            }
        }
    }

    private static func quote(_ text: String) -> String {
        guard let data = try? JSONEncoder().encode(text) else { return "\"\"" }
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\\/", with: "/")
    }
}
