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

    /// PDF extraction moves separators onto the next word, spaces dots and loses spaces; the tokens are those of
    /// the clean string, and their offsets still slice the raw one.
    func testUndoesSpacingDamageOfPDFExtraction() {
        func texts(_ raw: String) -> [String] { ReferenceTokenizer.tokenize(raw).map(\.text) }
        XCTAssertEqual(texts("\"Gravity in two dimensions ,\"Class .Quant .Grav 12"),
                       ["\"Gravity", "in", "two", "dimensions,\"", "Class.", "Quant.", "Grav", "12"])
        XCTAssertEqual(texts("P. Author,G .Name, Title"), ["P.", "Author,", "G.", "Name,", "Title"])
        XCTAssertEqual(texts("Titre : sous-titre ; suite"), ["Titre", ":", "sous-titre", ";", "suite"], "French spacing is no damage")
        XCTAssertEqual(texts("E. Witten, arXiv:1702 .01748"), ["E.", "Witten,", "arXiv:1702.01748"])
        XCTAssertEqual(texts("Phys. Rev. Lett.32,438(1974)"), ["Phys.", "Rev.", "Lett.", "32,", "438", "(1974)"])
        XCTAssertEqual(texts("Nature (2014)283 Mon2014, pp.83-90 Vol.7"), ["Nature", "(2014)", "283", "Mon", "2014,", "pp.", "83-90", "Vol.", "7"])
        XCTAssertEqual(texts("v1.2 e.g.2 102(3):45 1,234 ICML2019 B716"), ["v1.2", "e.g.2", "102(3):", "45", "1,234", "ICML2019", "B716"],
                       "versions, abbreviations, issues, thousands, acronyms and lettered volumes stay whole")
        XCTAssertEqual(texts(", a . b"), [",", "a.", "b"], "nothing before the first token to attach to")
        XCTAssertEqual(texts("10 , 531 ( 1963 ). [ 4 ]"), ["10,", "531", "(1963).", "[4]"])
        XCTAssertEqual(texts("doi:10.1016/j.cell. 2020.01.001. Cell"), ["doi:10.1016/j.cell.2020.01.001.", "Cell"], "a DOI cut at a line end")
        XCTAssertEqual(texts("Smith ,)x ("), ["Smith", ",)x", "("], "a bracket with a word after it, or nothing after it, stays")
        XCTAssertEqual(texts("A \"Title ,\"Open"), ["A", "\"Title,\"", "Open"], "the second straight quote closes")
        XCTAssertEqual(texts("Smith, ,\"Quoted\""), ["Smith,", ",\"Quoted\""], "a separator after a separator stays")
        let raw = "Rev .D57 (1998)"
        let tokens = ReferenceTokenizer.tokenize(raw)
        let utf8 = Array(raw.utf8)
        XCTAssertEqual(tokens.map { String(decoding: utf8[$0.start..<$0.end], as: UTF8.self) }, ["Rev", "D57", "(1998)"])
    }

    /// A field is its raw slice, but where the tokenizer repaired a token in it: then the tokens' texts.
    func testFieldsTakeRepairedTextOnlyWhereATokenWasRepaired() {
        let raw = "A. Author,G .Name, Title ,Phys. Rev .D57 (1998) Lett.32,438"
        let tokens = ReferenceTokenizer.tokenize(raw)
        let utf8 = Array(raw.utf8)
        XCTAssertEqual(PublicationBuilder.text(of: tokens[0..<4], in: utf8), "A. Author, G. Name,")
        XCTAssertEqual(PublicationBuilder.text(of: tokens[5..<8], in: utf8), "Phys. Rev. D57")
        XCTAssertEqual(PublicationBuilder.text(of: tokens[8..<9], in: utf8), "(1998)")
        XCTAssertEqual(PublicationBuilder.text(of: tokens[9..<12], in: utf8), "Lett.32,438", "a glued run stays as written")
    }

    func testEmptyAndBlankStringsHaveNoTokens() {
        XCTAssertTrue(ReferenceTokenizer.tokenize("").isEmpty)
        XCTAssertTrue(ReferenceTokenizer.tokenize(" \t\u{2003} ").isEmpty)
    }
}
