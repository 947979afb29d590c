import ArgumentParser
import Dossier
import Foundation

/// `dossier worker`: the process a batch isolates its inputs in (NDJSON requests on stdin, documents on stdout;
/// see `WorkerServer`). Started by `dossier convert`; not meant to be typed, but it is the same protocol a batch
/// spread over several machines can use.
struct Worker: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Convert files named on stdin (one JSON request a line) and answer with documents as NDJSON.",
        shouldDisplay: false)

    @OptionGroup var pipeline: PipelineOptions

    func run() throws {
        WorkerServer.serve(converter: try pipeline.converter())
    }
}
