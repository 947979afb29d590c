import ArgumentParser
import Foundation
import ReferenceParser

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

    @Option(help: "Where to write the model (binary), or a .swift file to compile in.")
    var out: String

    @Option(help: "Share of references held out of training.")
    var holdout: Double = 0.2

    @Option(help: "Passes over the training data.")
    var epochs: Int = PerceptronTrainer().epochs

    @Option(help: ArgumentHelp("Also keep this share of the training references out, and score it after every pass (to choose --epochs without touching the held-out share).", valueName: "fraction"))
    var validation: Double?

    func validate() throws {
        guard !data.isEmpty else { throw ValidationError("give at least one --data file or directory") }
        guard holdout >= 0, holdout < 1 else { throw ValidationError("--holdout must be in [0, 1)") }
        if let validation, !(validation > 0 && validation < 1) { throw ValidationError("--validation must be in (0, 1)") }
    }

    func run() throws {
        let paths = try LabelledFiles.paths(data)
        let split = TrainingSplit(try LabelledFiles.read(paths), holdout: holdout)
        StandardStreams.error("\(paths.count) files: \(split.training.count) references to train on, \(split.heldOut.count) held out, \(split.duplicates) duplicates dropped")
        var trainer = PerceptronTrainer()
        trainer.epochs = epochs
        let model: SequenceModel
        if let validation {
            let (training, validating) = split.carvingValidation(validation)
            StandardStreams.error("validation: \(validating.count) of the training references kept out, \(training.count) trained on")
            var best = (pass: 0, f1: -1.0)
            model = trainer.train(training, progress: { StandardStreams.error($0) }) { pass, model in
                let score = TrainReferences.score(ReferenceParser(model: model), on: validating)
                if score.f1 > best.f1 { best = (pass, score.f1) }
                StandardStreams.error(String(format: "  validation after pass %d: micro-F1 %.4f, exact %.1f %%", pass, score.f1, score.exact * 100))
            }
            StandardStreams.error(String(format: "best validation micro-F1 %.4f after pass %d", best.f1, best.pass))
        } else {
            model = trainer.train(split.training) { StandardStreams.error($0) }
        }
        let bytes = ModelCoding.encode(model)
        let output: Data
        if out.hasSuffix(".swift") {
            let command = "dossier train-references --data \(data.joined(separator: " ")) --holdout \(holdout) --epochs \(epochs) --out \(out)"
            output = Data(ModelCoding.swiftSource(bytes, command: command).utf8)
        } else {
            output = Data(bytes)
        }
        try output.write(to: URL(fileURLWithPath: out))
        StandardStreams.error("wrote \(out): \(model.labels.count) labels, \(bytes.count) bytes")
    }

    /// Micro-F1 and exact-reference rate of `parser` on `references`.
    static func score(_ parser: ReferenceParser, on references: [LabelledReference]) -> (f1: Double, exact: Double) {
        var evaluation = FieldEvaluation()
        for reference in references {
            let (tokens, gold) = reference.labelledTokens
            let predicted = parser.label(reference.text)
            guard predicted.tokens.count == gold.count else { continue }
            evaluation.add(raw: reference.text, tokens: tokens, gold: gold, predicted: predicted.labels)
        }
        return (evaluation.scores().f1, evaluation.exactRate)
    }
}
