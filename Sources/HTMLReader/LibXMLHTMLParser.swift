import CLibXML2

/// libxml2 sets up its global tables lazily and races when the first parses start in parallel
/// (NATIVE-NOTES §5): this runs `xmlInitParser()` once, before any parse. `xmlCleanupParser` is never called.
private let parserInitialized: Void = { xmlInitParser() }()

/// The one place that talks to libxml2: its HTML parser, driven through SAX callbacks that feed an
/// `HTMLTreeBuilder`, so that no C tree outlives the call and every end tag's line is known.
///
/// Options: no network, recover from errors, silent; the document's own encoding declaration is ignored
/// because `HTMLTextDecoder` has already turned the bytes into UTF-8. The SAX handler has no entity,
/// DTD or subset callbacks: nothing external is ever loaded or expanded.
enum LibXMLHTMLParser {
    static let options = Int32(
        HTML_PARSE_NONET.rawValue | HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)

    /// Initializes libxml2 if that has not happened yet; cheap after the first call.
    static func initialize() { _ = parserInitialized }

    /// Parses UTF-8 HTML into a node tree whose root is a `#document` element, with the number of elements
    /// flattened into their ancestors' text because they nested deeper than `HTMLTreeBuilder.maximumDepth`.
    static func parse(_ utf8: [UInt8]) -> (root: HTMLNode, flattenedElements: Int) {
        initialize()
        let builder = HTMLTreeBuilder()
        guard !utf8.isEmpty, utf8.count < Int(Int32.max) else { return (builder.finish(), 0) }
        utf8.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let created = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlCreateMemoryParserCtxt($0, Int32(buffer.count))
            }
            guard let context = created else { return }
            defer { htmlFreeParserCtxt(context) }
            guard let sax = context.pointee.sax else { return }
            sax.pointee = handler()
            _ = htmlCtxtUseOptions(context, options)
            // Without this the parser guesses Latin-1 at the first non-ASCII byte; the bytes are UTF-8 by now.
            // (It is what `xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8)` does, which the shim does not expose.)
            context.pointee.charset = Int32(XML_CHAR_ENCODING_UTF8.rawValue)
            context.pointee._private = Unmanaged.passUnretained(builder).toOpaque()
            _ = htmlParseDocument(context)
            context.pointee._private = nil
        }
        return (builder.finish(), builder.flattenedElements)
    }

    /// A SAX handler with only the callbacks we need; every other one (entities, DTDs, errors) stays NULL.
    private static func handler() -> htmlSAXHandler {
        var handler = htmlSAXHandler()
        handler.startElement = { context, name, attributes in
            guard let (builder, parser) = saxState(context), let name else { return }
            builder.start(String(cString: name), attributes: attributeDictionary(attributes), line: currentLine(parser))
        }
        handler.endElement = { context, name in
            guard let (builder, parser) = saxState(context), let name else { return }
            let string = String(cString: name)
            builder.end(string, explicitLine: endsWithEndTag(parser, string) ? currentLine(parser) : nil)
        }
        handler.characters = { context, bytes, length in
            guard let (builder, parser) = saxState(context), let bytes, length > 0 else { return }
            builder.text(UnsafeBufferPointer(start: bytes, count: Int(length)), endLine: currentLine(parser))
        }
        handler.ignorableWhitespace = handler.characters
        handler.cdataBlock = handler.characters
        return handler
    }
}

// Free functions, so that the SAX closures capture nothing and convert to C function pointers.

fileprivate func saxState(_ context: UnsafeMutableRawPointer?) -> (HTMLTreeBuilder, htmlParserCtxtPtr)? {
    guard let context else { return nil }
    let parser = context.assumingMemoryBound(to: htmlParserCtxt.self)
    guard let opaque = parser.pointee._private else { return nil }
    return (Unmanaged<HTMLTreeBuilder>.fromOpaque(opaque).takeUnretainedValue(), parser)
}

fileprivate func currentLine(_ parser: htmlParserCtxtPtr) -> Int {
    Int(parser.pointee.input?.pointee.line ?? 1)
}

fileprivate func attributeDictionary(_ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> [String: String] {
    guard let attributes else { return [:] }
    var result: [String: String] = [:]
    var index = 0
    while let name = attributes[index] {
        let value = attributes[index + 1].map { String(cString: $0) } ?? ""
        result[String(cString: name).lowercased()] = value
        index += 2
    }
    return result
}

/// Whether the parser has just consumed `</name>` (an end tag as written), rather than closing the
/// element implicitly because another tag started or the document ended.
fileprivate func endsWithEndTag(_ parser: htmlParserCtxtPtr, _ name: String) -> Bool {
    guard let input = parser.pointee.input, let cursor = input.pointee.cur, let base = input.pointee.base else { return false }
    var position = cursor - 1
    guard position >= base, position.pointee == UInt8(ascii: ">") else { return false }
    position -= 1
    let blanks: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
    while position >= base, blanks.contains(position.pointee) { position -= 1 }
    for expected in name.utf8.reversed() {
        guard position >= base, position.pointee | 0x20 == expected | 0x20 else { return false }
        position -= 1
    }
    guard position - 1 >= base else { return false }
    return position.pointee == UInt8(ascii: "/") && (position - 1).pointee == UInt8(ascii: "<")
}
