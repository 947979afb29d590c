import XCTest
@testable import ReferenceParser
@testable import ReferenceTraining

/// The calibration of fields set by rules: fitted apart from the model's map, so that a rule that is right nine
/// times in ten over tokens the model gave 0.3 reports 0.9, and the model's own fields keep their map.
final class RuleCalibrationTests: XCTestCase {
    typealias Field = CalibrationFitting.Field

    /// 100 model fields at raw 0.3 (30 right), 50 at 0.95 (48 right); 50 fields a rule set at raw 0.3 (45 right).
    var fields: [Field] {
        var fields: [Field] = []
        for index in 0..<100 { fields.append(Field(modelConfidence: 0.3, sources: [], right: index < 30)) }
        for index in 0..<50 { fields.append(Field(modelConfidence: 0.95, sources: [], right: index < 48)) }
        for index in 0..<50 { fields.append(Field(modelConfidence: 0.3, sources: ["isbd-separators"], right: index < 45)) }
        return fields
    }

    func testARulesFieldsGetItsShareAndTheModelsTheirMap() throws {
        let calibration = CalibrationFitting.fit(fields, sourceNames: ["isbd-separators", "translators"])
        let rule = try XCTUnwrap(calibration.rules["isbd-separators"])
        XCTAssertEqual(rule.fields, 50)
        XCTAssertEqual(rule.confidence, 0.9, accuracy: 1e-6)  // 45 of 50, pulled toward all rules' 0.9
        XCTAssertEqual(calibration.apply(0.3, source: nil), 0.3, accuracy: 1e-9)
        XCTAssertEqual(calibration.apply(0.95, source: nil), 0.96, accuracy: 1e-9)
        // A rule that set no field here takes the rules' common share, not a 0 or 1 from nothing.
        let unseen = try XCTUnwrap(calibration.rules["translators"])
        XCTAssertEqual(unseen.fields, 0)
        XCTAssertEqual(unseen.confidence, 0.9, accuracy: 1e-6)
    }

    func testRuleSetFieldsAreCalibratedWhereOneMapForAllIsNot() {
        // One map for every field (as before): at raw 0.3 it gives the mixed share (75 of 150 = 0.5). Over all
        // fields that looks calibrated, but a set where rules fire often (GOST's) is all rule-set fields: there it
        // says 0.5 for fields right 90 % of the time, and on the model's own fields 0.5 for 30 %.
        // (Written out: the isotonic fit of tied confidences depends on their order, real confidences are not tied.)
        let oneMap = ConfidenceCalibration(raw: [0.3, 0.95], calibrated: [0.5, 0.96])
        let calibration = CalibrationFitting.fit(fields, sourceNames: ["isbd-separators"])
        for ruleSet in [true, false] {
            var before = Reliability(), after = Reliability()
            for field in fields where field.sources.isEmpty != ruleSet {
                let raw = field.modelConfidence ?? 1
                before.add(confidence: oneMap.apply(raw), right: field.right)
                after.add(confidence: calibration.apply(raw, source: field.sources.first), right: field.right)
            }
            XCTAssertGreaterThan(before.expectedCalibrationError, 0.1, ruleSet ? "rule-set fields" : "model fields")
            XCTAssertLessThan(after.expectedCalibrationError, 0.01, ruleSet ? "rule-set fields" : "model fields")
        }
    }

    func testASmallRuleIsPulledTowardAllRules() throws {
        // Two fields, both right: not 1.0 but (2 + 5 × 0.5) / (2 + 5) with the other rule's 0.5 the common share.
        var few: [Field] = [Field(modelConfidence: 0.4, sources: ["quoted-title"], right: true),
                            Field(modelConfidence: 0.4, sources: ["quoted-title"], right: true)]
        for index in 0..<98 { few.append(Field(modelConfidence: 0.4, sources: ["author-guards"], right: index < 47)) }
        let calibration = CalibrationFitting.fit(few, sourceNames: [])
        let prior = 49.0 / 100
        XCTAssertEqual(try XCTUnwrap(calibration.rules["quoted-title"]).confidence, (2 + 5 * prior) / 7, accuracy: 1e-6)
    }

    func testRuleConfidencesSurviveTheModelBytes() throws {
        var model = SequenceModel(labels: ["a", "b"], table: FeatureTable(keys: [1], pairs: [[(0, 1.0)]]),
                                  transitions: [Float](repeating: 0, count: (1 + GapClass.count) * 4), starts: [0, 0])
        model.calibration = ConfidenceCalibration(raw: [0.5, 0.75], calibrated: [0.25, 0.5],
                                                  rules: ["translators": .init(confidence: 0.875, fields: 12),
                                                          "check:doi": .init(confidence: 0.984375, fields: 300)])
        let decoded = try ModelCoding.decode(ModelCoding.encode(model))
        XCTAssertEqual(decoded.calibration, model.calibration)
        // A model written before rules had confidences (no "RUL1") reads with none.
        model.calibration = ConfidenceCalibration(raw: [0.5, 0.75], calibrated: [0.25, 0.5])
        XCTAssertEqual(try ModelCoding.decode(ModelCoding.encode(model)).calibration.rules, [:])
    }
}
