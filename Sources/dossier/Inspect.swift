import ArgumentParser
import Dossier
import Foundation

/// `dossier inspect FILE`: the block tree as the reader produced it, with provenance.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Print a document's blocks with their provenance (after the reader and normalize only)."
    )

    @Argument(help: "The file to inspect; - for standard input.")
    var input: String

    @Option(name: [.short, .customLong("from")], help: "Input format (md, html, pdf); sniffed when absent.")
    var from: InputFormat?

    @Option(help: ArgumentHelp("For a PDF: write each page as DIR/page-N.png with boxes where the stages found sections (blue), entries (green) and publications (red).", valueName: "dir"))
    var overlay: String?

    /// Where `--overlay` converts and draws: a PDF file in a worker process by default (poppler may spin on a hostile
    /// one, and only a worker can be stopped at `--timeout`), as `convert` and `review` decide.
    @OptionGroup var workers: IsolationOptions

    func run() throws {
        if let overlay { return try drawOverlay(into: overlay) }
        let source = input == "-" ? Input(origin: .standardInput, label: "-") : Input(origin: .file(input), label: input)
        let converter = try Converter(stages: ["normalize"])
        do {
            let document = try converter.convert(try source.load(), path: input, format: from?.sourceFormat)
            print(BlockTreeDump.render(document), terminator: "")
        } catch {
            StandardStreams.error("\(input): \(error)")
            throw ExitCode(1)
        }
    }

    /// `--overlay DIR`: the default pipeline on the PDF, then its pages drawn with what was found.
    private func drawOverlay(into directory: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw UsageError("\(directory): is not a directory; --overlay names the folder the page images go into")
        }
        let source = input == "-" ? Input(origin: .standardInput, label: "-") : Input(origin: .file(input), label: input)
        let pipeline = try PipelineOptions.parse(from.map { ["--from", $0.rawValue] } ?? [])
        let settings = input == "-" ? nil : pipeline.workerSettings(workers, arguments: [input], collector: InputCollector(arguments: [input], pathsFromStandardInput: false))
        do {
            let document: Document
            let pages: [Data]
            if let settings {
                // In a worker: the conversion and the drawing, each bounded by --timeout and --memory-limit.
                let batch = BatchConversion(converter: try Converter(), jobs: 1, format: from?.sourceFormat, workers: settings, maxBytes: workers.byteLimit)
                var converted: Result<Document, any Error>?
                batch.run([.file(input)]) { _, result in converted = result; return false }
                guard let converted else { throw ExitCode(1) }
                document = try converted.get()
                guard document.source.format == .pdf else {
                    throw UsageError("\(input): --overlay draws PDF pages; this is \(document.source.format.rawValue)")
                }
                let rendering = PageRendering(workers: settings)
                defer { rendering.close() }
                pages = try rendering.render(path: input, boxes: PageBoxes.boxes(in: document))
            } else {
                let data = try source.load()
                document = try Converter().convert(data, path: input, format: from?.sourceFormat)
                guard document.source.format == .pdf else {
                    throw UsageError("\(input): --overlay draws PDF pages; this is \(document.source.format.rawValue)")
                }
                pages = try PageOverlay.render(pdf: data, boxes: PageBoxes.boxes(in: document))
            }
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for (index, png) in pages.enumerated() {
                try OutputFiles.write(png, to: (directory as NSString).appendingPathComponent("page-\(index + 1).png"))
            }
            StandardStreams.error("\(input): \(pages.count) page image\(pages.count == 1 ? "" : "s") in \(directory)")
        } catch let error as UsageError {
            throw error
        } catch {
            StandardStreams.error("\(input): \(error)")
            throw ExitCode(1)
        }
    }
}
