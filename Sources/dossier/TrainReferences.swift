import ArgumentParser
import Dossier
import Foundation

/// The training algorithms `train-references` offers.
enum TrainerKind: String, ExpressibleByArgument, CaseIterable {
    case crf, perceptron
}

/// `dossier train-references`: trains the reference parser's model from labelled references, reproducibly.
struct TrainReferences: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-references",
        abstract: "Train the reference parser on labelled references (AnyStyle XML, ParsCit tagged lines).",
        discussion: """
            Duplicates are dropped, then a fixed share of the references (chosen by a hash of their text) is held \
            out and never trained on; `eval-references --holdout` scores exactly that share. Training is \
            deterministic: the same data gives the same model bytes. With --out ending in .swift the model is \
            written as Swift source (base64 in a string literal) to compile into the binary.
            """)

    @Option(name: .customLong("data"), parsing: .upToNextOption, help: "Labelled files or directories (*.xml, *.tagged.txt).")
    var data: [String]

    @Option(name: .customLong("weight"), parsing: .upToNextOption,
            help: ArgumentHelp("CRF: count the references of a --data entry this many times in the likelihood (e.g. 2 for AnyStyle's files beside rendered ones); entries not named weigh 1.", valueName: "data-entry=weight"))
    var weights: [String] = []

    @Option(help: "Where to write the model (binary), or a .swift file to compile in.")
    var out: String

    @Option(help: "Share of references held out of training.")
    var holdout: Double = 0.2

    @Option(help: "Passes over the training data.")
    var epochs: Int = PerceptronTrainer().epochs

    @Option(help: "The trainer: crf (L-BFGS on the L2-regularised likelihood) or perceptron (averaged structured perceptron).")
    var trainer: TrainerKind = .crf

    @Option(help: "CRF: L-BFGS iterations at most.")
    var iterations: Int = CRFTrainer().iterations

    @Option(help: "CRF: strength of the L2 penalty.")
    var l2: Double = CRFTrainer().l2

    @Option(help: ArgumentHelp("Also keep this share of the training references out, and score it after every pass (to choose --epochs without touching the held-out share).", valueName: "fraction"))
    var validation: Double?

    @Option(help: ArgumentHelp("Keep this share of the training references out, train on the rest, and fit the confidence calibration (isotonic, field by field) on it; the model stores it.", valueName: "fraction"))
    var calibration: Double?

    @Option(name: .customLong("calibration-data"), parsing: .upToNextOption,
            help: ArgumentHelp("With --calibration: more labelled files or directories to fit the rule-set fields' confidences on, never trained on (refgen's validation renders); references whose text is also a training reference are dropped.", valueName: "path"))
    var calibrationData: [String] = []

    @Option(name: .customLong("weights-from"),
            help: ArgumentHelp("Do not train: take the weights of this model (trained by this command with the same --data, --weight, --holdout and --calibration, so that the calibration share is one it never saw) and fit the calibration anew: the model a full run with this binary's rules writes, without the hours of training.", valueName: "model-file"))
    var weightsFrom: String?

    func validate() throws {
        guard !data.isEmpty else { throw ValidationError("give at least one --data file or directory") }
        guard holdout >= 0, holdout < 1 else { throw ValidationError("--holdout must be in [0, 1)") }
        if let validation, !(validation > 0 && validation < 1) { throw ValidationError("--validation must be in (0, 1)") }
        if let calibration, !(calibration > 0 && calibration < 1) { throw ValidationError("--calibration must be in (0, 1)") }
        if !calibrationData.isEmpty, calibration == nil { throw ValidationError("--calibration-data needs --calibration") }
        _ = try weightByEntry()
    }

    /// The weight of each --data entry named by --weight.
    func weightByEntry() throws -> [String: Double] {
        var result: [String: Double] = [:]
        for spec in weights {
            guard let equals = spec.lastIndex(of: "="), let weight = Double(spec[spec.index(after: equals)...]), weight > 0,
                  data.contains(String(spec[..<equals])) else {
                throw ValidationError("--weight \(spec): give a --data entry, '=' and a positive weight")
            }
            result[String(spec[..<equals])] = weight
        }
        return result
    }

    /// The references of every --data entry, weighted, and per entry the normalised texts it gave.
    func readWeighted() throws -> (references: [LabelledReference], entries: [(entry: String, texts: Set<String>)], files: Int) {
        let weighting = try weightByEntry()
        var references: [LabelledReference] = []
        var entries: [(String, Set<String>)] = []
        var files = 0
        for entry in data {
            let paths = try LabelledFiles.paths([entry])
            files += paths.count
            var read = try LabelledFiles.read(paths)
            if let weight = weighting[entry] {
                for index in read.indices { read[index].weight = weight }
            }
            entries.append((entry, Set(read.map(\.normalizedText))))
            references += read
        }
        return (references, entries, files)
    }

    func run() throws {
        let (references, entries, files) = try readWeighted()
        var split = TrainingSplit(references, holdout: holdout)
        StandardStreams.error("\(files) files: \(split.training.count) references to train on, \(split.heldOut.count) held out, \(split.duplicates) duplicates dropped")
        var calibrating: [LabelledReference] = []
        if let calibration {
            (split.training, calibrating) = split.carvingCalibration(calibration)
            StandardStreams.error("calibration: \(calibrating.count) of the training references kept out, \(split.training.count) trained on")
        }
        var model: SequenceModel
        if let weightsFrom {
            model = try ModelCoding.decode(Array(try Data(contentsOf: URL(fileURLWithPath: weightsFrom))))
            model.calibration = .identity
            StandardStreams.error("weights from \(weightsFrom): not trained again")
        } else if trainer == .crf {
            model = trainCRF(split)
        } else if let validation {
            let (training, validating) = split.carvingValidation(validation)
            StandardStreams.error("validation: \(validating.count) of the training references kept out, \(training.count) trained on")
            var best = (pass: 0, f1: -1.0)
            model = perceptron.train(training, progress: { StandardStreams.error($0) }) { pass, model in
                let score = TrainReferences.score(ReferenceParser(model: model), on: validating)
                if score.f1 > best.f1 { best = (pass, score.f1) }
                StandardStreams.error(String(format: "  validation after pass %d: micro-F1 %.4f, exact %.1f %%", pass, score.f1, score.exact * 100))
            }
            StandardStreams.error(String(format: "best validation micro-F1 %.4f after pass %d", best.f1, best.pass))
        } else {
            model = perceptron.train(split.training) { StandardStreams.error($0) }
        }
        if !calibrating.isEmpty {
            // Calibrated on the weights as the model file stores them (quantised to 16 bits), which are the ones
            // that ship, so that a run with --weights-from on the written file fits the same calibration.
            model = try ModelCoding.decode(ModelCoding.encode(model))
            var extraFitting: [LabelledReference] = []
            if !calibrationData.isEmpty {
                let trained = Set(split.training.map(\.normalizedText))
                let extra = try LabelledFiles.read(try LabelledFiles.paths(calibrationData))
                let kept = extra.filter { !trained.contains($0.normalizedText) }
                StandardStreams.error("calibration data (for the rules' shares): \(kept.count) references (\(extra.count - kept.count) dropped, also trained on)")
                extraFitting = kept
            }
            model.calibration = TrainReferences.fitCalibration(model, on: calibrating, ruleReferences: extraFitting)
            // The calibration share is never trained on: its scores per --data entry compare settings without
            // touching the held-out share (beside the model this binary parses with, trained with the same share
            // kept out when its --holdout and --calibration were these).
            for (entry, texts) in entries {
                let share = calibrating.filter { texts.contains($0.normalizedText) }
                guard !share.isEmpty else { continue }
                let score = TrainReferences.score(ReferenceParser(model: model), on: share)
                var line = "calibration share, \(entry): \(share.count) references, "
                    + String(format: "micro-F1 %.4f, exact %.1f %%", score.f1, score.exact * 100)
                if let standard = ReferenceParser.standard {
                    let before = TrainReferences.score(standard, on: share)
                    line += String(format: " (compiled-in model: %.4f, %.1f %%)", before.f1, before.exact * 100)
                }
                StandardStreams.error(line)
            }
        }
        let bytes = ModelCoding.encode(model)
        let output: Data
        if out.hasSuffix(".swift") {
            var settings = trainer == .crf ? "--trainer crf --iterations \(iterations) --l2 \(l2)" : "--trainer perceptron --epochs \(epochs)"
            if let calibration { settings += " --calibration \(calibration)" }
            if !calibrationData.isEmpty { settings += " --calibration-data \(calibrationData.joined(separator: " "))" }
            if !weights.isEmpty { settings += " --weight \(weights.joined(separator: " "))" }
            let command = "dossier train-references --data \(data.joined(separator: " ")) --holdout \(holdout) \(settings) --out \(out)"
            output = Data(ModelCoding.swiftSource(bytes, command: command).utf8)
        } else {
            output = Data(bytes)
        }
        try output.write(to: URL(fileURLWithPath: out))
        StandardStreams.error("wrote \(out): \(model.labels.count) labels, \(bytes.count) bytes")
    }

    var perceptron: PerceptronTrainer {
        var trainer = PerceptronTrainer()
        trainer.epochs = epochs
        return trainer
    }

    /// The CRF model, scored on the validation share every ten iterations when one is asked for.
    func trainCRF(_ split: TrainingSplit) -> SequenceModel {
        var crf = CRFTrainer()
        crf.iterations = iterations
        crf.l2 = l2
        guard let validation else { return crf.train(split.training) { StandardStreams.error($0) } }
        let (training, validating) = split.carvingValidation(validation)
        StandardStreams.error("validation: \(validating.count) of the training references kept out, \(training.count) trained on")
        return crf.train(training, progress: { StandardStreams.error($0) }) { iteration, model in
            let score = TrainReferences.score(ReferenceParser(model: model), on: validating)
            StandardStreams.error(String(format: "  validation after iteration %d: micro-F1 %.4f, exact %.1f %%", iteration, score.f1, score.exact * 100))
        }
    }

    /// The calibration of `model`'s field confidences on `references` (kept out of its training): the isotonic map
    /// on the fields the model labelled, each rule's share right for the tokens it set (`CalibrationFitting`); prints
    /// the reliability table before and after and the rules' shares (after is fitted on the same references: the
    /// honest figure is `eval-references` on the held-out share).
    static func fitCalibration(_ model: SequenceModel, on references: [LabelledReference], ruleReferences: [LabelledReference] = []) -> ConfidenceCalibration {
        var raw = model
        raw.calibration = .identity
        var before = FieldEvaluation()
        before.add(references, parsedBy: ReferenceParser(model: raw))
        let fitted = CalibrationFitting.fit(model, on: references, ruleReferences: ruleReferences)
        var calibrated = model
        calibrated.calibration = fitted
        var after = FieldEvaluation()
        after.add(references, parsedBy: ReferenceParser(model: calibrated))
        StandardStreams.errorRaw("calibration share, raw confidences:\n\(before.reliability.table())\n")
        StandardStreams.errorRaw("calibration share, calibrated (\(fitted.raw.count) points, fitted here):\n\(after.reliability.table())\n")
        StandardStreams.errorRaw("calibration share, labels set by rules and identifier checks:\n\(CalibrationFitting.ruleTable(fitted))\n")
        return fitted
    }

    /// Micro-F1 and exact-reference rate of `parser` on `references`.
    static func score(_ parser: ReferenceParser, on references: [LabelledReference]) -> (f1: Double, exact: Double) {
        var evaluation = FieldEvaluation()
        evaluation.add(references, parsedBy: parser)
        return (evaluation.scores().f1, evaluation.exactRate)
    }
}
