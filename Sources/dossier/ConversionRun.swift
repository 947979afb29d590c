import Dossier
import Foundation

/// Writes a batch: the library's `BatchConversion` converts in parallel and hands results back in input order;
/// this writes each one (to a stream or one file per input), echoes diagnostics and draws the progress bar.
struct ConversionRun {
    let converter: Converter
    let writer: any Writer
    let target: OutputTarget
    let options: WriterOptions
    let format: SourceFormat?
    let jobs: Int
    let failFast: Bool
    /// Names of the external stages and filters: when one of them fails, its input counts as failed (exit 1).
    let externalStages: Set<String>
    let workers: WorkerSettings?
    let maxBytes: Int?
    let diagnostics: DiagnosticEcho
    let progress: ProgressBar

    /// In packet mode (`--group-by`, `--applicant`): documents held per applicant, written as one record each.
    var packets: PacketCollector?
    private var namer = OutputNamer()
    /// Warning diagnostics met in the batch, for the summary line.
    private(set) var warnings = 0
    /// Applicant records written (packet mode), for the summary line.
    private(set) var applicants = 0
    private var written = 0

    init(
        converter: Converter, writer: any Writer, target: OutputTarget, options: WriterOptions, format: SourceFormat?,
        jobs: Int, failFast: Bool, workers: WorkerSettings?, maxBytes: Int?, diagnostics: DiagnosticEcho, progress: ProgressBar
    ) {
        self.workers = workers
        self.externalStages = Set(converter.pipeline.stages.compactMap { $0 is ExternalStage ? $0.name : nil })
        self.maxBytes = maxBytes
        self.converter = converter
        self.writer = writer
        self.target = target
        self.options = options
        self.format = format
        self.jobs = jobs
        self.failFast = failFast
        self.diagnostics = diagnostics
        self.progress = progress
    }

    /// Converts every input (through the library's `BatchConversion`) and writes each result; returns how many failed.
    mutating func convert(_ inputs: [Input]) throws -> (converted: Int, failed: Int) {
        let stream = try OutputStream(target)
        if case .directory(let directory) = target {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } else {
            stream.write(try writer.begin(options))
        }
        var failures = 0
        var done = 0
        var converted = 0
        let batch = BatchConversion(converter: converter, jobs: jobs, format: format, workers: workers, maxBytes: maxBytes)
        // A writer that renders each document by itself does so on the converting threads (not in packet mode,
        // where documents are merged before anything is written).
        let renders = packets == nil && writer.rendersIndependently
        let writer = self.writer, options = self.options, singleOptions = self.singleOptions
        let perInput: Bool
        if case .directory = target { perInput = true } else { perInput = false }
        batch.run(inputs.map { $0.batchInput(maxBytes: maxBytes) }, prepare: { index, _, document -> RenderedOutput? in
            guard renders else { return nil }
            return RenderedOutput(document, writer: writer, options: perInput ? singleOptions : options, perInput: perInput, first: index == 0)
        }) { input, result, rendered in
            // Results come back in input order: this is inputs[done].
            let outputPath = inputs[done].outputPath.isEmpty ? input.label : inputs[done].outputPath
            done += 1
            progress.update(done: done, current: input.label)
            switch result {
            case .success(let document):
                report(document)
                warnings += document.diagnostics.filter { $0.severity == .warning }.count
                // An external stage the user asked for that failed: the document is written, the input counts as failed.
                let external = document.diagnostics.first(where: { $0.severity == .error && externalStages.contains($0.stage) })
                if let external, !diagnostics.shows(.error) {
                    StandardStreams.error("\(input.label): [\(external.stage)] \(external.message)")
                }
                // An input counts once: converted only when its output was written too.
                var succeeded = external == nil
                do {
                    if packets != nil {
                        for record in packets?.add(document) ?? [] { try emit(record, stream: stream) }
                    } else {
                        try emit(document, label: input.label, outputPath: outputPath, stream: stream, rendered: rendered ?? nil)
                    }
                } catch let error as OutputError {
                    succeeded = false
                    StandardStreams.error("\(error)")
                } catch {
                    succeeded = false
                    StandardStreams.error("\(input.label): cannot write \(writer.name): \(error)")
                }
                if succeeded { converted += 1 } else { failures += 1 }
            case .failure(let error):
                failures += 1
                StandardStreams.error("\(input.label): \(error)")
                do {
                    for record in packets?.add(nil) ?? [] { try emit(record, stream: stream) }
                } catch {
                    failures += 1
                    StandardStreams.error("\(error)")
                }
            }
            return !(failFast && failures > 0)
        }
        progress.finish()
        if case .directory = target {} else {
            stream.write(try writer.end(options))
        }
        try stream.finish()
        return (converted, failures)
    }

