import ReferenceParser
import DossierText

/// Fits a model's confidence calibration on references it never trained on, with the parser's rules: the isotonic
/// map on the fields only the model labelled, and per rule (and per identifier check) the share of the fields its
/// tokens are in that were right. A field's confidence is its lowest token's, so a rule-set token carrying its
/// rule's share makes its field as confident as that rule is right, not as the model's margin for the label the
/// rule overrode (which, GOST's leave-family-out run showed, says the opposite: ECE 0.091 there).
public enum CalibrationFitting {
    /// How many fields' worth of the rules' common share a rule's own share is pulled toward: a rule seen on
    /// few calibration fields (or none: it may fire only on styles the share lacks) gets about the share all rules
    /// have together, not a 0 or 1 from two fields.
    public static let priorFields = 5.0

    /// One predicted field of the calibration share, as the fit sees it.
    public struct Field: Sendable {
        /// The lowest raw model confidence among the field's tokens the model labelled (nil when rules set all).
        public var modelConfidence: Double?
        /// The sources of the tokens rules or checks set (empty: the model labelled it all).
        public var sources: Set<String>
        public var right: Bool
    }

    /// The fields `parser` predicts for `references` (its model's calibration ignored: raw confidences), each with
    /// its sources and whether a gold field matched it (as `FieldEvaluation` matches them).
    public static func fields(_ references: [LabelledReference], parsedBy parser: ReferenceParser) -> [Field] {
        var result: [Field] = []
        for reference in references {
            let (tokens, gold) = reference.labelledTokens
            let traced = parser.labelTraced(reference.text)
            guard traced.tokens.count == gold.count, !gold.isEmpty else { continue }
            let evaluation = FieldEvaluation()
            var remaining: [String: Int] = [:]
            for field in evaluation.fields(raw: reference.text, tokens: tokens, labels: gold) { remaining[field, default: 0] += 1 }
            let predicted = evaluation.fields(raw: reference.text, tokens: tokens, labels: traced.labels)
            var start = 0
            for text in predicted {
                var end = start + 1
                while end < traced.labels.count, traced.labels[end] == traced.labels[start] { end += 1 }
                var field = Field(modelConfidence: nil, sources: [], right: false)
                for index in start..<end {
                    if let source = traced.sources[index] {
                        field.sources.insert(source)
                    } else {
                        field.modelConfidence = min(field.modelConfidence ?? 1, traced.confidence[index])
                    }
                }
                if let left = remaining[text], left > 0 {
                    remaining[text] = left - 1
                    field.right = true
                }
                result.append(field)
                start = end
            }
        }
        return result
    }

    /// The calibration of `fields`: the isotonic map fitted on those with no rule-set token, and per source of
    /// `sourceNames` its smoothed share right (every name gets one: a rule never seen here gets the rules' common
    /// share, not the model's margin for the label it overrode). `ruleFields` count for the rules' shares only:
    /// refgen's validation renders, which hold more rule-set fields than the calibration share but would pull the
    /// map toward rendered strings (on AnyStyle's held-out share ECE 0.012 → 0.017 when they did).
    public static func fit(_ fields: [Field], ruleFields: [Field] = [], sourceNames: [String]) -> ConfidenceCalibration {
        var modelOnly = Reliability()
        var counts: [String: (right: Int, fields: Int)] = [:]
        var pooled = (right: 0, fields: 0)
        for (index, field) in (fields + ruleFields).enumerated() {
            if field.sources.isEmpty {
                if index < fields.count, let confidence = field.modelConfidence { modelOnly.add(confidence: confidence, right: field.right) }
                continue
            }
            // The common share is the rules' and the identifier checks'; the marker and year checks vouch for fields the
            // model labelled (thousands of them, right 99 %), which would make them every rare rule's share.
            if field.sources.contains(where: { $0 != ReferenceParser.markerCheck && $0 != ReferenceParser.yearCheck }) {
                pooled.fields += 1
                if field.right { pooled.right += 1 }
            }
            for source in field.sources {
                counts[source, default: (0, 0)].fields += 1
                if field.right { counts[source, default: (0, 0)].right += 1 }
            }
        }
        let prior = pooled.fields > 0 ? Double(pooled.right) / Double(pooled.fields) : 0.9
        var rules: [String: ConfidenceCalibration.RuleConfidence] = [:]
        for name in Set(sourceNames).union(counts.keys) {
            let count = counts[name] ?? (0, 0)
            let share = (Double(count.right) + priorFields * prior) / (Double(count.fields) + priorFields)
            // Stored as the model bytes store it, so that the model in memory and the one read back agree.
            rules[name] = .init(confidence: Double(Float(share)), fields: count.fields)
        }
        let map = modelOnly.isotonicFit()
        return ConfidenceCalibration(raw: map.raw, calibrated: map.calibrated, rules: rules)
    }

    /// The calibration of `model` fitted on `references` (kept out of its training), the rules' shares also on
    /// `ruleReferences` (never trained on either).
    public static func fit(_ model: SequenceModel, on references: [LabelledReference], ruleReferences: [LabelledReference] = []) -> ConfidenceCalibration {
        var raw = model
        raw.calibration = .identity
        let parser = ReferenceParser(model: raw)
        return fit(fields(references, parsedBy: parser), ruleFields: fields(ruleReferences, parsedBy: parser),
                   sourceNames: ReferenceParser.sourceNames(labels: model.labels))
    }

    /// The rules' fitted confidences, one line each (most fields first), for the training log.
    public static func ruleTable(_ calibration: ConfidenceCalibration) -> String {
        let names = calibration.rules.keys.sorted { (calibration.rules[$0]?.fields ?? 0, $1) > (calibration.rules[$1]?.fields ?? 0, $0) }
        var lines = ["source of the label              fields  confidence"]
        for name in names {
            guard let rule = calibration.rules[name], rule.fields > 0 else { continue }
            let scaled = Int((rule.confidence * 1000).rounded())
            lines.append(name.rightPadded(32) + "\(rule.fields)".leftPadded(7, with: " ") + "       \(scaled / 1000).\(String(scaled % 1000).leftPadded(3))")
        }
        lines.append("(rules that set no field here take the share of all rule-set fields)")
        return lines.joined(separator: "\n")
    }
}
