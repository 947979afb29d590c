import XCTest
@testable import DossierText

/// The scans that read eight bytes at a time answer as their byte-by-byte definitions do: at every alignment, with
/// the bytes they look for at every place of a word and across the edges of words.
final class WordScanTests: XCTestCase {
    /// Texts of up to 40 scalars drawn from pieces that each scan treats apart (CR, the dashes that stand alone,
    /// other non-ASCII, capitals that fold to the head of a literal), deterministic.
    private func texts() -> [String] {
        let pieces = ["a", "b", "p", "P", "m", "i", "d", "pmid", "PMID", "PmId", "\r", "\n", "–", "—", "‐", "−", "é", "e\u{301}", "ß", "😀", " ",
                      "\u{2011}", "isbn", "arxiv", "x", "0", "\u{7F}", "~", "\u{80}"]
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<3_000).map { _ in (0..<next(40)).map { _ in pieces[next(pieces.count)] }.joined() }
    }

    func testAllStandAloneIsEveryScalarStandingAlone() {
        for text in texts() {
            XCTAssertEqual(FoundationPrecheck.allStandAlone(text), text.unicodeScalars.allSatisfy(FoundationPrecheck.standsAlone), text.debugDescription)
        }
    }

    func testContainsFoldingASCIICaseIsASearchWithASCIILettersLowercased() {
        for text in texts() {
            let folded = Array(text.utf8).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
            for literal in ["pmid", "isbn", "arxiv", "p", "d", "–"] {
                let pin = Array(literal.utf8)
                let expected = folded.count >= pin.count && (0...(folded.count - pin.count)).contains { folded[$0..<($0 + pin.count)].elementsEqual(pin) }
                let found = pin.withUnsafeBufferPointer { pin in
                    Array(text.utf8).withUnsafeBufferPointer { ByteSearch.containsFoldingASCIICase(pin, in: $0) }
                }
                XCTAssertEqual(found, expected, "\(literal) in \(text.debugDescription)")
            }
        }
    }
}
