import XCTest
@testable import ReferenceParser

final class SequenceModelTests: XCTestCase {
    /// Two labels, a feature that says "a" and one that says "b", and a transition a→b that is expensive.
    func tinyModel(penalty: Float) -> SequenceModel {
        let labels = ["a", "b"]
        var transitions = [Float](repeating: 0, count: (1 + GapClass.count) * 4)
        transitions[0 * 2 + 1] = -penalty  // a → b
        let table = FeatureTable(keys: [1, 2], pairs: [[(0, 1.0)], [(1, 1.0)]])
        return SequenceModel(labels: labels, table: table, transitions: transitions, starts: [0, 0])
    }

    func testViterbiFollowsEmissionsWhenTransitionsAreCheap() {
        let model = tinyModel(penalty: 0.5)
        var features = FeatureSequence()
        for key: UInt32 in [1, 1, 2] {
            features.keys.append(key)
            features.offsets.append(features.keys.count)
            features.gaps.append(0)
        }
        let path = model.decode(model.emissions(features), gaps: features.gaps, length: 3)
        XCTAssertEqual(path, [0, 0, 1])
    }

    func testViterbiPaysForAnExpensiveTransition() {
        // a a b costs 2 + 1 − 3 = 0; a a a scores 2; b b b scores 1: the best path stays on a.
        let model = tinyModel(penalty: 3)
        let emissions: [Float] = [1, 0, 1, 0, 0, 1]
        XCTAssertEqual(model.decode(emissions, gaps: [0, 0, 0], length: 3), [0, 0, 0])
        let (path, confidence) = model.decodeWithMargins(emissions, gaps: [0, 0, 0], length: 3)
        XCTAssertEqual(path, [0, 0, 0])
        XCTAssertTrue(confidence.allSatisfy { $0 > 0.5 && $0 <= 1 })
    }

    func testGapClassTransitionsAddToThePlainOnes() {
        var transitions = [Float](repeating: 0, count: (1 + GapClass.count) * 4)
        // At a comma boundary (class 1), switching a → b is rewarded.
        transitions[(1 + 1) * 4 + 1] = 5
        let model = SequenceModel(labels: ["a", "b"], table: FeatureTable(keys: [], pairs: []), transitions: transitions, starts: [1, 0])
        XCTAssertEqual(model.decode([0, 0, 0, 0], gaps: [0, 1], length: 2), [0, 1])
        XCTAssertEqual(model.decode([0, 0, 0, 0], gaps: [0, 0], length: 2), [0, 0])
    }

    func testModelBytesRoundTrip() throws {
        let model = tinyModel(penalty: 0.25)
        let bytes = ModelCoding.encode(model)
        let decoded = try ModelCoding.decode(bytes)
        XCTAssertEqual(decoded.labels, model.labels)
        XCTAssertEqual(ModelCoding.encode(decoded), bytes)
        XCTAssertEqual(Base64.decode(Base64.encode(bytes)), bytes)
        XCTAssertThrowsError(try ModelCoding.decode(Array(bytes.prefix(20))))
        XCTAssertThrowsError(try ModelCoding.decode(Array("nope".utf8)))
    }
}
