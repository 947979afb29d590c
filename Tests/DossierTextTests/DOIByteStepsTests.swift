import DossierModel
@testable import DossierText
import XCTest

/// The byte steps of the DOI clean-up (`trimDOI`, `doiContinuation`, `holdsSlashBeforeEnd`) answer what their
/// character-by-character versions answer, on random strings of the pieces that decide them: the marks trimmed off the
/// end, brackets, non-ASCII quotes, and scalars that join the character before them (marks, a prepended scalar).
final class DOIByteStepsTests: XCTestCase {
    func testByteStepsAgreeWithTheCharacterLoops() {
        let pieces = [
            "10.1000", "/", "abc", "x", "5", ".", ",", ";", ":", "'", "\"", ">", ")", "(", "]", "[", "}", "{", "”", "’", "-", "_",
            " ", "  ", "\n", "\r\n", "\t", "é", "e\u{301}", "\u{301}", "\u{600}", "中", "👍🏽", "2020.01", "word",
        ]
        var generator = SplitMix(seed: 2028)
        var trimmed = 0, continued = 0, byBytes = 0
        for _ in 0..<30000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            let trim = Identifiers.trimDOI(text)
            XCTAssertEqual(trim, Identifiers.trimDOIByCharacters(text), text.debugDescription)
            if trim != text { trimmed += 1 }
            XCTAssertEqual(Identifiers.holdsSlashBeforeEnd(text), Identifiers.holdsSlashBeforeEndByCharacters(text), text.debugDescription)
            // A DOI and what follows it: every character boundary of the text as the DOI's end.
            var end = text.startIndex
            while true {
                let doi = String(text[..<end])
                let continuation = Identifiers.doiContinuation(of: doi, after: end, in: text)
                XCTAssertEqual(continuation, Identifiers.doiContinuationByCharacters(of: doi, after: end, in: text), "\(text.debugDescription) @ \(doi.debugDescription)")
                if !continuation.isEmpty { continued += 1 }
                if Identifiers.doiContinuationByBytes(of: doi, after: end, in: text) != nil { byBytes += 1 }
                guard end < text.endIndex else { break }
                end = text.index(after: end)
            }
        }
        // Both answers must be there to compare (fixed by the seed).
        XCTAssertGreaterThan(trimmed, 5000)
        XCTAssertGreaterThan(continued, 100)
        XCTAssertGreaterThan(byBytes, 5000)
    }
}
