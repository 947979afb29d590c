import Dossier
import XCTest

/// Past the text budget the stages see only the first part of a document, and a warning says so.
final class TextBudgetTests: XCTestCase {
    private func document(_ texts: [String]) -> Document {
        Document(source: Source(path: "t.md", format: .markdown, bytes: 0, sha256: ""),
                 blocks: texts.enumerated().map { Block(.paragraph, text: $1, provenance: .lines($0 + 1, $0 + 1)) })
    }

    func testASmallDocumentIsUntouched() {
        var small = document(["# Jane", "jane@example.org"])
        XCTAssertFalse(TextBudget.apply(to: &small, limit: 100))
        XCTAssertEqual(small.blocks.map(\.text), ["# Jane", "jane@example.org"])
        XCTAssertTrue(small.diagnostics.isEmpty)
    }

    func testTheBlockThatCrossesTheBudgetIsCutAndTheRestDropped() {
        var big = document(["first", String(repeating: "é", count: 60), "third"])
        XCTAssertTrue(TextBudget.apply(to: &big, limit: 25))
        XCTAssertEqual(big.blocks.count, 2)
        XCTAssertEqual(big.blocks[1].text, String(repeating: "é", count: 10), "cut on a character boundary")
        XCTAssertEqual(big.diagnostics.map(\.severity), [.warning])
        XCTAssertTrue(big.diagnostics[0].message.contains("only its first"), big.diagnostics[0].message)
    }

    func testTheConverterAppliesTheStandardBudget() throws {
        let line = String(repeating: "word ", count: (TextBudget.standard / 5) + 1000)
        let converted = try Converter().convert(Data(("# Jane Roe\n\n" + line + "\n").utf8), path: "big.md")
        XCTAssertLessThanOrEqual(converted.blocks.reduce(0) { $0 + $1.text.utf8.count }, TextBudget.standard)
        XCTAssertTrue(converted.diagnostics.contains { $0.severity == .warning && $0.stage == "reader" })
    }
}
