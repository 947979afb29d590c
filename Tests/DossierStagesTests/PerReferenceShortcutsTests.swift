import DossierModel
@testable import DossierStages
import XCTest

/// Shortcuts taken once per reference agree with what they replace.
final class PerReferenceShortcutsTests: XCTestCase {
    /// `AuthorMarks.mentionsEqualContribution` against lowercasing the whole text: the phrases in any case, cut, and
    /// beside the scalars that lowercase to ASCII ("İ", the Kelvin sign) or fold to it.
    func testEqualContributionAgreesWithLowering() {
        let pieces = ["equal contribution", "EQUAL CONTRIBUTION", "Contributed Equally", "contributed", "equally", "equal", " ", "contribution",
                      "İ", "\u{212A}", "ß", "ſ", "é", "e\u{301}", "Tanaka, E.", "*", "equal contrİbution", "contrib\u{212A}"]
        var generator = SplitMix(seed: 2032)
        var mentioned = 0
        for _ in 0..<10000 {
            let text = (0..<Int.random(in: 0...5, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            let expected = AuthorMarks.mentionsEqualContributionByLowering(text)
            if expected { mentioned += 1 }
            XCTAssertEqual(AuthorMarks.mentionsEqualContribution(text), expected, text.debugDescription)
        }
        XCTAssertGreaterThan(mentioned, 1000)
    }

    /// The flat map `ReferenceUnits.flatten` replaced, kept here as the reference.
    private func flattenedRecursively(_ inlines: [Inline]) -> [Inline] {
        inlines.flatMap { [$0] + flattenedRecursively($0.children ?? []) }
    }

    /// `flatten` gives the runs in the order the recursive flat map gave them, on random trees of inlines.
    func testFlattenKeepsTheOrder() {
        var generator = SplitMix(seed: 2033)
        var counter = 0
        func tree(depth: Int) -> [Inline] {
            (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                counter += 1
                let type: InlineType = [.text, .emphasis, .strong, .link].randomElement(using: &generator) ?? .text
                let children = depth < 3 && Bool.random(using: &generator) ? tree(depth: depth + 1) : nil
                return Inline(type, text: "run \(counter)", children: children)
            }
        }
        for _ in 0..<500 {
            let inlines = tree(depth: 0)
            XCTAssertEqual(ReferenceUnits.flatten(inlines).map(\.text), flattenedRecursively(inlines).map(\.text))
            XCTAssertEqual(ReferenceUnits.flatten(inlines).map(\.type), flattenedRecursively(inlines).map(\.type))
        }
    }
}
