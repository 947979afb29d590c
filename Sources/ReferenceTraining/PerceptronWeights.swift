import ReferenceParser
import DossierText
import DossierText

/// Dense weights during perceptron training, with the running sums that give the averaged weights
/// (w − u / c: Daumé's trick, so averaging costs nothing per step).
package struct PerceptronWeights {
    let labelCount: Int
    var emission: [Float]
    var emissionSums: [Double]
    var transition: [Float]
    var transitionSums: [Double]
    var start: [Float]
    var startSums: [Double]
    var step: Double = 1

    init(features: Int, labels: Int) {
        labelCount = labels
        emission = Array(repeating: 0, count: features * labels)
        emissionSums = Array(repeating: 0, count: features * labels)
        transition = Array(repeating: 0, count: (1 + GapClass.count) * labels * labels)
        transitionSums = Array(repeating: 0, count: (1 + GapClass.count) * labels * labels)
        start = Array(repeating: 0, count: labels)
        startSums = Array(repeating: 0, count: labels)
    }

    mutating func tick() { step += 1 }

    func scores(_ tokens: [[Int32]]) -> [Float] {
        var scores = [Float](repeating: 0, count: tokens.count * labelCount)
        for (token, features) in tokens.enumerated() {
            let base = token * labelCount
            for feature in features {
                let row = Int(feature) * labelCount
                for label in 0..<labelCount { scores[base + label] += emission[row + label] }
            }
        }
        return scores
    }

    func decode(_ tokens: [[Int32]], gaps: [Int]) -> [Int] {
        let model = SequenceModel(labels: Array(repeating: "", count: labelCount), table: FeatureTable(keys: [], pairs: []),
                                  transitions: transition, starts: start)
        return model.decode(scores(tokens), gaps: gaps, length: tokens.count)
    }

    mutating func update(_ tokens: [[Int32]], gaps: [Int], gold: [Int], predicted: [Int]) {
        for (token, features) in tokens.enumerated() where gold[token] != predicted[token] {
            for feature in features {
                let row = Int(feature) * labelCount
                PerceptronWeights.add(&emission, &emissionSums, row + gold[token], 1, step: step)
                PerceptronWeights.add(&emission, &emissionSums, row + predicted[token], -1, step: step)
            }
        }
        if gold.first != predicted.first, let goldStart = gold.first, let predictedStart = predicted.first {
            PerceptronWeights.add(&start, &startSums, goldStart, 1, step: step)
            PerceptronWeights.add(&start, &startSums, predictedStart, -1, step: step)
        }
        for token in 1..<max(gold.count, 1) {
            let goldPair = gold[token - 1] * labelCount + gold[token]
            let predictedPair = predicted[token - 1] * labelCount + predicted[token]
            if goldPair != predictedPair {
                let gapBase = (1 + gaps[token]) * labelCount * labelCount
                PerceptronWeights.add(&transition, &transitionSums, goldPair, 1, step: step)
                PerceptronWeights.add(&transition, &transitionSums, predictedPair, -1, step: step)
                PerceptronWeights.add(&transition, &transitionSums, gapBase + goldPair, 1, step: step)
                PerceptronWeights.add(&transition, &transitionSums, gapBase + predictedPair, -1, step: step)
            }
        }
    }

    private static func add(_ weights: inout [Float], _ sums: inout [Double], _ index: Int, _ delta: Float, step: Double) {
        weights[index] += delta
        sums[index] += step * Double(delta)
    }

    func averaged(_ weights: [Float], _ sums: [Double]) -> [Float] {
        zip(weights, sums).map { Float(Double($0) - $1 / step) }
    }

    /// The averaged model, features whose weights all fall below `pruneBelow` left out.
    func averagedModel(labels: [String], keys: [UInt32], pruneBelow: Float) -> SequenceModel {
        let table = FeatureTable.pruned(keys: keys, labelCount: labelCount) { feature, label in
            let index = feature * labelCount + label
            let value = Float(Double(emission[index]) - emissionSums[index] / step)
            return abs(value) >= pruneBelow ? value : nil
        }
        return SequenceModel(labels: labels, table: table,
                             transitions: averaged(transition, transitionSums), starts: averaged(start, startSums))
    }
}
