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

/// Where inputs are converted, what a worker may spend and how large an input may be: the options `convert` and
/// `review` share, with the same names, defaults and meaning.
struct IsolationOptions: ParsableArguments {
    @Option(help: "Where inputs are converted: process (a worker process each job, so a crash or hang costs one input), none (in this process), auto (process for several inputs or a PDF file).")
    var isolation: IsolationMode = .auto

    @Option(help: "Seconds one input may take in a worker before it is stopped and named on stderr.")
    var timeout: Double = 60

    @Option(help: "Megabytes of memory a worker may take for an input, besides what it holds when it starts (RLIMIT_AS).")
    var memoryLimit: Int = 2048

    @Option(help: "Inputs larger than this many bytes are refused unread (0: no limit).")
    var maxBytes: Int = 256 << 20

    /// `--max-bytes` as the batch engine takes it: nil for no limit.
    var byteLimit: Int? { maxBytes == 0 ? nil : maxBytes }

    func validate() throws {
        if timeout <= 0 { throw ValidationError("--timeout must be more than 0 seconds") }
        if memoryLimit < 64 { throw ValidationError("--memory-limit must be at least 64 (megabytes)") }
        if maxBytes < 0 { throw ValidationError("--max-bytes must be 0 (no limit) or more") }
    }
}

extension PipelineOptions {
    /// The one isolation decision of `convert` and `review` (and so of review's page images) for `--isolation auto`: worker processes for a batch (several inputs, or any
    /// folder given) or for a PDF file, which poppler may spin on; nil to convert in this process.
    func workerSettings(_ options: IsolationOptions, arguments: [String], collector: InputCollector) -> WorkerSettings? {
        let batch = collector.inputs.count + collector.problems.count > 1 || arguments.contains { argument in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        guard options.isolation.isolates(batch: batch, pdf: readsPDFFile(collector.inputs)) else { return nil }
        return workerSettings(timeout: options.timeout, memoryLimit: options.memoryLimit << 20)
    }
}
