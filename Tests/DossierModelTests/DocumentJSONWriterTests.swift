@testable import DossierModel
import Foundation
import XCTest

/// The direct JSON writer against `JSONEncoder` (the bytes every JSON output had before it): the expected JSON of
/// every sample, and random documents with every optional field, awkward strings, numbers and dictionary keys.
final class DocumentJSONWriterTests: XCTestCase {
    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Asserts that both ways of writing `document` give the same bytes, pretty and compact.
    private func assertSameAsEncoder(_ document: Document, _ label: String, file: StaticString = #filePath, line: UInt = #line) throws {
        for pretty in [true, false] {
            let expected = try Document.encoder(pretty: pretty).encode(document)
            guard let written = DocumentJSONWriter.bytes(of: document, pretty: pretty) else {
                XCTFail("\(label): the writer refused a document the encoder writes", file: file, line: line)
                continue
            }
            if Data(written) != expected {
                XCTFail("\(label) (pretty: \(pretty)): differs from JSONEncoder\n\(String(decoding: written, as: UTF8.self).prefix(2000))\n---\n\(String(decoding: expected, as: UTF8.self).prefix(2000))", file: file, line: line)
            }
            XCTAssertEqual(try document.encoded(pretty: pretty), expected, label, file: file, line: line)
        }
    }

