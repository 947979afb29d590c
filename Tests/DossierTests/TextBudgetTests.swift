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

    func testALongLineKeepsItsFirstPartAndTheRestOfTheBlockStays() {
        var block = Block(.paragraph, text: "short\n" + String(repeating: "é", count: 40) + "\nshort too", provenance: .lines(3, 5),
                          inlines: [Inline(.text, text: "kept only while nothing is cut")])
        var document = document(["# Jane"])
        document.blocks.append(block)
        XCTAssertTrue(TextBudget.apply(to: &document, lineLimit: 25))
        block = document.blocks[1]
        XCTAssertEqual(block.text, "short\n" + String(repeating: "é", count: 12) + "\nshort too", "cut on a character boundary")
        XCTAssertNil(block.inlines, "a cut block loses its inline markup")
        XCTAssertEqual(document.blocks[0].text, "# Jane")
        XCTAssertEqual(document.diagnostics.map(\.message), ["a line of text is 80 bytes long; only its first 25 bytes were kept for the stages"])
        XCTAssertEqual(document.diagnostics.first?.provenance?.lines, [3, 5])
    }

    func testLongLinesInItemsRowsAndCellsAreCutAndCountedOnce() {
        let long = String(repeating: "x", count: 100_000)
        var item = Block(.item, text: long, provenance: .lines(1, 1))
        item.blocks = [Block(.paragraph, text: long, provenance: .lines(1, 1))]
        var list = Block(.list, text: "a\n" + long, provenance: .lines(1, 2))
        list.items = [Block(.item, text: "a", provenance: .lines(1, 1)), item]
        var cell = Block(.cell, text: long, provenance: .lines(4, 4))
        cell.header = true
        var row = Block(.row, text: "b\t" + long, provenance: .lines(4, 4))
        row.cells = [Block(.cell, text: "b", provenance: .lines(4, 4)), cell]
        var table = Block(.table, text: row.text, provenance: .lines(4, 4))
        table.rows = [row]
        var document = document([])
        document.blocks = [list, table]
        XCTAssertTrue(TextBudget.apply(to: &document))
        XCTAssertEqual(document.blocks[0].text.utf8.count, 2 + TextBudget.line)
        XCTAssertEqual(document.blocks[0].items?[1].text.utf8.count, TextBudget.line)
        XCTAssertEqual(document.blocks[0].items?[1].blocks?[0].text.utf8.count, TextBudget.line)
        XCTAssertEqual(document.blocks[1].rows?[0].cells?[1].text.utf8.count, TextBudget.line)
        XCTAssertEqual(document.diagnostics.map(\.message),
                       ["2 lines of text are longer than 64 KB (the longest 97 KB); only the first 64 KB of each were kept for the stages"])
    }

    func testOrdinaryLinesAreUntouched() {
        var ordinary = document(["# Jane", String(repeating: "A paper title. ", count: 2_000)])
        let before = ordinary
        XCTAssertFalse(TextBudget.apply(to: &ordinary))
        XCTAssertEqual(ordinary, before)
    }

    func testTheConverterAppliesTheStandardBudget() throws {
        let line = String(repeating: "word ", count: (TextBudget.standard / 5) + 1000)
        let converted = try Converter().convert(Data(("# Jane Roe\n\n" + line + "\n").utf8), path: "big.md")
        XCTAssertLessThanOrEqual(converted.blocks.reduce(0) { $0 + $1.text.utf8.count }, TextBudget.standard)
        XCTAssertTrue(converted.diagnostics.contains { $0.severity == .warning && $0.stage == "reader" })
    }
}
