@testable import DossierStages
import DossierModel
import DossierPipeline
import DossierText
import XCTest

/// The learned heading finder: what the sections stage takes from it, how its training labels are found, and which
/// features hide the heading lists from it.
final class HeadingFinderTests: XCTestCase {
    private func italic(_ text: String) -> Block { Block(.paragraph, text: text, provenance: .lines(1, 1), inlines: [Inline(.emphasis, text: text)]) }
    private func list(_ items: [String]) -> Block {
        var block = Block(.list, text: items.joined(separator: "\n"), provenance: .lines(1, 1))
        block.items = items.map { Block(.item, text: $0, provenance: .lines(1, 1)) }
        return block
    }

    private var topics: [Block] {
        [Block(.heading, text: "Publications", provenance: .lines(1, 1), level: 2),
         italic("Soil ecology"),
         list(["Doe J. Roots in soil. Soil Biol 3, 4–5 (2001).", "Doe J. More roots. Soil Biol 4, 1–9 (2002)."]),
         italic("Marine systems"),
         list(["Doe J. Kelp forests. Mar Ecol 7, 1–2 (2003)."]),
         Block(.heading, text: "Teaching", provenance: .lines(1, 1), level: 2)]
    }

    /// An italic topic line under publications, which the rules pass over (they want bold), is a sub-heading one level
    /// down when the model calls it one; without the model's word it stays a paragraph.
    func testAParagraphTheModelCallsAHeadingIsASubHeadingOfItsNamedParent() {
        let withModel = SectionsStage.headings(in: topics, learned: [1, 3])
        XCTAssertEqual(withModel.map(\.index), [0, 1, 3, 5])
        XCTAssertEqual(withModel.map(\.level), [2, 3, 3, 2])
        XCTAssertEqual(SectionsStage.headings(in: topics).map(\.index), [0, 5])
    }

    /// The model's word is not enough for a paragraph not shaped as a heading: a sentence, a citation, a link button.
    func testAParagraphNotShapedAsAHeadingIsNeverTakenFromTheModel() {
        var blocks = topics
        blocks[1] = italic("We study how roots grow in soil.")
        blocks[3] = italic("Doe J. Kelp forests. Mar Ecol 7, 1–2 (2003).")
        blocks.insert(Block(.paragraph, text: "Paper", provenance: .lines(1, 1), inlines: [Inline(.link, text: "Paper", url: "p.pdf")]), at: 3)
        XCTAssertEqual(SectionsStage.headings(in: blocks, learned: [1, 3, 4]).map(\.index), [0, 6])
    }

    /// Training labels: a block whose text is one of the labelled headings as written is a heading; the rules'
    /// headings are kept beside them to score the model against.
    func testTrainingLabelsComeFromTheHeadingsAsWritten() {
        let document = Document(source: Source(path: "t.md", format: .markdown, bytes: 0, sha256: ""), blocks: topics)
        let example = HeadingFinderTraining.example(document, headings: ["Publications", "Soil ecology", "Marine systems", "Teaching"], knownKinds: true)
        XCTAssertEqual(example.labels, ["heading", "heading", "other", "heading", "other", "heading"])
        XCTAssertEqual(example.ruleHeadings, [0, 5])
        XCTAssertEqual(example.found, 4)
    }

    /// Without the known-kind features (half the training documents) nothing says that a line names a kind.
    func testKnownKindFeaturesCanBeLeftOut() {
        let block = italic("Journal articles")
        XCTAssertTrue(HeadingFinder.traits(of: block, body: nil, knownKinds: true).contains("kind=publications"))
        XCTAssertFalse(HeadingFinder.traits(of: block, body: nil, knownKinds: false).contains { $0.hasPrefix("kind") || $0.hasPrefix("rule:") })
        XCTAssertTrue(HeadingFinder.traits(of: block, body: nil, knownKinds: false).contains("emphasis=italic"))
    }
}
