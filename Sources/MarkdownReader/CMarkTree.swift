import CCMark
import Foundation

/// cmark-gfm writes process-wide state while parsing (see NATIVE-NOTES §3), so every parse holds this lock.
private let parseLock = NSLock()
/// The GFM extensions are registered once per process.
private let extensionsRegistered: Void = { cmark_gfm_core_extensions_ensure_registered() }()

/// A Swift copy of a cmark node: the C tree is copied under the lock and freed before anything else happens.
struct CMarkNode: Sendable {
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

    /// Parses CommonMark with the GFM table, autolink (unless `autolinks` is false) and strikethrough extensions.
    static func parse(_ text: String, autolinks: Bool = true) -> CMarkNode {
        _ = extensionsRegistered
        parseLock.lock()
        defer { parseLock.unlock() }
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8) else {
            return CMarkNode(type: "document", startLine: 1, endLine: 1)
        }
        defer { cmark_parser_free(parser) }
        for name in ["table", "autolink", "strikethrough"] where autolinks || name != "autolink" {
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
        return CMarkNode(copying: root, depth: 0)
    }

    /// Deeper structure than this is flattened into one paragraph of its text, so that a hostile input
    /// (50,000 nested quotes) cannot exhaust a worker thread's stack.
    static let maximumDepth = 32

    /// Whether some subtree was flattened because it nested deeper than `maximumDepth`.
    var flattened = false

    private init(type: String, startLine: Int, endLine: Int) {
        self.type = type
        self.startLine = startLine
        self.endLine = endLine
    }

    private init(copying node: OpaquePointer, depth: Int) {
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
            if depth >= CMarkNode.maximumDepth {
                children.append(CMarkNode(flattening: current))
                flattened = true
            } else {
                let copy = CMarkNode(copying: current, depth: depth + 1)
                flattened = flattened || copy.flattened
                children.append(copy)
            }
            child = cmark_node_next(current)
        }
    }

    /// A paragraph holding every text literal below `node`, collected without recursion.
    private init(flattening node: OpaquePointer) {
        type = "paragraph"
        startLine = Int(cmark_node_get_start_line(node))
        endLine = max(startLine, Int(cmark_node_get_end_line(node)))
        var text = ""
        if let iterator = cmark_iter_new(node) {
            while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
                guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
                if let literal = cmark_node_get_literal(current) {
                    text += String(cString: literal)
                } else if !text.isEmpty, !text.hasSuffix(" ") {
                    text += " "
                }
            }
            cmark_iter_free(iterator)
        }
        children = [CMarkNode(type: "text", startLine: startLine, endLine: endLine, literal: text)]
    }

    private init(type: String, startLine: Int, endLine: Int, literal: String) {
        self.type = type
        self.startLine = startLine
        self.endLine = endLine
        self.literal = literal
    }
}
