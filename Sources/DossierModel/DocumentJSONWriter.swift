import Dispatch

/// Writes a `Document` as the very bytes `Document.encoder(pretty:)` gives (sorted keys, unescaped slashes,
/// Foundation's pretty layout), straight into a byte buffer: the Codable path built a tree of boxed values and
/// sorted every object's keys at run time, a sixth of a 4,000-reference conversion.
///
/// Keys are written in the encoder's order (ascending by UTF-8 bytes, so "DOI" before "author") by hand for the
/// model's fixed fields and by sorting for dictionaries. Values the encoder would refuse (a non-finite
/// number, a `JSONValue` nested deeper than `JSONValue.maximumDepth`) make `bytes(of:pretty:)` return nil, and
/// the caller falls back to the encoder for its error. `DocumentJSONWriterTests` compares both on samples and
/// random documents.
///
/// Long arrays (a list's 4,000 items, 4,000 publications) are written in chunks on every core, each chunk by a writer
/// at the same depth, and the chunks' bytes joined in order: the same bytes, as the layout depends only on the depth
/// and on whether an element is the first.
struct DocumentJSONWriter {
    /// The document as JSON, or nil when only the encoder can say what is wrong with it.
    static func bytes(of document: Document, pretty: Bool) -> [UInt8]? {
        var writer = DocumentJSONWriter(pretty: pretty)
        writer.write(document)
        return writer.refused ? nil : writer.output
    }

    private(set) var output: [UInt8] = []
    private let pretty: Bool
    private var depth = 0
    /// Set when a value cannot be written as the encoder would.
    private var refused = false
    /// Whether the container being written has no element yet.
    private var first = true

    private init(pretty: Bool, capacity: Int = 1 << 16) {
        self.pretty = pretty
        output.reserveCapacity(capacity)
    }

    // MARK: Layout

    /// A line break and two spaces per level, the encoder's pretty indentation.
    private mutating func newlineAndIndent() {
        output.append(UInt8(ascii: "\n"))
        for _ in 0..<depth { output.append(UInt8(ascii: " ")); output.append(UInt8(ascii: " ")) }
    }

    /// Opens an object or array (`bracket` is "{" or "[").
    private mutating func open(_ bracket: UInt8) {
        output.append(bracket)
        depth += 1
        first = true
    }

