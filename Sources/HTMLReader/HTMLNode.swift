import Foundation

/// A Swift copy of one node of the parsed page: an element with its attributes and children, or a run of text.
///
/// Lines are 1-based source lines: an element's first line is where its start tag is, its last line where its
/// end tag is (or its last content, when the end tag was implied); a text run's lines span its non-blank text.
struct HTMLNode {
    enum Kind {
        case element
        case text
    }

    var kind: Kind
    /// Lower-case element name; empty for text.
    var name: String
    /// Lower-case attribute names → values (a valueless attribute maps to "").
    var attributes: [String: String]
    /// The text of a text node (raw, whitespace not yet collapsed).
    var text: String
    var children: [HTMLNode]
    var firstLine: Int
    var lastLine: Int

    static func element(_ name: String, attributes: [String: String] = [:], line: Int) -> HTMLNode {
        HTMLNode(kind: .element, name: name, attributes: attributes, text: "", children: [], firstLine: line, lastLine: line)
    }

    static func text(_ text: String, firstLine: Int, lastLine: Int) -> HTMLNode {
        HTMLNode(kind: .text, name: "", attributes: [:], text: text, children: [], firstLine: firstLine, lastLine: lastLine)
    }

    var isElement: Bool { kind == .element }

    /// An attribute, trimmed; nil when absent.
    func attribute(_ name: String) -> String? {
        attributes[name]?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The first element with this name, in document order (this node included).
    func firstElement(named wanted: String) -> HTMLNode? {
        if isElement, name == wanted { return self }
        for child in children {
            if let found = child.firstElement(named: wanted) { return found }
        }
        return nil
    }

    /// Every element with one of these names, in document order.
    func elements(named wanted: Set<String>) -> [HTMLNode] {
        var found: [HTMLNode] = []
        collect(wanted, into: &found)
        return found
    }

    private func collect(_ wanted: Set<String>, into found: inout [HTMLNode]) {
        if isElement, wanted.contains(name) { found.append(self) }
        for child in children { child.collect(wanted, into: &found) }
    }

    /// All the text below this node, concatenated as written.
    var textContent: String {
        kind == .text ? text : children.map(\.textContent).joined()
    }
}
