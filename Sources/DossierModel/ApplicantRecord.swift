import Foundation

/// One applicant's packet: every document they sent merged into one record, so that a committee counts people,
/// not files, and each paper once however many documents list it.
///
/// Made by `ApplicantMerger` (module Dossier) from converted documents; written as JSON with `"kind": "applicant"`
/// beside the document model in the same schema.
public struct ApplicantRecord: Codable, Sendable, Hashable {
    /// The version of the JSON contract, shared with `Document`.
    public var dossier: String
    /// Always `"applicant"`: tells an applicant record from a document on the same stream.
    public var kind: String
    /// What the packet is called: the folder its documents were found in, or the `--applicant` name.
    public var key: String
    /// The documents of the packet, in input order; `document` indices elsewhere point into this list.
    public var documents: [ApplicantDocument]
    /// The applicant, merged across documents (conflicts are in `diagnostics`).
    public var person: Person
    /// Every document's sections, each saying which document it is in.
    public var sections: [ApplicantSection]
    /// Every document's education and employment entries, each saying which document it is in.
    public var entries: [ApplicantEntry]
    /// The publications, each paper once, with the documents it was found in.
    public var publications: [MergedPublication]
    /// The referees, each person once, with the documents that name them.
    public var referees: [MergedReferee]
    /// What the merge found (conflicting names, e-mails, identifiers) and every document's own diagnostics.
    public var diagnostics: [ApplicantDiagnostic]

    public init(
        key: String, documents: [ApplicantDocument] = [], person: Person = Person(), sections: [ApplicantSection] = [],
        entries: [ApplicantEntry] = [], publications: [MergedPublication] = [], referees: [MergedReferee] = [],
        diagnostics: [ApplicantDiagnostic] = []
    ) {
        self.dossier = Document.formatVersion
        self.kind = "applicant"
        self.key = key
        self.documents = documents
        self.person = person
        self.sections = sections
        self.entries = entries
        self.publications = publications
        self.referees = referees
        self.diagnostics = diagnostics
    }
}

/// One document of a packet: where it came from and what kind of document it looked like.
public struct ApplicantDocument: Codable, Sendable, Hashable {
    public var source: Source
    /// The `document-kind` stage's verdict (`cv`, `publication-list`, …) when it gave one.
    public var documentKind: String?
    /// Publications found in this document before deduplication.
    public var publications: Int

    public init(source: Source, documentKind: String? = nil, publications: Int = 0) {
        self.source = source
        self.documentKind = documentKind
        self.publications = publications
    }
}

/// A section of one document of the packet.
public struct ApplicantSection: Codable, Sendable, Hashable {
    /// Index into `ApplicantRecord.documents`.
    public var document: Int
    public var section: Section

    public init(document: Int, section: Section) {
        self.document = document
        self.section = section
    }

    public init(from decoder: any Decoder) throws {
        document = try decoder.container(keyedBy: DocumentKey.self).decode(Int.self, forKey: .document)
        section = try Section(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try section.encode(to: encoder)
        var container = encoder.container(keyedBy: DocumentKey.self)
        try container.encode(document, forKey: .document)
    }
}

/// An entry of one document of the packet.
public struct ApplicantEntry: Codable, Sendable, Hashable {
    /// Index into `ApplicantRecord.documents`.
    public var document: Int
    public var entry: Entry

    public init(document: Int, entry: Entry) {
        self.document = document
        self.entry = entry
    }

    public init(from decoder: any Decoder) throws {
        document = try decoder.container(keyedBy: DocumentKey.self).decode(Int.self, forKey: .document)
        entry = try Entry(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try entry.encode(to: encoder)
        var container = encoder.container(keyedBy: DocumentKey.self)
        try container.encode(document, forKey: .document)
    }
}

/// The key that says which document of the packet a section, entry or diagnostic belongs to.
private enum DocumentKey: String, CodingKey {
    case document
}

/// One paper of the applicant: the best value of each field across the documents that list it, and those documents.
///
/// Encoded as the publication's CSL-JSON item with two more keys: `sources` and `fieldSources`.
public struct MergedPublication: Codable, Sendable, Hashable {
    /// The merged item; `confidence` holds the confidence of each chosen value.
    public var publication: Publication
    /// Every place the paper was found, in document order.
    public var sources: [PublicationSource]
    /// Field name (as in the JSON) → index into `sources` of the value chosen.
    public var fieldSources: [String: Int]

