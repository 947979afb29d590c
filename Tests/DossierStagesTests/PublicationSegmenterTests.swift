@testable import DossierStages
import DossierModel
import DossierPipeline
import DossierText
import ReferenceParser
import XCTest

/// The learned segmenter of publication lists: how its training labels are found, how its confident labels cut and
/// join the reader's blocks, and what the compiled-in model does with a PDF's wrapped entries.
final class PublicationSegmenterTests: XCTestCase {
    private func document(_ blocks: [Block], format: SourceFormat = .pdf) -> Document {
        Document(source: Source(path: "t", format: format, bytes: 0, sha256: ""), blocks: blocks)
    }

    private func paragraph(_ text: String) -> Block { Block(.paragraph, text: text, provenance: .lines(1, 1)) }

    private func split(_ blocks: [Block], format: SourceFormat = .pdf) throws -> [String] {
        let sections = try SectionsStage().run(document(blocks, format: format), context: StageContext())
        return try SplitReferencesStage().run(sections, context: StageContext()).profile.publications.map(\.raw)
    }

    /// Lines are found in the publications' texts run together: where a publication begins (list number and year
    /// column aside) is `start`, inside it `in`, and a legend found nowhere `other`.
    func testAlignmentLabelsStartsContinuationsAndOtherLines() {
        let raws = ["Doe, J. and Roe, R. (2020). A study of things. J Things 1, 2–3.",
                    "Roe, R. (2019). Another study of stuff. J Stuff 4, 5–6."]
        let lines = ["* indicates equal contribution", "[1] Doe, J. and Roe, R. (2020). A study", "of things. J Things 1, 2–3.",
                     "2019 Roe, R. (2019). Another study of stuff.", "J Stuff 4, 5–6."]
        XCTAssertEqual(PublicationSegmenterTraining.align(lines, raws: raws), ["other", "start", "in", "start", "in"])
    }

    /// A real CV's labels give titles only: a publication starts on the one line that opens a block between the
    /// previous title's line and its own title's line; before the first start, lines are `other`.
    func testTitlesAloneLabelTheLinesWhereOneBlockOpensBeforeEachTitle() {
        let lines = ["* equal contribution", "Doe J, Roe R. A study of", "things in rivers. J Things 1, 2–3.",
                     "Roe R. Another study of stuff in", "lakes. J Stuff 4, 5–6."]
        var why = ""
        let labels = PublicationSegmenterTraining.alignTitles(lines, opensBlock: [true, true, false, true, false],
                                                              titles: ["A study of things in rivers", "Another study of stuff in lakes"],
                                                              model: ["other", "start", "in", "start", "in"], why: &why)
        XCTAssertEqual(labels, ["other", "start", "in", "start", "in"])
    }

    /// Where two publications share a block (a PDF's merged lines), the start between the titles is the model's one
    /// start there; where the model marks none, the document is left out and says why.
    func testTitlesAloneTakeTheModelsOneStartInsideAMergedBlock() {
        let lines = ["Doe J. A study of things in rivers.", "J Things 1, 2–3.", "Roe R. Another study of stuff in lakes.", "J Stuff 4."]
        let titles = ["A study of things in rivers", "Another study of stuff in lakes"]
        var why = ""
        XCTAssertEqual(PublicationSegmenterTraining.alignTitles(lines, opensBlock: [true, false, false, false], titles: titles,
                                                                model: ["start", "in", "start", "in"], why: &why),
                       ["start", "in", "start", "in"])
        XCTAssertNil(PublicationSegmenterTraining.alignTitles(lines, opensBlock: [true, false, false, false], titles: titles,
                                                              model: ["start", "in", "in", "in"], why: &why))
        XCTAssertTrue(why.hasPrefix("publication 2: 0 blocks open and the model starts 0"), why)
        XCTAssertNil(PublicationSegmenterTraining.alignTitles(lines, opensBlock: [true, false, false, false], titles: ["A title nowhere in them"],
                                                              model: ["start", "in", "in", "in"], why: &why))
        XCTAssertTrue(why.hasPrefix("title 1 of 1 not found"), why)
    }

