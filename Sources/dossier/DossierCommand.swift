import ArgumentParser
import Dossier
import Foundation

/// The `dossier` command: applicant documents in, structured data out.
@main
struct DossierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Turn applicant documents (Markdown, HTML, PDF) into structured data.",
        version: DossierVersion.current,
        subcommands: [Convert.self, Inspect.self, Formats.self, Schema.self, Review.self, Eval.self, References.self, TrainReferences.self, EvalReferences.self, TrainSegmenter.self, Worker.self],
        defaultSubcommand: Convert.self
    )

    /// Usage errors exit with 2 (as grep, diff and most Unix tools do), not ArgumentParser's 64.
    static func main() {
        // A pipe closed by the reader (`| head`, a filter that stops reading) is handled where it is written.
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure || error is UsageError {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            self.exit(withError: error)
        }
    }
}

/// A command line that cannot be acted on; exits with 2.
struct UsageError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
