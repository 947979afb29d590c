import DossierModel
import Foundation

/// Turns the bytes of one format into blocks and metadata; never decides what a section means.
public protocol Reader: Sendable {
    /// The format it reads.
    var format: SourceFormat { get }
    /// One line for `dossier formats`.
    var summary: String { get }
    /// Reads `data`; `source` is already filled (path, bytes, hash). Throws `ReadError` when nothing can be read.
    func read(_ data: Data, source: Source) throws -> Document
}

/// Why an input could not be read at all; the message completes "FILE: …".
public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String

    public init(_ reason: String) { self.reason = reason }

    public var description: String { reason }
}
