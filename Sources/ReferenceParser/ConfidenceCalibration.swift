/// A monotone map from the model's raw confidence (a max-marginal probability) to the share of fields that were
/// right at that confidence on references kept out of training: fitted by isotonic regression
/// (`dossier train-references --calibration`), stored in the model, applied to every token's confidence after
/// decoding. Between its points it interpolates linearly; outside them it holds the end values. Monotone, so a
/// field's confidence (its lowest token's) is the calibrated value of its raw confidence.
public struct ConfidenceCalibration: Sendable, Equatable {
    /// Raw confidences, ascending.
    public let raw: [Double]
    /// The calibrated value at each raw point, ascending too.
    public let calibrated: [Double]

    /// The identity: no calibration.
    public static let identity = ConfidenceCalibration(raw: [], calibrated: [])

    /// A calibration through the points (`raw` and `calibrated` of the same length, both ascending).
    public init(raw: [Double], calibrated: [Double]) {
        let count = min(raw.count, calibrated.count)
        self.raw = Array(raw.prefix(count))
        self.calibrated = Array(calibrated.prefix(count))
    }

    public var isIdentity: Bool { raw.isEmpty }

    /// The calibrated confidence of `value`.
    public func apply(_ value: Double) -> Double {
        guard let first = raw.first, let last = raw.last else { return value }
        if value <= first { return calibrated[0] }
        if value >= last { return calibrated[calibrated.count - 1] }
        var low = 0, high = raw.count - 1
        while high - low > 1 {
            let middle = (low + high) / 2
            if raw[middle] <= value { low = middle } else { high = middle }
        }
        let span = raw[high] - raw[low]
        guard span > 0 else { return calibrated[high] }
        return calibrated[low] + (calibrated[high] - calibrated[low]) * (value - raw[low]) / span
    }
}
