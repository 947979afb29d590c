import DossierModel
import XCTest
@testable import ReferenceParser
@testable import ReferenceTraining

final class CRFTrainingTests: XCTestCase {
    func synthetic(_ count: Int, _ seed: UInt64) -> [LabelledReference] { SyntheticReferences.make(count, seed: seed) }

    func testCRFLearnsASyntheticStyle() {
        var trainer = CRFTrainer()
        trainer.iterations = 60
        trainer.minimumCount = 1
        let parser = ReferenceParser(model: trainer.train(synthetic(60, 1)))
        for reference in synthetic(10, 99) {
            let (_, gold) = reference.labelledTokens
            XCTAssertEqual(parser.label(reference.text).labels, gold, reference.text)
        }
    }

    func testCRFTrainingIsDeterministic() {
        var trainer = CRFTrainer()
        trainer.iterations = 8
        let data = synthetic(40, 7)
        XCTAssertEqual(ModelCoding.encode(trainer.train(data)), ModelCoding.encode(trainer.train(data)))
    }

    /// The analytic gradient of the likelihood matches central finite differences, for emission, transition
    /// (shared and per gap class) and start weights alike.
    func testObjectiveGradientMatchesFiniteDifferences() {
        let data = IndexedTrainingData(synthetic(6, 5), minimumCount: 1)
        let objective = CRFObjective(data: data, l2: 0.5, chunks: 2)
        var random = SplitMix(seed: 11)
        let weights = (0..<objective.parameterCount).map { _ in Double(random.next() % 2001) / 1000 - 1 }
        let (_, gradient) = objective.evaluate(weights)
        let probes = [0, 7, objective.transitionOffset - 1, objective.transitionOffset + 3,
                      objective.transitionOffset + objective.labelCount * objective.labelCount * 2 + 5,
                      objective.startOffset, objective.parameterCount - 1]
        for index in probes {
            var plus = weights, minus = weights
            plus[index] += 1e-5
            minus[index] -= 1e-5
            let numeric = (objective.evaluate(plus).value - objective.evaluate(minus).value) / 2e-5
            XCTAssertEqual(gradient[index], numeric, accuracy: 1e-4 * max(1, abs(numeric)), "weight \(index)")
        }
    }

    /// One chunk or several: the same value (the chunks only split the work).
    func testObjectiveDoesNotDependOnChunking() {
        let data = IndexedTrainingData(synthetic(9, 2), minimumCount: 1)
        let weights = [Double](repeating: 0.1, count: CRFObjective(data: data, l2: 0.1).parameterCount)
        let one = CRFObjective(data: data, l2: 0.1, chunks: 1).evaluate(weights)
        let three = CRFObjective(data: data, l2: 0.1, chunks: 3).evaluate(weights)
        XCTAssertEqual(one.value, three.value, accuracy: 1e-9)
        XCTAssertEqual(one.gradient[3], three.gradient[3], accuracy: 1e-9)
    }

    /// A reference weighted 2 counts as the same reference given twice: the same value and gradient.
    func testAWeightCountsAsRepetition() {
        var weighted = synthetic(5, 3)
        let repeated = weighted + [weighted[1]]
        weighted[1].weight = 2
        let once = CRFObjective(data: IndexedTrainingData(weighted, minimumCount: 1), l2: 0.3, chunks: 1)
        let twice = CRFObjective(data: IndexedTrainingData(repeated, minimumCount: 1), l2: 0.3, chunks: 1)
        XCTAssertEqual(once.parameterCount, twice.parameterCount)
        var random = SplitMix(seed: 4)
        let weights = (0..<once.parameterCount).map { _ in Double(random.next() % 2001) / 1000 - 1 }
        let (value, gradient) = once.evaluate(weights)
        let (expected, expectedGradient) = twice.evaluate(weights)
        XCTAssertEqual(value, expected, accuracy: 1e-9 * abs(expected))
        for index in [0, 5, once.transitionOffset + 2, once.startOffset, once.parameterCount - 1] {
            XCTAssertEqual(gradient[index], expectedGradient[index], accuracy: 1e-9, "weight \(index)")
        }
    }

    func testLBFGSFindsTheMinimumOfAQuadratic() {
        // f(x) = Σ (i + 1)(x_i − i)², minimum at x_i = i.
        let minimum = LBFGS().minimize([Double](repeating: 0, count: 5), iterations: 100, objective: { x in
            let value = x.indices.reduce(0.0) { $0 + Double($1 + 1) * (x[$1] - Double($1)) * (x[$1] - Double($1)) }
            return (value, x.indices.map { 2 * Double($0 + 1) * (x[$0] - Double($0)) })
        }, afterIteration: { _, _, _ in })
        for (index, value) in minimum.enumerated() { XCTAssertEqual(value, Double(index), accuracy: 1e-3) }
    }
}
