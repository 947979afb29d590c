import ArgumentParser
import Dossier
import Foundation

/// `dossier convert`: the main job.
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert documents to structured data.",
        discussion: """
            With no INPUT, or with -, reads standard input. Directories are walked for .md, .html and .pdf files.
            One input goes to stdout as JSON; several go as NDJSON (one document per line) unless --to says otherwise.
            With --group-by folder (every folder one applicant) or --applicant NAME, writes one record per applicant: the
            documents merged, each publication once with its sources (`dossier review` makes a site of them).
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

    @Option(help: "Write one record per applicant: folder (every folder of inputs is one applicant) or file.")
    var groupBy: PacketGrouping?

    @Option(help: "All inputs are this applicant's documents: one record, and their name found in author lists.")
    var applicant: String?

    @OptionGroup var pipeline: PipelineOptions

    @Option(help: "Inputs converted in parallel (default: number of cores).")
    var jobs: Int?

    @OptionGroup var workers: IsolationOptions

    @Flag(help: "Read input paths from standard input, one per line.")
    var stdinPaths = false

    @Flag(name: [.customShort("0"), .customLong("null")], help: "With --stdin-paths: paths are separated by NUL bytes (find -print0).")
    var nullSeparated = false

    @Flag(help: "Stop at the first input that fails (default: convert the rest and exit 1).")
    var failFast = false

    @Option(help: "Progress bar on stderr: auto (only on a terminal), always, never.")
    var progress: ProgressMode = .auto

    @Flag(name: .shortAndLong, help: "Print only failed inputs on stderr: no progress, no diagnostics.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print every diagnostic on stderr, not only errors and warnings.")
    var verbose = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if table != nil, to != "csv" { throw ValidationError("--table chooses a CSV table: give it with --to csv") }
        if groupBy != nil, applicant != nil {
            throw ValidationError("--group-by and --applicant both say whose documents these are: give one")
        }
        if let applicant, applicant.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--applicant needs a name") }
        if nullSeparated, !stdinPaths { throw ValidationError("--null (-0) separates the paths of --stdin-paths: give both") }
        do {
            if let to { _ = try Registry.standard.writer(named: to) }
            if let table { _ = try CSVTable.named(table) }
        } catch {
            throw ValidationError("\(error)")
        }
    }

    func run() throws {
        let converter = try pipeline.converter()
        try refuseMistypedCommand()
        let collector = InputCollector(arguments: inputs, pathsFromStandardInput: stdinPaths, nullSeparated: nullSeparated)
        // Packet mode: one record per applicant (--group-by, --applicant, or the applicants table, a packet per file).
        let grouping = groupBy ?? (applicant == nil && table == "applicants" ? .file : nil)
        let packets = grouping != nil || applicant != nil
            ? PacketKeys(inputs: collector.inputs, grouping: grouping, applicant: applicant) : nil
        let inputBatch = collector.inputs.count + collector.problems.count > 1 || inputs.contains { isDirectory($0) }
        // What the writer sees as a batch: several documents, or several applicants.
        let batch = packets.map { Set($0.groups).count > 1 } ?? inputBatch
        let writerName = to ?? (batch ? "ndjson" : "json")
        let writer = try Registry.standard.writer(named: writerName)
        let onePerFile = writer.batchStyle == .filePerDocument && batch
        let target = OutputTarget.resolve(output, perInput: onePerFile)
        if onePerFile, case .standardOutput = target {
            throw UsageError("--to \(writerName) writes one file per \(packets == nil ? "input" : "applicant"): give -o DIRECTORY for several")
        }
        var run = ConversionRun(
            converter: converter, writer: writer, target: target,
            options: WriterOptions(batch: batch, table: table), format: pipeline.from?.sourceFormat,
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, failFast: failFast,
            workers: pipeline.workerSettings(workers, arguments: inputs, collector: collector), maxBytes: workers.byteLimit,
            diagnostics: quiet ? .none : (verbose ? .all : .warnings),
            progress: ProgressBar(enabled: !quiet && progress.shows, total: collector.inputs.count)
        )
        run.packets = packets.map { PacketCollector(keys: $0.groups, names: $0.names, merger: ApplicantMerger(applicantName: applicant)) }
        for problem in collector.problems { StandardStreams.error(problem) }
        if !quiet { for note in collector.notes { StandardStreams.error(note) } }
        if failFast && !collector.problems.isEmpty { throw ExitCode(1) }
        let counts = try run.convert(collector.inputs)
        let failures = counts.failed + collector.problems.count
        if collector.inputs.isEmpty, collector.problems.isEmpty {
            StandardStreams.error("dossier: no inputs: no Markdown, HTML or PDF file was given or found")
        } else if inputBatch, !quiet {
            let warnings = run.warnings > 0 ? ", \(run.warnings) warning\(run.warnings == 1 ? "" : "s")" : ""
            let records = packets == nil ? "" : ", \(run.applicants) applicant\(run.applicants == 1 ? "" : "s")"
            StandardStreams.error("dossier: \(counts.converted) converted, \(failures) failed\(warnings)\(records)")
        }
        if failures > 0 { throw ExitCode(1) }
    }

    /// `dossier conver x`: a first input that is no file but a near miss of a command is a usage error naming the
    /// commands, not "conver: no such file or directory".
    private func refuseMistypedCommand() throws {
        guard let first = inputs.first, first != "-", !first.contains("/"), !first.contains("."),
              !FileManager.default.fileExists(atPath: first) else { return }
        let commands = DossierCommand.configuration.subcommands.filter { $0.configuration.shouldDisplay }
            .compactMap { $0.configuration.commandName ?? $0._commandName }
        if commands.contains(where: { Self.distance($0, first) <= 2 }) || inputs.count > 1 && !FileManager.default.fileExists(atPath: inputs[1]) {
            throw UsageError("'\(first)' is neither a file nor a command; commands: \(commands.joined(separator: ", "))")
        }
    }

    /// Levenshtein distance, for near misses of command names.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() { current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))) }
            previous = current
        }
        return previous[b.count]
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

/// Where inputs are converted.
enum IsolationMode: String, ExpressibleByArgument, CaseIterable {
    case auto, process, none

    func isolates(batch: Bool, pdf: Bool) -> Bool {
        switch self {
        case .auto: return batch || pdf
        case .process: return true
        case .none: return false
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
