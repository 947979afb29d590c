import ArgumentParser
import Dossier
import Foundation

/// `dossier eval-references`: scores the reference parser against labelled references, field by field.
struct EvalReferences: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-references",
        abstract: "Score the reference parser against labelled references (per-field P/R/F1, micro-F1, exact rate).",
        discussion: """
            Fields are runs of tokens with one label, compared as strings with punctuation and whitespace trimmed at \
            both ends. With --holdout only the share that train-references held out is scored (give the same files \
            and fraction as to training). --common-fields scores only the fields every source labels alike (for \
            labelled references from another source, such as ParsCit's).
            """)

    @Option(name: .customLong("gold"), parsing: .upToNextOption, help: "Labelled files or directories (*.xml, *.tagged.txt).")
    var gold: [String]

    @Option(help: "A model written by train-references (default: the one compiled in).")
    var model: String?

    @Option(help: "Score only the held-out share (the fraction given to train-references, e.g. 0.2).")
    var holdout: Double?

    @Flag(help: "Score only author, editor, title, container, date, volume, pages, publisher, location.")
    var commonFields = false

    @Option(help: ArgumentHelp("With --holdout: score this share instead of the held-out one — 'training' (every reference trained on or calibrated on) or 'calibration' (the share train-references --calibration kept out, never trained on); for finding error classes without reading the held-out share.", valueName: "training|calibration"))
    var share: String?

    @Option(help: ArgumentHelp("With --share calibration: the calibration fraction given to train-references.", valueName: "fraction"))
    var calibration: Double = 0.05

    @Option(help: ArgumentHelp("Write every reference with a field wrong to this file: its text, then gold and parsed fields.", valueName: "path"))
    var errors: String?

    func validate() throws {
        guard !gold.isEmpty else { throw ValidationError("give at least one --gold file or directory") }
        if let share {
            guard holdout != nil else { throw ValidationError("--share needs --holdout") }
            guard share == "training" || share == "calibration" else { throw ValidationError("--share is 'training' or 'calibration'") }
        }
    }

    func run() throws {
        let parser = try EvalReferences.loadParser(model)
        let paths = try LabelledFiles.paths(gold)
        var references = try LabelledFiles.read(paths, mapParsCit: !commonFields)
        if let holdout {
            let split = TrainingSplit(references, holdout: holdout)
            switch share {
            case "training": references = split.training
            case "calibration": references = split.carvingCalibration(calibration).calibration
            default: references = split.heldOut
            }
        }
        var evaluation = FieldEvaluation(labelMap: commonFields ? LabelledData.commonFields : [:])
        let started = Date()
        evaluation.add(references, parsedBy: parser)
        let seconds = Date().timeIntervalSince(started)
        print(evaluation.table())
        print("")
        print("reliability of field confidences (a field: a run of tokens with one label; right: a gold field matches it)")
        print(evaluation.reliability.table())
        print("")
        print("by the source of the field's label (model; a rule or identifier check that set one of its tokens)")
        print(evaluation.sourceTable())
        if let errors {
            try EvalReferences.errorListing(references, parser: parser, labelMap: evaluation.labelMap)
                .write(toFile: errors, atomically: true, encoding: .utf8)
        }
        StandardStreams.error("\(references.count) references from \(paths.count) files in \(String(format: "%.2f", seconds)) s")
    }

    /// Every reference of `references` whose parse differs from its gold fields: the text, then the fields only
    /// the gold has ("-") and those only the parse has ("+"), as `FieldEvaluation` compares them.
    static func errorListing(_ references: [LabelledReference], parser: ReferenceParser, labelMap: [String: String]) -> String {
        var out = ""
        for reference in references {
            let (tokens, gold) = reference.labelledTokens
            let traced = parser.labelTraced(reference.text)
            guard traced.tokens.count == gold.count else { continue }
            let evaluation = FieldEvaluation(labelMap: labelMap)
            let goldFields = evaluation.fields(raw: reference.text, tokens: tokens, labels: gold)
            let parsed = evaluation.fields(raw: reference.text, tokens: tokens, labels: traced.labels)
            var remaining = parsed
            var missing: [String] = []
            for field in goldFields {
                if let at = remaining.firstIndex(of: field) { remaining.remove(at: at) } else { missing.append(field) }
            }
            guard !missing.isEmpty || !remaining.isEmpty else { continue }
            let rules = Set(traced.sources.compactMap { $0 })
            out += reference.text + (rules.isEmpty ? "" : "    [" + rules.sorted().joined(separator: ",") + "]") + "\n"
            for field in missing { out += "  - " + field.replacingOccurrences(of: "\u{1F}", with: ": ") + "\n" }
            for field in remaining { out += "  + " + field.replacingOccurrences(of: "\u{1F}", with: ": ") + "\n" }
        }
        return out
    }

    /// The parser with the model at `path`, or the compiled-in one.
    static func loadParser(_ path: String?) throws -> ReferenceParser {
        if let path {
            guard let data = FileManager.default.contents(atPath: path) else { throw UsageError("\(path): cannot be read") }
            do {
                return try ReferenceParser(modelBytes: [UInt8](data))
            } catch {
                throw UsageError("\(path): \(error)")
            }
        }
        guard let parser = ReferenceParser.standard else {
            throw UsageError(ReferenceParser.standardProblem ?? "no reference-parser model")
        }
        return parser
    }
}
