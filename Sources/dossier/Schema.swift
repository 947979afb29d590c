import ArgumentParser
import Dossier

/// `dossier schema`: the JSON Schema of the model.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "schema", abstract: "Print the JSON Schema of Dossier's document model.")

    func run() throws {
        print(DocumentSchema.json, terminator: DocumentSchema.json.hasSuffix("\n") ? "" : "\n")
    }
}
