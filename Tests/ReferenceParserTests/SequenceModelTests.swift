import XCTest
import DossierModel
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

    /// The decoder's four-register passes (up to 32 labels) and its chunked passes (more) give, to the last bit, the
    /// path and confidences of a plain scalar Viterbi with max-marginals over the same sums in the same order.
    func testDecodingMatchesAScalarViterbiForEveryLabelCount() {
        var generator = SplitMix(seed: 20261208)
        for labelCount in [1, 2, 3, 7, 8, 9, 15, 16, 17, 24, 25, 27, 31, 32, 33, 40] {
            for round in 0..<6 {
                let labels = (0..<labelCount).map { "l\($0)" }
                let size = labelCount * labelCount
                // Whole numbers in some rounds, so that equal sums (the first of equals wins) are met too.
                func weight() -> Float {
                    round % 2 == 0 ? Float(Int.random(in: -3...3, using: &generator)) : Float.random(in: -4...4, using: &generator)
                }
                let transitions = (0..<(1 + GapClass.count) * size).map { _ in weight() }
                let starts = (0..<labelCount).map { _ in weight() }
                let model = SequenceModel(labels: labels, table: FeatureTable(keys: [], pairs: []), transitions: transitions, starts: starts)
                let length = Int.random(in: 1...14, using: &generator)
                let emissions = (0..<length * labelCount).map { _ in weight() * 2 }
                let gaps = (0..<length).map { _ in Int.random(in: 0..<GapClass.count, using: &generator) }
                let (path, confidence) = model.decodeWithMargins(emissions, gaps: gaps, length: length)
                let expected = scalarDecode(model, emissions: emissions, gaps: gaps, length: length)
                XCTAssertEqual(path, expected.path, "\(labelCount) labels, round \(round)")
                XCTAssertEqual(confidence, expected.confidence, "\(labelCount) labels, round \(round)")
            }
        }
    }

    /// Viterbi and max-marginals one label at a time: `forward + transition`, then `+ emission`; backward
    /// `(transition + emission) + backward`; strict comparisons, so the first of equals.
    func scalarDecode(_ model: SequenceModel, emissions: [Float], gaps: [Int], length: Int) -> (path: [Int], confidence: [Double]) {
        let count = model.labelCount
        var forward = [Float](repeating: 0, count: length * count)
        var from = [Int](repeating: 0, count: length * count)
        for label in 0..<count { forward[label] = model.starts[label] + emissions[label] }
        for token in 1..<max(length, 1) {
            let block = model.transitionsByGap[gaps[token]]
            for to in 0..<count {
                var best = -Float.greatestFiniteMagnitude, bestFrom = 0
                for previous in 0..<count {
                    let score = forward[(token - 1) * count + previous] + block[previous * count + to]
                    if score > best { best = score; bestFrom = previous }
                }
                forward[token * count + to] = best + emissions[token * count + to]
                from[token * count + to] = bestFrom
            }
        }
        var path = [Int](repeating: 0, count: length)
        var last = 0
        for label in 1..<count where forward[(length - 1) * count + label] > forward[(length - 1) * count + last] { last = label }
        path[length - 1] = last
        for token in stride(from: length - 1, to: 0, by: -1) { path[token - 1] = from[token * count + path[token]] }
        var backward = [Float](repeating: 0, count: length * count)
        for token in stride(from: length - 2, through: 0, by: -1) {
            let block = model.transitionsByGap[gaps[token + 1]]
            for label in 0..<count {
                var best = -Float.greatestFiniteMagnitude
                for to in 0..<count {
                    let score = block[label * count + to] + emissions[(token + 1) * count + to] + backward[(token + 1) * count + to]
                    if score > best { best = score }
                }
                backward[token * count + label] = best
            }
        }
        var confidence = [Double](repeating: 0, count: length)
        for token in 0..<length {
            var best = -Float.greatestFiniteMagnitude
            for label in 0..<count { best = max(best, forward[token * count + label] + backward[token * count + label]) }
            var sum = 0.0, chosen = 0.0
            for label in 0..<count {
                let value = Double(forward[token * count + label] + backward[token * count + label] - best) / SequenceModel.temperature
                let weight = value < -30 ? 0 : exp(value)
                sum += weight
                if label == path[token] { chosen = weight }
            }
            confidence[token] = sum > 0 ? chosen / sum : 0
        }
        return (path, confidence)
    }
}