    /// Closes an object or array; an empty one is written as the encoder does ("[\n\n  ]" when pretty).
    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if pretty {
            if first { output.append(UInt8(ascii: "\n")) }
            newlineAndIndent()
        }
        output.append(bracket)
        first = false
    }

    /// The separator before an element of the container being written.
    private mutating func element() {
        if !first { output.append(UInt8(ascii: ",")) }
        first = false
        if pretty { newlineAndIndent() }
    }

    /// A member's key and colon.
    private mutating func key(_ name: StaticString) {
        element()
        output.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { output.append(contentsOf: $0) }
        output.append(UInt8(ascii: "\""))
        colon()
    }

    /// A dictionary member's key (escaped like any string) and colon.
    private mutating func key(_ name: String) {
        element()
        string(name)
        colon()
    }

    /// " : " when pretty (the encoder's spacing), ":" when compact.
    private mutating func colon() {
        if pretty {
            output.append(UInt8(ascii: " ")); output.append(UInt8(ascii: ":")); output.append(UInt8(ascii: " "))
        } else {
            output.append(UInt8(ascii: ":"))
        }
    }

    // MARK: Scalars

    /// A string with the encoder's escapes (`JSONStringBytes`).
    private mutating func string(_ value: String) {
        JSONStringBytes.appendQuoted(value, to: &output)
    }

    /// Text that needs no escaping (numbers, literals).
    private mutating func raw(_ text: String) {
        output.append(contentsOf: text.utf8)
    }

    /// An integer in decimal, as the encoder writes it.
    private mutating func int(_ value: Int) { raw(String(value)) }

    /// A number as the encoder writes it: its description without a trailing ".0"; a non-finite one is refused.
    private mutating func double(_ value: Double) {
        guard value.isFinite else {
            refused = true
            return
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        raw(text)
    }

    /// `true` or `false`.
    private mutating func bool(_ value: Bool) { raw(value ? "true" : "false") }

    // MARK: Members (each skipped when nil, as synthesized `Encodable` does)

    private mutating func member(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    private mutating func member(_ name: StaticString, _ value: Int?) {
        guard let value else { return }
        key(name)
        int(value)
    }

    private mutating func member(_ name: StaticString, _ value: Double?) {
        guard let value else { return }
        key(name)
        double(value)
    }

    private mutating func member(_ name: StaticString, _ value: Bool?) {
        guard let value else { return }
        key(name)
        bool(value)
    }

    private mutating func member(_ name: StaticString, _ values: [String]?) {
        guard let values else { return }
        key(name)
        array(values) { $0.string($1) }
    }

    private mutating func member(_ name: StaticString, _ values: [Int]?) {
        guard let values else { return }
        key(name)
        array(values) { $0.int($1) }
    }

    /// An array, each element written by `write`.
    private mutating func array<Element>(_ values: [Element], _ write: (inout DocumentJSONWriter, Element) -> Void) {
        open(UInt8(ascii: "["))
        for value in values {
            element()
            write(&self, value)
        }
        close(UInt8(ascii: "]"))
    }

    /// Arrays at least this long are written in parallel chunks (`parallelArray`); shorter ones on the calling thread.
    static let parallelCount = 256
    /// The elements per chunk of a parallel array.
    static let parallelChunk = 64

    /// `array(values, write)`, the elements written in chunks on every core when there are many (see the type's
    /// comment): each chunk's writer starts at this depth, as after the first element or not, and its bytes are
    /// appended in order.
    private mutating func parallelArray<Element: Sendable>(_ values: [Element], _ write: @Sendable (inout DocumentJSONWriter, Element) -> Void) {
        guard values.count >= Self.parallelCount else {
            array(values, write)
            return
        }
        open(UInt8(ascii: "["))
        let chunk = Self.parallelChunk, count = values.count
        let pieces = ChunkResults(count: (count + chunk - 1) / chunk)
        let (pretty, depth) = (self.pretty, self.depth)
        DispatchQueue.concurrentPerform(iterations: pieces.count) { index in
            var writer = DocumentJSONWriter(pretty: pretty, capacity: 1 << 14)
            writer.depth = depth
            writer.first = index == 0
            for value in values[(index * chunk)..<min((index + 1) * chunk, count)] {
                writer.element()
                write(&writer, value)
            }
            pieces.set(index, writer.output, refused: writer.refused)
        }
        for index in 0..<pieces.count {
            let (bytes, refused) = pieces.get(index)
            output.append(contentsOf: bytes)
            if refused { self.refused = true }
        }
        first = false
        close(UInt8(ascii: "]"))
    }

    /// The bytes of each chunk of a parallel array, each slot written by the one thread that wrote the chunk and read
    /// after all ended (raw storage: an array property would be one exclusive access for all the threads at once).
    private final class ChunkResults: @unchecked Sendable {
        let count: Int
        private let bytes: UnsafeMutablePointer<[UInt8]>
        private let refused: UnsafeMutablePointer<Bool>

        init(count: Int) {
            self.count = count
            bytes = .allocate(capacity: count)
            bytes.initialize(repeating: [], count: count)
            refused = .allocate(capacity: count)
            refused.initialize(repeating: false, count: count)
        }

        deinit {
            bytes.deinitialize(count: count)
            bytes.deallocate()
            refused.deallocate()
        }

        func set(_ index: Int, _ output: [UInt8], refused flag: Bool) {
            bytes[index] = output
            refused[index] = flag
        }

        func get(_ index: Int) -> ([UInt8], Bool) { (bytes[index], refused[index]) }
    }

    /// A dictionary as an object, its keys in the encoder's order: by their UTF-8 bytes as stored (not `<`, which
    /// compares canonical forms: "e\u{301}" goes before "ß" here).
    private mutating func dictionary<Value>(_ members: [String: Value], _ write: (inout DocumentJSONWriter, Value) -> Void) {
        open(UInt8(ascii: "{"))
        for (name, value) in members.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            key(name)
            write(&self, value)
        }
        close(UInt8(ascii: "}"))
    }

    // MARK: The model (one function per type; its members in the encoder's key order, optionals only when set)

    private mutating func write(_ document: Document) {
        open(UInt8(ascii: "{"))
        key("blocks"); parallelArray(document.blocks) { $0.write($1) }
        key("diagnostics"); array(document.diagnostics) { $0.write($1) }
        member("dossier", document.dossier)
        key("metadata"); dictionary(document.metadata) { $0.write($1, depth: 1) }
        key("profile"); write(document.profile)
        key("source"); write(document.source)
        close(UInt8(ascii: "}"))
    }

    private mutating func write(_ source: Source) {
        open(UInt8(ascii: "{"))
        member("bytes", source.bytes)
        member("format", source.format.rawValue)
        member("pages", source.pages)
        member("path", source.path)
        member("sha256", source.sha256)
        close(UInt8(ascii: "}"))
    }

    /// A metadata value; `depth` counts as `JSONValue`'s own encoding does (1 for the outermost value).
    private mutating func write(_ value: JSONValue, depth: Int) {
        switch value {
        case .null: raw("null")
        case .bool(let value): bool(value)
        case .int(let value): int(value)
        case .double(let value): double(value)
        case .string(let value): string(value)
        case .array(let values):
            guard depth <= JSONValue.maximumDepth else {
                refused = true
                return
            }
            array(values) { $0.write($1, depth: depth + 1) }
        case .object(let members):
            guard depth <= JSONValue.maximumDepth else {
                refused = true
                return
            }
            dictionary(members) { $0.write($1, depth: depth + 1) }
        }
    }

    private mutating func write(_ block: Block) {
        open(UInt8(ascii: "{"))
        if let values = block.blocks { key("blocks"); array(values) { $0.write($1) } }
        if let values = block.cells { key("cells"); array(values) { $0.write($1) } }
        if let font = block.font { key("font"); write(font) }
        member("header", block.header)
        member("info", block.info)
        if let values = block.inlines { key("inlines"); array(values) { $0.write($1) } }
        if let values = block.items { key("items"); parallelArray(values) { $0.write($1) } }
        member("level", block.level)
        member("marker", block.marker)
        member("ordered", block.ordered)
        key("provenance"); write(block.provenance)
        if let values = block.rows { key("rows"); parallelArray(values) { $0.write($1) } }
        member("start", block.start)
        member("text", block.text)
        member("type", block.type.rawValue)
        close(UInt8(ascii: "}"))
    }

    private mutating func write(_ inline: Inline) {
        open(UInt8(ascii: "{"))
        if let values = inline.children { key("children"); array(values) { $0.write($1) } }
        member("raw", inline.raw)
        member("text", inline.text)
        member("type", inline.type.rawValue)
        member("url", inline.url)
        close(UInt8(ascii: "}"))
    }

    private mutating func write(_ provenance: Provenance) {
        open(UInt8(ascii: "{"))
        if let values = provenance.bbox { key("bbox"); array(values) { $0.double($1) } }
        member("lines", provenance.lines)
        member("page", provenance.page)
        close(UInt8(ascii: "}"))
    }

    private mutating func write(_ font: FontInfo) {
        open(UInt8(ascii: "{"))
        member("bold", font.bold)
        member("color", font.color)
        member("italic", font.italic)
        member("name", font.name)
        member("size", font.size)
        close(UInt8(ascii: "}"))
    }

    private mutating func write(_ diagnostic: Diagnostic) {
        open(UInt8(ascii: "{"))
        member("message", diagnostic.message)
        if let provenance = diagnostic.provenance { key("provenance"); write(provenance) }
        member("severity", diagnostic.severity.rawValue)
        member("stage", diagnostic.stage)
        close(UInt8(ascii: "}"))
    }

    private mutating func write(_ profile: Profile) {
        open(UInt8(ascii: "{"))
        key("entries"); array(profile.entries) { $0.write($1) }
        key("person"); write(profile.person)
        key("publications"); parallelArray(profile.publications) { $0.write($1) }
        key("referees"); array(profile.referees) { $0.write($1) }
        key("sections"); array(profile.sections) { $0.write($1) }
        close(UInt8(ascii: "}"))
    }

    private mutating func write(_ person: Person) {
        open(UInt8(ascii: "{"))
        member("address", person.address)
        member("affiliation", person.affiliation)
        member("emails", person.emails)
        key("identifiers"); dictionary(person.identifiers) { $0.string($1) }
        key("links"); array(person.links) { $0.write($1) }
        if let name = person.name { key("name"); write(name) }
        member("phones", person.phones)
        close(UInt8(ascii: "}"))
    }

    private mutating func write(_ name: PersonName) {
        open(UInt8(ascii: "{"))
        member("family", name.family)
        member("given", name.given)
        member("literal", name.literal)
        close(UInt8(ascii: "}"))
    }

    private mutating func write(_ link: Link) {
        open(UInt8(ascii: "{"))
        member("kind", link.kind.rawValue)
        member("url", link.url)
        close(UInt8(ascii: "}"))
    }

    private mutating func write(_ section: Section) {
        open(UInt8(ascii: "{"))
        member("blocks", section.blocks)
        member("kind", section.kind.rawValue)
        member("subkind", section.subkind)
        member("title", section.title)
        close(UInt8(ascii: "}"))
    }

    private mutating func write(_ entry: Entry) {
        open(UInt8(ascii: "{"))
        member("block", entry.block)
        if let dates = entry.dates { key("dates"); write(dates) }
        member("kind", entry.kind.rawValue)
        member("organization", entry.organization)
        member("place", entry.place)
        member("raw", entry.raw)
        member("title", entry.title)
        close(UInt8(ascii: "}"))
    }

    private mutating func write(_ range: DateRange) {
        open(UInt8(ascii: "{"))
        member("edtf", range.edtf)
        member("end", range.end)
        member("raw", range.raw)
        member("start", range.start)
        close(UInt8(ascii: "}"))
    }

    private mutating func write(_ referee: Referee) {
        open(UInt8(ascii: "{"))
        member("email", referee.email)
        member("institution", referee.institution)
        key("name"); write(referee.name)
        member("phone", referee.phone)
        member("raw", referee.raw)
        member("relation", referee.relation)
        member("title", referee.title)
        close(UInt8(ascii: "}"))
    }

    private mutating func write(_ publication: Publication) {
        open(UInt8(ascii: "{"))
        member("DOI", publication.doi)
        member("ISBN", publication.isbn)
        member("PMCID", publication.pmcid)
        member("PMID", publication.pmid)
        member("URL", publication.url)
        member("applicantPosition", publication.applicantPosition)
        member("arxiv", publication.arxiv)
        if let names = publication.author { key("author"); array(names) { $0.write($1) } }
        member("block", publication.block)
        key("confidence"); dictionary(publication.confidence) { $0.double($1) }
        member("container-title", publication.containerTitle)
        member("corresponding", publication.corresponding)
        member("edition", publication.edition)
        if let names = publication.editor { key("editor"); array(names) { $0.write($1) } }
        member("equalContribution", publication.equalContribution)
        member("etAl", publication.etAl)
        member("id", publication.id)
        member("issue", publication.issue)
        if let issued = publication.issued { key("issued"); write(issued) }
        member("note", publication.note)
        member("page", publication.page)
        member("publisher", publication.publisher)
        member("publisher-place", publication.publisherPlace)
        member("raw", publication.raw)
        member("status", publication.status)
        member("title", publication.title)
        member("type", publication.type)
        member("volume", publication.volume)
        close(UInt8(ascii: "}"))
    }

    private mutating func write(_ name: CSLName) {
        open(UInt8(ascii: "{"))
        member("family", name.family)
        member("given", name.given)
        member("literal", name.literal)
        member("non-dropping-particle", name.particle)
        member("suffix", name.suffix)
        close(UInt8(ascii: "}"))
    }

    private mutating func write(_ date: CSLDate) {
        open(UInt8(ascii: "{"))
        key("date-parts"); array(date.dateParts) { $0.array($1) { $0.int($1) } }
        member("raw", date.raw)
        close(UInt8(ascii: "}"))
    }
}

