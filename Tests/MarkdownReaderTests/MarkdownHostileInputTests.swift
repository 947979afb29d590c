import DossierModel
import DossierPipeline
import Foundation
@testable import MarkdownReader
import XCTest

/// The hostile Markdown inputs of issue 12 (`Tests/Fixtures/hostile/`): each is read without crashing, in
/// bounded time and memory, on a thread with a worker's small stack, and says what it refused.
final class MarkdownHostileInputTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/hostile")

    /// Reads on a thread with a 512 KB stack, as a batch's worker threads have; fails the test past `seconds`.
    private func read(_ data: Data, seconds: Double = 10) throws -> Document {
        let box = DocumentBox()
        let thread = Thread {
            box.set(try? MarkdownReader().read(data, source: Source(path: "t.md", format: .markdown, bytes: data.count, sha256: "")))
        }
        thread.stackSize = 512 * 1024
        let started = Date()
        thread.start()
        XCTAssertTrue(box.wait(seconds: seconds), "not read within \(seconds) s")
        XCTAssertLessThan(Date().timeIntervalSince(started), seconds)
        return try XCTUnwrap(box.document)
    }

    private func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: Self.fixtures.appendingPathComponent(name))
    }

    private func warnings(_ document: Document) -> [String] {
        document.diagnostics.filter { $0.severity == .warning }.map(\.message)
    }

    func testBareCarriageReturnLinesAgreeWithCmark() throws {
        // `x\r\rTitle\r=====\r\rtext\r`: crashed on a line range whose end came before its start.
        let document = try read(try fixture("min_cr_setext_heading.md"))
        XCTAssertEqual(document.blocks.map(\.type), [.paragraph, .heading, .paragraph])
        XCTAssertEqual(document.blocks.map(\.text), ["x", "Title", "text"])
        XCTAssertEqual(document.blocks.map { $0.provenance.lines ?? [] }, [[1, 1], [3, 4], [6, 6]])
    }

    func testMixedLineEndingsCountLinesAsCmarkDoes() throws {
        let document = try read(Data("---\rtitle: CV\r\n---\rJane\r\n====\n\r\rtext\r".utf8))
        XCTAssertEqual(document.metadata["title"], .string("CV"))
        XCTAssertEqual(document.blocks.map(\.text), ["Jane", "text"])
        XCTAssertEqual(document.blocks.map { $0.provenance.lines ?? [] }, [[4, 5], [8, 8]])
        XCTAssertEqual(warnings(document), [])
    }

    func testYAMLNested20000DeepIsRefusedWithADiagnostic() throws {
        let document = try read(try fixture("hostile-yaml-flow-20000deep-SIGSEGV.md"))
        XCTAssertEqual(document.metadata, [:])
        XCTAssertEqual(warnings(document), ["front matter ignored: it nests deeper than 64 levels"])
        XCTAssertEqual(document.blocks.first?.text, "Deep yaml")
    }

    func testBlockStyleYAMLNestingIsRefusedToo() throws {
        let compact = "---\n" + String(repeating: "- ", count: 20_000) + "x\n---\n# Jane\n"
        let mappings = "---\n" + (0..<300).map { String(repeating: " ", count: $0) + "k\($0):\n" }.joined() + "---\n# Jane\n"
        for text in [compact, mappings] {
            let document = try read(Data(text.utf8))
            XCTAssertEqual(document.metadata, [:])
            XCTAssertEqual(warnings(document), ["front matter ignored: it nests deeper than 64 levels"])
            XCTAssertEqual(document.blocks.first?.text, "Jane")
        }
    }

    func testYAMLAliasBombIsRefusedBeforeItExpands() throws {
        let document = try read(try fixture("hostile-yaml-alias-bomb-13GB.md"), seconds: 5)
        XCTAssertEqual(document.metadata, [:])
        XCTAssertEqual(warnings(document), ["front matter ignored: it expands to more than 100000 values (YAML aliases used as a bomb?)"])
        XCTAssertEqual(document.blocks.map(\.text), ["Yaml Bomb", "hello"])
    }

    func testAliasesThatStayDeepOnlyThroughExpansionAreRefused() throws {
        // Each anchor is shallow, but every alias adds its anchor's depth.
        var yaml = "a0: &a0 [x]\n"
        for level in 1...70 { yaml += "a\(level): &a\(level) [*a\(level - 1)]\n" }
        let document = try read(Data("---\n\(yaml)---\ntext\n".utf8))
        XCTAssertEqual(document.metadata, [:])
        XCTAssertEqual(warnings(document), ["front matter ignored: it nests deeper than 64 levels"])
    }

    func testOrdinaryAliasesAndNestingStillRead() throws {
        let text = "---\nbase: &base {name: Jane, tags: [a, b]}\ncopy: *base\ndeep: [[[[[[[[[[1]]]]]]]]]]\n---\ntext\n"
        let document = try read(Data(text.utf8))
        XCTAssertEqual(warnings(document), [])
        XCTAssertEqual(document.metadata["copy"], document.metadata["base"])
        XCTAssertEqual(document.metadata["copy"]?.objectValue?["tags"], .array([.string("a"), .string("b")]))
        XCTAssertEqual(document.metadata["deep"]?.depth, 10)
    }

    func testTOMLNested5000DeepIsRefusedAndTheDocumentStillEncodes() throws {
        let document = try read(try fixture("hostile-toml-5000deep-SIGSEGV.md"))
        XCTAssertEqual(document.metadata, [:])
        XCTAssertEqual(warnings(document), ["front matter ignored: it nests deeper than 64 levels"])
        XCTAssertEqual(document.blocks.first?.text, "Toml")
        XCTAssertNoThrow(try JSONEncoder().encode(document))
    }

    func testOversizedFrontMatterIsRefused() throws {
        let text = "---\n" + String(repeating: "k: \(String(repeating: "v", count: 100))\n", count: 3_000) + "---\n# Jane\n"
        let document = try read(Data(text.utf8))
        XCTAssertEqual(document.metadata, [:])
        XCTAssertEqual(warnings(document).count, 1)
        XCTAssertTrue(warnings(document).first?.hasPrefix("front matter ignored: it is larger than 256 KB") == true, "\(warnings(document))")
    }

    func testRawHTMLBlocksOfUnclosedTagsAreLinear() throws {
        for piece in ["<", "<script>", "<!--", "<br", "</script"] {
            let text = "<div>\n" + String(repeating: piece, count: 40_000 / piece.count) + "\n\nafter\n"
            let document = try read(Data(text.utf8), seconds: 3)
            XCTAssertEqual(document.blocks.last?.text, "after")
        }
        let document = try read(Data("<div>a<SCRIPT type=x>hidden</script >b<!-- c -->d<BR/>e</P>f<span>g</span> <x\n\n".utf8))
        XCTAssertEqual(document.blocks.first?.text, "abd\ne\nfg <x")
    }

    // MARK: Huge lines (issue 12: a 100 MB one-line file took 126 s and 1.57 GB)

    /// Each shape of a huge one-line file keeps its first MiB, says so, and reads in bounded time and memory.
    func testAHugeLineKeepsItsFirstMegabyteAndSaysSo() throws {
        let pieces = ["word ", "x", "*emph* word ", "j.doe@example.org ", "https://example.org/a?b=1 ", "é"]
        for piece in pieces {
            let line = String(repeating: piece, count: 1_200_000 / piece.utf8.count)
            let document = try read(Data(("# Jane Roe\n\n" + line + "\n\nafter\n").utf8), seconds: 20)
            XCTAssertEqual(document.blocks.first?.text, "Jane Roe", piece)
            XCTAssertEqual(document.blocks.last?.text, "after", "the lines after the cut one are read: \(piece)")
            XCTAssertEqual(document.blocks.last?.provenance.lines, [5, 5], "line numbers stay true")
            XCTAssertLessThanOrEqual(document.blocks[1].text.utf8.count, SourceBudgetFigures.line, piece)
            let messages = warnings(document)
            XCTAssertTrue(messages.contains("line 3 is 1.1 MB long; only its first 1.0 MB were read"), "\(piece): \(messages)")
            XCTAssertTrue(messages.contains { $0.hasPrefix("line 3 is longer than 64 KB; bare web and e-mail addresses") }, "\(piece): \(messages)")
        }
    }

    func testACutLineEndsOnACharacterBoundary() throws {
        let line = "a" + String(repeating: "é", count: 600_000)
        let document = try read(Data((line + "\n").utf8), seconds: 20)
        let text = try XCTUnwrap(document.blocks.first?.text)
        XCTAssertEqual(text.utf8.count, SourceBudgetFigures.line - 1, "the last two-byte é does not fit")
        XCTAssertFalse(text.contains("\u{FFFD}"))
    }

    func testPastItsLimitTheSourceIsCutAtTheEndOfALine() {
        let source = Data((String(repeating: "word word end\n", count: 10) + String(repeating: "é", count: 100)).utf8)
        let cut = SourceBudget.apply(to: source, lineLimit: 1_000, limit: 100)
        XCTAssertEqual(String(decoding: cut.bytes, as: UTF8.self), String(repeating: "word word end\n", count: 7))
        XCTAssertEqual(cut.problems, ["the source is 0.0 MB; only its first 0.0 MB (7 lines) were read"])
        let oneLine = SourceBudget.apply(to: Data(String(repeating: "é", count: 100).utf8), lineLimit: 1_000, limit: 51)
        XCTAssertEqual(oneLine.bytes.count, 50, "no newline: cut on a character boundary")
        XCTAssertTrue(SourceBudget.apply(to: source).problems.isEmpty)
        XCTAssertEqual(SourceBudget.apply(to: source).bytes, source)
    }

    func testManyAddressesOnOrdinaryLinesAreStillLinks() throws {
        let line = (0..<500).map { "user\($0)@example.org" }.joined(separator: " ") + " " + String(repeating: "word ", count: 10_000)
        let document = try read(Data(("# Jane\n\n" + line + "\n").utf8), seconds: 20)
        XCTAssertEqual(warnings(document), [], "a 60 KB line is under every limit")
        XCTAssertEqual(document.blocks[1].inlines?.filter { $0.type == .link }.count, 500)
    }
}

/// The reader's limits as the tests expect them (`SourceBudget`, internal to the reader).
private enum SourceBudgetFigures {
    static let line = 1 << 20
}

private final class DocumentBox: @unchecked Sendable {
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private var stored: Document?

    func set(_ document: Document?) {
        lock.lock()
        stored = document
        lock.unlock()
        done.signal()
    }

    func wait(seconds: Double) -> Bool {
        done.wait(timeout: .now() + seconds) == .success
    }

    var document: Document? {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
