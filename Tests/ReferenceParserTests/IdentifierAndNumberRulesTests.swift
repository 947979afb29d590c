import XCTest
@testable import ReferenceParser

final class IdentifierAndNumberRulesTests: XCTestCase {
    func apply(_ text: String, _ labels: [String], confidence: [Double]? = nil) -> [String] {
        let tokens = ReferenceTokenizer.tokenize(text)
        var labels = labels
        IdentifierAndNumberRules.apply(tokens, labels: &labels, confidence: confidence ?? labels.map { _ in 0.99 },
                                       known: ["note", "pages", "journal", "publisher", "title", "volume"])
        return labels
    }

    func testAnArxivIdentifierIsNeverTheVenue() {
        XCTAssertEqual(apply("A title. arXiv:2203.04567.", ["title", "title", "journal"]), ["title", "title", "note"])
        XCTAssertEqual(apply("A title. arXiv:2405.01234 [cs.IR].", ["title", "title", "journal", "journal"]), ["title", "title", "note", "note"])
        XCTAssertEqual(apply("A title. Journal [Online].", ["title", "title", "journal", "journal"]), ["title", "title", "journal", "journal"])
        // Bracketed, the tokenizer splits "[arXiv:" from its number; with the subject class they are one note, not a title.
        XCTAssertEqual(apply("JHEP 1005, 067 (2010) [arXiv:0905.2970 [hep-th]].", ["journal", "volume", "volume", "volume", "title", "title", "title"]),
                       ["journal", "volume", "volume", "volume", "note", "note", "note"])
        XCTAssertEqual(apply("A title (arXiv: 12 monkeys).", ["title", "title", "title", "title", "title"]),
                       ["title", "title", "title", "title", "title"], "no arXiv number after the prefix")
    }

    func testALoneNumberAfterTheVolumeIsThePage() {
        XCTAssertEqual(apply("Frontiers, 11, 32.", ["journal", "volume", "volume"]), ["journal", "volume", "pages"])
        XCTAssertEqual(apply("Frontiers, 11, 32. pp. 1", ["journal", "volume", "volume", "pages", "pages"]),
                       ["journal", "volume", "volume", "pages", "pages"], "pages already found")
        XCTAssertEqual(apply("Proceedings of the IEEE 63, 9 (September 1975).", ["journal", "journal", "journal", "journal", "volume", "volume", "note", "note"]),
                       ["journal", "journal", "journal", "journal", "volume", "volume", "note", "note"], "an issue before its month: no page")
    }

    func testInitialsBeforeTheColonThatOpensTheTitleAreTheAuthors() {
        XCTAssertEqual(apply("Weinberger, D., Lovelace, J.T.: Cell migration.", ["author", "author", "author", "title", "title", "title"]),
                       ["author", "author", "author", "author", "title", "title"])
        XCTAssertEqual(apply("Lovelace, J.-P.: Engines.", ["author", "title", "title"]), ["author", "author", "title"])
        XCTAssertEqual(apply("Lovelace, A. Notes: on engines.", ["author", "author", "title", "title", "title"]),
                       ["author", "author", "title", "title", "title"], "a word with a colon is the title's")
        XCTAssertTrue(IdentifierAndNumberRules.isInitialsBeforeColon("A.:"))
        XCTAssertFalse(IdentifierAndNumberRules.isInitialsBeforeColon("AB.:"))
        XCTAssertFalse(IdentifierAndNumberRules.isInitialsBeforeColon("Notes:"))
    }
}
