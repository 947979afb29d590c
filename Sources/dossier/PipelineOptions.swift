import ArgumentParser
import Dossier

/// The options of every command that reads documents and runs the stages (`convert`, `eval`).
struct PipelineOptions: ParsableArguments {
    @Option(name: [.short, .customLong("from")], help: "Input format (md, html, pdf); sniffed from the bytes when absent.")
    var from: InputFormat?

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Stages to run: default, none, a list (sections,contact), or edits of the default list (+NAME adds a registered stage or an executable dossier-stage-NAME on PATH, -NAME removes one).",
        valueName: "list"))
    var stages: String?

    @Option(name: .customLong("filter"), help: ArgumentHelp("An external stage run after the others: a command that reads the document as JSON on stdin and writes it back on stdout (repeatable).", valueName: "command"))
    var filters: [String] = []

    /// The same options as arguments, for a worker process that must build the same pipeline.
    var arguments: [String] {
        var result: [String] = []
        if let from { result += ["--from", from.rawValue] }
        if let stages { result += ["--stages", stages] }
        for filter in filters { result += ["--filter", filter] }
        return result
    }

    /// The converter these options ask for; a stage list that cannot be run is a usage error (exit 2).
    func converter() throws -> Converter {
        do {
            let registry = Registry.standard
            return Converter(registry: registry, pipeline: try StageSelection(stages).pipeline(registry: registry, filters: filters))
        } catch let error as StageSelectionError {
            throw UsageError("--stages: \(error)")
        }
    }
}
