@testable import DossierStages
import XCTest

/// The byte path of `SectionHeadings.normalize` gives what its Foundation and Character path gives.
final class HeadingNormalizeTests: XCTestCase {
    func testASCIIPathAgreesWithTheScalarPath() {
        let pieces = ["a", "Z", "1", "2.", "II)", "c.", "h)", "x.", " ", "  ", "&", "-", ".", ")", "(", ":", "\t", "\r\n", "\n",
                      "Publications", "RESEARCH", "iv", "_", "@", "'", "/"]
        var generator = SystemRandomNumberGenerator()
        let texts = (0..<5000).map { _ in
            (0..<Int.random(in: 0...7, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
        } + pieces + ["1. Publications", "  IV) Grants & Awards", "a. b", "12 Talks", "A) ", "Peer-Reviewed Articles:"]
        for text in texts {
            XCTAssertEqual(Array(SectionHeadings.normalize(text).utf8), Array(SectionHeadings.normalizeScalars(text).utf8), text.debugDescription)
        }
    }

    func testPrechecksOfTheSectionExpressions() {
        let texts = ["Talks .......... 12", "Grants (3)", "2019 – 2021", "Before 2015", "Awards", ". . . . . .", "[12]", "1920s"]
        for text in texts {
            XCTAssertTrue(SectionsStage.Patterns.mayHoldYear(text) || !SectionsStage.Patterns.year.matches(text), text)
            XCTAssertTrue(SectionsStage.Patterns.mayHoldYear(text) || !SectionsStage.Patterns.yearHeading.matches(text), text)
            XCTAssertTrue(SectionsStage.Patterns.mayHoldLeader(text) || !SectionsStage.Patterns.dotLeader.matches(text), text)
            XCTAssertTrue(SectionsStage.Patterns.mayHoldCounter(text) || !SectionsStage.Patterns.counter.matches(text), text)
        }
        XCTAssertTrue(SectionsStage.Patterns.mayHoldLeader("Talks .......... 12"))
        XCTAssertFalse(SectionsStage.Patterns.mayHoldYear("Awards"))
    }
}