    /// A line found only in a later publication starts it, even when the beginning of that publication was not found
    /// (marks or link words the text does not hold).
    func testALineFoundInsideALaterPublicationStartsIt() {
        let raws = ["Doe, J. A first paper on rivers. Hydrology 3, 4–5 (2001).", "Roe, R.† A second paper on lakes. Limnology 6, 7–8 (2002)."]
        let lines = ["Doe, J. A first paper on rivers.", "Hydrology 3, 4–5 (2001).", "Roe, R.‡§ A second", "paper on lakes. Limnology 6, 7–8 (2002)."]
        XCTAssertEqual(PublicationSegmenterTraining.align(lines, raws: raws), ["start", "in", "start", "in"])
    }

    /// Items cut at a line and joined to the item before keep their text, inlines and markers in order.
    func testListEditsCutAndJoinItems() {
        var list = Block(.list, text: "", provenance: .lines(1, 1))
        list.items = ["Doe J. First title.\nJ Things 2020.\nRoe R. Second title. J Stuff 2019.", "Poe P. Third title.", "J Other 2018."].enumerated().map { offset, text in
            var item = Block(.item, text: text, provenance: .lines(1, 1))
            item.marker = "\(offset + 1)."
            item.inlines = text.split(separator: "\n").map { Inline.text(String($0)) }.reduce(into: [Inline]()) { inlines, inline in
                if !inlines.isEmpty { inlines.append(Inline(.softbreak, text: "\n")) }
                inlines.append(inline)
            }
            return item
        }
        let edited = SegmenterEdits.edited(list, joins: [2], cuts: [0: [2]])
        XCTAssertEqual(edited.items?.map(\.text), ["Doe J. First title.\nJ Things 2020.", "Roe R. Second title. J Stuff 2019.", "Poe P. Third title.\nJ Other 2018."])
        XCTAssertEqual(edited.items?.map(\.marker), ["1.", nil, "2."])
        XCTAssertEqual(edited.items?[1].inlines?.map(\.text), ["Roe R. Second title. J Stuff 2019."])
        XCTAssertEqual(edited.items?[2].inlines?.map(\.type), [.text, .softbreak, .text])
    }

    /// Line lengths are read against the full lines of their own section: a line stopping short is "short" or "part".
    func testLengthsAreRelativeToTheSectionsFullLines() {
        var lines = ["A full line of a wrapped reference that runs to the margin", "another full line of the same wrapped reference",
                     "a short end.", "A full line of a wrapped reference that runs to the margin"].map {
            PublicationLine(text: $0, block: 1, item: nil, line: 0, holder: .paragraph)
        }
        lines[0].opensSection = true
        XCTAssertEqual(PublicationSegmenter.relativeLengths(lines), ["full", "most", "short", "full"])
        XCTAssertEqual(PublicationSegmenter.shape(of: "Dossier,"), "Xxx,")
        XCTAssertEqual(PublicationSegmenter.shape(of: "[12]"), "[dd]")
        XCTAssertEqual(PublicationSegmenter.shape(of: "2003:"), "dddd:", "a year column is not a volume (\"151:\" → \"ddd:\")")
        XCTAssertEqual(["[12]", "12.", "(3)", "7 Doe J.", "Smith 12", "A study"].map(PublicationSegmenter.listNumber), [12, 12, 3, 7, nil, nil])
    }

