import ArgumentParser
import Dossier

/// `dossier formats`: what is registered.
struct Formats: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "formats", abstract: "List the registered readers, stages and writers.")

    func run() throws {
        let registry = Registry.standard
        let width = ([14] + registry.stages.map { $0.name.count + 2 } + registry.writers.map { $0.name.count + 2 }).max() ?? 14
        func row(_ name: String, _ summary: String) -> String {
            "  " + name.padding(toLength: width, withPad: " ", startingAt: 0) + summary
        }
        var lines = ["Readers (--from):"]
        lines += registry.readers.map { row($0.format.rawValue, $0.summary) }
        lines.append("Stages (--stages; default order: \(registry.defaultStages.joined(separator: ",")))")
        lines += registry.stages.map { row($0.name, $0.summary) }
        lines.append("Writers (--to):")
        lines += registry.writers.map { row($0.name, $0.summary) }
        print(lines.joined(separator: "\n"))
    }
}
