import CCMark
import Foundation

/// cmark-gfm writes process-wide state while parsing (see NATIVE-NOTES §3), so every parse holds this lock.
private let parseLock = NSLock()
/// The GFM extensions are registered once per process.
private let extensionsRegistered: Void = { cmark_gfm_core_extensions_ensure_registered() }()

/// A Swift copy of a cmark node: the C tree is copied under the lock and freed before anything else happens.
struct CMarkNode {
    var type: String
    var literal: String?
    var startLine: Int
    var endLine: Int
    var headingLevel = 0
    var ordered = false
    var listStart = 1
    var parenDelimiter = false
    var fenceInfo: String?
    var url: String?
    var isHeaderRow = false
    var children: [CMarkNode] = []

    /// Parses CommonMark with the GFM table, autolink and strikethrough extensions.
    static func parse(_ text: String) -> CMarkNode {
        _ = extensionsRegistered
        parseLock.lock()
        defer { parseLock.unlock() }
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8) else {
            return CMarkNode(type: "document", startLine: 1, endLine: 1)
        }
        defer { cmark_parser_free(parser) }
        for name in ["table", "autolink", "strikethrough"] {
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
        var utf8 = Array(text.utf8)
        utf8.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else {
            return CMarkNode(type: "document", startLine: 1, endLine: 1)
        }
        defer { cmark_node_free(root) }
        return CMarkNode(copying: root)
    }

    private init(type: String, startLine: Int, endLine: Int) {
        self.type = type
        self.startLine = startLine
        self.endLine = endLine
    }

    private init(copying node: OpaquePointer) {
        type = cmark_node_get_type_string(node).map { String(cString: $0) } ?? "unknown"
        literal = cmark_node_get_literal(node).map { String(cString: $0) }
        startLine = Int(cmark_node_get_start_line(node))
        // cmark ends some blocks (setext headings, items followed by a blank line) at column 0 of the next
        // line; that line is not part of the block.
        let rawEndLine = Int(cmark_node_get_end_line(node))
        endLine = cmark_node_get_end_column(node) == 0 && rawEndLine > startLine ? rawEndLine - 1 : rawEndLine
        switch type {
        case "heading":
            headingLevel = Int(cmark_node_get_heading_level(node))
        case "list":
            ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            listStart = Int(cmark_node_get_list_start(node))
            parenDelimiter = cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM
        case "code_block":
            fenceInfo = cmark_node_get_fence_info(node).map { String(cString: $0) }
        case "link", "image":
            url = cmark_node_get_url(node).map { String(cString: $0) }
        case "table_header", "table_row":
            isHeaderRow = type == "table_header" || cmark_gfm_extensions_get_table_row_is_header(node) != 0
        default:
            break
        }
        var child = cmark_node_first_child(node)
        while let current = child {
            children.append(CMarkNode(copying: current))
            child = cmark_node_next(current)
        }
    }
}
