import ReferenceParser
import DossierText
import DossierText

/// Labelled references turned into what a trainer iterates over: label ids, and per token the indices of its
/// features (those seen at least `minimumCount` times), numbered in order of first appearance so that the same
/// data always gives the same numbering.
package struct IndexedTrainingData {
    /// One reference: per token its feature indices, the gap class before each token, the gold label ids, and the
    /// reference's weight in the likelihood.
    struct Sequence {
        var tokens: [[Int32]]
        var gaps: [Int]
        var labels: [Int]
        var weight = 1.0
    }

    var labelNames: [String] = []
    /// The hashed key of each feature index.
    var featureKeys: [UInt32] = []
    var sequences: [Sequence] = []

    init(_ references: [LabelledReference], minimumCount: Int) {
        // Labels harmonized and features extracted here; label ids and feature indices are numbered as for any
        // sequence (`init(_:labelOrder:minimumCount:)`), in order of first appearance.
        let labelled = references.compactMap { reference -> LabelledSequence? in
            let (tokens, names) = reference.trainingTokens
            guard !tokens.isEmpty, tokens.count == names.count else { return nil }
            return LabelledSequence(features: FeatureExtractor.features(of: tokens), labels: PerceptronTrainer.harmonized(tokens, names),
                                    weight: reference.weight)
        }
        self.init(labelled, labelOrder: [], minimumCount: minimumCount)
    }
}
