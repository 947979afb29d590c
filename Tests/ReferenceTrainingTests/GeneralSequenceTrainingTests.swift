@testable import ReferenceParser
@testable import ReferenceTraining
import XCTest

/// The CRF trained on sequences whose features the caller hashed (the lines of publication lists): it learns a
/// pattern that depends on the element before, and gives the same bytes twice.
final class GeneralSequenceTrainingTests: XCTestCase {
    /// Elements marked "x" start a group and the ones after them go on, unless marked "n" (noise, `other`).
    private func sequence(_ marks: String) -> LabelledSequence {
        var labels: [String] = []
        var previous: Character = " "
        let elements = marks.map { mark -> [UInt32] in
            labels.append(mark == "x" ? "start" : mark == "n" ? "other" : "in")
            defer { previous = mark }
            return [GeneralSequences.key(1, String(mark)), GeneralSequences.key(2, String(previous))]
        }
        return LabelledSequence(features: GeneralSequences.sequence(elements), labels: labels)
    }

    func testLearnsStartsAndContinuationsAndIsDeterministic() {
        let data = ["xooxoxoo", "nxoxooxo", "xoxoxoon", "xxoooxo", "nxooxoox"].map(sequence)
        var trainer = CRFTrainer()
        trainer.iterations = 60
        trainer.minimumCount = 1
        let model = trainer.train(sequences: data, labelOrder: ["start", "in", "other"])
        XCTAssertEqual(Array(model.labels.prefix(3)), ["start", "in", "other"])
        let test = sequence("nxoooxox")
        let decoded = GeneralSequences.label(test.features, with: model)
        XCTAssertEqual(decoded.labels.map { model.labels[$0] }, test.labels)
        XCTAssertTrue(decoded.confidence.allSatisfy { $0 > 0.5 && $0 <= 1 })
        let again = trainer.train(sequences: data, labelOrder: ["start", "in", "other"])
        XCTAssertEqual(GeneralSequences.encode(model, featureVersion: 3), GeneralSequences.encode(again, featureVersion: 3))
    }
}
