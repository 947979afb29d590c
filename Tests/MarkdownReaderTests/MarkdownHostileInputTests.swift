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
