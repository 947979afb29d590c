import XCTest
@testable import ReferenceParser

final class TokenizerTests: XCTestCase {
    func testSplitsOnWhitespaceAndKeepsOffsets() {
        let raw = "Xu, K.  (2019). Title\u{00A0}here."
        let tokens = ReferenceTokenizer.tokenize(raw)
        XCTAssertEqual(tokens.map(\.text), ["Xu,", "K.", "(2019).", "Title", "here."])
        let utf8 = Array(raw.utf8)
        for token in tokens {
            XCTAssertEqual(String(decoding: utf8[token.start..<token.end], as: UTF8.self), token.text)
        }
    }

    func testSplitsAfterGluedSeparatorsButNotInsideNumbersOrURLs() {
        XCTAssertEqual(ReferenceTokenizer.tokenize("2009;106(3):4894–4899.").map(\.text), ["2009;", "106(3):", "4894–4899."])
        XCTAssertEqual(ReferenceTokenizer.tokenize("Smith,J. 1,234").map(\.text), ["Smith,", "J.", "1,234"])
        XCTAssertEqual(ReferenceTokenizer.tokenize("https://doi.org/10.1/a:b,c doi:10.1000/x;y").map(\.text),
                       ["https://doi.org/10.1/a:b,c", "doi:10.1000/x;y"])
    }

    func testEmptyAndBlankStringsHaveNoTokens() {
        XCTAssertTrue(ReferenceTokenizer.tokenize("").isEmpty)
        XCTAssertTrue(ReferenceTokenizer.tokenize(" \t\u{2003} ").isEmpty)
    }
}
