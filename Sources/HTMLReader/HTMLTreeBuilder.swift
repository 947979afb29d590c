/// Builds the `HTMLNode` tree from the parser's events (start tag, end tag, text), keeping source lines.
///
/// The parser already balances tags the HTML way (implied `<body>`, `<p>` closed by a block, void elements);
/// this builder only nests. Elements deeper than `maximumDepth` are not kept as nodes (their text goes to the
/// deepest kept ancestor, a line break between blocks), so that a pathological page cannot exhaust a worker
/// thread's stack later on (the recursive walk needs ~1 MB for 64 levels under AddressSanitizer; real CV
/// pages nest 4–17 levels deep). `flattenedElements` says how many, for the reader's diagnostic.
final class HTMLTreeBuilder {
    static let maximumDepth = 64

    private var stack: [HTMLNode] = [.element("#document", line: 1)]
    /// Start tags seen beyond the maximum depth and not yet closed.
    private var flattened: [String] = []
    /// Elements not kept as nodes because they nested deeper than `maximumDepth`.
    private(set) var flattenedElements = 0

    func start(_ name: String, attributes: [String: String], line: Int) {
        if stack.count > Self.maximumDepth {
            flattened.append(name)
            flattenedElements += 1
            if HTMLVocabulary.blockLevel.contains(name) || name == "br" { separateFlattenedText() }
            return
        }
        stack.append(.element(name, attributes: attributes, line: max(1, line)))
    }

    /// Closes the innermost open element called `name`; `line` is the end tag's line when it was written.
    func end(_ name: String, explicitLine: Int?) {
        if let last = flattened.last {
            if last == name {
                flattened.removeLast()
                if HTMLVocabulary.blockLevel.contains(name) { separateFlattenedText() }
            }
            return
        }
        guard stack.count > 1, let index = stack.lastIndex(where: { $0.name == name }), index > 0 else { return }
        while stack.count > index {
            let isTarget = stack.count - 1 == index
            closeTop(endLine: isTarget ? explicitLine : nil)
        }
    }

    /// Adds character data whose last byte is on `endLine`.
    func text(_ bytes: UnsafeBufferPointer<UInt8>, endLine: Int) {
        guard !bytes.isEmpty else { return }
        let newlines = bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        var line = max(1, endLine - newlines)
        var first: Int?
        var last: Int?
        for byte in bytes {
            if byte == 0x0A {
                line += 1
            } else if byte != 0x20, byte != 0x09, byte != 0x0D, byte != 0x0C {
                if first == nil { first = line }
                last = line
            }
        }
        let string = String(decoding: bytes, as: UTF8.self)
        let top = stack.count - 1
        let lastIndex = stack[top].children.count - 1
        if lastIndex >= 0, stack[top].children[lastIndex].kind == .text {
            // Appended in place: long text arrives in ~1 KB chunks, and copying it each time would be quadratic.
            stack[top].children[lastIndex].text += string
            if stack[top].children[lastIndex].firstLine == 0 { stack[top].children[lastIndex].firstLine = first ?? 0 }
            if let last { stack[top].children[lastIndex].lastLine = max(stack[top].children[lastIndex].lastLine, last) }
        } else {
            stack[top].children.append(.text(string, firstLine: first ?? 0, lastLine: last ?? 0))
        }
        if let last { stack[top].lastLine = max(stack[top].lastLine, last) }
    }

    /// Ends the text gathered from flattened elements with a line break, so that the text of two cells or
    /// paragraphs does not run together (`collapse` makes it a space inside a paragraph).
    private func separateFlattenedText() {
        let top = stack.count - 1
        guard let last = stack[top].children.indices.last, stack[top].children[last].kind == .text,
            !stack[top].children[last].text.hasSuffix("\n") else { return }
        stack[top].children[last].text += "\n"
    }

    /// Closes whatever is still open and returns the document node.
    func finish() -> HTMLNode {
        flattened.removeAll()
        while stack.count > 1 { closeTop(endLine: nil) }
        return stack[0]
    }

    private func closeTop(endLine: Int?) {
        var node = stack.removeLast()
        if let endLine { node.lastLine = max(node.lastLine, endLine) }
        let top = stack.count - 1
        stack[top].lastLine = max(stack[top].lastLine, node.lastLine)
        stack[top].children.append(node)
    }
}
