import ReferenceParser
import DossierText
import DossierText
import Foundation

/// The negative log-likelihood of a linear-chain CRF over indexed training data, plus an L2 penalty, and its
/// gradient. Parameters are laid out as emission weights (feature × label), then transitions ((1 + gap classes)
/// blocks of label × label, as `SequenceModel` reads them), then start weights. Forward–backward runs in scaled
/// probability space (products, not log-sums) for speed.
package struct CRFObjective {
    let data: IndexedTrainingData
    let l2: Double
    let labelCount: Int
    let featureCount: Int
    /// Sequences are scored in this many fixed chunks, in parallel; their sums are added in chunk order, so the
    /// result does not depend on timing.
    let chunks: Int

    var transitionOffset: Int { featureCount * labelCount }
    var startOffset: Int { transitionOffset + (1 + GapClass.count) * labelCount * labelCount }
    var parameterCount: Int { startOffset + labelCount }

    init(data: IndexedTrainingData, l2: Double, chunks: Int = 2) {
        self.data = data
        self.l2 = l2
        labelCount = data.labelNames.count
        featureCount = data.featureKeys.count
        self.chunks = max(1, chunks)
    }

    func evaluate(_ weights: [Double]) -> (value: Double, gradient: [Double]) {
        let labels = labelCount
        let pairs = labels * labels
        // exp of the transition score for every gap class, and of the start scores.
        var transitionFactors = [Double](repeating: 0, count: GapClass.count * pairs)
        for gap in 0..<GapClass.count {
            for pair in 0..<pairs {
                transitionFactors[gap * pairs + pair] = exp(weights[transitionOffset + pair] + weights[transitionOffset + (1 + gap) * pairs + pair])
            }
        }
        let startFactors = (0..<labels).map { exp(weights[startOffset + $0]) }
        let factors = transitionFactors
        let sequenceCount = data.sequences.count
        let chunkCount = chunks
        let partials = ChunkResults(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var gradient = [Double](repeating: 0, count: parameterCount)
            var value = 0.0
            let range = (sequenceCount * chunk / chunkCount)..<(sequenceCount * (chunk + 1) / chunkCount)
            weights.withUnsafeBufferPointer { weights in
                gradient.withUnsafeMutableBufferPointer { gradient in
                    for index in range {
                        value += accumulate(data.sequences[index], weights: weights, transitionFactors: factors,
                                            startFactors: startFactors, gradient: gradient)
                    }
                }
            }
            partials.store(chunk, value: value, gradient: gradient)
        }
        var value = 0.0
        var gradient = [Double](repeating: 0, count: parameterCount)
        for chunk in 0..<chunkCount {
            let (chunkValue, chunkGradient) = partials.result(chunk)
            value += chunkValue
            LBFGS.axpy(1, chunkGradient, &gradient)
        }
        for index in 0..<parameterCount {
            value += 0.5 * l2 * weights[index] * weights[index]
            gradient[index] += l2 * weights[index]
        }
        return (value, gradient)
    }

    /// Adds the gradient of one sequence's negative log-likelihood, times its weight, to `gradient` and returns that
    /// weighted likelihood.
    private func accumulate(_ sequence: IndexedTrainingData.Sequence, weights: UnsafeBufferPointer<Double>,
                            transitionFactors: [Double], startFactors: [Double],
                            gradient: UnsafeMutableBufferPointer<Double>) -> Double {
        let labels = labelCount, pairs = labels * labels
        let length = sequence.tokens.count
        let weight = sequence.weight
        guard length > 0 else { return 0 }
        var emissions = [Double](repeating: 0, count: length * labels)
        for token in 0..<length {
            for feature in sequence.tokens[token] {
                let row = Int(feature) * labels
                for label in 0..<labels { emissions[token * labels + label] += weights[row + label] }
            }
        }
        // potentials ψ = exp(emission − max), with the max kept for log Z
        var potentials = [Double](repeating: 0, count: length * labels)
        var logZ = 0.0
        for token in 0..<length {
            var largest = -Double.greatestFiniteMagnitude
            for label in 0..<labels { largest = max(largest, emissions[token * labels + label]) }
            for label in 0..<labels { potentials[token * labels + label] = exp(emissions[token * labels + label] - largest) }
            logZ += largest
        }
        var forward = [Double](repeating: 0, count: length * labels)
        var scales = [Double](repeating: 0, count: length)
        var sum = 0.0
        for label in 0..<labels {
            forward[label] = startFactors[label] * potentials[label]
            sum += forward[label]
        }
        scales[0] = sum
        for label in 0..<labels { forward[label] /= sum }
        for token in 1..<max(length, 1) {
            let factors = sequence.gaps[token] * pairs
            sum = 0
            for to in 0..<labels {
                var total = 0.0
                for from in 0..<labels { total += forward[(token - 1) * labels + from] * transitionFactors[factors + from * labels + to] }
                let value = total * potentials[token * labels + to]
                forward[token * labels + to] = value
                sum += value
            }
            scales[token] = sum
            for label in 0..<labels { forward[token * labels + label] /= sum }
        }
        for scale in scales { logZ += log(scale) }

        var backward = [Double](repeating: 1, count: length * labels)
        var token = length - 2
        while token >= 0 {
            let factors = sequence.gaps[token + 1] * pairs
            for from in 0..<labels {
                var total = 0.0
                for to in 0..<labels {
                    total += transitionFactors[factors + from * labels + to] * potentials[(token + 1) * labels + to] * backward[(token + 1) * labels + to]
                }
                backward[token * labels + from] = total / scales[token + 1]
            }
            token -= 1
        }

        let gold = sequence.labels
        var goldScore = weights[startOffset + gold[0]]
        for token in 0..<length {
            goldScore += emissions[token * labels + gold[token]]
            for feature in sequence.tokens[token] {
                let row = Int(feature) * labels
                for label in 0..<labels {
                    gradient[row + label] += weight * forward[token * labels + label] * backward[token * labels + label]
                }
                gradient[row + gold[token]] -= weight
            }
        }
        for label in 0..<labels { gradient[startOffset + label] += weight * forward[label] * backward[label] }
        gradient[startOffset + gold[0]] -= weight
        for token in 1..<max(length, 1) {
            let gap = sequence.gaps[token]
            let factors = gap * pairs
            let gapBlock = transitionOffset + (1 + gap) * pairs
            for from in 0..<labels {
                let left = weight * forward[(token - 1) * labels + from] / scales[token]
                for to in 0..<labels {
                    let marginal = left * transitionFactors[factors + from * labels + to] * potentials[token * labels + to] * backward[token * labels + to]
                    gradient[transitionOffset + from * labels + to] += marginal
                    gradient[gapBlock + from * labels + to] += marginal
                }
            }
            let goldPair = gold[token - 1] * labels + gold[token]
            gradient[transitionOffset + goldPair] -= weight
            gradient[gapBlock + goldPair] -= weight
            goldScore += weights[transitionOffset + goldPair] + weights[gapBlock + goldPair]
        }
        return weight * (logZ - goldScore)
    }
}

/// One slot per chunk, each written by exactly one worker and read after all of them finish.
private final class ChunkResults: @unchecked Sendable {
    private let values: UnsafeMutablePointer<Double>
    private let gradients: UnsafeMutablePointer<[Double]>
    private let count: Int

    init(count: Int) {
        self.count = count
        values = .allocate(capacity: count)
        values.initialize(repeating: 0, count: count)
        gradients = .allocate(capacity: count)
        gradients.initialize(repeating: [], count: count)
    }

    deinit {
        values.deallocate()
        gradients.deinitialize(count: count)
        gradients.deallocate()
    }

    func store(_ chunk: Int, value: Double, gradient: [Double]) {
        values[chunk] = value
        gradients[chunk] = gradient
    }

    func result(_ chunk: Int) -> (Double, [Double]) { (values[chunk], gradients[chunk]) }
}
