import DossierModel
import DossierPipeline
import Foundation
import MarkdownReader
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
