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

    /// The decoded path is the best of all paths (checked by trying every one), and on equal scores each token keeps
    /// the first label, as the forward pass's strict comparisons did when it kept back-pointers.
    func testViterbiFindsTheBestPathAndKeepsTheFirstOfEquals() {
        let labels = ["a", "b", "c"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            var transitions = [Float](repeating: 0, count: (1 + GapClass.count) * 9)
            for cell in 0..<9 { transitions[cell] = Float(Int.random(in: -3...3, using: &generator)) }
            let starts = (0..<3).map { _ in Float(Int.random(in: -2...2, using: &generator)) }
            let model = SequenceModel(labels: labels, table: FeatureTable(keys: [], pairs: []), transitions: transitions, starts: starts)
            let emissions = (0..<12).map { _ in Float(Int.random(in: -2...2, using: &generator)) }
            let path = model.decode(emissions, gaps: [0, 0, 0, 0], length: 4)
            func score(_ path: [Int]) -> Float {
                var total = starts[path[0]] + emissions[path[0]]
                for token in 1..<4 { total += transitions[path[token - 1] * 3 + path[token]] + emissions[token * 3 + path[token]] }
                return total
            }
            var best = -Float.greatestFiniteMagnitude
            for code in 0..<81 {
                let candidate = [code / 27, code / 9 % 3, code / 3 % 3, code % 3]
                best = max(best, score(candidate))
            }
            XCTAssertEqual(score(path), best, "path \(path)")
        }
        let flat = SequenceModel(labels: labels, table: FeatureTable(keys: [], pairs: []),
                                 transitions: [Float](repeating: 0, count: (1 + GapClass.count) * 9), starts: [0, 0, 0])
        XCTAssertEqual(flat.decode([Float](repeating: 0, count: 9), gaps: [0, 0, 0], length: 3), [0, 0, 0])
    }

    /// A row that names a label twice keeps the sparse path (no dense rows), and adds both weights in order.
    func testARowNamingALabelTwiceIsAddedPairByPair() {
        let table = FeatureTable(keys: [7, 9], pairs: [[(0, 1.5), (0, 2.0)], [(1, -1.0)]])
        let model = SequenceModel(labels: ["a", "b"], table: table, transitions: [Float](repeating: 0, count: (1 + GapClass.count) * 4),
                                  starts: [0, 0])
        var features = FeatureSequence()
        features.keys = [7, 9, 11]
        features.offsets = [0, 3]
        features.gaps = [0]
        XCTAssertEqual(model.emissions(features), [3.5, -1.0])
        let flat = FeatureTable(keys: [7, 9], rowStart: [0, 2, 3], labels: [0, 0, 1], weights: [1.5, 2.0, -1.0])
        XCTAssertEqual(flat.pairs(ofRow: 0).map(\.0), [0, 0])
        XCTAssertEqual(flat.pairs(ofRow: 1).map(\.1), [-1.0])
    }
}
