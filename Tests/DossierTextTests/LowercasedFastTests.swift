import DossierModel
@testable import DossierText
import XCTest

/// `lowercasedFast`'s table for Latin-1 and general punctuation gives what each scalar's `lowercaseMapping` gives.
final class LowercasedFastTests: XCTestCase {
    /// Every scalar of the table's ranges and around them, alone and between ASCII letters.
    func testTableAgreesWithTheMappingsOnEveryScalar() {
        for value in Array(0x80...0x2FF) + Array(0x1FF0...0x207F) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in [String(scalar), "A" + String(scalar) + "b", String(scalar) + String(scalar) + "Z"] {
                XCTAssertEqual(Array(text.lowercasedFast().utf8), Array(text.lowercasedByScalarMappings().utf8), text.debugDescription)
            }
        }
    }

    /// Random strings of ASCII, Latin-1 letters of both cases, marks, dashes and scalars beyond the table.
    func testTableAgreesWithTheMappingsOnRandomStrings() {
        let pieces = ["García", "MÜLLER", "Ø", "ß", "×", "÷", "µ", "–", "“", "e\u{301}", "İ", "Σ", "ς", "中", "Tanaka, E.", " ", "Ÿ", "ÿ"]
        var generator = SplitMix(seed: 2034)
        for _ in 0..<5000 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            XCTAssertEqual(Array(text.lowercasedFast().utf8), Array(text.lowercasedByScalarMappings().utf8), text.debugDescription)
        }
    }
}
