import ReferenceParser
import DossierText
import DossierText

/// Scores predicted labels against gold labels field by field, as AnyStyle-style evaluations do: a field is a run
/// of tokens with one label, compared as a string with punctuation and whitespace trimmed at both ends.
public struct FieldEvaluation: Sendable {
    /// Per label: true positives, predicted fields, gold fields.
    public private(set) var counts: [String: (correct: Int, predicted: Int, gold: Int)] = [:]
    /// References scored.
    public private(set) var references = 0
    /// References whose every field was right (and no field too many).
    public private(set) var exact = 0
    /// Tokens scored (those whose gold label is not ignored), those labelled right, and the sum of the
    /// confidences given to them: calibration is good when the mean confidence matches the share right.
    public private(set) var tokens = 0
    public private(set) var tokensRight = 0
    public private(set) var confidenceSum = 0.0
    /// Every predicted field's confidence and whether it was right (for the reliability table and the ECE).
    public private(set) var reliability = Reliability()
    /// The same per source of the field's label: "model", or the rule or identifier check that set a token of it
    /// (`ReferenceParser.labelTraced`): whether rule-set fields are as confident as they are right.
    public private(set) var reliabilityBySource: [String: Reliability] = [:]
    /// Renames labels before scoring (e.g. ParsCit's `booktitle` → `container-title`); a label mapped to "" is ignored.
    public var labelMap: [String: String]

    /// An empty evaluation.
    public init(labelMap: [String: String] = [:]) {
        self.labelMap = labelMap
    }

    /// Adds one reference: its tokens, the gold label of each and the predicted label of each.
    public mutating func add(raw: String, tokens: [ReferenceToken], gold: [String], predicted: [String], confidence: [Double] = [],
                             sources: [String?] = []) {
        let goldFields = fields(raw: raw, tokens: tokens, labels: gold)
        let predictedFields = fields(raw: raw, tokens: tokens, labels: predicted)
        let fieldConfidence = confidence.count == tokens.count ? confidences(tokens: tokens, labels: predicted, confidence: confidence) : []
        let fieldSource = sources.count == tokens.count ? self.sources(labels: predicted, sources: sources) : []
        var remaining: [String: Int] = [:]
        for field in goldFields {
            remaining[field, default: 0] += 1
        }
        var allRight = goldFields.count == predictedFields.count
        for (index, field) in predictedFields.enumerated() {
            let label = String(field.prefix(while: { $0 != "\u{1F}" }))
            counts[label, default: (0, 0, 0)].predicted += 1
            var right = false
            if let left = remaining[field], left > 0 {
                remaining[field] = left - 1
                counts[label, default: (0, 0, 0)].correct += 1
                right = true
            } else {
                allRight = false
            }
            if index < fieldConfidence.count {
                reliability.add(confidence: fieldConfidence[index], right: right)
                if index < fieldSource.count { reliabilityBySource[fieldSource[index], default: Reliability()].add(confidence: fieldConfidence[index], right: right) }
            }
        }
        for field in goldFields {
            let label = String(field.prefix(while: { $0 != "\u{1F}" }))
            counts[label, default: (0, 0, 0)].gold += 1
        }
        references += 1
        if allRight { exact += 1 }
    }

    /// Labels every reference with `parser` and scores it (references the tokenizer splits differently from their
    /// labels are skipped).
    public mutating func add(_ references: [LabelledReference], parsedBy parser: ReferenceParser) {
        for reference in references {
            let (tokens, gold) = reference.labelledTokens
            let traced = parser.labelTraced(reference.text)
            guard traced.tokens.count == gold.count else { continue }
            let predicted = (labels: traced.labels, confidence: parser.calibrated(traced))
            add(raw: reference.text, tokens: tokens, gold: gold, predicted: predicted.labels, confidence: predicted.confidence, sources: traced.sources)
            for (index, label) in predicted.labels.enumerated() {
                let expected = labelMap[gold[index]] ?? gold[index]
                guard !expected.isEmpty else { continue }
                self.tokens += 1
                if (labelMap[label] ?? label) == expected { tokensRight += 1 }
                confidenceSum += predicted.confidence[index]
            }
        }
    }

    /// "label\u{1F}normalised text" for every run of equal labels.
    public func fields(raw: String, tokens: [ReferenceToken], labels: [String]) -> [String] {
        let utf8 = Array(raw.utf8)
        var result: [String] = []
        var index = 0
        while index < tokens.count {
            let label = labelMap[labels[index]] ?? labels[index]
            var end = index + 1
            while end < tokens.count, (labelMap[labels[end]] ?? labels[end]) == label { end += 1 }
            if !label.isEmpty {
                let text = String(decoding: utf8[tokens[index].start..<tokens[end - 1].end], as: UTF8.self)
                result.append(label + "\u{1F}" + FieldEvaluation.normalize(text))
            }
            index = end
        }
        return result
    }

