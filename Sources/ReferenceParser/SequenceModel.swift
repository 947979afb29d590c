import DossierText
import Foundation

/// The linear-chain model: label names, emission weights per feature and label, transition weights between
/// labels (and from the start), with Viterbi decoding and max-marginal confidences.
public struct SequenceModel: Sendable {
    /// Label names (AnyStyle's tags: author, title, container-title, journal, date, …), indexed by label id.
    public let labels: [String]
    let table: FeatureTable
    /// `transitions[from * labelCount + to]` for every boundary, then `GapClass.count` more such blocks added for
    /// boundaries of each class (block `1 + class`).
    let transitions: [Float]
    /// Score of starting with each label.
    let starts: [Float]
    /// `transitions(gap:)` for every gap class, computed once.
    let transitionsByGap: [[Float]]
    /// `transitionsByGap` with rows and columns swapped (`[to * labelCount + from]`), so that the backward pass reads
    /// every label's weight into one `to` from contiguous memory.
    let transposedByGap: [[Float]]
    /// `transitionsByGap` and `transposedByGap` with each row padded with zeros to `laneStride` columns, so that the
    /// decoder reads eight labels at a time (`Lanes`) without a scalar tail.
    let paddedByGap: [[Float]], paddedTransposedByGap: [[Float]]
    /// The label count rounded up to a whole number of `Lanes`.
    let laneStride: Int
    /// Maps raw confidences to calibrated ones (identity for models trained without `--calibration`).
    public package(set) var calibration = ConfidenceCalibration.identity

    package init(labels: [String], table: FeatureTable, transitions: [Float], starts: [Float]) {
        self.labels = labels
        self.table = table
        self.transitions = transitions
        self.starts = starts
        let size = labels.count * labels.count
        transitionsByGap = (0..<GapClass.count).map { gap in
            let base = (1 + gap) * size
            guard transitions.count >= base + size else { return Array(transitions.prefix(size)) }
            return (0..<size).map { transitions[$0] + transitions[base + $0] }
        }
        let count = labels.count
        transposedByGap = transitionsByGap.map { block in
            // A model too small to decode (a trainer's placeholder) keeps its weights as they are.
            guard block.count >= size else { return block }
            return (0..<size).map { cell in block[(cell % count) * count + cell / count] }
        }
        let stride = (count + Lanes.scalarCount - 1) / Lanes.scalarCount * Lanes.scalarCount
        laneStride = stride
        func padded(_ block: [Float]) -> [Float] {
            var rows = [Float](repeating: 0, count: count * stride)
            for cell in 0..<min(size, block.count) { rows[cell / count * stride + cell % count] = block[cell] }
            return rows
        }
        paddedByGap = transitionsByGap.map(padded)
        paddedTransposedByGap = transposedByGap.map(padded)
    }

    /// The labels the decoder compares at once.
    typealias Lanes = SIMD8<Float>

    var labelCount: Int { labels.count }

    /// Emission scores, `scores[t * labelCount + label]`.
    func emissions(_ features: FeatureSequence) -> [Float] {
        let labelCount = self.labelCount
        var scores = [Float](repeating: 0, count: features.count * labelCount)
        scores.withUnsafeMutableBufferPointer { buffer in
            guard let start = buffer.baseAddress else { return }
            // Dense rows when every label of the table is one of the model's and a row fits four vectors.
            if (1...4).contains(table.denseGroups), table.labelBound <= labelCount, labelCount <= table.denseGroups * 8 {
                for token in 0..<features.count {
                    table.accumulateDense(features.keys(of: token), into: start + token * labelCount, count: labelCount)
                }
                return
            }
            for token in 0..<features.count {
                table.accumulate(features.keys(of: token), into: start + token * labelCount)
            }
        }
        return scores
    }

    /// The best label path for the emission scores (Viterbi).
    package func decode(_ emissions: [Float], gaps: [Int], length: Int) -> [Int] {
        decodeWithMargins(emissions, gaps: gaps, length: length, wantMargins: false).path
    }



