import Foundation
import XCTest
@testable import PDFReader

/// The reader's shortcuts give what the code they replace gave: glyph text, bare words, letters and line styles.
final class GlyphShortcutTests: XCTestCase {
    private let scalars: [Unicode.Scalar] = ["a", "Z", "1", "-", ".", " ", "@", "[", "`", "{", "é", "\u{301}", "\u{00AD}",
                                             "\u{FB01}", "\u{FB03}", "\u{FB06}", "ß", "王", "\u{F0B7}", "😀"]

    private func glyph(_ scalar: Unicode.Scalar, _ font: GlyphFont) -> Glyph {
        Glyph(scalar, Rect(x0: 0, y0: 0, x1: 5, y1: 10), font)
    }

    func testGlyphTextJoinsWhatEachGlyphReads() {
        let font = GlyphFont(name: "Helvetica", size: 10)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let glyphs = (0..<Int.random(in: 0...6, using: &generator)).map { _ in glyph(scalars.randomElement(using: &generator) ?? "a", font) }
            var joined = ""
            for glyph in glyphs { joined += GlyphText.text(glyph.char) }
            XCTAssertEqual(Array(GlyphText.text(glyphs).utf8), Array(joined.utf8))
            XCTAssertEqual(Word(glyphs: glyphs).text, joined)
        }
    }

    func testAlphabeticAgreesWithTheScalarProperty() {
        for value in UInt32(0)..<0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            XCTAssertEqual(glyph(scalar, GlyphFont(name: "", size: 1)).isAlphabetic, scalar.properties.isAlphabetic, String(value, radix: 16))
            XCTAssertEqual(glyph(scalar, GlyphFont(name: "", size: 1)).isWhitespace, scalar.properties.isWhitespace || value == 0xA0, String(value, radix: 16))
        }
    }

    func testChromeKeysOfASCIIAgreeWithTheScalarWay() {
        let pieces = ["Page", " ", "3", "of", "\t", "\r\n", "\n", "\u{1C}", "\u{1F}", "A", "z", "-", "/", "12", "é", "  "]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...7, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            let scalars = text.lowercased().unicodeScalars.filter { !CharacterSet.decimalDigits.contains($0) }
            let expected = String(String.UnicodeScalarView(scalars)).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            XCTAssertEqual(Array(RunningChromeFilter.normalized(text).utf8), Array(expected.utf8), text.debugDescription)
        }
    }

    func testLabelNumbersKeepTheirShapes() {
        for token in ["12", "[12]", "12.", "(12)", "12)", "[12]:", "[J3]", "3", "1234", "١٢", "12a", "[12", "x.", ""] {
            let expectsNumbered = ["[12]", "12.", "(12)", "12)", "[12]:", "[J3]"].contains(token)
            XCTAssertEqual(ListMarker.numbered(token) != nil, expectsNumbered, token)
            XCTAssertEqual(ListMarker.isLabelNumber(token), expectsNumbered || ["12", "3"].contains(token), token)
        }
    }

    func testBareWordsOfASCIIAgreeWithTheScalarWay() {
        let pieces = ["a", "Z", "1", "-", ".", "(", ")", "\"", "'", "Smith", "2020", ",", " ", "é", "_"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let word = (0..<Int.random(in: 0...5, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            let trimmed = word.lowercased().unicodeScalars.drop { !$0.properties.isAlphabetic && !("0"..."9").contains($0) }
            var expected = Array(trimmed)
            while let last = expected.last, !last.properties.isAlphabetic, !("0"..."9").contains(last) { expected.removeLast() }
            XCTAssertEqual(Hyphenation.bare(word), String(String.UnicodeScalarView(expected)), word.debugDescription)
        }
    }

    func testLineStylesFollowTheirWords() {
        let bold = GlyphFont(name: "Helvetica-Bold", size: 10), plain = GlyphFont(name: "Helvetica", size: 10)
        let label = Word(glyphs: [glyph("1", plain), glyph("x", plain)])
        let title = Word(glyphs: [glyph("A", bold), glyph("b", bold), glyph(".", plain)])
        var line = TextLine(words: [label, title], page: 1)
        XCTAssertFalse(line.isBold)
        XCTAssertEqual(line.text, "1x Ab.")
        line.words[0].isLabel = true
        XCTAssertTrue(line.isBold, "a label's letters do not count")
        XCTAssertFalse(line.isItalic)
        XCTAssertFalse(TextLine(words: [Word(glyphs: [glyph("1", bold)])], page: 1).isBold, "no letters: not bold")
    }
}
