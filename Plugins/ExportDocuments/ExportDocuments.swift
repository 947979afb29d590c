import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory export-documents [--to FORMAT] [--output DIR] [--target NAME ...] [PATH ...]`
///
/// Runs `dossier convert` over documents of the package: the files and folders given (relative to the package),
/// else every Markdown, HTML and PDF file of the named targets (or of all targets). Writes one file per input
/// under `--output` (default `exported-documents/FORMAT/`) and prints what it wrote.
@main
struct ExportDocuments: CommandPlugin {
    static let extensions: Set<String> = ["md", "markdown", "html", "htm", "pdf"]

    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let format = extractor.extractOption(named: "to").last ?? "json"
        let targetNames = extractor.extractOption(named: "target")
        let packageDirectory = context.package.directoryURL
        let output = extractor.extractOption(named: "output").last.map { resolve($0, in: packageDirectory) }
            ?? packageDirectory.appending(path: "exported-documents").appending(path: format)
        var inputs = extractor.remainingArguments.map { resolve($0, in: packageDirectory).path }
        if inputs.isEmpty {
            let targets = targetNames.isEmpty ? context.package.targets : try context.package.targets(named: targetNames)
            inputs = targets.compactMap { $0 as? SourceModuleTarget }.flatMap { target in
                target.sourceFiles.map(\.url).filter { Self.extensions.contains($0.pathExtension.lowercased()) }.map(\.path)
            }
        }
        guard !inputs.isEmpty else {
            Diagnostics.warning("export-documents: no Markdown, HTML or PDF documents found; name files or folders, or --target")
            return
        }
        let dossier = try context.tool(named: "dossier")
        let process = Process()
        process.executableURL = dossier.url
        process.arguments = ["convert"] + inputs + ["--to", format, "-o", output.path + "/", "--progress", "never"]
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            Diagnostics.error("export-documents: dossier exited with status \(process.terminationStatus) (the failed inputs are named above)")
            throw ExportFailure(status: process.terminationStatus)
        }
        print("export-documents: \(inputs.count) input(s) converted → \(output.path)")
    }

    private func resolve(_ path: String, in directory: URL) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : directory.appending(path: path)
    }
}

struct ExportFailure: Error, CustomStringConvertible {
    let status: Int32
    var description: String { "dossier exited with status \(status)" }
}
