import ArgumentParser
import Dossier
import Foundation

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

    /// Worker processes of this same binary (`dossier worker`), building the same pipeline.
    func workerSettings(timeout: Double, memoryLimit: Int) -> WorkerSettings {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? Bundle.main.executablePath ?? CommandLine.arguments[0]
        return WorkerSettings(executable: URL(fileURLWithPath: executable), arguments: ["worker"] + arguments,
                              timeout: timeout, memoryLimit: memoryLimit)
    }

    /// Whether a file input is a PDF (by `--from pdf`, its extension or its first bytes): poppler can spin for
    /// minutes on a hostile one, and only a worker process can be stopped at `--timeout`.
    func readsPDFFile(_ inputs: [Input]) -> Bool {
        inputs.contains { input in
            guard case .file(let path) = input.origin else { return false }
            if let from { return from.sourceFormat == .pdf }
            return path.lowercased().hasSuffix(".pdf") || Self.sniffsAsPDF(path)
        }
    }

    /// The format sniffer's verdict on the file's first bytes. Only a regular file is opened: opening a FIFO would
    /// wait for a writer.
    private static func sniffsAsPDF(_ path: String) -> Bool {
        guard (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeRegular,
              let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return FormatSniffer.sniff((try? handle.read(upToCount: 2048)) ?? Data()) == .pdf
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
