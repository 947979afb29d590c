/// A monotone map from the model's raw confidence (a max-marginal probability) to the share of fields that were
/// right at that confidence on references kept out of training: fitted by isotonic regression
/// (`dossier train-references --calibration`), stored in the model, applied to every token's confidence after
/// decoding. Between its points it interpolates linearly; outside them it holds the end values. Monotone, so a
/// field's confidence (its lowest token's) is the calibrated value of its raw confidence.
///
/// A token a post-model rule relabelled has no model margin for its label: the margin the model gave is for the
/// label the rule overrode, and mapping it says how sure the model was of being wrong, not how often the rule is
/// right (GOST's "Т. 5" read as pages by the model and made the volume by a rule kept a confidence near 0.3 and was
/// right nine times in ten). Such tokens take instead the share of their rule's fields that were right on the same
/// references (`rules`, fitted beside the isotonic map; the map itself is fitted on fields no rule touched).
/// Tokens whose identifier passes its pattern check (a DOI, an arXiv id) take that check's share the same way.
public struct ConfidenceCalibration: Sendable, Equatable {
    /// Raw confidences, ascending.
    public let raw: [Double]
    /// The calibrated value at each raw point, ascending too.
    public let calibrated: [Double]
    /// Per rule (`ReferenceParser.ruleNames`, and the identifier checks): the confidence of a token it set,
    /// and how many fields of the calibration share it was fitted on. Empty for models calibrated before rules
    /// had their own (their rule-set tokens keep the mapped model confidence, as they always did).
    public let rules: [String: RuleConfidence]

    /// The fitted confidence of one rule's tokens.
    public struct RuleConfidence: Sendable, Equatable {
        /// Share of the fields holding a token the rule set that were right (smoothed toward all rules' share).
        public let confidence: Double
        /// Fields of the calibration share the share was counted on.
        public let fields: Int

        public init(confidence: Double, fields: Int) {
            self.confidence = confidence
            self.fields = fields
        }
    }

    /// The identity: no calibration.
    public static let identity = ConfidenceCalibration(raw: [], calibrated: [])

    /// A calibration through the points (`raw` and `calibrated` of the same length, both ascending), with the
    /// confidences of rule-set tokens.
    public init(raw: [Double], calibrated: [Double], rules: [String: RuleConfidence] = [:]) {
        let count = min(raw.count, calibrated.count)
        self.raw = Array(raw.prefix(count))
        self.calibrated = Array(calibrated.prefix(count))
        self.rules = rules
    }

    public var isIdentity: Bool { raw.isEmpty && rules.isEmpty }

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

    /// The confidence of a token whose label came from `source` (a rule's name, nil for the model) with the
    /// model's raw confidence `value`: the rule's fitted share when the model has one for it, else `apply(value)`.
    public func apply(_ value: Double, source: String?) -> Double {
        if let source, let rule = rules[source] { return rule.confidence }
        return apply(value)
    }
}
