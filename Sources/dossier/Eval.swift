import ArgumentParser
import Dossier
import Foundation

/// `dossier eval`: scores the stages against labelled documents (`X.pdf.json` beside `X.pdf`).
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score names, e-mails, section kinds, publications and referees against labelled documents.",
        discussion: "Each label file is NAME.json beside the document NAME (e.g. cv.pdf.json beside cv.pdf), in the format of the corpus's cv-labelled/ labels."
    )

    @Argument(help: "Label files, or directories holding them.")
    var labels: [String]

    @Flag(help: "Exit 1 unless every labelled field is right.")
    var strict = false

    @OptionGroup var pipeline: PipelineOptions

    func run() throws {
        let files = labels.flatMap(Self.labelFiles)
        guard !files.isEmpty else { throw ValidationError("no label files (NAME.md.json, NAME.html.json, NAME.pdf.json) found") }
        let converter = try pipeline.converter()
        var scores: [LabelScore] = []
        var failed = false
        for file in files {
            let documentPath = String(file.dropLast(".json".count))
            do {
                let labels = try JSONDecoder().decode(DocumentLabels.self, from: Data(contentsOf: URL(fileURLWithPath: file)))
                let document = try converter.convert(Data(contentsOf: URL(fileURLWithPath: documentPath)), path: documentPath, format: pipeline.from?.sourceFormat)
                scores.append(LabelScore(document, labels: labels))
            } catch {
                StandardStreams.error("\(documentPath): \(error)")
                failed = true
            }
        }
        print(LabelReport.render(scores), terminator: "")
        if failed || (strict && scores.contains { !$0.perfect }) { throw ExitCode(1) }
    }

    static func labelFiles(_ path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { name in [".md.json", ".html.json", ".pdf.json"].contains { name.hasSuffix($0) } }.sorted()
            .map { (path as NSString).appendingPathComponent($0) }
    }
}