    private mutating func emit(_ document: Document, label: String, outputPath: String, stream: OutputStream, rendered: RenderedOutput?) throws {
        // The bytes rendered on a converting thread when they are what rendering here would give (the index the
        // writer saw was 0 exactly when this is the first document written); its notes join the session as if the
        // writer had left them here.
        let ahead = rendered.flatMap { $0.perInput || $0.first == (written == 0) ? $0 : nil }
        for note in ahead?.notes ?? [] { options.session.note(note) }
        if case .directory(let directory) = target {
            try writeFile(try ahead?.data.get() ?? writer.render([document], options: singleOptions), named: outputPath, in: directory)
        } else {
            stream.write(try ahead?.data.get() ?? writer.write(document, index: written, options: options))
        }
        written += 1
        echoWriterNotes(label: label)
    }

    /// The options for one file of its own under `-o DIR/`.
    private var singleOptions: WriterOptions {
        var single = options
        single.batch = false
        return single
    }

    /// `DIR/NAME.EXT`, its folders made as needed (the name is made unique by the namer).
    private mutating func writeFile(_ data: Data, named outputPath: String, in directory: String) throws {
        let name = namer.name(for: outputPath, extension: writer.fileExtension)
        let path = (directory as NSString).appendingPathComponent(name)
        let folder = (path as NSString).deletingLastPathComponent
        if folder != directory { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        try OutputFiles.write(data, to: path)
    }

    /// What the writer had to leave out or change (e.g. characters XML forbids), said with --verbose.
    private func echoWriterNotes(label: String) {
        let notes = options.session.takeNotes()
        if diagnostics == .all {
            for note in notes { StandardStreams.error("\(label): \(note)") }
        }
    }

    /// One applicant record: to the stream, or to `DIR/KEY.EXT` with `-o DIR/`.
    private mutating func emit(_ record: ApplicantRecord, stream: OutputStream) throws {
        if case .directory(let directory) = target {
            try writeFile(try writer.renderApplicants([record], options: singleOptions), named: record.key + ".applicant", in: directory)
        } else {
            stream.write(try writer.writeApplicant(record, index: written, options: options))
        }
        written += 1
        applicants += 1
        for warning in record.warnings where warning.document == nil && diagnostics.shows(warning.diagnostic.severity) {
            StandardStreams.error("\(record.key): \(warning.diagnostic.severity.rawValue): [\(warning.diagnostic.stage)] \(warning.diagnostic.message)")
        }
        echoWriterNotes(label: record.key)
    }

    private func report(_ document: Document) {
        for diagnostic in document.diagnostics where diagnostics.shows(diagnostic.severity) {
            StandardStreams.error("\(document.source.path): \(diagnostic.severity.rawValue): [\(diagnostic.stage)] \(diagnostic.message)")
        }
    }
}

/// One document's output rendered on the thread that converted it (`Writer.rendersIndependently`): the bytes or
/// the writer's error, and the notes the writer left, in a session of the document's own.
struct RenderedOutput: Sendable {
    var data: Result<Data, any Error>
    var notes: [String]
    /// One file of its own (`-o DIR/`), rendered alone; else an element of the stream.
    var perInput: Bool
    /// Rendered as the stream's first element (index 0), else as a later one (index 1).
    var first: Bool

    init(_ document: Document, writer: any Writer, options: WriterOptions, perInput: Bool, first: Bool) {
        var options = options
        options.session = WriterSession()
        if perInput {
            data = Result { try writer.render([document], options: options) }
        } else {
            data = Result { try writer.write(document, index: first ? 0 : 1, options: options) }
        }
        notes = options.session.takeNotes()
        self.perInput = perInput
        self.first = first
    }
}

/// Which diagnostics are echoed on stderr: errors and warnings by default (a publication list that yielded
/// nothing is said out loud), all with --verbose, none with --quiet.
enum DiagnosticEcho {
    case none, warnings, all

    func shows(_ severity: Diagnostic.Severity) -> Bool {
        switch self {
        case .none: return false
        case .warnings: return severity == .error || severity == .warning
        case .all: return true
        }
    }
}
