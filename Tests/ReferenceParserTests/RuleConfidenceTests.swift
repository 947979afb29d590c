import DossierModel
import XCTest
@testable import ReferenceParser
@testable import DossierText

/// The sources of labels (which rule set a token, which identifier check vouches for it) and the confidence a
/// token set by a rule gets: its rule's fitted share, not the model's margin for the label the rule overrode.
final class RuleConfidenceTests: XCTestCase {
    let known: Set<String> = ["author", "editor", "translator", "title", "journal", "container-title", "volume", "pages",
                              "note", "date", "doi", "url", "publisher"]

    func labelled(_ text: String, _ labels: [String]) -> ([ReferenceToken], [String]) {
        let tokens = ReferenceTokenizer.tokenize(text)
        XCTAssertEqual(tokens.count, labels.count, "test data: one label per token")
        return (tokens, labels)
    }

    func testTranslatorsAndItalianEditorsRunFromTheParsersListBeforeTheEditedVolume() throws {
        let names = ReferenceParser.rules.map(\.name)
        let translators = try XCTUnwrap(names.firstIndex(of: "translators"))
        let italian = try XCTUnwrap(names.firstIndex(of: "italian-editors"))
        let volume = try XCTUnwrap(names.firstIndex(of: "edited-volume"))
        XCTAssertLessThan(translators, italian)
        XCTAssertLessThan(italian, volume)
        XCTAssertEqual(Set(names).count, names.count, "rule names are the keys of their confidences: one each")
        // The edited-volume rule alone no longer renames translators; the list does.
        let text = "Deleuze, G. A Thousand Plateaus. Translated by Brian Massumi. London: Athlone, 1988."
        let model = ["author", "author", "title", "title", "title", "editor", "editor", "editor", "editor", "publisher", "publisher", "date"]
        var (tokens, labels) = labelled(text, model)
        EditedVolume.apply(tokens, labels: &labels, known: known)
        XCTAssertEqual(labels, model)
        let sources = ReferenceParser.applyRules(tokens, labels: &labels, confidence: model.map { _ in 0.5 }, known: known)
        XCTAssertEqual(Array(labels[5...8]), Array(repeating: "translator", count: 4))
        XCTAssertEqual(Array(sources[5...8]), Array(repeating: "translators", count: 4))
    }

    func testEachChangedTokenNamesTheRuleThatChangedIt() {
        let (tokens, decoded) = labelled("Del’Haye P. Optical combs // Nature. 2007. Т. 450. С. 1214–1217.",
                                         ["author", "author", "title", "title", "title", "title", "date", "pages", "pages", "pages", "pages"])
        var labels = decoded
        let sources = ReferenceParser.applyRules(tokens, labels: &labels, confidence: decoded.map { _ in 0.3 }, known: known)
        XCTAssertEqual(labels, ["author", "author", "title", "title", "title", "journal", "date", "volume", "volume", "pages", "pages"])
        for index in labels.indices where index < 9 && index != 6 {
            XCTAssertEqual(sources[index], labels[index] == decoded[index] ? nil : "isbd-separators", "token \(index)")
        }
        // The reference's one date, a year alone, the model's: the year check vouches for it.
        XCTAssertEqual(sources[6], ReferenceParser.yearCheck)
        // The pages the model labelled open with their marker ("С."): the marker check vouches for them.
        XCTAssertEqual(Array(sources[9...10]), [ReferenceParser.markerCheck, ReferenceParser.markerCheck])
    }

    func testATokenARuleSetsBackToTheModelsLabelIsTheModels() {
        // Two rules in a row: the first relabels, the second restores the model's label; the margin is then the model's.
        let decoded = ["title", "title"]
        var labels = decoded
        var sources = [String?](repeating: nil, count: 2)
        for (name, label) in [("first", "journal"), ("second", "title")] {
            let before = labels
            labels[1] = label
            for index in labels.indices where labels[index] != before[index] {
                sources[index] = labels[index] == decoded[index] ? nil : name
            }
        }
        XCTAssertEqual(sources, [nil, nil])
        // The parser does the same through its list: a DOI the model already labelled doi is vouched for by the
        // check, whichever rule ran; a plain title token keeps no source.
        let (tokens, model) = labelled("Smith, J. A title. Nature 5. doi: 10.1038/nature12373",
                                       ["author", "author", "title", "title", "journal", "volume", "note", "doi"])
        var parsed = model
        let traced = ReferenceParser.applyRules(tokens, labels: &parsed, confidence: model.map { _ in 0.4 }, known: known)
        XCTAssertEqual(Array(parsed.suffix(2)), ["doi", "doi"])
        XCTAssertEqual(Array(traced.suffix(2)), [ReferenceParser.doiCheck, ReferenceParser.doiCheck])
        XCTAssertEqual(Array(traced.prefix(4)), [nil, nil, nil, nil])
    }

