import DossierModel
import Foundation

/// Turns documents into bytes. Writers never parse text and never change the model's meaning.
///
/// A batch is written as `begin`, then `write` for each document in input order, then `end`, so that
/// streaming formats (NDJSON, CSV) never hold the batch in memory.
public protocol Writer: Sendable {
    /// The name used in `--to`.
    var name: String { get }
    /// One line for `dossier formats`.
    var summary: String { get }
    /// The file extension for one output file, without the dot.
    var fileExtension: String { get }
    /// How several documents share one output.
    var batchStyle: BatchStyle { get }
    func begin(_ options: WriterOptions) throws -> Data
    /// Writes one document; `index` is its 0-based position in the batch.
    func write(_ document: Document, index: Int, options: WriterOptions) throws -> Data
    /// Writes one applicant's merged record (`--group-by folder`, `--applicant`); by default as its merged document.
    func writeApplicant(_ record: ApplicantRecord, index: Int, options: WriterOptions) throws -> Data
    func end(_ options: WriterOptions) throws -> Data
    /// Whether `write` depends on nothing but the document, the options' `batch` and `table`, and whether `index` is
    /// 0 — never on what the session holds from other documents — so that a batch may render each document on the
    /// thread that converted it, with a session of its own for the notes. False unless the writer says so.
    var rendersIndependently: Bool { get }
}

extension Writer {
    public var rendersIndependently: Bool { false }
    public func begin(_ options: WriterOptions) throws -> Data { Data() }
    public func end(_ options: WriterOptions) throws -> Data { Data() }

    /// Writes a whole batch at once (tests, library use).
    public func render(_ documents: [Document], options: WriterOptions = WriterOptions()) throws -> Data {
        var options = options
        options.batch = documents.count != 1 || options.batch
        var data = try begin(options)
        for (index, document) in documents.enumerated() {
            data.append(try write(document, index: index, options: options))
        }
        data.append(try end(options))
        return data
    }
}

/// How a writer combines several documents.
public enum BatchStyle: String, Sendable {
    /// Concatenated records: NDJSON lines, CSV rows under one header.
    case stream
    /// One enclosing value (a JSON array).
    case enclosed
    /// Only one document per output; several inputs need `-o DIR`.
    case filePerDocument
}

/// Options for writers.
public struct WriterOptions: Sendable {
    /// More than one document goes to this output.
    public var batch: Bool
    /// For table writers: which table (`publications`, `entries`, …).
    public var table: String?
    /// State shared by `begin`, `write` and `end` of one batch, and the writer's notes for the user.
    public var session: WriterSession

    public init(batch: Bool = false, table: String? = nil, session: WriterSession = WriterSession()) {
        self.batch = batch
        self.table = table
        self.session = session
    }
}

/// Why a writer refused; the message is for the user.
public struct WriteError: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String

    public init(_ reason: String) { self.reason = reason }

    public var description: String { reason }
}
