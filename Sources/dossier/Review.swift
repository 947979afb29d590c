import ArgumentParser
import Dossier
import Foundation

/// `dossier review INPUTS -o DIR`: the static site a committee reviews applicants in (see `ReviewSite`).
struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Write a static review site: an index of applicants and a page per applicant.",
        discussion: """
            Every folder of inputs is one applicant (--group-by folder, the default), or all inputs are one applicant's
            (--applicant NAME). DIR/index.html lists the applicants (sortable); DIR/applicants/NAME.html shows the
            warnings first, then every publication with its fields marked in the reference as written, the merged
            copies and their sources, the referees and the documents, with page images for PDFs (DIR/pages/).
            The site needs no network and opens from file://. As with convert, several inputs or a PDF file are
            converted in worker processes (--isolation auto), and their page images drawn there, so an input that
            crashes or runs past --timeout is named on stderr and the site is still written.
            """
    )

    @Argument(help: "Files or folders of applicants.")
    var inputs: [String] = []

    @Option(name: [.short, .customLong("output")], help: "The folder to write the site into (created if missing).")
    var output: String

    @Option(help: "How inputs are grouped into applicants: folder or file.")
    var groupBy: PacketGrouping = .folder

    @Option(help: "All inputs are this applicant's documents.")
    var applicant: String?

    @OptionGroup var pipeline: PipelineOptions

    @OptionGroup var workers: IsolationOptions

    @Option(help: "Inputs converted in parallel (default: number of cores).")
    var jobs: Int?

    @Flag(help: "Leave out the PDF page images.")
    var noPages = false

    @Flag(name: .shortAndLong, help: "Print only failed inputs on stderr.")
    var quiet = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let applicant, applicant.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--applicant needs a name") }
    }

    func run() throws {
        let converter = try pipeline.converter()
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw UsageError("\(output): is not a directory; -o names the folder the site is written into")
        }
        let collector = InputCollector(arguments: inputs, pathsFromStandardInput: false, nullSeparated: false)
        for problem in collector.problems { StandardStreams.error(problem) }
        guard !collector.inputs.isEmpty else {
            StandardStreams.error("dossier: no inputs: no Markdown, HTML or PDF file was given or found")
            throw ExitCode(1)
        }
        let keys = PacketKeys(inputs: collector.inputs, grouping: groupBy, applicant: applicant)
        var packets = PacketCollector(keys: keys.groups, names: keys.names, merger: ApplicantMerger(applicantName: applicant))
        var records: [ApplicantRecord] = []
        var failures = collector.problems.count
        var boxes: [String: [PageBox]] = [:]
        // Pages are drawn where the inputs were converted: in worker processes, bounded by the same --timeout and
        // --memory-limit, unless --isolation none (or one trusted Markdown or HTML file) converts in this process.
        let settings = pipeline.workerSettings(workers, arguments: inputs, collector: collector)
        let batch = BatchConversion(converter: converter, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                                    format: pipeline.from?.sourceFormat, workers: settings, maxBytes: workers.byteLimit)
        batch.run(collector.inputs.map { $0.batchInput(maxBytes: workers.byteLimit) }) { input, result in
            switch result {
            case .success(let document):
                if document.source.format == .pdf, !noPages { boxes[document.source.path] = PageBoxes.boxes(in: document) }
                records += packets.add(document)
            case .failure(let error):
                failures += 1
                StandardStreams.error("\(input.label): \(error)")
                records += packets.add(nil)
            }
            return true
        }
        let names = ReviewSite.pageNames(records.map(\.key))
        var images: [String: [Int: [String]]] = [:]
        if !noPages {
            let rendering = PageRendering(workers: settings)
            defer { rendering.close() }
            for (record, name) in zip(records, names) {
                images[record.key] = try pageImages(record, name: name, boxes: boxes, rendering: rendering)
            }
        }
        let site = ReviewSite(records: records, pageImages: images)
        for file in site.files() {
            let path = (output as NSString).appendingPathComponent(file.path)
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try OutputFiles.write(file.contents, to: path)
        }
        if !quiet {
            let publications = records.reduce(0) { $0 + $1.publications.count }
            StandardStreams.error("dossier: review site in \((output as NSString).appendingPathComponent("index.html")): \(records.count) applicants, \(publications) publications, \(failures) inputs failed")
        }
        if failures > 0 { throw ExitCode(1) }
    }

    /// The page images of the record's PDF documents, with boxes where sections, entries and publications were found.
    private func pageImages(_ record: ApplicantRecord, name: String, boxes: [String: [PageBox]], rendering: PageRendering) throws -> [Int: [String]] {
        var images: [Int: [String]] = [:]
        for (index, document) in record.documents.enumerated() where document.source.format == .pdf {
            // Pages are drawn from the file again: standard input or a pipe is gone by now (and opening a FIFO
            // again would wait for a writer that never comes).
            var status = stat()
            guard stat(document.source.path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
                StandardStreams.error("\(document.source.path): no page images: it was not read from a regular file")
                continue
            }
            let folder = "pages/\(name)/\(index + 1)"
            let directory = (output as NSString).appendingPathComponent(folder)
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            do {
                let pages = try rendering.render(path: document.source.path, boxes: boxes[document.source.path] ?? [])
                images[index] = try pages.enumerated().map { number, png in
                    let file = "\(folder)/page-\(number + 1).png"
                    try OutputFiles.write(png, to: (output as NSString).appendingPathComponent(file))
                    return file
                }
            } catch let error as OutputError {
                throw error
            } catch {
                StandardStreams.error("\(document.source.path): no page images: \(error)")
            }
        }
        return images
    }
}
