/// A node of an XML tree built in code: an element or a run of text.
///
/// JATS is written through this tree and `XMLRenderer` rather than libxml2's `xmlTextWriter`, which passes
/// control characters through and produces XML that no parser accepts (NATIVE-NOTES §8).
enum XMLNode: Sendable {
    case element(XMLElement)
    case text(String)
}

/// An XML element: a name, attributes in the order given, children.
struct XMLElement: Sendable {
    var name: String
    var attributes: [(String, String)]
    var children: [XMLNode]

    init(_ name: String, _ attributes: [(String, String)] = [], _ children: [XMLNode] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children
    }

    /// An element holding only text.
    init(_ name: String, _ attributes: [(String, String)] = [], text: String) {
        self.init(name, attributes, [.text(text)])
    }

    mutating func append(_ element: XMLElement) { children.append(.element(element)) }

    mutating func append(_ name: String, _ attributes: [(String, String)] = [], text: String?) {
        guard let text, !text.isEmpty else { return }
        children.append(.element(XMLElement(name, attributes, text: text)))
    }

    var isEmpty: Bool { children.isEmpty }
}

/// Serializes an `XMLElement` tree: our own escaper, two-space indentation where an element holds only elements,
/// and no whitespace added inside mixed content. Characters XML 1.0 cannot hold are dropped and remembered.
struct XMLRenderer {
    /// Elements whose content is mixed (text and phrase markup): never indented inside, even when they hold only
    /// elements, so that no whitespace is added to their text.
    let mixedContent: Set<String>
    /// Every character dropped because XML 1.0 forbids it, in order of appearance.
    private(set) var dropped: [Unicode.Scalar] = []

    init(mixedContent: Set<String> = []) {
        self.mixedContent = mixedContent
    }

    /// Whether XML 1.0 allows `scalar` anywhere (the `Char` production).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    mutating func render(_ element: XMLElement, indent: Int = 0) -> String {
        var output = ""
        write(element, indent: indent, into: &output)
        return output
    }

    /// Text content: `&`, `<` and `>` escaped (so `]]>` never appears), CR kept as a reference.
    mutating func escapeText(_ text: String) -> String {
        if XMLRenderer.needsNoEscaping(text) { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\r": output += "&#13;"
            default: append(scalar, to: &output)
            }
        }
        return output
    }

    /// Attribute values in double quotes: also `"`, and whitespace kept as references so parsers do not normalize it.
    mutating func escapeAttribute(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "\t": output += "&#9;"
            case "\n": output += "&#10;"
            case "\r": output += "&#13;"
            default: append(scalar, to: &output)
            }
        }
        return output
    }

    /// Whether text content comes out as it is: no `&`, `<`, `>` or CR, no other ASCII control but tab and line
    /// feed, and no byte 0xEF (which begins U+FFFE and U+FFFF, the only other scalars XML 1.0 forbids that a Swift
    /// string can hold).
    static func needsNoEscaping(_ text: String) -> Bool {
        text.utf8.allSatisfy { byte in
            byte >= 0x20 ? byte != 0x26 && byte != 0x3C && byte != 0x3E && byte != 0xEF : byte == 0x09 || byte == 0x0A
        }
    }

    private mutating func append(_ scalar: Unicode.Scalar, to output: inout String) {
        if XMLRenderer.isAllowed(scalar) {
            output.unicodeScalars.append(scalar)
        } else {
            dropped.append(scalar)
        }
    }

    private mutating func write(_ element: XMLElement, indent: Int, into output: inout String) {
        let padding = String(repeating: "  ", count: indent)
        output += padding
        writeOpenTag(element, into: &output)
        if element.children.isEmpty {
            output += "/>\n"
            return
        }
        output += ">"
        let mixed = mixedContent.contains(element.name)
            || element.children.contains { if case .text = $0 { return true } else { return false } }
        if mixed {
            for child in element.children { writeInline(child, into: &output) }
            output += "</\(element.name)>\n"
        } else {
            output += "\n"
            for case .element(let child) in element.children { write(child, indent: indent + 1, into: &output) }
            output += padding + "</\(element.name)>\n"
        }
    }

    private mutating func writeInline(_ node: XMLNode, into output: inout String) {
        switch node {
        case .text(let text):
            output += escapeText(text)
        case .element(let element):
            writeOpenTag(element, into: &output)
            if element.children.isEmpty {
                output += "/>"
            } else {
                output += ">"
                for child in element.children { writeInline(child, into: &output) }
                output += "</\(element.name)>"
            }
        }
    }

    /// `<name attr="value"` without the closing bracket.
    private mutating func writeOpenTag(_ element: XMLElement, into output: inout String) {
        output += "<" + element.name
        for (name, value) in element.attributes {
            output += " \(name)=\"\(escapeAttribute(value))\""
        }
    }
}
