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
}
