import DossierModel
import DossierPipeline
import Foundation
@testable import PDFReader
import XCTest

/// Forms that draw each other an absurd number of times are refused before poppler spins on them.
final class FormFanOutTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/hostile")
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("samples/pdf")

    private func read(_ name: String) throws -> Document {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent(name))
        return try PDFReader().read(data, source: Source(path: name, format: .pdf, bytes: data.count, sha256: ""))
    }

    private func assertRefused(_ name: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        let started = Date()
        XCTAssertThrowsError(try read(name), file: file, line: line) { error in
            XCTAssertEqual("\(error)", expected, file: file, line: line)
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "refused too slowly", file: file, line: line)
    }

    func testFormsDrawingTheNextThreeTimes40DeepAreRefusedAtOnce() {
        // 10 KB that kept poppler busy for minutes (3⁴⁰ draws).
        assertRefused("hostile-pdf-xobject-fanout-HANG.pdf", "a Form XObject (object 40) draws nested forms more than 10000 times (a fan-out bomb?); refused")
    }

    func testCompressedFanOutIsRefusedToo() {
        assertRefused("fanout-flate-30x3.pdf", "a Form XObject (object 30) draws nested forms more than 10000 times (a fan-out bomb?); refused")
    }

    func testModestReuseOfFormsIsRead() throws {
        let document = try read("fanout-flate-5x3-ok.pdf")
        let text = document.blocks.map(\.text).joined(separator: "\n")
        XCTAssertTrue(text.contains("Jane Doe") && text.contains("level 4"), text)
    }

    func testFormThatDrawsItselfIsRefused() {
        let pdf = """
            %PDF-1.7
            3 0 obj << /Type /Page /Resources << /XObject << /A 10 0 R >> >> /Contents 4 0 R >> endobj
            4 0 obj << /Length 8 >> stream
            /A Do
            endstream endobj
            10 0 obj << /Type /XObject /Subtype /Form /Resources << /XObject << /Self 10 0 R >> >> /Length 9 >> stream
            /Self Do
            endstream endobj
            """
        XCTAssertEqual(FormFanOut.refusal(Array(pdf.utf8)), "a Form XObject draws itself (object 10)")
    }

    func testLongChainsAreWalkedWithoutRecursion() {
        func chain(_ length: Int) -> [Int: FormFanOut.Node] {
            var nodes: [Int: FormFanOut.Node] = [:]
            for number in 0..<length { nodes[number] = FormFanOut.Node(isForm: true, edges: number + 1 < length ? [(number + 1, 1)] : []) }
            return nodes
        }
        XCTAssertNil(FormFanOut.evaluate(chain(9_000)))
        XCTAssertEqual(FormFanOut.evaluate(chain(50_000)), "a Form XObject (object 39999) draws nested forms more than 10000 times (a fan-out bomb?); refused")
        var doubling: [Int: FormFanOut.Node] = [:]
        for number in 0..<20 { doubling[number] = FormFanOut.Node(isForm: true, edges: number + 1 < 20 ? [(number + 1, 2)] : []) }
        XCTAssertEqual(FormFanOut.evaluate(doubling), "a Form XObject (object 6) draws nested forms more than 10000 times (a fan-out bomb?); refused")
    }

    func testInflateReadsThePageContentsOfTheSamples() throws {
        var pagesRead = 0
        for name in ["libreoffice-cv.pdf", "moderncv-cv.pdf", "pandoc-cv.pdf", "publications.pdf", "twocolumn-cv.pdf"] {
            let file = PDFObjects(Array(try Data(contentsOf: Self.samples.appendingPathComponent(name))))
            for (_, object) in file.objects {
                guard let dictionary = object.dictionary, file.has(dictionary, key: "/Type", name: "/Page") else { continue }
                var budget = 0
                let content = file.references(after: "/Contents", in: dictionary).flatMap { reference in
                    file.objects[reference].map { file.streamData($0, budget: &budget) } ?? []
                }
                let text = String(decoding: content, as: UTF8.self)
                XCTAssertTrue(text.contains("BT") && (text.contains("Tj") || text.contains("TJ")), "\(name): \(text.prefix(200))")
                pagesRead += 1
            }
        }
        XCTAssertGreaterThan(pagesRead, 5)
    }

    func testFormsDrawnTensOfThousandsOfTimesAreRefused() throws {
        // Found by the fuzzer from fanout-flate-30x3.pdf: damaged objects cut the chain of forms to 3¹⁰ draws (under
        // the draw limit of the time, 100,000), each with its own font resources; poppler took 46 s on it.
        let name = "hostile-pdf-forms-drawn-59k-times-46s.pdf"
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent(name))
        let refusal = try XCTUnwrap(FormFanOut.refusal(Array(data)))
        XCTAssertTrue(refusal.hasSuffix("draws nested forms more than 10000 times (a fan-out bomb?); refused"), refusal)
        assertRefused(name, refusal)
    }

    private func pageShowingText(_ shows: Int, operator textOperator: String = "Tj") -> [UInt8] {
        let operand = textOperator == "TJ" ? "[(word)]" : "(word)"
        let content = Array(repeating: "BT 72 700 Td \(operand) \(textOperator) ET", count: shows).joined(separator: "\n")
        return Array("""
            %PDF-1.7
            3 0 obj << /Type /Page /Contents 4 0 R >> endobj
            4 0 obj << /Length \(content.utf8.count) >> stream
            \(content)
            endstream endobj
            """.utf8)
    }

    func testPagesShowingTextTooOftenAreRefusedWhateverTheOperator() {
        for textOperator in ["Tj", "TJ", "'", "\""] {
            XCTAssertNil(FormFanOut.refusal(pageShowingText(5_000, operator: textOperator)), textOperator)
            XCTAssertEqual(FormFanOut.refusal(pageShowingText(30_001, operator: textOperator)),
                "a page (object 3) shows text more than 30000 times (poppler would spin on it); refused", textOperator)
        }
    }

    func testTextShowsAddUpOverThePagesOfADocument() {
        var pages: [Int: FormFanOut.Node] = [:]
        for number in 0..<25 { pages[number] = FormFanOut.Node(isForm: false, edges: [], textShows: 25_000) }
        XCTAssertEqual(FormFanOut.evaluate(pages), "the pages show text more than 600000 times (poppler would spin on them); refused")
        pages[24] = nil
        XCTAssertNil(FormFanOut.evaluate(pages))
    }

    func testInflateStopsAtItsLimitAndOnDamage() {
        XCTAssertEqual(Inflate.zlib([0x78, 0x9C, 0xFF, 0xFF, 0xFF][...], limit: 100).count <= 100, true)
        XCTAssertEqual(Inflate.zlib([][...], limit: 100), [])
        // A stored block of "hello" cut to 3 bytes.
        XCTAssertEqual(Inflate.zlib([0x78, 0x01, 0x01, 0x05, 0x00, 0xFA, 0xFF, 0x68, 0x65, 0x6C, 0x6C, 0x6F][...], limit: 3), Array("hel".utf8))
    }
}
