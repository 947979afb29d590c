import DossierModel
import Foundation
import XCTest
@testable import ReferenceParser
@testable import ReferenceTraining

/// The committed model: it loads from the binary, parses fixed references into the expected fields, and scores
/// not below a floor on the held-out share of AnyStyle's data (skipped when `../shared/corpus` is absent).
final class StandardModelTests: XCTestCase {
    func parser() throws -> ReferenceParser {
        guard let parser = ReferenceParser.standard else { return try XCTUnwrap(nil, ReferenceParser.standardProblem ?? "no model") }
        return parser
    }

    func testAPAJournalArticle() throws {
        let item = try parser().parse("Xu, K., Smith, J. A., & van der Berg, P. (2019). Deep learning for reference parsing. Journal of Machine Learning Research, 20(3), 1–25. https://doi.org/10.1234/jmlr.2019.001")
        XCTAssertEqual(item.author?.map(\.family), ["Xu", "Smith", "Berg"])
        XCTAssertEqual(item.author?.last?.particle, "van der")
        XCTAssertEqual(item.title, "Deep learning for reference parsing")
        XCTAssertEqual(item.containerTitle, "Journal of Machine Learning Research")
        XCTAssertEqual(item.issued?.dateParts, [[2019]])
        XCTAssertEqual(item.volume, "20")
        XCTAssertEqual(item.issue, "3")
        XCTAssertEqual(item.page, "1-25")
        XCTAssertEqual(item.doi, "10.1234/jmlr.2019.001")
        XCTAssertNil(item.url, "the DOI link is the DOI")
        XCTAssertEqual(item.type, "article-journal")
        XCTAssertTrue(item.confidence.values.allSatisfy { $0 >= 0 && $0 <= 1 })
        XCTAssertNotNil(item.confidence["title"])
    }

    func testVancouverArticleWithIdentifiers() throws {
        let item = try parser().parse("Xu K, Smith JA, Doe J, et al. Genome-wide association study of height. Nat Genet. 2010;42(7):565-9. doi: 10.1038/ng.608. PMID: 20562875; PMCID: PMC3232052.")
        XCTAssertEqual(item.author?.map(\.family), ["Xu", "Smith", "Doe"])
        XCTAssertEqual(item.etAl, true)
        XCTAssertEqual(item.title, "Genome-wide association study of height")
        XCTAssertEqual(item.containerTitle, "Nat Genet")
        XCTAssertEqual(item.issued?.year, 2010)
        XCTAssertEqual(item.volume, "42")
        XCTAssertEqual(item.issue, "7")
        XCTAssertEqual(item.page, "565-9")
        XCTAssertEqual(item.doi, "10.1038/ng.608")
        XCTAssertEqual(item.pmid, "20562875")
        XCTAssertEqual(item.pmcid, "PMC3232052")
    }

    func testConferencePaperWithArxivAndBook() throws {
        let paper = try parser().parse("K. Xu and J. Smith. Attention is all you need. In Proceedings of NeurIPS, pages 5998–6008, 2017. arXiv:1706.03762v5")
        XCTAssertEqual(paper.author?.map(\.family), ["Xu", "Smith"])
        XCTAssertEqual(paper.title, "Attention is all you need")
        XCTAssertEqual(paper.containerTitle, "Proceedings of NeurIPS")
        XCTAssertEqual(paper.page, "5998-6008")
        XCTAssertEqual(paper.arxiv, "1706.03762v5")
        XCTAssertEqual(paper.type, "paper-conference", "a proceedings paper stays one when it is also on arXiv")
        XCTAssertEqual(try parser().parse("Doe, J. (2020). A preprint. arXiv:2001.00001.").type, "article")
        let book = try parser().parse("Smith, John and Doe, Jane. 2005. The Book of Things. 2nd ed. New York: Oxford University Press. ISBN 978-0-19-852663-6.")
        XCTAssertEqual(book.author, [CSLName(family: "Smith", given: "John"), CSLName(family: "Doe", given: "Jane")])
        XCTAssertEqual(book.title, "The Book of Things")
        XCTAssertEqual(book.publisher, "Oxford University Press")
        XCTAssertEqual(book.publisherPlace, "New York")
        XCTAssertEqual(book.edition, "2")
        XCTAssertEqual(book.isbn, "9780198526636")
        XCTAssertEqual(book.type, "book")
    }

    func testStatusAndRawAreKept() throws {
        let raw = "Doe, J. (2021). A study of things. Manuscript submitted for publication."
        let item = try parser().parse(raw)
        XCTAssertEqual(item.raw, raw)
        XCTAssertEqual(item.status, "submitted")
        XCTAssertEqual(item.title, "A study of things")
        XCTAssertEqual(try parser().parse("").raw, "")
    }

    func testHeldOutScoreIsNotBelowTheFloor() throws {
        let directory = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/corpus/dev/references/inukshuk+anystyle/res/parser")
        var references: [LabelledReference] = []
        for name in ["core.xml", "gold.xml", "good.xml"] {
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) else {
                throw XCTSkip("no AnyStyle data at \(directory.path)")
            }
            references += LabelledData.anyStyle(String(decoding: data, as: UTF8.self))
        }
        let heldOut = TrainingSplit(references, holdout: 0.2).heldOut
        let parser = try parser()
        var evaluation = FieldEvaluation()
        for reference in heldOut {
            let (tokens, gold) = reference.labelledTokens
            let labelled = parser.label(reference.text)
            evaluation.add(raw: reference.text, tokens: tokens, gold: gold, predicted: labelled.labels, confidence: labelled.confidence)
        }
        XCTAssertLessThanOrEqual(evaluation.reliability.expectedCalibrationError, 0.03, evaluation.reliability.table())
        XCTAssertGreaterThan(evaluation.references, 1000)
        XCTAssertGreaterThanOrEqual(evaluation.scores().f1, 0.94, evaluation.table())
        XCTAssertGreaterThanOrEqual(evaluation.exactRate, 0.80, evaluation.table())
    }
}
