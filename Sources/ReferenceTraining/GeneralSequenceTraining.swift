import ReferenceParser
import DossierText

/// One training sequence of any kind (the lines of a publication list, say): its features, hashed by the caller,
/// and a label name per element.
public struct LabelledSequence: Sendable {
    package var features: FeatureSequence
    public var labels: [String]
    public var weight: Double

    package init(features: FeatureSequence, labels: [String], weight: Double = 1) {
        self.features = features
        self.labels = labels
        self.weight = weight
    }
}

extension IndexedTrainingData {
    /// Indexed data from sequences whose features the caller has extracted; label ids in the order `labelOrder`
    /// gives, then in order of first appearance.
    init(_ labelled: [LabelledSequence], labelOrder: [String], minimumCount: Int) {
        var labelIndex: [String: Int] = [:]
        for name in labelOrder where labelIndex[name] == nil {
            labelIndex[name] = labelNames.count
            labelNames.append(name)
        }
        var keyCounts: [UInt32: Int] = [:]
        for sequence in labelled { for key in sequence.features.keys { keyCounts[key, default: 0] += 1 } }
        var featureIndex: [UInt32: Int32] = [:]
        for sequence in labelled where sequence.features.count == sequence.labels.count && sequence.features.count > 0 {
            let labels = sequence.labels.map { name -> Int in
                if let index = labelIndex[name] { return index }
                labelIndex[name] = labelNames.count
                labelNames.append(name)
                return labelNames.count - 1
            }
            var tokens: [[Int32]] = []
            for element in 0..<sequence.features.count {
                var row: [Int32] = []
                for key in sequence.features.keys(of: element) where (keyCounts[key] ?? 0) >= minimumCount {
                    if let index = featureIndex[key] { row.append(index); continue }
                    featureIndex[key] = Int32(featureKeys.count)
                    featureKeys.append(key)
                    row.append(Int32(featureKeys.count - 1))
                }
                tokens.append(row)
            }
            self.sequences.append(Sequence(tokens: tokens, gaps: sequence.features.gaps, labels: labels, weight: sequence.weight))
        }
    }

}

extension CRFTrainer {
    /// A model of `sequences` (features hashed by the caller, e.g. the lines of CVs), trained as `train(_:)`
    /// trains the reference model: the same objective, optimiser and pruning, and as deterministic.
    package func train(sequences: [LabelledSequence], labelOrder: [String] = [], progress: (String) -> Void = { _ in }) -> SequenceModel {
        let data = IndexedTrainingData(sequences, labelOrder: labelOrder, minimumCount: minimumCount)
        let objective = CRFObjective(data: data, l2: l2)
        progress("\(data.sequences.count) sequences, \(data.featureKeys.count) features, \(objective.parameterCount) weights")
        let start = [Double](repeating: 0, count: objective.parameterCount)
        let weights = LBFGS().minimize(start, iterations: iterations, objective: objective.evaluate) { iteration, value, _ in
            if iteration % 10 == 0 { progress("iteration \(iteration)/\(iterations): objective \(String(format: "%.1f", value))") }
        }
        return model(weights, data: data, objective: objective)
    }
}
