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

    func validate() throws {
        guard !gold.isEmpty else { throw ValidationError("give at least one --gold file or directory") }
    }

    func run() throws {
        let parser = try EvalReferences.loadParser(model)
        let paths = try LabelledFiles.paths(gold)
        var references = try LabelledFiles.read(paths, mapParsCit: !commonFields)
        if let holdout {
            references = TrainingSplit(references, holdout: holdout).heldOut
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
        StandardStreams.error("\(references.count) references from \(paths.count) files in \(String(format: "%.2f", seconds)) s")
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
