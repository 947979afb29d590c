@testable import DossierStages
import Foundation
import XCTest

/// The byte shortcuts of `FastText` give what the Foundation calls they stand for give.
final class FastTextTests: XCTestCase {
    func testReplacingASCIIAgreesWithFoundation() {
        let pieces = ["a", "Z", " ", "  ", "\n", "\r\n", "\r", "\t", "é", "e\u{301}", "\n\u{301}", " \u{301}", "😀", "-", ".", "Raman, P."]
        var generator = SystemRandomNumberGenerator()
        let texts = (0..<5000).map { _ in
            (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
        } + pieces
        for text in texts {
            XCTAssertEqual(FastText.replacingASCII(UInt8(ascii: "\n"), with: " ", in: text), text.replacingOccurrences(of: "\n", with: " "), text.debugDescription)
            XCTAssertEqual(FastText.replacingASCII(UInt8(ascii: " "), with: "", in: text), text.replacingOccurrences(of: " ", with: ""), text.debugDescription)
            // Equal bytes, not only equal strings (String equality is canonical equivalence).
            XCTAssertEqual(Array(FastText.replacingASCII(UInt8(ascii: " "), with: "", in: text).utf8), Array(text.replacingOccurrences(of: " ", with: "").utf8), text.debugDescription)
            XCTAssertEqual(Array(FastText.replacingASCII(UInt8(ascii: "\n"), with: " ", in: text).utf8), Array(text.replacingOccurrences(of: "\n", with: " ").utf8), text.debugDescription)
        }
    }

    func testNewlineComponentsAgreeWithFoundation() {
        let pieces = ["a", "\n", "\n\n", "\r\n", "\r", " ", "é", "e\u{301}", "\n\u{301}", "😀", "Doe, J.,", "2020"]
        var generator = SystemRandomNumberGenerator()
        let texts = (0..<5000).map { _ in
            (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
        } + pieces
        for text in texts {
            XCTAssertEqual(FastText.newlineComponents(text).map { Array($0.utf8) }, text.components(separatedBy: "\n").map { Array($0.utf8) }, text.debugDescription)
        }
    }

    func testContainsAgreesWithFoundation() {
        let pieces = ["a", ".", "/", ":", " ", ".\u{301}", "/\u{338}", "é", "😀", "x.y", "http://", "\u{FF0E}", "\u{2215}"]
        var generator = SystemRandomNumberGenerator()
        let texts = (0..<5000).map { _ in
            (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
        } + pieces
        for text in texts {
            for byte in [UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: ":")] {
                XCTAssertEqual(FastText.contains(byte, in: text), text.contains(String(UnicodeScalar(byte))), text.debugDescription)
            }
        }
    }

    func testAlphabeticCountAgreesWithTheScalarProperty() {
        let pieces = ["a", "Z", "1", "2020", "–", " ", "[12]", "é", "e\u{301}", "ß", "王", "٣", "ª", "\u{2160}", "😀", "_", "@"]
        var generator = SystemRandomNumberGenerator()
        let texts = (0..<5000).map { _ in
            (0..<Int.random(in: 0...7, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
        } + pieces
        for text in texts {
            for count in 0...5 {
                XCTAssertEqual(
                    FastText.hasAlphabeticScalars(text, atLeast: count), text.unicodeScalars.filter(\.properties.isAlphabetic).count >= count,
                    "\(text.debugDescription) \(count)")
            }
        }
        for value in UInt32(0)..<0x80 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            XCTAssertEqual(FastText.hasAlphabeticScalars(String(scalar), atLeast: 1), scalar.properties.isAlphabetic, "\(value)")
        }
    }
}
