import DossierModel
import DossierPipeline
import Foundation

/// The whole model as pretty JSON; several documents make a JSON array.
public struct JSONWriter: Writer {
    public let name = "json"
    public let summary = "the whole model, pretty JSON (an array for several documents)"
    public let fileExtension = "json"
    public let batchStyle = BatchStyle.enclosed
    public let rendersIndependently = true

    public init() {}

    public func begin(_ options: WriterOptions) throws -> Data {
        JSONArrayFraming.begin(options)
    }

    public func write(_ document: Document, index: Int, options: WriterOptions) throws -> Data {
        JSONArrayFraming.element(try document.encoded(pretty: true), index: index, options: options)
    }

    /// The applicant record itself (`"kind": "applicant"`), pretty.
    public func writeApplicant(_ record: ApplicantRecord, index: Int, options: WriterOptions) throws -> Data {
        JSONArrayFraming.element(try record.encoded(pretty: true), index: index, options: options)
    }

    public func end(_ options: WriterOptions) throws -> Data {
        JSONArrayFraming.end(options)
    }
}

/// One document per line, compact JSON: the stream format for batches and for `jq`.
public struct NDJSONWriter: Writer {
    public let name = "ndjson"
    public let summary = "one document per line (compact JSON); the default for several inputs"
    public let fileExtension = "ndjson"
    public let batchStyle = BatchStyle.stream
    public let rendersIndependently = true

    public init() {}

    public func write(_ document: Document, index: Int, options: WriterOptions) throws -> Data {
        var data = try document.encoded(pretty: false)
        data.append(Data("\n".utf8))
        return data
    }

    /// One applicant record per line.
    public func writeApplicant(_ record: ApplicantRecord, index: Int, options: WriterOptions) throws -> Data {
        var data = try record.encoded(pretty: false)
        data.append(Data("\n".utf8))
        return data
    }
}
