import XCTest
@testable import ReferenceParser

final class FieldTrimTests: XCTestCase {
    /// The byte path of `FieldCleaning.trim` (ASCII text) gives what the Character path gives.
    func testASCIITrimAgreesWithCharacterTrim() {
        let pieces = [" ", "  ", "\t", "\n", ",", ";", ":", ".", "(", ")", "[", "]", "A", "b", "Univ", "J", "xy", "1", "?", "Ab.", "ABCD", "Smith"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20000 {
            let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            var bytes = text
            let fast = bytes.withUTF8(FieldCleaning.trimASCII)
            XCTAssertEqual(fast, FieldCleaning.trimCharacters(text), "\(text.debugDescription)")
        }
    }

    func testTextThatIsNotPlainASCIIIsLeftToTheCharacterPath() {
        for text in ["é.", "a\r\n.", "Müller, J."] {
            var bytes = text
            XCTAssertNil(bytes.withUTF8(FieldCleaning.trimASCII))
        }
        XCTAssertEqual(FieldCleaning.trim(" (Univ. Press), "), "Univ. Press")
        XCTAssertEqual(FieldCleaning.trim("Smith J."), "Smith J.")
        XCTAssertEqual(FieldCleaning.trim("Nature (London)."), "Nature (London)")
    }
}