    /// The confidence of every field `fields` returns for these labels: the lowest of its tokens'.
    func confidences(tokens: [ReferenceToken], labels: [String], confidence: [Double]) -> [Double] {
        var result: [Double] = []
        var index = 0
        while index < tokens.count {
            let label = labelMap[labels[index]] ?? labels[index]
            var end = index + 1
            var lowest = confidence[index]
            while end < tokens.count, (labelMap[labels[end]] ?? labels[end]) == label {
                lowest = min(lowest, confidence[end])
                end += 1
            }
            if !label.isEmpty { result.append(lowest) }
            index = end
        }
        return result
    }

    /// The source of every field `fields` returns for these labels: the first rule or check named on one of its
    /// tokens, else "model".
    func sources(labels: [String], sources: [String?]) -> [String] {
        var result: [String] = []
        var index = 0
        while index < labels.count {
            let label = labelMap[labels[index]] ?? labels[index]
            var end = index + 1
            var source = sources[index]
            while end < labels.count, (labelMap[labels[end]] ?? labels[end]) == label {
                source = source ?? sources[end]
                end += 1
            }
            if !label.isEmpty { result.append(source ?? "model") }
            index = end
        }
        return result
    }

    /// Per source of the label, the fields, their mean confidence and the share right (most fields first).
    public func sourceTable() -> String {
        var lines = ["source of the label              fields  mean conf.   right"]
        let names = reliabilityBySource.keys.sorted { (reliabilityBySource[$0]?.fields.count ?? 0, $1) > (reliabilityBySource[$1]?.fields.count ?? 0, $0) }
        for name in names {
            guard let fields = reliabilityBySource[name]?.fields, !fields.isEmpty else { continue }
            let mean = fields.reduce(0) { $0 + $1.confidence } / Double(fields.count)
            let right = Double(fields.filter(\.right).count) / Double(fields.count)
            lines.append(name.rightPadded(32) + "\(fields.count)".leftPadded(7, with: " ") + percent(mean).leftPadded(12, with: " ")
                         + percent(right).leftPadded(8, with: " "))
        }
        return lines.joined(separator: "\n")
    }

    /// Trims punctuation and whitespace at both ends and collapses inner whitespace.
    public static func normalize(_ text: String) -> String {
        let trimmed = text.unicodeScalars.drop(while: { !isKept($0) }).reversed().drop(while: { !isKept($0) }).reversed()
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: trimmed)
        return String(scalars).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func isKept(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Precision, recall and F1 of one label, or of all together when `label` is nil (micro average).
    public func scores(_ label: String? = nil) -> (precision: Double, recall: Double, f1: Double, gold: Int) {
        var correct = 0, predicted = 0, gold = 0
        for (name, value) in counts where label == nil || name == label {
            correct += value.correct
            predicted += value.predicted
            gold += value.gold
        }
        let precision = predicted > 0 ? Double(correct) / Double(predicted) : 0
        let recall = gold > 0 ? Double(correct) / Double(gold) : 0
        let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        return (precision, recall, f1, gold)
    }

    /// Share of references with every field right.
    public var exactRate: Double { references > 0 ? Double(exact) / Double(references) : 0 }

    /// The table: one line per label (most frequent first), then the micro average and the exact rate.
    public func table() -> String {
        var lines = ["field                 precision  recall     F1   gold"]
        let labels = counts.keys.sorted { (counts[$0]?.gold ?? 0, $1) > (counts[$1]?.gold ?? 0, $0) }
        for label in labels {
            let score = scores(label)
            lines.append(row(label, score))
        }
        lines.append(row("micro", scores()))
        let (correct, predicted, gold) = counts.values.reduce((0, 0, 0)) { ($0.0 + $1.correct, $0.1 + $1.predicted, $0.2 + $1.gold) }
        let micro = scores().f1
        let scaled = Int((micro * 100_000).rounded())
        lines.append("fields right          \(correct) of \(predicted) found, \(gold) gold: micro-F1 \(scaled / 100_000).\(String(scaled % 100_000).leftPadded(5))")
        lines.append("exact references      \(exact)/\(references) = \(percent(exactRate))")
        if tokens > 0 {
            lines.append("tokens right          \(tokensRight)/\(tokens) = \(percent(Double(tokensRight) / Double(tokens))), "
                         + "mean confidence \(percent(confidenceSum / Double(tokens)))")
        }
        return lines.joined(separator: "\n")
    }

    func row(_ label: String, _ score: (precision: Double, recall: Double, f1: Double, gold: Int)) -> String {
        let name = label.rightPadded(20)
        return "\(name)  \(fixed(score.precision))  \(fixed(score.recall))  \(fixed(score.f1))  \(score.gold)"
    }

    func fixed(_ value: Double) -> String {
        let scaled = Int((value * 1000).rounded())
        let text = "\(scaled / 1000).\(String(scaled % 1000).leftPadded(3))"
        return text.leftPadded(9, with: " ")
    }

    func percent(_ value: Double) -> String {
        let scaled = Int((value * 1000).rounded())
        return "\(scaled / 10).\(scaled % 10) %"
    }
}

extension String {
    func leftPadded(_ length: Int, with pad: Character = "0") -> String {
        count >= length ? self : String(repeating: pad, count: length - count) + self
    }

    func rightPadded(_ length: Int, with pad: String = " ") -> String {
        count >= length ? String(prefix(length)) : self + String(repeating: pad, count: length - count)
    }
}
