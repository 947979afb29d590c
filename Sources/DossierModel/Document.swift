/// One input document: what the source says (`blocks`), what it means (`profile`), and what went wrong (`diagnostics`).
///
/// This value is the wire format between readers, stages and writers, and of external stages (as JSON).
public struct Document: Codable, Sendable, Hashable {
    /// The version of the JSON contract; bumped only on breaking changes.
    public static let formatVersion = "1"

    public var dossier: String
    public var source: Source
    public var metadata: [String: JSONValue]
    public var blocks: [Block]
    public var profile: Profile
    public var diagnostics: [Diagnostic]

    public init(
        source: Source, metadata: [String: JSONValue] = [:], blocks: [Block] = [],
        profile: Profile = Profile(), diagnostics: [Diagnostic] = []
    ) {
        self.dossier = Document.formatVersion
        self.source = source
        self.metadata = metadata
        self.blocks = blocks
        self.profile = profile
        self.diagnostics = diagnostics
    }

    /// Adds a diagnostic; stages report trouble this way instead of failing the batch.
    public mutating func report(_ severity: Diagnostic.Severity, stage: String, _ message: String, provenance: Provenance? = nil) {
        diagnostics.append(Diagnostic(severity: severity, stage: stage, message: message, provenance: provenance))
    }
}

/// Where a document came from.
public struct Source: Codable, Sendable, Hashable {
    public var path: String
    public var format: SourceFormat
    public var bytes: Int
    public var sha256: String
    public var pages: Int?

    public init(path: String, format: SourceFormat, bytes: Int, sha256: String, pages: Int? = nil) {
        self.path = path
        self.format = format
        self.bytes = bytes
        self.sha256 = sha256
        self.pages = pages
    }
}

/// The input formats Dossier reads.
public enum SourceFormat: String, Codable, Sendable, Hashable, CaseIterable {
    case markdown, html, pdf
}
