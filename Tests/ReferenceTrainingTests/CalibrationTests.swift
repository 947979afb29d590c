import XCTest
@testable import ReferenceParser
@testable import ReferenceTraining

final class CalibrationTests: XCTestCase {
    func testCalibrationInterpolatesAndHoldsItsEnds() {
        let calibration = ConfidenceCalibration(raw: [0.5, 0.9, 0.99], calibrated: [0.4, 0.8, 0.97])
        XCTAssertEqual(calibration.apply(0.1), 0.4)
        XCTAssertEqual(calibration.apply(0.7), 0.6, accuracy: 1e-9)
        XCTAssertEqual(calibration.apply(1.0), 0.97)
        XCTAssertEqual(ConfidenceCalibration.identity.apply(0.73), 0.73)
    }

    func testIsotonicFitIsMonotoneAndMatchesTheShareRight() {
        var reliability = Reliability()
        // At 0.95 the model is right 70 % of the time, at 0.99 always, at 0.6 half of the time.
        for index in 0..<100 { reliability.add(confidence: 0.95, right: index < 70) }
        for _ in 0..<100 { reliability.add(confidence: 0.99, right: true) }
        for index in 0..<100 { reliability.add(confidence: 0.6, right: index % 2 == 0) }
        let fit = reliability.isotonicFit()
        XCTAssertEqual(fit.apply(0.95), 0.7, accuracy: 1e-9)
        XCTAssertEqual(fit.apply(0.99), 1.0, accuracy: 1e-9)
        XCTAssertEqual(fit.apply(0.6), 0.5, accuracy: 1e-9)
        XCTAssertEqual(fit.calibrated, fit.calibrated.sorted())
        XCTAssertGreaterThan(reliability.expectedCalibrationError, 0.1)
        var calibrated = Reliability()
        for field in reliability.fields { calibrated.add(confidence: fit.apply(field.confidence), right: field.right) }
        XCTAssertLessThan(calibrated.expectedCalibrationError, 1e-9)
        XCTAssertTrue(calibrated.table().contains("ECE (10 bins)  0.0000"))
    }

    func testViolatorsArePooled() {
        var reliability = Reliability()
        // Right more often at 0.8 than at 0.9: the fit pools the two into one level.
        for index in 0..<10 { reliability.add(confidence: 0.8, right: index < 9) }
        for index in 0..<10 { reliability.add(confidence: 0.9, right: index < 7) }
        let fit = reliability.isotonicFit()
        XCTAssertEqual(fit.apply(0.8), 0.8, accuracy: 1e-9)
        XCTAssertEqual(fit.apply(0.9), 0.8, accuracy: 1e-9)
    }

    func testCalibrationSurvivesTheModelBytes() throws {
        var model = SequenceModel(labels: ["a", "b"], table: FeatureTable(keys: [1], pairs: [[(0, 1.0)]]),
                                  transitions: [Float](repeating: 0, count: (1 + GapClass.count) * 4), starts: [0, 0])
        XCTAssertTrue(try ModelCoding.decode(ModelCoding.encode(model)).calibration.isIdentity)
        model.calibration = ConfidenceCalibration(raw: [0.5, 0.75], calibrated: [0.25, 0.5])
        let decoded = try ModelCoding.decode(ModelCoding.encode(model))
        XCTAssertEqual(decoded.calibration, model.calibration)
    }

    func testFieldEvaluationRecordsFieldConfidences() {
        var evaluation = FieldEvaluation()
        let raw = "Smith J. A title here"
        let tokens = ReferenceTokenizer.tokenize(raw)
        evaluation.add(raw: raw, tokens: tokens, gold: ["author", "author", "title", "title", "title"],
                       predicted: ["author", "title", "title", "title", "title"], confidence: [0.9, 0.6, 0.8, 0.95, 0.99])
        XCTAssertEqual(evaluation.reliability.fields.map(\.confidence), [0.9, 0.6])
        XCTAssertEqual(evaluation.reliability.fields.map(\.right), [false, false])
    }
}
