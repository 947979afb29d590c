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
        var labelIndex: [String: Int] = [:]
        var keyCounts: [UInt32: Int] = [:]
        var extracted: [(features: FeatureSequence, labels: [Int], weight: Double)] = []
        extracted.reserveCapacity(references.count)
        for reference in references {
            let (tokens, originalNames) = reference.labelledTokens
            guard !tokens.isEmpty, tokens.count == originalNames.count else { continue }
            let names = PerceptronTrainer.harmonized(tokens, originalNames)
            let labels = names.map { name -> Int in
                if let index = labelIndex[name] { return index }
                labelIndex[name] = labelNames.count
                labelNames.append(name)
                return labelNames.count - 1
            }
            let features = FeatureExtractor.features(of: tokens)
            for key in features.keys { keyCounts[key, default: 0] += 1 }
            extracted.append((features, labels, reference.weight))
        }
        var featureIndex: [UInt32: Int32] = [:]
        sequences.reserveCapacity(extracted.count)
        for sequence in extracted {
            var tokens: [[Int32]] = []
            for token in 0..<sequence.features.count {
                var row: [Int32] = []
                for key in sequence.features.keys(of: token) where (keyCounts[key] ?? 0) >= minimumCount {
                    if let index = featureIndex[key] { row.append(index); continue }
                    featureIndex[key] = Int32(featureKeys.count)
                    featureKeys.append(key)
                    row.append(Int32(featureKeys.count - 1))
                }
                tokens.append(row)
            }
            sequences.append(Sequence(tokens: tokens, gaps: sequence.features.gaps, labels: sequence.labels,
                                      weight: sequence.weight))
        }
    }
}