    /// The best path, and for every token a confidence: the softmax, over labels, of the best score of any path
    /// through that label there (max-marginals), read at the chosen label.
    func decodeWithMargins(_ emissions: [Float], gaps: [Int], length: Int, wantMargins: Bool = true) -> (path: [Int], confidence: [Double]) {
        let labelCount = self.labelCount
        guard length > 0 else { return ([], []) }
        // The same sums in the same order as ever (so the same path and confidences to the last bit), over raw
        // buffers: the bounds checks of the inner loops were most of the time of a reference. The loops run with the
        // labels innermost, every label keeping its own best, so that each label still meets its predecessors in
        // the same order (the same comparisons, the same ties) while the inner loop reads contiguous weights.
        var forward = [Float](repeating: 0, count: length * labelCount)
        let stride = laneStride, lanes = Lanes.scalarCount
        let padded = paddedByGap
        // Eight labels at a time: each lane keeps its label's best over every `from`, the same sums and the same
        // maximum as a scalar loop. Which `from` gave the best is not kept here: only the path's tokens need it, and
        // `bestFrom` finds it again from the same sums.
        emissions.withUnsafeBufferPointer { emissions in
            forward.withUnsafeMutableBufferPointer { forward in
                for label in 0..<labelCount { forward[label] = starts[label] + emissions[label] }
                for token in 1..<max(length, 1) {
                    let base = token * labelCount, previousBase = base - labelCount
                    padded[gaps[token]].withUnsafeBytes { transitions in
                        guard let weights = transitions.baseAddress else { return }
                        var chunk = 0
                        while chunk < labelCount {
                            var best = Lanes(repeating: -Float.greatestFiniteMagnitude)
                            // Wrapping index arithmetic: the offsets are far from overflowing, and the checks were
                            // a third of the loop.
                            for from in 0..<labelCount {
                                let offset = (from &* stride &+ chunk) &* MemoryLayout<Float>.stride
                                let row = weights.loadUnaligned(fromByteOffset: offset, as: Lanes.self)
                                let score = Lanes(repeating: forward[previousBase &+ from]) + row
                                best.replace(with: score, where: score .> best)
                            }
                            for lane in 0..<min(lanes, labelCount - chunk) {
                                forward[base + chunk + lane] = best[lane] + emissions[base + chunk + lane]
                            }
                            chunk += lanes
                        }
                    }
                }
            }
        }
        var path = [Int](repeating: 0, count: length)
        let lastBase = (length - 1) * labelCount
        var bestLast = 0
        for label in 1..<labelCount where forward[lastBase + label] > forward[lastBase + bestLast] { bestLast = label }
        path[length - 1] = bestLast
        var token = length - 1
        while token > 0 {
            path[token - 1] = bestFrom(forward, token: token, to: path[token], gap: gaps[token])
            token -= 1
        }
        guard wantMargins else { return (path, []) }

        var backward = [Float](repeating: 0, count: length * labelCount)
        let transposed = paddedTransposedByGap
        // As above: every label's maximum over the same sums, `(transition + emission) + backward`, met in the same
        // order of `to`, eight labels at a time over the transposed weights.
        emissions.withUnsafeBufferPointer { emissions in
            backward.withUnsafeMutableBufferPointer { backward in
                var token = length - 2
                while token >= 0 {
                    let base = token * labelCount, nextBase = base + labelCount
                    transposed[gaps[token + 1]].withUnsafeBytes { columns in
                        guard let weights = columns.baseAddress else { return }
                        var chunk = 0
                        while chunk < labelCount {
                            var best = Lanes(repeating: -Float.greatestFiniteMagnitude)
                            for to in 0..<labelCount {
                                let offset = (to &* stride &+ chunk) &* MemoryLayout<Float>.stride
                                let column = weights.loadUnaligned(fromByteOffset: offset, as: Lanes.self)
                                let score = column + Lanes(repeating: emissions[nextBase &+ to]) + Lanes(repeating: backward[nextBase &+ to])
                                best.replace(with: score, where: score .> best)
                            }
                            for lane in 0..<min(lanes, labelCount - chunk) { backward[base + chunk + lane] = best[lane] }
                            chunk += lanes
                        }
                    }
                    token -= 1
                }
            }
        }
        var confidence = [Double](repeating: 0, count: length)
        forward.withUnsafeBufferPointer { forward in
            backward.withUnsafeBufferPointer { backward in
                for token in 0..<length {
                    let base = token * labelCount
                    var best = -Float.greatestFiniteMagnitude
                    for label in 0..<labelCount { best = max(best, forward[base + label] + backward[base + label]) }
                    var sum = 0.0
                    var chosen = 0.0
                    for label in 0..<labelCount {
                        let value = Double(forward[base + label] + backward[base + label] - best) / SequenceModel.temperature
                        let weight = value < -30 ? 0 : exp(value)
                        sum += weight
                        if label == path[token] { chosen = weight }
                    }
                    confidence[token] = sum > 0 ? chosen / sum : 0
                }
            }
        }
        return (path, confidence)
    }

    /// The label at `token - 1` of the best path into label `to` at `token`: the first `from` whose sum
    /// `forward[token - 1][from] + transition(from, to)` is greatest, the same sums and the same strict comparison as
    /// the forward pass's lanes (so the same label on ties).
    private func bestFrom(_ forward: [Float], token: Int, to: Int, gap: Int) -> Int {
        let labelCount = self.labelCount, stride = laneStride
        let previousBase = (token - 1) * labelCount
        let row = paddedByGap[gap]
        var best = -Float.greatestFiniteMagnitude
        var bestLabel = 0
        for from in 0..<labelCount {
            let score = forward[previousBase + from] + row[from * stride + to]
            if score > best {
                best = score
                bestLabel = from
            }
        }
        return bestLabel
    }

    /// Scale of score differences in the confidence softmax. The CRF trainer exports its weights multiplied by it,
    /// so confidences are the CRF's own max-marginal probabilities: on held-out references the mean confidence is
    /// 98.3 % where 97.9 % of tokens are right (`eval-references` prints both). Perceptron models were scaled to it.
    package static let temperature = 48.0
}
