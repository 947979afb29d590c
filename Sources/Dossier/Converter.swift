import DossierModel
import DossierPipeline
import Foundation

/// Bytes of one input → a finished `Document`: sniff (or take) the format, read, run the pipeline.
public struct Converter: Sendable {
    public var registry: Registry
    public var pipeline: Pipeline
    public var context: StageContext

    public init(registry: Registry = .standard, stages: [String]? = nil, context: StageContext = StageContext()) throws {
        self.registry = registry
        self.pipeline = try registry.pipeline(stages)
        self.context = context
    }

    /// A converter running exactly `pipeline` (e.g. with external stages added).
    public init(registry: Registry = .standard, pipeline: Pipeline, context: StageContext = StageContext()) {
        self.registry = registry
        self.pipeline = pipeline
        self.context = context
    }

    /// Converts one input; `path` is how the input is named in the document and in errors.
    public func convert(_ data: Data, path: String, format: SourceFormat? = nil) throws -> Document {
        pipeline.run(try readForStages(data, path: path, format: format), context: context)
    }

    /// The reader step as the stages take it: the blocks cut to the text budget (`TextBudget`), with a warning.
    public func readForStages(_ data: Data, path: String, format: SourceFormat? = nil) throws -> Document {
        var document = try read(data, path: path, format: format)
        TextBudget.apply(to: &document)
        return document
    }

    /// Only the reader step: the blocks as the source gives them.
    public func read(_ data: Data, path: String, format: SourceFormat? = nil) throws -> Document {
        if data.isEmpty { throw ReadError("empty input") }
        let format = try format ?? FormatSniffer.format(of: data, path: path)
        guard let reader = registry.reader(for: format) else {
            throw ReadError("no reader for \(format.rawValue) is registered")
        }
        let source = Source(path: path, format: format, bytes: data.count, sha256: SHA256.hex(data))
        return try reader.read(data, source: source)
    }
}
