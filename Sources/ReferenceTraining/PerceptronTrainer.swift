import DossierModel
import ReferenceParser
import DossierText

/// Trains a `SequenceModel` with the averaged structured perceptron: deterministic (fixed order, a fixed-seed
/// shuffle, features numbered in order of first appearance), so the same data gives the same bytes.
public struct PerceptronTrainer {
    /// Passes over the data.
    public var epochs = 30
    /// Features seen fewer times than this in the training data are dropped.
    public var minimumCount = 2
    /// Seed of the shuffle between passes.
    public var seed: UInt64 = 0x5EED_2026
    /// Averaged weights smaller than this (in absolute value) are dropped from the model.
    public var pruneBelow: Float = 0.01

    /// A trainer with the default settings.
    public init() {}

    /// The model learnt from `references`; `progress` gets one line per pass.
    public func train(_ references: [LabelledReference], progress: (String) -> Void = { _ in }) -> SequenceModel {
        train(references, progress: progress, afterPass: nil)
    }

    /// The model learnt from `references`; after every pass `afterPass` (when given) gets the pass number and the
    /// averaged model so far, to score it on validation data.
    public func train(_ references: [LabelledReference], progress: (String) -> Void = { _ in },
                      afterPass: ((Int, SequenceModel) -> Void)?) -> SequenceModel {
        let data = IndexedTrainingData(references, minimumCount: minimumCount)
        let labelNames = data.labelNames, featureKeys = data.featureKeys, indexed = data.sequences
        var weights = PerceptronWeights(features: featureKeys.count, labels: labelNames.count)
        var order = Array(indexed.indices)
        var random = SplitMix(seed: seed)
        for epoch in 1...max(epochs, 1) {
            for position in stride(from: order.count - 1, to: 0, by: -1) {
                let other = Int(random.next() % UInt64(position + 1))
                order.swapAt(position, other)
            }
            var mistakes = 0
            for index in order {
                let sequence = indexed[index]
                let predicted = weights.decode(sequence.tokens, gaps: sequence.gaps)
                weights.tick()
                if predicted != sequence.labels {
                    mistakes += 1
                    weights.update(sequence.tokens, gaps: sequence.gaps, gold: sequence.labels, predicted: predicted)
                }
            }
            progress("pass \(epoch)/\(epochs): \(mistakes) of \(order.count) references mislabelled")
            if let afterPass {
                afterPass(epoch, weights.averagedModel(labels: labelNames, keys: featureKeys, pruneBelow: pruneBelow))
            }
        }
        return weights.averagedModel(labels: labelNames, keys: featureKeys, pruneBelow: pruneBelow)
    }
}

extension PerceptronTrainer {
    /// AnyStyle's data labels the year of "2012;30(15):" as date in some references and as volume in others (103
    /// against 88 in core+gold+good): training reads such a year as the date, as other sources label it.
    static func harmonized(_ tokens: [ReferenceToken], _ labels: [String]) -> [String] {
        var result = labels
        for index in tokens.indices where labels[index] == "volume" || labels[index] == "pages" {
            let text = tokens[index].text
            guard text.hasSuffix(";"), index == 0 || labels[index - 1] != labels[index],
                  DateParsing.yearValue(String(text.dropLast())) != nil else { continue }
            result[index] = "date"
        }
        return result
    }
}
