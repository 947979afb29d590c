import ArgumentParser
import Dossier
import Foundation

/// `dossier inspect FILE`: the block tree as the reader produced it, with provenance.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a document's blocks with their provenance (after the reader and normalize only)."
    )

    @Argument(help: "The file to inspect; - for standard input.")
    var input: String

    @Option(name: [.short, .customLong("from")], help: "Input format (md, html, pdf); sniffed when absent.")
    var from: InputFormat?

    func run() throws {
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
}