/// A JSON string as `JSONEncoder` writes it, appended to a byte buffer: quote, backslash and the named control
/// characters escaped, other controls as `\u00xx`, `/` and non-ASCII kept. The one escaping of the direct writers
/// (`DocumentJSONWriter`, the writers' publication lines).
package enum JSONStringBytes {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    package static func appendQuoted(_ value: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            var start = 0, index = 0
            while index < bytes.count {
                defer { index += 1 }
                // Eight bytes at a time while none needs an escape (no byte below 0x20, none a quote or a backslash:
                // exact tests of the bytes of a word), as most of a document's text needs none.
                if let base = bytes.baseAddress {
                    while index + 8 <= bytes.count {
                        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                        let quote = word ^ 0x2222_2222_2222_2222, backslash = word ^ 0x5C5C_5C5C_5C5C_5C5C
                        let ones: UInt64 = 0x0101_0101_0101_0101
                        let special = ((word &- 0x2020_2020_2020_2020) & ~word) | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
                        guard special & 0x8080_8080_8080_8080 == 0 else { break }
                        index += 8
                    }
                    guard index < bytes.count else { break }
                }
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                start = index + 1
                output.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(byte)
                case 0x0A: output.append(UInt8(ascii: "n"))
                case 0x0D: output.append(UInt8(ascii: "r"))
                case 0x09: output.append(UInt8(ascii: "t"))
                case 0x08: output.append(UInt8(ascii: "b"))
                case 0x0C: output.append(UInt8(ascii: "f"))
                default:
                    output.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                    output.append(hexDigits[Int(byte >> 4)])
                    output.append(hexDigits[Int(byte & 0x0F)])
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        }
        output.append(UInt8(ascii: "\""))
    }
}
