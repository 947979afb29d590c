import DossierModel
import DossierPipeline
import Foundation
import XCTest

private struct Append: Stage {
    let name: String
    var summary: String { "appends its name" }
    func run(_ document: Document, context: StageContext) throws -> Document {
        var document = document
        document.blocks.append(Block(.paragraph, text: name, provenance: .lines(1, 1)))
        return document
    }
}

private struct Explode: Stage {
    struct Boom: Error, CustomStringConvertible { var description: String { "boom" } }
    let name = "explode"
    let summary = "always fails"
    func run(_ document: Document, context: StageContext) throws -> Document { throw Boom() }
}

final class PipelineTests: XCTestCase {
    private let empty = Document(source: Source(path: "x.md", format: .markdown, bytes: 0, sha256: ""))

    func testStagesRunInOrder() {
        let result = Pipeline([Append(name: "a"), Append(name: "b")]).run(empty)
        XCTAssertEqual(result.blocks.map(\.text), ["a", "b"])
    }

    func testAFailingStageBecomesADiagnosticAndTheRestRuns() {
        let result = Pipeline([Append(name: "a"), Explode(), Append(name: "b")]).run(empty)
        XCTAssertEqual(result.blocks.map(\.text), ["a", "b"])
        XCTAssertEqual(result.diagnostics, [Diagnostic(severity: .error, stage: "explode", message: "stage failed: boom")])
    }

    func testRegistryFindsByNameAndListsKnownNamesOnError() throws {
        var registry = Registry()
        registry.register(stage: Append(name: "a"))
        registry.register(stage: Append(name: "b"), byDefault: false)
        XCTAssertEqual(registry.defaultStages, ["a"])
        XCTAssertEqual(try registry.pipeline().stages.map(\.name), ["a"])
        XCTAssertEqual(try registry.pipeline(["b", "a"]).stages.map(\.name), ["b", "a"])
        XCTAssertThrowsError(try registry.stage(named: "zzz")) { error in
            XCTAssertEqual("\(error)", "unknown stage 'zzz'; known: a, b")
        }
    }

    func testSnifferTellsFormatsFromBytes() {
        XCTAssertEqual(FormatSniffer.sniff(Data("%PDF-1.7\n".utf8)), .pdf)
        XCTAssertEqual(FormatSniffer.sniff(Data("  <!DOCTYPE html><html>".utf8)), .html)
        XCTAssertEqual(FormatSniffer.sniff(Data("\u{FEFF}<html lang=en>".utf8)), .html)
        XCTAssertEqual(FormatSniffer.sniff(Data("<!-- x -->\n<html>".utf8)), .html)
        XCTAssertEqual(FormatSniffer.sniff(Data("# CV\n<b>x</b>".utf8)), .markdown)
        XCTAssertEqual(FormatSniffer.sniff(Data("---\ntitle: x\n---\n".utf8)), .markdown)
        XCTAssertEqual(FormatSniffer.format(forExtension: "HTM"), .html)
        XCTAssertNil(FormatSniffer.format(forExtension: "docx"))
    }

    func testTheExtensionDecidesUnlessTheBytesSayPDFOrBinary() throws {
        XCTAssertEqual(try FormatSniffer.format(of: Data("<h1>Jane</h1>".utf8), path: "cv.html"), .html)
        XCTAssertEqual(try FormatSniffer.format(of: Data("<h1>Jane</h1>".utf8), path: "cv.md"), .markdown)
        XCTAssertEqual(try FormatSniffer.format(of: Data("%PDF-1.4".utf8), path: "cv.html"), .pdf)
        XCTAssertEqual(try FormatSniffer.format(of: Data("<html><body>x".utf8), path: "-"), .html)
        XCTAssertThrowsError(try FormatSniffer.format(of: Data("<html>".utf8), path: "cv.pdf")) { error in
            XCTAssertEqual("\(error)", "not a PDF (no %PDF header): mislabelled or not a PDF at all")
        }
        XCTAssertThrowsError(try FormatSniffer.format(of: Data([0x50, 0x4B, 0x03, 0x04, 0x14]), path: "cv.md")) { error in
            XCTAssertEqual("\(error)", "a ZIP container (Word .docx, OpenDocument?), not Markdown, HTML or PDF")
        }
        XCTAssertThrowsError(try FormatSniffer.format(of: Data([0x41, 0x00, 0x42]), path: "cv.txt"))
    }

    func testSHA256MatchesKnownVectors() {
        XCTAssertEqual(SHA256.hex(Data()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(Data("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(
            SHA256.hex(Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(SHA256.hex(Data(repeating: 0x61, count: 1000)), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
