import DossierModel
@testable import DossierStages
import XCTest

/// The scalar path of `normalizeCharacters` (with the stretch it passes over without copying) gives what the general
/// path, character by character and then NFC, gives: on random strings of ASCII, tabs and carriage returns, the
/// replaced spaces and invisibles, kept Latin letters and dashes, joiners and scalars it leaves to the general path.
final class NormalizeScalarPathTests: XCTestCase {
    func testScalarPathAgreesWithTheCharacterLoop() {
        let pieces = [
            "a", "Z", " ", "  ", ".", "\t", "\r", "\r\n", "\n", "é", "í", "ü", "ß", "–", "—", "‘", "”", "…", "\u{A0}", "\u{AD}",
            "\u{2000}", "\u{2001}", "\u{2002}", "\u{2009}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2028}", "\u{2029}", "\u{202F}",
            "\u{205F}", "\u{2060}", "\u{3000}", "\u{FEFF}", "ﬁ", "e\u{301}", "\u{301}", "中", "Tanaka, E.", "1347–1383",
        ]
        var generator = SplitMix(seed: 2029)
        var simple = 0, unchanged = 0
        for _ in 0..<20000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            if let fast = TextNormalizer.normalizeSimpleScalars(text) {
                simple += 1
                if fast.utf8.elementsEqual(text.utf8) { unchanged += 1 }
                XCTAssertTrue(fast.utf8.elementsEqual(TextNormalizer.normalizeCharactersByCharacters(text).utf8), text.debugDescription)
            }
            XCTAssertTrue(TextNormalizer.normalizeCharacters(text).utf8.elementsEqual(TextNormalizer.normalizeCharactersByCharacters(text).utf8),
                          text.debugDescription)
            let normalized = TextNormalizer.normalizeCharacters(text)
            XCTAssertTrue(TextNormalizer.normalizeBlockText(text).utf8.elementsEqual(TextNormalizer.normalizeBlockTextByLines(normalized).utf8),
                          text.debugDescription)
        }
        // Both kinds of text must be there to compare (fixed by the seed).
        XCTAssertGreaterThan(simple, 2000)
        XCTAssertGreaterThan(unchanged, 500)
    }
}
