import XCTest
@testable import ReferenceParser

final class FeatureTests: XCTestCase {
    func testTraitsOfTypicalTokens() {
        let year = TokenTraits("(2019).")
        XCTAssertTrue(year.isYear)
        XCTAssertEqual(year.numberClass, "year")
        XCTAssertEqual(year.word, "2019")
        XCTAssertEqual(year.trailing, ".")
        XCTAssertEqual(year.leading, "(")
        XCTAssertTrue(year.closesUnit)

        let initial = TokenTraits("J.-P.")
        XCTAssertTrue(initial.isInitial)
        XCTAssertFalse(initial.closesUnit)

        let word = TokenTraits("Journal")
        XCTAssertEqual(word.caseClass, "title")
        XCTAssertEqual(word.shape, "Xx")
        XCTAssertEqual(TokenTraits("1761–1800").numberClass, "range")
        XCTAssertEqual(TokenTraits("pp.").keyword, "pages")
        XCTAssertEqual(TokenTraits("XIV").numberClass, "roman")
    }

    func testFeaturesAreDeterministicAndPositional() {
        let tokens = ReferenceTokenizer.tokenize("Smith, J. (2019). A title. Nature 12, 1-2.")
        let first = FeatureExtractor.features(of: tokens)
        let second = FeatureExtractor.features(of: tokens)
        XCTAssertEqual(first.keys, second.keys)
        XCTAssertEqual(first.count, tokens.count)
        XCTAssertEqual(first.gaps.count, tokens.count)
        XCTAssertEqual(first.gaps[1], 1, "the boundary after 'Smith,' is a comma")
        XCTAssertEqual(first.gaps[2], 8, "the boundary after 'J.' is the dot of an initial")
        // The year token carries the year feature; the first token the 'first' feature, and not the others.
        XCTAssertTrue(first.keys(of: 2).contains(FeatureHash.key(11, "year")))
        XCTAssertTrue(first.keys(of: 0).contains(FeatureHash.key(18, "first")))
        XCTAssertFalse(first.keys(of: 1).contains(FeatureHash.key(18, "first")))
        XCTAssertNotEqual(FeatureHash.key(1, "smith"), FeatureHash.key(2, "smith"), "templates keep equal values apart")
    }
}
