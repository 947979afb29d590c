/// Something a reader or stage could not do, carried in the document instead of failing the batch.
public struct Diagnostic: Codable, Sendable, Hashable {
    public enum Severity: String, Codable, Sendable, Hashable, CaseIterable {
        case info, warning, error
    }

    public var severity: Severity
    /// The reader, stage or writer that reported it.
    public var stage: String
    public var message: String
    public var provenance: Provenance?

    public init(severity: Severity, stage: String, message: String, provenance: Provenance? = nil) {
        self.severity = severity
        self.stage = stage
        self.message = message
        self.provenance = provenance
    }
}