    public init(publication: Publication, sources: [PublicationSource], fieldSources: [String: Int] = [:]) {
        self.publication = publication
        self.sources = sources
        self.fieldSources = fieldSources
    }

    private enum ExtraKeys: String, CodingKey {
        case sources, fieldSources
    }

    public init(from decoder: any Decoder) throws {
        publication = try Publication(from: decoder)
        let container = try decoder.container(keyedBy: ExtraKeys.self)
        sources = try container.decode([PublicationSource].self, forKey: .sources)
        fieldSources = try container.decodeIfPresent([String: Int].self, forKey: .fieldSources) ?? [:]
    }

    public func encode(to encoder: any Encoder) throws {
        try publication.encode(to: encoder)
        var container = encoder.container(keyedBy: ExtraKeys.self)
        try container.encode(sources, forKey: .sources)
        try container.encode(fieldSources, forKey: .fieldSources)
    }
}

/// Where one copy of a paper was found: the document, the reference as written there, and its place in the source.
public struct PublicationSource: Codable, Sendable, Hashable {
    /// Index into `ApplicantRecord.documents`.
    public var document: Int
    /// The document's path, repeated so that a reader of the JSON needs no lookup.
    public var path: String
    /// The publication's `id` inside that document.
    public var id: String
    public var raw: String
    /// Lines or page and box of the block it came from, when known.
    public var provenance: Provenance?
    /// Why this copy was taken for the same paper as the first: `doi`, `raw` (the same reference text), `title-year` or `close-title`; nil for the first.
    public var matchedBy: String?

    public init(document: Int, path: String, id: String, raw: String, provenance: Provenance? = nil, matchedBy: String? = nil) {
        self.document = document
        self.path = path
        self.id = id
        self.raw = raw
        self.provenance = provenance
        self.matchedBy = matchedBy
    }
}

/// A referee of the applicant, once however many documents name them.
public struct MergedReferee: Codable, Sendable, Hashable {
    public var referee: Referee
    /// Indices into `ApplicantRecord.documents` of the documents that name this referee.
    public var documents: [Int]

    public init(referee: Referee, documents: [Int]) {
        self.referee = referee
        self.documents = documents
    }

    private enum ExtraKeys: String, CodingKey {
        case documents
    }

    public init(from decoder: any Decoder) throws {
        referee = try Referee(from: decoder)
        documents = try decoder.container(keyedBy: ExtraKeys.self).decode([Int].self, forKey: .documents)
    }

    public func encode(to encoder: any Encoder) throws {
        try referee.encode(to: encoder)
        var container = encoder.container(keyedBy: ExtraKeys.self)
        try container.encode(documents, forKey: .documents)
    }
}

/// A diagnostic of the packet: from the merge itself (`document` nil) or from one of its documents.
public struct ApplicantDiagnostic: Codable, Sendable, Hashable {
    /// Index into `ApplicantRecord.documents`, nil for what the merge found.
    public var document: Int?
    public var diagnostic: Diagnostic

    public init(document: Int?, diagnostic: Diagnostic) {
        self.document = document
        self.diagnostic = diagnostic
    }

    public init(from decoder: any Decoder) throws {
        document = try decoder.container(keyedBy: DocumentKey.self).decodeIfPresent(Int.self, forKey: .document)
        diagnostic = try Diagnostic(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try diagnostic.encode(to: encoder)
        var container = encoder.container(keyedBy: DocumentKey.self)
        try container.encodeIfPresent(document, forKey: .document)
    }
}

extension ApplicantRecord {
    /// The record as JSON, with the same encoder as documents.
    public func encoded(pretty: Bool = true) throws -> Data {
        try Document.encoder(pretty: pretty).encode(self)
    }

    /// Warnings and errors of the packet (the merge's and its documents'), what a committee should read first.
    public var warnings: [ApplicantDiagnostic] {
        diagnostics.filter { $0.diagnostic.severity != .info }
    }
}

