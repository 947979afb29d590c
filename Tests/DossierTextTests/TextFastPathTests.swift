import Foundation
import XCTest
@testable import DossierText

/// The byte-level helpers give what the standard library and Foundation calls they replace give.
final class TextFastPathTests: XCTestCase {
    /// Texts mixing ASCII, accents (composed and not), singletons that equal ASCII (U+037E ";", U+212A "K"),
    /// dashes, spaces, emoji and special case mappings ("İ", "ß", "Σ").
    func samples() -> [String] {
        let pieces = ["a", "\r", "\r\n", "\u{200D}", "\u{FE0F}", "K", ";", "\u{37E}", "\u{212A}", "`", "\u{1FEF}", "é", "e\u{301}", "İ", "ß", "Σ", "ΣΑ", "–", "—", "-", "--",
                      " ", "\u{A0}", "(", ")", ".", ",", "😀", "ǅ", "Ⅻ", "\u{301}", "10.", "pmid", "PMID", "http", "? ", "no."]
        var generator = SystemRandomNumberGenerator()
        return (0..<3000).map { _ in
            (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
        }
    }

    func testLowercasedFastIsLowercased() {
        for text in samples() + ["Ünïcödé ÀÉÎ", "ABC", ""] {
            XCTAssertEqual(text.lowercasedFast(), text.lowercased(), text)
            XCTAssertEqual(text.dropFirst().lowercasedFast(), text.dropFirst().lowercased(), text)
        }
    }

    func testContainsBytesIsIncludes() {
        let needles = ["a", "10.", "pmid", "--", "–", "é", "e\u{301}", ";", "? ", "no.", "😀", "aa", ""]
        for text in samples() {
            for needle in needles { XCTAssertEqual(text.containsBytes(needle), text.naiveIncludes(needle), "\(text) / \(needle)") }
        }
    }

    func testPrecheckedFoundationCallsAgreeWithFoundation() {
        let needles = ["-", "--", "–", "—", "? ", "no.", "http", "pmid", "K", ";", "`", "e", "é", "\u{A0}", " - ", ""]
        for text in samples() {
            for needle in needles {
                XCTAssertEqual(text.foundationRange(of: needle), text.range(of: needle), "\(text) / \(needle)")
                XCTAssertEqual(text.replacingAll(needle, with: "+"), text.replacingOccurrences(of: needle, with: "+"), "\(text) / \(needle)")
            }
        }
    }

    func testWhitespaceFastIsWhitespace() {
        for value in 0..<0x3100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let character = Character(scalar)
            XCTAssertEqual(character.isWhitespaceFast, character.isWhitespace, "\(value)")
        }
        XCTAssertEqual(Character("\r\n").isWhitespaceFast, Character("\r\n").isWhitespace)
        XCTAssertEqual(Character(" \u{301}").isWhitespaceFast, Character(" \u{301}").isWhitespace)
    }

    func testASCIICharactersAgreeWithStringContains() {
        let set = ASCIICharacters(",.:;()K`")
        for text in samples() {
            for character in text { XCTAssertEqual(set.contains(character), set.members.contains(character), "\(character)") }
            XCTAssertEqual(text.trimmingASCII(",.:;()K`"), text.naiveTrimming(",.:;()K`"), text)
        }
    }
}

/// The plain implementations the fast paths are checked against.
private extension String {
    func naiveIncludes(_ needle: String) -> Bool {
        let hay = Array(utf8), pin = Array(needle.utf8)
        guard !pin.isEmpty else { return true }
        guard pin.count <= hay.count else { return false }
        return (0...(hay.count - pin.count)).contains { Array(hay[$0..<$0 + pin.count]) == pin }
    }

    func naiveTrimming(_ characters: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