    func testAnArxivIdentifierIsVouchedForByItsCheck() {
        let (tokens, decoded) = labelled("A. Author, A title, arXiv:1702.01748 [hep-th]",
                                         ["author", "author", "title", "title", "journal", "journal"])
        var labels = decoded
        let sources = ReferenceParser.applyRules(tokens, labels: &labels, confidence: decoded.map { _ in 0.4 }, known: known)
        XCTAssertEqual(Array(labels.suffix(2)), ["note", "note"])
        XCTAssertEqual(Array(sources.suffix(2)), [ReferenceParser.arxivCheck, ReferenceParser.arxivCheck])
    }

    func testARuleSetTokenTakesItsRulesConfidenceAndOthersTheMap() {
        let calibration = ConfidenceCalibration(raw: [0.2, 0.9], calibrated: [0.1, 0.85],
                                                rules: ["isbd-separators": .init(confidence: 0.92, fields: 40)])
        XCTAssertEqual(calibration.apply(0.3, source: "isbd-separators"), 0.92)
        XCTAssertEqual(calibration.apply(0.3, source: nil), calibration.apply(0.3))
        // A source the model has no share for (a model calibrated before rules had theirs) keeps the mapped margin.
        XCTAssertEqual(calibration.apply(0.3, source: "translators"), calibration.apply(0.3))
        XCTAssertFalse(ConfidenceCalibration(raw: [], calibrated: [], rules: ["x": .init(confidence: 0.5, fields: 1)]).isIdentity)
    }

    func testTheBuildersDOIAndArxivConfidencesAreTheirChecks() {
        let raw = "A. Author, A title, Nature 5 (2020) 1. doi:10.1038/nature12373 arXiv:2001.01234"
        let tokens = ReferenceTokenizer.tokenize(raw)
        let labels = ["author", "author", "title", "title", "journal", "volume", "date", "pages", "doi", "note"]
        XCTAssertEqual(tokens.count, labels.count)
        let confidence = labels.map { _ in 0.8 }
        let checked = PublicationBuilder.build(raw: raw, tokens: tokens, labels: labels, confidence: confidence,
                                               checks: [ReferenceParser.doiCheck: 0.9712, ReferenceParser.arxivCheck: 0.935])
        XCTAssertEqual(checked.doi, "10.1038/nature12373")
        XCTAssertEqual(checked.confidence["DOI"], 0.971)
        XCTAssertEqual(checked.confidence["arxiv"], 0.935)
        let unchecked = PublicationBuilder.build(raw: raw, tokens: tokens, labels: labels, confidence: confidence)
        XCTAssertEqual(unchecked.confidence["DOI"], 0.99)
    }

    func testTheShippedModelHasAConfidenceForEveryRuleAndCheck() throws {
        let parser = try XCTUnwrap(ReferenceParser.standard)
        let names = ReferenceParser.sourceNames(labels: parser.model.labels)
        for name in names {
            let rule = try XCTUnwrap(parser.model.calibration.rules[name], name)
            XCTAssertGreaterThan(rule.confidence, 0.3, name)
            XCTAssertLessThanOrEqual(rule.confidence, 1, name)
        }
        // GOST's volume "Т. 450", read as pages by the model and made the volume by a rule, is as confident as the
        // rule is right, and the DOI as its check.
        let labelled = parser.label("Del’Haye P., Schliesser A. Optical frequency comb // Nature. 2007. Т. 450. С. 1214–1217. doi:10.1038/nature06401")
        let traced = parser.labelTraced("Del’Haye P., Schliesser A. Optical frequency comb // Nature. 2007. Т. 450. С. 1214–1217. doi:10.1038/nature06401")
        for index in traced.sources.indices {
            guard let source = traced.sources[index], let rule = parser.model.calibration.rules[source] else { continue }
            XCTAssertEqual(labelled.confidence[index], rule.confidence, "token \(index)")
        }
        XCTAssertTrue(traced.sources.contains(ReferenceParser.doiCheck))
    }
    /// A date that is one year alone is vouched for by the year check; a separator the lone-punctuation rule moves
    /// into the field before it names no rule.
    func testAYearAloneIsCheckedAndAMovedSeparatorNamesNoRule() {
        let (tokens, model) = labelled("Aho A. V. The Design of Algorithms. : Addison-Wesley, 1974.",
                                       ["author", "author", "author", "title", "title", "title", "title", "location", "publisher", "date"])
        var labels = model
        let sources = ReferenceParser.applyRules(tokens, labels: &labels, confidence: model.map { _ in 0.9 }, known: known)
        XCTAssertEqual(labels[7], "title")
        XCTAssertEqual(Array(sources[3...8]), [nil, nil, nil, nil, nil, nil])
        XCTAssertEqual(sources[9], ReferenceParser.yearCheck)
        XCTAssertTrue(ReferenceParser.isPlainYear("(1998a),"))
        XCTAssertFalse(ReferenceParser.isPlainYear("1998-99"))
        XCTAssertFalse(ReferenceParser.isPlainYear("3000."))
        XCTAssertFalse(ReferenceParser.isPlainYear("May"))
    }
}
