import ArgumentParser
import Dossier
import Foundation

/// Builds the pipeline from `--stages` and `--filter`: registered stages by name, else an executable
/// `dossier-stage-NAME` on `PATH`, then each `--filter` command in order.
enum StageResolver {
    static func pipeline(stages: String?, filters: [String]) throws -> Pipeline {
        let registry = Registry.standard
        let names = stages.map(Convert.stageNames) ?? registry.defaultStages
        var resolved: [any Stage] = []
        for name in names {
            if let stage = try? registry.stage(named: name) {
                resolved.append(stage)
            } else if let executable = executableOnPath("dossier-stage-\(name)") {
                resolved.append(ExternalStage(name: name, command: shellQuoted(executable)))
            } else {
                throw ValidationError("unknown stage '\(name)'; known: \(registry.stages.map(\.name).joined(separator: ", ")), or an executable dossier-stage-\(name) on PATH")
            }
        }
        for (number, filter) in filters.enumerated() {
            resolved.append(ExternalStage(name: "filter\(filters.count > 1 ? "-\(number + 1)" : "")", command: filter))
        }
        return Pipeline(resolved)
    }

    static func executableOnPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
