import DossierModel
import XCTest
@testable import ReferenceParser
@testable import ReferenceTraining

final class TrainingTests: XCTestCase {
    func synthetic(_ count: Int, seed: UInt64) -> [LabelledReference] { SyntheticReferences.make(count, seed: seed) }

    func testTrainingOnASyntheticStyleLearnsIt() {
        var trainer = PerceptronTrainer()
        trainer.epochs = 5
        trainer.minimumCount = 1
        let model = trainer.train(synthetic(60, seed: 1))
        let parser = ReferenceParser(model: model)
        for reference in synthetic(10, seed: 99) {
            let (_, gold) = reference.labelledTokens
            XCTAssertEqual(parser.label(reference.text).labels, gold, reference.text)
        }
    }

    /// The tokenizer looks across spaces (a separator PDF extraction moved onto the next piece goes back to the word
    /// before), so each token takes the label of the piece it starts in.
    func testTokensTakeTheLabelOfThePieceTheyStartIn() {
        let reference = LabelledReference(fields: [("author", "P. Author,G"), ("volume", ".Name,"), ("title", "Gravity in two dimensions"),
                                                   ("journal", ",\"Class .Quant .Grav"), ("volume", "12"), ("date", "(1995)")])
        let (tokens, labels) = reference.labelledTokens
        XCTAssertEqual(tokens.map(\.text), ["P.", "Author,", "G.", "Name,", "Gravity", "in", "two", "dimensions,", "\"Class.", "Quant.", "Grav", "12", "(1995)"])
        XCTAssertEqual(labels, ["author", "author", "author", "volume", "title", "title", "title", "title", "journal", "journal", "journal", "volume", "date"])
        let clean = LabelledReference(fields: [("author", "Xu, K."), ("date", "(2019)."), ("title", "Title here.")])
        XCTAssertEqual(clean.labelledTokens.labels, ["author", "author", "date", "title", "title"])
    }

    func testTrainingIsDeterministic() {
        var trainer = PerceptronTrainer()
        trainer.epochs = 3
        let data = synthetic(40, seed: 7)
        XCTAssertEqual(ModelCoding.encode(trainer.train(data)), ModelCoding.encode(trainer.train(data)))
    }

    func testSplitDeduplicatesAndHoldsOutByText() {
        let data = synthetic(200, seed: 3)
        let split = TrainingSplit(data + data.prefix(10), holdout: 0.2)
        XCTAssertEqual(split.duplicates, 10 + (data.count - Set(data.map(\.normalizedText)).count))
        XCTAssertEqual(split.training.count + split.heldOut.count + split.duplicates, 210)
        XCTAssertTrue((20...60).contains(split.heldOut.count), "about 20 % held out, got \(split.heldOut.count)")
        let again = TrainingSplit(data.reversed(), holdout: 0.2)
        XCTAssertEqual(Set(again.heldOut.map(\.normalizedText)), Set(split.heldOut.map(\.normalizedText)))
        XCTAssertTrue(Set(split.heldOut.map(\.normalizedText)).isDisjoint(with: split.training.map(\.normalizedText)))
    }

    func testAnyStyleXMLAndParsCitLinesAreRead() {
        let xml = """
            <?xml version="1.0"?><dataset><sequence>
              <author>Romero, C., &amp; Dweck, C.</author>
              <date>(2011).</date>
              <title>Brainology
                in the classroom.</title>
            </sequence></dataset>
            """
        let references = LabelledData.anyStyle(xml)
        XCTAssertEqual(references.count, 1)
        XCTAssertEqual(references[0].fields.map(\.label), ["author", "date", "title"])
        XCTAssertEqual(references[0].text, "Romero, C., & Dweck, C. (2011). Brainology in the classroom.")
        let lines = LabelledData.parsCit("<author> A. Cau. </author> <title> Formalising. </title>\n\n")
        XCTAssertEqual(lines.count, 1)
        XCTAssertEqual(lines[0].fields.map(\.text), ["A. Cau.", "Formalising."])
    }

    func testEvaluationCountsFieldsAndExactReferences() {
        let raw = "Smith, J. (2019). A title."
        let tokens = ReferenceTokenizer.tokenize(raw)
        var evaluation = FieldEvaluation()
        let gold = ["author", "author", "date", "title", "title"]
        evaluation.add(raw: raw, tokens: tokens, gold: gold, predicted: gold)
        evaluation.add(raw: raw, tokens: tokens, gold: gold, predicted: ["author", "author", "date", "date", "title"])
        XCTAssertEqual(evaluation.exact, 1)
        XCTAssertEqual(evaluation.references, 2)
        let title = evaluation.scores("title")
        XCTAssertEqual(title.precision, 0.5, accuracy: 1e-9)
        XCTAssertEqual(title.recall, 0.5, accuracy: 1e-9)
        XCTAssertEqual(FieldEvaluation.normalize(" (2019). "), "2019")
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

/// Labelled references made up in code, for training tests.
enum SyntheticReferences {
    /// References in one made-up style: "Family, I. (Year). Title words. Journal, Vol, Pages."
    static func make(_ count: Int, seed: UInt64) -> [LabelledReference] {
        let families = ["Smith", "Garcia", "Müller", "Okafor", "Tanaka", "Dubois", "Kowalski", "Silva", "Novak", "Ahmed"]
        let words = ["learning", "theory", "cells", "river", "models", "of", "the", "growth", "networks", "memory", "climate", "proteins"]
        let journals = ["Nature", "Cell Reports", "Journal of Things", "Physical Review", "Ecology Letters"]
        var random = SplitMix(seed: seed)
        func pick(_ list: [String]) -> String { list[Int(random.next() % UInt64(list.count))] }
        return (0..<count).map { _ in
            let title = (0..<(3 + Int(random.next() % 4))).map { _ in pick(words) }.joined(separator: " ").capitalizedFirst
            let year = 1990 + Int(random.next() % 30)
            let volume = 1 + Int(random.next() % 90)
            let first = 1 + Int(random.next() % 500)
            return LabelledReference(fields: [
                ("author", "\(pick(families)), \(pick(["A.", "B.", "J.", "K."])),"), ("date", "(\(year))."),
                ("title", "\(title)."), ("journal", "\(pick(journals)),"), ("volume", "\(volume),"),
                ("pages", "\(first)–\(first + 9)."),
            ])
        }
    }
}