    /// The compiled-in model on a PDF paragraph where a year column opens each entry (moderncv's banking style):
    /// each year starts an entry, and a wrapped line that opens with a volume ("151: 1504–13.") goes on.
    func testTheModelStartsEntriesAtAYearColumnAndNotAtAVolume() throws {
        XCTAssertNotNil(PublicationSegmenter.model, "the compiled-in segmenter model must load (retrain it after a feature change: make segmenter-model)")
        let texts = ["2003: Bartkova J, Rajpert-De Meyts E, Skakkebaek NE. Testicular cancer and the immune response in",
                     "men. J Exp Med 2003;151: 1504–13.",
                     "1985: Elich M, Thompson RW, Miller L. Mental imagery as revealed by eye movements and spoken",
                     "predicates. J Mol Biol 1992;225:661–78.",
                     "1984: Roe R, Poe P. Malarial infection and the response of mice to it. J Exp Med",
                     "151: 1504–13."]
        var lines = texts.enumerated().map { PublicationLine(text: $1, block: 1, item: nil, line: $0, holder: .paragraph) }
        lines[0].opensSection = true
        for index in lines.indices { lines[index].format = "pdf" }
        let labels = try XCTUnwrap(PublicationSegmenter.label(lines, applicant: []))
        XCTAssertEqual(labels.map(\.label), ["start", "in", "start", "in", "start", "in"])
        XCTAssertGreaterThan(labels[2].confidence, SegmenterEdits.threshold)
    }

    /// A model stamped with other features is refused, not misread.
    func testAModelForOtherFeaturesIsRefused() throws {
        try XCTSkipIf(PublicationSegmenter.model == nil, "no segmenter model compiled in")
        let model = try XCTUnwrap(PublicationSegmenter.model)
        let bytes = GeneralSequences.encode(model, featureVersion: PublicationSegmenter.featureVersion + 1)
        XCTAssertThrowsError(try GeneralSequences.decode(bytes, featureVersion: PublicationSegmenter.featureVersion))
        XCTAssertNoThrow(try GeneralSequences.decode(GeneralSequences.encode(model, featureVersion: 7), featureVersion: 7))
    }

    /// What a line carries from the lines before it, settled in one pass before the keys are made in parallel: the
    /// shape that opened the block before (only for a line that opens a block, after a first block) and the step
    /// from the last list number seen (only for a line with a number).
    func testCarriedContextGoesFromLineToLine() {
        let texts = [("1. Doe J. A study.", 0), ("of things.", 1), ("2. Roe R. Another.", 0), ("Smith A. Third.", 0), ("4. Poe E. Fourth.", 0),
                     ("4. Poe E. Again.", 0)]
        let lines = texts.map { PublicationLine(text: $0.0, block: 1, item: nil, line: $0.1, holder: .paragraph) }
        let traits = lines.map { PublicationSegmenter.traits(of: $0, applicant: []) }
        let numbers = lines.enumerated().map { traits[$0.offset].numbered ? PublicationSegmenter.listNumber($0.element.text) : nil }
        XCTAssertEqual(numbers, [1, nil, 2, nil, 4, 4])
        let carried = PublicationSegmenter.carriedContext(lines, traits: traits, numbers: numbers)
        XCTAssertEqual(carried.map(\.sameOpening), [nil, nil, true, false, false, true])
        XCTAssertEqual(carried.map(\.numberStep), ["first", nil, "next", nil, "jump", "same"])
        let features = PublicationSegmenter.features(of: lines, applicant: [])
        XCTAssertEqual(features.count, lines.count)
        XCTAssertEqual(features[0].last, GeneralSequences.key(201, "last=goesOn"))
        XCTAssertEqual(features[2].last, GeneralSequences.key(201, "last=blockEnds"))
        XCTAssertTrue(features[2].contains(GeneralSequences.key(201, "numberStep=next")))
        XCTAssertTrue(features[2].contains(GeneralSequences.key(201, "sameOpening=1")))
        XCTAssertFalse(features[3].contains(GeneralSequences.key(201, "sameOpening=1")))
    }

