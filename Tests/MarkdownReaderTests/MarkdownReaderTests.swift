import DossierModel
import DossierPipeline
import Foundation
import MarkdownReader
import XCTest

final class MarkdownReaderTests: XCTestCase {
    private func read(_ text: String) throws -> Document {
        let data = Data(text.utf8)
        return try MarkdownReader().read(data, source: Source(path: "t.md", format: .markdown, bytes: data.count, sha256: ""))
    }

    func testHeadingsParagraphsAndLines() throws {
        let document = try read("# Jane Doe\n\nLine one\nline two\n\n## Education\n")
        XCTAssertEqual(document.blocks.map(\.type), [.heading, .paragraph, .heading])
        XCTAssertEqual(document.blocks[0].level, 1)
        XCTAssertEqual(document.blocks[1].text, "Line one\nline two")
        XCTAssertEqual(document.blocks[1].provenance.lines, [3, 4])
        XCTAssertEqual(document.blocks[2].provenance.lines, [6, 6])
    }

    func testSetextHeadingEndsOnItsUnderline() throws {
        let document = try read("Education\n=========\n* PhD\n")
        XCTAssertEqual(document.blocks[0].provenance.lines, [1, 2])
        XCTAssertEqual(document.blocks[0].text, "Education")
    }

    func testInlinesKeepStrongEmphasisLinksCodeAndBreaks() throws {
        let document = try read("**Doe, J.**, _Smith_ [paper](https://x.org/p) `code`  \nnext ~~old~~")
        let inlines = try XCTUnwrap(document.blocks.first?.inlines)
        XCTAssertEqual(inlines.map(\.type), [.strong, .text, .emphasis, .text, .link, .text, .code, .linebreak, .text, .strikethrough])
        XCTAssertEqual(inlines[0].text, "Doe, J.")
        XCTAssertEqual(inlines[4].url, "https://x.org/p")
        XCTAssertEqual(document.blocks[0].text, "Doe, J., Smith paper code\nnext old")
    }

    func testAutolinksBecomeLinks() throws {
        let document = try read("Mail jane@example.org or see www.example.org/cv")
        let links = (document.blocks.first?.inlines ?? []).filter { $0.type == .link }
        XCTAssertEqual(links.map(\.url), ["mailto:jane@example.org", "http://www.example.org/cv"])
    }

    func testOrderedListKeepsStartAndMarkers() throws {
        let document = try read("3. first\n4. second\n   continued\n")
        let list = try XCTUnwrap(document.blocks.first)
        XCTAssertEqual(list.type, .list)
        XCTAssertEqual(list.ordered, true)
        XCTAssertEqual(list.start, 3)
        XCTAssertEqual(list.items?.map(\.marker), ["3.", "4."])
        XCTAssertEqual(list.items?.map(\.text), ["first", "second\ncontinued"])
    }

    func testGFMTableBecomesRowsAndCells() throws {
        let document = try read("| Year | Degree |\n|---|---|\n| 2019 | PhD |\n")
        let table = try XCTUnwrap(document.blocks.first)
        XCTAssertEqual(table.type, .table)
        XCTAssertEqual(table.rows?.count, 2)
        XCTAssertEqual(table.rows?[0].cells?.map(\.header), [true, true])
        XCTAssertEqual(table.rows?[1].cells?.map(\.text), ["2019", "PhD"])
        XCTAssertEqual(table.rows?[1].provenance.lines, [3, 3])
    }

    func testYAMLFrontMatterGoesToMetadataAndLinesStayTrue() throws {
        let document = try read("---\ntitle: \"My CV\"\nauthor: Jane\nyear: 2024\ndate: 2024-05-01\ntags: [a, b]\n---\n# Jane\n")
        XCTAssertEqual(document.metadata["title"], .string("My CV"))
        XCTAssertEqual(document.metadata["year"], .int(2024))
        XCTAssertEqual(document.metadata["date"], .string("2024-05-01"))
        XCTAssertEqual(document.metadata["tags"], .array([.string("a"), .string("b")]))
        XCTAssertEqual(document.blocks.first?.provenance.lines, [8, 8])
    }

    func testTOMLFrontMatter() throws {
        let document = try read("+++\ntitle = \"Jonas\"\ndraft = false\ntags = [\"cv\"]\n+++\nText\n")
        XCTAssertEqual(document.metadata["title"], .string("Jonas"))
        XCTAssertEqual(document.metadata["draft"], .bool(false))
        XCTAssertEqual(document.metadata["tags"], .array([.string("cv")]))
    }

    func testBrokenFrontMatterIsADiagnosticNotAFailure() throws {
        let document = try read("---\ntitle: [unclosed\n---\n# Jane\n")
        XCTAssertEqual(document.diagnostics.count, 1)
        XCTAssertEqual(document.blocks.first?.text, "Jane")
    }

    func testRawHTMLIsKeptAsTextNeverExecuted() throws {
        let document = try read("<div onclick=\"x()\">Hello <b>there</b><script>alert(1)</script></div>\n\nA <sup>1</sup> b<br>c\n")
        XCTAssertEqual(document.blocks[0].text, "Hello there")
        XCTAssertEqual(document.blocks[0].inlines?.first?.raw?.contains("<script>"), true)
        XCTAssertEqual(document.blocks[1].text, "A 1 b\nc")
    }

    func testLatin1IsReadWithADiagnostic() throws {
        let data = Data([0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72])  // "Müller" in Latin-1
        let document = try MarkdownReader().read(data, source: Source(path: "t.md", format: .markdown, bytes: 6, sha256: ""))
        XCTAssertEqual(document.blocks.first?.text, "Müller")
        XCTAssertEqual(document.diagnostics.map(\.severity), [.warning])
    }

    func testHostileNestingIsFlattenedNotACrash() throws {
        let quotes = String(repeating: ">", count: 20_000) + " deep text\n"
        let lists = (0..<2_000).map { String(repeating: "  ", count: $0) + "- item \($0)\n" }.joined()
        for text in [quotes, lists] {
            let data = Data(text.utf8)
            // Worker threads have small stacks: read on one, as the CLI does.
            let box = ResultBox()
            let thread = Thread {
                let document = try? MarkdownReader().read(data, source: Source(path: "t.md", format: .markdown, bytes: data.count, sha256: ""))
                box.record(document?.diagnostics.contains { $0.message.contains("flattened") } == true)
                box.finish()
            }
            thread.stackSize = 512 * 1024
            thread.start()
            box.wait()
            XCTAssertEqual(box.failures, 0)
        }
    }

    func testParsingFromManyThreadsGivesTheSameTree() throws {
        let text = "| a | b |\n|---|---|\n| 1 | ~~2~~ |\n\n* x www.example.org\n"
        let expected = try read(text)
        let results = ResultBox()
        let data = Data(text.utf8)
        DispatchQueue.concurrentPerform(iterations: 200) { _ in
            let document = try? MarkdownReader().read(data, source: Source(path: "t.md", format: .markdown, bytes: data.count, sha256: ""))
            results.record(document == expected)
        }
        XCTAssertEqual(results.failures, 0)
    }
}

private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private(set) var failures = 0
    func finish() { done.signal() }
    func wait() { done.wait() }
    func record(_ ok: Bool) {
        lock.lock()
        if !ok { failures += 1 }
        lock.unlock()
    }
}
