import DossierModel

/// One step of the pipeline: a document in, a document out.
///
/// A stage that cannot do its work adds a `Diagnostic` and returns the document; a thrown error is caught by
/// the `Pipeline` and recorded the same way, so one stage never fails the batch.
public protocol Stage: Sendable {
    /// The name used in `--stages` and in diagnostics.
    var name: String { get }
    /// One line for `dossier formats`.
    var summary: String { get }
    func run(_ document: Document, context: StageContext) throws -> Document
    /// Told, before an earlier stage runs, what the document is so far: a stage may start loading what it will need
    /// (on another thread) while the stages before it run. It must not change what `run` does. By default nothing.
    func prepare(for document: Document)
}

extension Stage {
    public func prepare(for document: Document) {}
}

/// What a stage may know about the run beyond the document.
public struct StageContext: Sendable {
    /// Options given on the command line as `key=value`, for stages that take them.
    public var options: [String: String]

    public init(options: [String: String] = [:]) {
        self.options = options
    }
}
