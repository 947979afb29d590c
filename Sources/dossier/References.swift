import ArgumentParser
import Dossier
import Foundation

/// `dossier references`: one reference string per line in, parsed items out in input order (like `anystyle parse`).
struct References: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "references",
        abstract: "Parse reference strings, one per line, into CSL-JSON items (or NDJSON, CSV, BibTeX).")

    /// The output formats of `references`.
    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case cslJSON = "csl-json", ndjson, csv, bibtex
        /// Each token with its label and confidence, a reference per paragraph: what the model saw and chose.
        case tokens
    }

    @Argument(help: "A file with one reference per line; - or nothing reads stdin.")
    var input: String?

    @Option(name: [.customShort("t"), .customLong("to")], help: "Output format: csl-json, ndjson, csv, bibtex, or tokens (token, label and confidence per line).")
    var to: OutputFormat = .cslJSON

    @Option(help: "A model written by train-references (default: the one compiled in).")
    var model: String?

    func run() throws {
        let parser = try EvalReferences.loadParser(model)
        let path = input ?? "-"
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: path) else { throw UsageError("\(path): cannot be read") }
            data = contents
        }
        let lines = ReferenceLines.lines(String(decoding: data, as: UTF8.self))
        if to == .tokens {
            FileHandle.standardOutput.write(Data(References.tokenTable(lines, parser: parser).utf8))
            return
        }
        if to == .ndjson {
            // Streamed: each line goes out (in 64 KiB writes) as soon as it is parsed; nothing is held but the input.
            var bytes: [UInt8] = []
            bytes.reserveCapacity(1 << 16)
            for (index, text) in lines.enumerated() {
                var publication = parser.parse(text)
                publication.id = "ref\(index + 1)"
                PublicationJSONLine.append(publication, to: &bytes)
                bytes.append(UInt8(ascii: "\n"))
                if bytes.count >= 1 << 16 {
                    FileHandle.standardOutput.write(Data(bytes))
                    bytes.removeAll(keepingCapacity: true)
                }
            }
            if !bytes.isEmpty { FileHandle.standardOutput.write(Data(bytes)) }
            return
        }
        var publications: [Publication] = []
        for text in lines {
            var publication = parser.parse(text)
            publication.id = "ref\(publications.count + 1)"
            publications.append(publication)
        }
        let output: Data
        switch to {
        case .cslJSON, .csv, .bibtex, .tokens, .ndjson:
            let document = Document(
                source: Source(path: path, format: .markdown, bytes: data.count, sha256: ""),
                profile: Profile(publications: publications))
            let writer = try Registry.standard.writer(named: to.rawValue)
            let options = WriterOptions(batch: false, table: to == .csv ? "publications" : nil)
            var bytes = try writer.begin(options)
            bytes.append(try writer.write(document, index: 0, options: options))
            bytes.append(try writer.end(options))
            output = bytes
        }
        FileHandle.standardOutput.write(output)
    }

    /// "token TAB label TAB confidence" lines, a blank line after each reference (CRF++'s layout).
    static func tokenTable(_ lines: [String], parser: ReferenceParser) -> String {
        var text = ""
        for reference in lines {
            let labelled = parser.label(reference)
            for (index, token) in labelled.tokens.enumerated() {
                text += "\(token.text)\t\(labelled.labels[index])\t\(String(format: "%.2f", labelled.confidence[index]))\n"
            }
            text += "\n"
        }
        return text
    }
}
