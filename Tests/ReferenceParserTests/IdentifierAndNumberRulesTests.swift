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
    }

    func testALoneNumberAfterTheVolumeIsThePage() {
        XCTAssertEqual(apply("Frontiers, 11, 32.", ["journal", "volume", "volume"]), ["journal", "volume", "pages"])
        XCTAssertEqual(apply("Frontiers, 11, 32. pp. 1", ["journal", "volume", "volume", "pages", "pages"]),
                       ["journal", "volume", "volume", "pages", "pages"], "pages already found")
    }

    func testADoubtfulPublisherAfterTheTitleIsTheVenue() {
        let labels = ["title", "title", "publisher", "date"]
        XCTAssertEqual(apply("Graph networks. NeurIPS, 2021.", labels, confidence: [0.99, 0.99, 0.36, 0.99]),
                       ["title", "title", "journal", "date"])
        XCTAssertEqual(apply("Graph networks. Springer, 2021.", labels, confidence: [0.99, 0.99, 0.9, 0.99]), labels)
    }
}
