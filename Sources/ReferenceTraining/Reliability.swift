import ReferenceParser
import DossierText

/// Field confidences and whether each field was right: the reliability table, the expected calibration error,
/// and the isotonic fit that `train-references --calibration` stores in the model.
public struct Reliability: Sendable {
    /// One predicted field: its confidence (its lowest token's) and whether a gold field matched it.
    public private(set) var fields: [(confidence: Double, right: Bool)] = []

    public init() {}

    public mutating func add(confidence: Double, right: Bool) {
        fields.append((confidence, right))
    }

    /// Bins by confidence: [0, 0.1), …, [0.9, 1.0]; the expected calibration error uses these ten.
    public static let bounds: [Double] = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]

    /// Per bin: fields, mean confidence, share right.
    public func bins(_ bounds: [Double] = Reliability.bounds) -> [(low: Double, high: Double, count: Int, confidence: Double, right: Double)] {
        var result: [(low: Double, high: Double, count: Int, confidence: Double, right: Double)] = []
        for index in 0..<(bounds.count - 1) {
            let low = bounds[index], high = bounds[index + 1]
            let last = index == bounds.count - 2
            let members = fields.filter { $0.confidence >= low && ($0.confidence < high || (last && $0.confidence <= high)) }
            let count = members.count
            let confidence = count > 0 ? members.reduce(0) { $0 + $1.confidence } / Double(count) : 0
            let right = count > 0 ? Double(members.filter(\.right).count) / Double(count) : 0
            result.append((low, high, count, confidence, right))
        }
        return result
    }

    /// Expected calibration error over the ten equal bins: Σ (bin share) × |share right − mean confidence|.
    public var expectedCalibrationError: Double {
        guard !fields.isEmpty else { return 0 }
        return bins().reduce(0) { $0 + Double($1.count) / Double(fields.count) * abs($1.right - $1.confidence) }
    }

    /// The reliability table: the ten bins, the top bin split finer, and the ECE.
    public func table() -> String {
        var lines = ["confidence     fields  mean conf.  right"]
        let fine = bins([0.9, 0.95, 0.99, 1.0])
        for bin in bins() + fine where bin.count > 0 {
            lines.append("\(format(bin.low))–\(format(bin.high))".rightPadded(13) + "  " + "\(bin.count)".leftPadded(6, with: " ")
                         + "  " + percent(bin.confidence).leftPadded(10, with: " ") + "  " + percent(bin.right).leftPadded(7, with: " "))
        }
        let right = fields.isEmpty ? 0 : Double(fields.filter(\.right).count) / Double(fields.count)
        let mean = fields.isEmpty ? 0 : fields.reduce(0) { $0 + $1.confidence } / Double(fields.count)
        lines.append("all fields     \(fields.count): mean confidence \(percent(mean)), right \(percent(right))")
        lines.append("ECE (10 bins)  \(format(expectedCalibrationError, digits: 4))")
        return lines.joined(separator: "\n")
    }

    /// The isotonic regression of right (1/0) on confidence (pool adjacent violators), as at most `points`
    /// points at the blocks' mean confidences.
    public func isotonicFit(points: Int = 48) -> ConfidenceCalibration {
        let sorted = fields.sorted { $0.confidence < $1.confidence }
        guard sorted.count >= 2 else { return .identity }
        // Blocks: (sum of confidence, sum right, count).
        var blocks: [(confidence: Double, right: Double, count: Double)] = []
        for field in sorted {
            blocks.append((field.confidence, field.right ? 1 : 0, 1))
            while blocks.count >= 2 {
                let last = blocks[blocks.count - 1], previous = blocks[blocks.count - 2]
                guard previous.right / previous.count >= last.right / last.count else { break }
                blocks.removeLast(2)
                blocks.append((previous.confidence + last.confidence, previous.right + last.right, previous.count + last.count))
            }
        }
        // Merge neighbouring blocks until few enough remain (smallest first), keeping monotonicity.
        while blocks.count > points {
            var smallest = 0
            for index in blocks.indices where blocks[index].count < blocks[smallest].count { smallest = index }
            let other = smallest == 0 ? 1 : (smallest == blocks.count - 1 ? smallest - 1
                : (blocks[smallest - 1].count < blocks[smallest + 1].count ? smallest - 1 : smallest + 1))
            let low = min(smallest, other)
            let merged = (blocks[low].confidence + blocks[low + 1].confidence, blocks[low].right + blocks[low + 1].right,
                          blocks[low].count + blocks[low + 1].count)
            blocks.replaceSubrange(low...(low + 1), with: [merged])
        }
        var raw: [Double] = [], calibrated: [Double] = []
        for block in blocks {
            let x = block.confidence / block.count, y = block.right / block.count
            if let previous = raw.last, x <= previous { continue }
            raw.append(x)
            calibrated.append(max(y, calibrated.last ?? 0))
        }
        return ConfidenceCalibration(raw: raw, calibrated: calibrated)
    }

    func format(_ value: Double, digits: Int = 2) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        let whole = scaled / Int(scale), fraction = scaled % Int(scale)
        return "\(whole).\(String(fraction).leftPadded(digits))"
    }

    func percent(_ value: Double) -> String {
        let scaled = Int((value * 1000).rounded())
        return "\(scaled / 10).\(scaled % 10) %"
    }
}