    /// The shortfall report's link URLs are those of every inline of the block, its items, children, rows and the
    /// rows' cells, in `flatten(allInlines)`'s order.
    func testLinkURLsAreCollectedInTheOrderOfTheFlattenedInlines() {
        func link(_ url: String, _ children: [Inline]? = nil) -> Inline { Inline(.link, text: url, url: url, children: children) }
        var cell = Block(.paragraph, text: "c", provenance: .lines(1, 1), inlines: [link("cell")])
        cell.items = [Block(.paragraph, text: "ci", provenance: .lines(1, 1), inlines: [link("cell-item")])]
        var row = Block(.paragraph, text: "r", provenance: .lines(1, 1), inlines: [link("row")])
        row.cells = [cell]
        var child = Block(.paragraph, text: "b", provenance: .lines(1, 1), inlines: [Inline(.strong, text: "s", children: [link("nested", [link("deeper")])])])
        child.blocks = [Block(.paragraph, text: "bb", provenance: .lines(1, 1), inlines: [link("grandchild")])]
        var block = Block(.list, text: "x", provenance: .lines(1, 1), inlines: [link("top"), Inline(.text, text: "t")])
        block.items = [child, Block(.paragraph, text: "i", provenance: .lines(1, 1), inlines: [link("item")])]
        block.blocks = [Block(.paragraph, text: "k", provenance: .lines(1, 1), inlines: [link("kid")])]
        block.rows = [row]
        var urls: [String] = []
        PublicationCoverage.appendURLs(of: block, to: &urls)
        XCTAssertEqual(urls, ReferenceUnits.flatten(PublicationCoverage.allInlines(block)).compactMap(\.url))
        XCTAssertEqual(urls, ["top", "nested", "deeper", "grandchild", "item", "kid", "row", "cell", "cell-item"])
    }

    /// Legend lines are read block by block (in parallel for a long list) and taken in reading order: the first
    /// meaning of a mark wins, and words alone in a list's item key "*".
    func testLegendLinesAreTakenInReadingOrder() {
        XCTAssertEqual(AuthorMarks.legendLines(of: "Doe J. A study. 2020.\n† corresponding author", bulleted: false).map(\.marks), [["†"]])
        XCTAssertEqual(AuthorMarks.legendLines(of: "These authors contributed equally", bulleted: true).map(\.marks), [["*"], []])
        XCTAssertEqual(AuthorMarks.legendLines(of: "These authors contributed equally", bulleted: false).map(\.marks), [[]])
        var list = Block(.list, text: "These authors contributed equally", provenance: .lines(2, 2))
        list.items = [Block(.paragraph, text: "These authors contributed equally", provenance: .lines(2, 2))]
        let legend = AuthorMarks.legend(in: [Block(.paragraph, text: "† equal contribution", provenance: .lines(1, 1)), list,
                                             Block(.paragraph, text: "* corresponding author", provenance: .lines(3, 3))])
        XCTAssertEqual(legend["†"], .equal)
        XCTAssertEqual(legend["*"], .equal, "the list's item keys \"*\" before the line that names it")
    }

    /// A unit's own checks, screened apart from its block (in parallel for a long list).
    func testUnitsAreScreenedByTheirTextAlone() {
        func unit(_ text: String) -> ReferenceUnit { ReferenceUnit(raw: text, text: text, urls: [], block: 0) }
        XCTAssertEqual(SplitReferencesStage.screen(unit("\\bibentry{doe2020}")), .placeholder)
        XCTAssertEqual(SplitReferencesStage.screen(unit("* = PhD student; † = Masters student")), .notReference)
        XCTAssertEqual(SplitReferencesStage.screen(unit("Tallahassee, FL, USA")), .notReference)
        XCTAssertEqual(SplitReferencesStage.screen(unit("2019–2020")), .notReference)
        XCTAssertEqual(SplitReferencesStage.screen(unit("Doe J, Roe R. A study of things. J Things 2020;1:2–3.")), .candidate)
    }
}
