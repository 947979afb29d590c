import ReferenceParser
import DossierText
import DossierText

/// Trains the linear-chain model as a conditional random field (L2-regularised likelihood, L-BFGS): the same
/// model shape and decoding as the perceptron's, usually a little more accurate. Deterministic: the same data
/// gives the same bytes.
public struct CRFTrainer {
    /// L-BFGS iterations at most.
    public var iterations = 250
    /// Features seen fewer times than this in the training data are dropped.
    public var minimumCount = 2
    /// Strength of the L2 penalty (the inverse of the Gaussian prior's variance).
    public var l2 = 1.0
    /// Emission weights smaller than this (before export scaling) are dropped from the model.
    public var pruneBelow = 0.02

    /// A trainer with the default settings.
    public init() {}

    /// Weights are multiplied by this on export, so that `SequenceModel.temperature` turns score differences back
    /// into the CRF's own probabilities (decoding does not depend on the scale).
    static let exportScale = SequenceModel.temperature

    /// The model learnt from `references`; `progress` gets a line per iteration, and every `checkEvery`
    /// iterations `afterCheck` (when given) gets the model so far.
    public func train(_ references: [LabelledReference], progress: (String) -> Void = { _ in },
                      checkEvery: Int = 10, afterCheck: ((Int, SequenceModel) -> Void)? = nil) -> SequenceModel {
        let data = IndexedTrainingData(references, minimumCount: minimumCount)
        let objective = CRFObjective(data: data, l2: l2)
        progress("\(data.sequences.count) references, \(data.featureKeys.count) features, \(objective.parameterCount) weights")
        let start = [Double](repeating: 0, count: objective.parameterCount)
        let weights = LBFGS().minimize(start, iterations: iterations, objective: objective.evaluate) { iteration, value, weights in
            progress("iteration \(iteration)/\(iterations): objective \(String(format: "%.1f", value))")
            if let afterCheck, checkEvery > 0, iteration % checkEvery == 0 {
                afterCheck(iteration, model(weights, data: data, objective: objective))
            }
        }
        return model(weights, data: data, objective: objective)
    }

    /// The `SequenceModel` of the weights, small emission weights left out.
    func model(_ weights: [Double], data: IndexedTrainingData, objective: CRFObjective) -> SequenceModel {
        let labels = objective.labelCount
        let scale = CRFTrainer.exportScale
        let table = FeatureTable.pruned(keys: data.featureKeys, labelCount: labels) { feature, label in
            let value = weights[feature * labels + label]
            return abs(value) >= pruneBelow ? Float(value * scale) : nil
        }
        let transitions = weights[objective.transitionOffset..<objective.startOffset].map { Float($0 * scale) }
        let starts = weights[objective.startOffset...].map { Float($0 * scale) }
        return SequenceModel(labels: data.labelNames, table: table,
                             transitions: transitions, starts: starts)
    }
}