    func testSamplesAreWrittenAsTheEncoderWritesThem() throws {
        let samples = Self.repository.appendingPathComponent("samples")
        let files = (FileManager.default.enumerator(at: samples, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? [])
            .filter { $0.lastPathComponent.hasSuffix(".expected.json") }
        XCTAssertGreaterThan(files.count, 10, "samples/ should hold expected JSON outputs")
        for file in files {
            let document = try Document.decode(Data(contentsOf: file))
            try assertSameAsEncoder(document, file.lastPathComponent)
        }
    }

    func testEmptyDocument() throws {
        try assertSameAsEncoder(Document(source: Source(path: "", format: .pdf, bytes: 0, sha256: "")), "empty")
    }

    func testRandomDocumentsAreWrittenAsTheEncoderWritesThem() throws {
        var random = SplitMix(seed: 12)
        for round in 0..<300 {
            try assertSameAsEncoder(randomDocument(&random), "random document \(round)")
        }
    }

    /// Arrays of `parallelCount` elements or more are written in chunks on several threads: the same bytes, at the
    /// chunks' edges (a count that is not a multiple of the chunk), nested (a list's items in the blocks), and a
    /// refused value inside a chunk still refuses the document.
    func testLongArraysWrittenInChunksAreWrittenAsTheEncoderWritesThem() throws {
        var random = SplitMix(seed: 7)
        for count in [DocumentJSONWriter.parallelCount - 1, DocumentJSONWriter.parallelCount, DocumentJSONWriter.parallelChunk * 5 + 3, 1_000] {
            var document = randomDocument(&random)
            var list = Block(.list, text: "items", provenance: provenance(&random))
            list.items = (0..<count).map { _ in block(&random, depth: 1) }
            var table = Block(.table, text: "rows", provenance: provenance(&random))
            table.rows = (0..<count).map { _ in block(&random, depth: 1) }
            document.blocks = (0..<count).map { _ in block(&random, depth: 0) } + [list, table]
            document.profile.publications = (0..<count).map { _ in publication(&random) }
            try assertSameAsEncoder(document, "\(count) blocks, items, rows and publications")
            document.blocks[count / 2].provenance.bbox = [0, .infinity, 1, 2]
            XCTAssertNil(DocumentJSONWriter.bytes(of: document, pretty: true), "\(count): a refused value in a chunk")
        }
    }

    /// Strings are escaped eight bytes at a time: each byte that needs an escape, and some that do not, at every place
    /// of a word and past its end, as the encoder escapes them.
    func testEscapesAtEveryPlaceOfAWord() throws {
        for special in ["\"", "\\", "\n", "\r", "\t", "\u{1}", "\u{1F}", "/", " ", "!", "#", "[", "]", "é", "\u{7F}", "😀", "\"\\\n"] {
            for offset in 0..<18 {
                let text = String(repeating: "a", count: offset) + special + String(repeating: "b", count: 17 - offset)
                var bytes: [UInt8] = [UInt8(ascii: "[")]
                JSONStringBytes.appendQuoted(text, to: &bytes)
                bytes.append(UInt8(ascii: "]"))
                XCTAssertEqual(String(decoding: bytes, as: UTF8.self), String(decoding: try Document.encoder(pretty: false).encode([text]), as: UTF8.self))
            }
        }
    }

    func testRefusedValuesFallBackToTheEncodersError() throws {
        var document = Document(source: Source(path: "x", format: .markdown, bytes: 1, sha256: "s"))
        document.blocks = [Block(.paragraph, text: "x", provenance: Provenance(page: 1, bbox: [0, .nan, 1, 2]))]
        XCTAssertNil(DocumentJSONWriter.bytes(of: document, pretty: true))
        XCTAssertThrowsError(try document.encoded())

        var nested = JSONValue.string("leaf")
        for _ in 0..<(JSONValue.maximumDepth + 1) { nested = .array([nested]) }
        document = Document(source: Source(path: "x", format: .markdown, bytes: 1, sha256: "s"), metadata: ["deep": nested])
        XCTAssertNil(DocumentJSONWriter.bytes(of: document, pretty: false))
        XCTAssertThrowsError(try document.encoded(pretty: false))

        var deepest = JSONValue.string("leaf")
        for _ in 0..<JSONValue.maximumDepth { deepest = .object(["k": deepest]) }
        document.metadata = ["deep": deepest]
        try assertSameAsEncoder(document, "nested to the limit")
    }

    // MARK: Random documents


    private static let pieces: [String] = [
        "a", "Z", "é", "e\u{301}", "😀", "\"", "\\", "/", "\n", "\r", "\t", "\u{8}", "\u{c}", "\u{0}", "\u{1}", "\u{1f}",
        "\u{7f}", "\u{2028}", "\u{fffe}", " ", "10", "9", "-", "_", "DOI", "title", "ß", "İ", "中文", "<a href=\"x\">", "&amp;",
    ]

    private func string(_ random: inout SplitMix) -> String {
        (0..<random.int(0...6)).map { _ in Self.pieces[random.int(0...(Self.pieces.count - 1))] }.joined()
    }

    private func optionalString(_ random: inout SplitMix) -> String? { random.chance(60) ? string(&random) : nil }

    private func double(_ random: inout SplitMix) -> Double {
        switch random.int(0...6) {
        case 0: return Double(random.int(-1000...1000))
        case 1: return Double(random.int(0...1000)) / 1000
        case 2: return Double(bitPattern: random.next() & 0x7FEF_FFFF_FFFF_FFFF)
        case 3: return Double(random.int(0...100_000)) * 1e-9
        case 4: return -0.0
        case 5: return 1e16 * Double(random.int(1...9))
        default: return Double(random.int(0...612)) / 10
        }
    }

    private func ints(_ random: inout SplitMix) -> [Int] { (0..<random.int(0...3)).map { _ in random.int(-5...100_000) } }

    private func jsonValue(_ random: inout SplitMix, depth: Int) -> JSONValue {
        switch random.int(0...(depth > 3 ? 4 : 6)) {
        case 0: return .null
        case 1: return .bool(random.chance(50))
        case 2: return .int(random.int(-1_000_000...1_000_000))
        case 3: return .double(double(&random))
        case 4: return .string(string(&random))
        case 5: return .array((0..<random.int(0...3)).map { _ in jsonValue(&random, depth: depth + 1) })
        default: return .object(dictionary(&random) { jsonValue(&$0, depth: depth + 1) })
        }
    }

    private func dictionary<Value>(_ random: inout SplitMix, _ value: (inout SplitMix) -> Value) -> [String: Value] {
        var members: [String: Value] = [:]
        for _ in 0..<random.int(0...5) { members[string(&random)] = value(&random) }
        return members
    }

    private func provenance(_ random: inout SplitMix) -> Provenance {
        Provenance(
            lines: random.chance(50) ? ints(&random) : nil, page: random.chance(50) ? random.int(1...40) : nil,
            bbox: random.chance(50) ? (0..<4).map { _ in double(&random) } : nil)
    }

    private func inline(_ random: inout SplitMix, depth: Int) -> Inline {
        Inline(
            InlineType.allCases[random.int(0...(InlineType.allCases.count - 1))], text: string(&random), url: optionalString(&random),
            raw: optionalString(&random),
            children: depth < 2 && random.chance(40) ? (0..<random.int(0...2)).map { _ in inline(&random, depth: depth + 1) } : nil)
    }

    private func block(_ random: inout SplitMix, depth: Int) -> Block {
        var made = Block(
            BlockType.allCases[random.int(0...(BlockType.allCases.count - 1))], text: string(&random), provenance: provenance(&random),
            level: random.chance(30) ? random.int(1...6) : nil,
            inlines: random.chance(70) ? (0..<random.int(0...3)).map { _ in inline(&random, depth: 0) } : nil)
        if random.chance(30) { made.ordered = random.chance(50) }
        if random.chance(30) { made.start = random.int(0...20) }
        made.marker = random.chance(30) ? string(&random) : nil
        made.info = random.chance(20) ? string(&random) : nil
        if random.chance(20) { made.header = random.chance(50) }
        func children(_ random: inout SplitMix) -> [Block]? {
            depth < 2 && random.chance(25) ? (0..<random.int(0...2)).map { _ in self.block(&random, depth: depth + 1) } : nil
        }
        made.items = children(&random)
        made.blocks = children(&random)
        made.rows = children(&random)
        made.cells = children(&random)
        if random.chance(30) {
            made.font = FontInfo(
                name: optionalString(&random), size: random.chance(50) ? double(&random) : nil,
                bold: random.chance(50) ? random.chance(50) : nil, italic: random.chance(50) ? random.chance(50) : nil,
                color: optionalString(&random))
        }
        return made
    }

    private func name(_ random: inout SplitMix) -> CSLName {
        CSLName(
            family: optionalString(&random), given: optionalString(&random), particle: optionalString(&random),
            suffix: optionalString(&random), literal: optionalString(&random))
    }

    private func publication(_ random: inout SplitMix) -> Publication {
        var publication = Publication(id: string(&random), type: string(&random), raw: string(&random))
        publication.author = random.chance(70) ? (0..<random.int(0...3)).map { _ in name(&random) } : nil
        publication.editor = random.chance(30) ? (0..<random.int(0...2)).map { _ in name(&random) } : nil
        publication.title = optionalString(&random)
        publication.containerTitle = optionalString(&random)
        publication.issued = random.chance(60) ? CSLDate(dateParts: (0..<random.int(0...2)).map { _ in ints(&random) }, raw: optionalString(&random)) : nil
        publication.volume = optionalString(&random)
        publication.issue = optionalString(&random)
        publication.page = optionalString(&random)
        publication.publisher = optionalString(&random)
        publication.publisherPlace = optionalString(&random)
        publication.edition = optionalString(&random)
        publication.doi = optionalString(&random)
        publication.pmid = optionalString(&random)
        publication.pmcid = optionalString(&random)
        publication.arxiv = optionalString(&random)
        publication.isbn = optionalString(&random)
        publication.url = optionalString(&random)
        publication.status = optionalString(&random)
        publication.note = optionalString(&random)
        publication.confidence = dictionary(&random) { double(&$0) }
        publication.applicantPosition = random.chance(50) ? random.int(1...9) : nil
        publication.etAl = random.chance(30) ? random.chance(50) : nil
        publication.equalContribution = random.chance(30) ? ints(&random) : nil
        publication.corresponding = random.chance(30) ? ints(&random) : nil
        publication.block = random.chance(70) ? random.int(0...500) : nil
        return publication
    }

    private func personName(_ random: inout SplitMix) -> PersonName {
        PersonName(literal: string(&random), given: optionalString(&random), family: optionalString(&random))
    }

    private func randomDocument(_ random: inout SplitMix) -> Document {
        var document = Document(
            source: Source(
                path: string(&random), format: SourceFormat.allCases[random.int(0...2)], bytes: random.int(0...1_000_000),
                sha256: string(&random), pages: random.chance(50) ? random.int(1...30) : nil))
        document.metadata = dictionary(&random) { jsonValue(&$0, depth: 1) }
        document.blocks = (0..<random.int(0...4)).map { _ in block(&random, depth: 0) }
        document.diagnostics = (0..<random.int(0...2)).map { _ in
            Diagnostic(
                severity: Diagnostic.Severity.allCases[random.int(0...2)], stage: string(&random), message: string(&random),
                provenance: random.chance(50) ? provenance(&random) : nil)
        }
        var person = Person(
            name: random.chance(60) ? personName(&random) : nil, emails: (0..<random.int(0...2)).map { _ in string(&random) },
            phones: (0..<random.int(0...2)).map { _ in string(&random) },
            links: (0..<random.int(0...2)).map { _ in Link(kind: Link.Kind.allCases[random.int(0...5)], url: string(&random)) },
            identifiers: dictionary(&random) { string(&$0) }, affiliation: optionalString(&random), address: optionalString(&random))
        if random.chance(10) { person = Person() }
        document.profile = Profile(
            person: person,
            sections: (0..<random.int(0...3)).map { _ in
                Section(kind: SectionKind.allCases[random.int(0...(SectionKind.allCases.count - 1))], title: string(&random), blocks: ints(&random), subkind: optionalString(&random))
            },
            entries: (0..<random.int(0...3)).map { _ in
                Entry(
                    kind: SectionKind.allCases[random.int(0...(SectionKind.allCases.count - 1))], title: optionalString(&random),
                    organization: optionalString(&random), place: optionalString(&random),
                    dates: random.chance(60) ? DateRange(start: optionalString(&random), end: optionalString(&random), raw: string(&random)) : nil,
                    raw: string(&random), block: random.chance(50) ? random.int(0...99) : nil)
            },
            publications: (0..<random.int(0...3)).map { _ in publication(&random) },
            referees: (0..<random.int(0...2)).map { _ in
                Referee(
                    name: personName(&random), title: optionalString(&random), institution: optionalString(&random), email: optionalString(&random),
                    phone: optionalString(&random), relation: optionalString(&random), raw: optionalString(&random))
            })
        return document
    }
}

/// Draws for the random documents (`SplitMix` is deterministic, so that a failure repeats).
private extension SplitMix {
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
}
