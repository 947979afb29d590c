import ArgumentParser
import Dossier
import Foundation

/// `dossier convert`: the main job.
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert documents to structured data.",
        discussion: """
            With no INPUT, or with -, reads standard input. Directories are walked for .md, .html and .pdf files.
            One input goes to stdout as JSON; several go as NDJSON (one document per line) unless --to says otherwise.
            Exit status: 0 all inputs converted, 1 some inputs failed (each named on stderr), 2 usage error.
            """
    )

    @Argument(help: "Files or directories to convert; - for standard input.")
    var inputs: [String] = []

    @Option(name: [.short, .customLong("to")], help: "Output format (see `dossier formats`); json for one input, ndjson for several.")
    var to: String?

    @Option(name: [.short, .customLong("output")], help: "Output file, or directory (existing, or ending in /) for one file per input.")
    var output: String?

    @Option(help: "Which table the csv writer emits.")
    var table: String?

    @OptionGroup var pipeline: PipelineOptions

    @Option(help: "Inputs converted in parallel (default: number of cores).")
    var jobs: Int?

    @Flag(help: "Read input paths from standard input, one per line.")
    var stdinPaths = false

    @Flag(help: "Stop at the first input that fails (default: convert the rest and exit 1).")
    var failFast = false

    @Option(help: "Progress bar on stderr: auto (only on a terminal), always, never.")
    var progress: ProgressMode = .auto

    @Flag(name: .shortAndLong, help: "Print only failed inputs on stderr: no progress, no diagnostics.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print every diagnostic on stderr, not only errors.")
    var verbose = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        do {
            if let to { _ = try Registry.standard.writer(named: to) }
            if let table { _ = try CSVTable.named(table) }
        } catch {
            throw ValidationError("\(error)")
        }
    }

    func run() throws {
        let converter = try pipeline.converter()
        let collector = InputCollector(arguments: inputs, pathsFromStandardInput: stdinPaths)
        let batch = collector.inputs.count + collector.problems.count > 1 || inputs.contains { isDirectory($0) }
        let writerName = to ?? (batch ? "ndjson" : "json")
        let writer = try Registry.standard.writer(named: writerName)
        let onePerFile = writer.batchStyle == .filePerDocument && batch
        let target = OutputTarget.resolve(output, perInput: onePerFile)
        if onePerFile, case .standardOutput = target {
            throw UsageError("--to \(writerName) writes one file per input: give -o DIRECTORY for several inputs")
        }
        var run = ConversionRun(
            converter: converter, writer: writer, target: target,
            options: WriterOptions(batch: batch, table: table), format: pipeline.from?.sourceFormat,
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, failFast: failFast,
            diagnostics: quiet ? .none : (verbose ? .all : .errors),
            progress: ProgressBar(enabled: !quiet && progress.shows, total: collector.inputs.count)
        )
        for problem in collector.problems { StandardStreams.error(problem) }
        if failFast && !collector.problems.isEmpty { throw ExitCode(1) }
        let failures = try run.convert(collector.inputs) + collector.problems.count
        if failures > 0 { throw ExitCode(1) }
    }

    private func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}

/// Input formats as spelled on the command line.
enum InputFormat: String, ExpressibleByArgument, CaseIterable {
    case md, markdown, html, pdf

    var sourceFormat: SourceFormat {
        switch self {
        case .md, .markdown: return .markdown
        case .html: return .html
        case .pdf: return .pdf
        }
    }
}

/// When to draw the progress bar.
enum ProgressMode: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    var shows: Bool {
        switch self {
        case .auto: return StandardStreams.errorIsTerminal
        case .always: return true
        case .never: return false
        }
    }
}
