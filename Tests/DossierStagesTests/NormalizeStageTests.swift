import DossierModel
import DossierPipeline
import DossierStages
import DossierText
import XCTest

final class NormalizeStageTests: XCTestCase {
    private func document(_ blocks: [Block], metadata: [String: JSONValue] = [:]) -> Document {
        Document(source: Source(path: "t", format: .pdf, bytes: 0, sha256: ""), metadata: metadata, blocks: blocks)
    }

    func testNFCLigaturesSoftHyphensAndSpaces() throws {
        let decomposed = "Mu\u{0308}ller \u{FB01}ne e\u{FB00}ort hy\u{00AD}phen\u{00A0}\u{00A0}x\u{200B}y  \t z"
        var block = Block(.paragraph, text: decomposed, provenance: .page(1, bbox: [0, 0, 1, 1]))
        block.inlines = [.text("  \u{FB02}ow  ")]
        let result = try NormalizeStage().run(document([block]), context: StageContext())
        XCTAssertEqual(result.blocks[0].text, "Müller fine effort hyphen xy z")
        XCTAssertEqual(result.blocks[0].text.unicodeScalars.count, "Müller fine effort hyphen xy z".unicodeScalars.count)
        XCTAssertEqual(result.blocks[0].inlines?[0].text, " flow ", "inline edges are kept, runs collapsed")
    }

    func testNewlinesAreKeptAndLinesTrimmed() throws {
        let block = Block(.paragraph, text: "\n  Jane Doe  \n\n  Email: x@y.z \n", provenance: .lines(1, 4))
        let result = try NormalizeStage().run(document([block]), context: StageContext())
        XCTAssertEqual(result.blocks[0].text, "Jane Doe\n\nEmail: x@y.z")
    }

    func testCodeKeepsItsWhitespaceAndChildrenAreNormalized() throws {
        var list = Block(.list, text: "", provenance: .lines(1, 2))
        list.items = [Block(.item, text: "e\u{0301}t\u{00E9}  x", provenance: .lines(1, 1))]
        let code = Block(.code, text: "  let  x = 1", provenance: .lines(3, 3))
        let result = try NormalizeStage().run(document([list, code], metadata: ["title": .string("Ca\u{0301}rdenas  CV")]), context: StageContext())
        XCTAssertEqual(result.blocks[0].items?[0].text, "\u{00E9}t\u{00E9} x")
        XCTAssertEqual(result.blocks[1].text, "  let  x = 1")
        XCTAssertEqual(result.metadata["title"], .string("Cárdenas CV"))
    }
}
