import Foundation
import PackagePlugin

/// A build-tool plugin: every Markdown, HTML or PDF file in a target becomes `NAME.EXT.json` (Dossier's model,
/// `dossier convert --to json`) in the target's resource bundle, converted at build time and again whenever the
/// document changes. The target reads it with `Bundle.module.url(forResource: "cv.md", withExtension: "json")`.
@main
struct DocumentResources: BuildToolPlugin {
    static let extensions: Set<String> = ["md", "markdown", "html", "htm", "pdf"]

    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let dossier = try context.tool(named: "dossier")
        return target.sourceFiles.map(\.url).filter { Self.extensions.contains($0.pathExtension.lowercased()) }.map { document in
            let json = context.pluginWorkDirectoryURL.appending(path: document.lastPathComponent + ".json")
            return .buildCommand(
                displayName: "Dossier: \(document.lastPathComponent) → \(json.lastPathComponent)",
                executable: dossier.url,
                arguments: ["convert", document.path, "--to", "json", "-o", json.path, "--progress", "never", "--quiet"],
                inputFiles: [document],
                outputFiles: [json])
        }
    }
}
