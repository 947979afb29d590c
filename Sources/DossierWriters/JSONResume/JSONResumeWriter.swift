import DossierModel
import DossierPipeline
import Foundation

/// The document in the JSON Resume shape (jsonresume.org, schema v1.0.0): one object per document, an array of
/// them for several.
///
/// What JSON Resume has a field for goes there (see `JSONResumeMapping`); everything else that the profile holds —
/// author lists, identifiers, the applicant's positions, referees' contacts, dates that are not ISO 8601, entries of
/// kinds JSON Resume lacks, the document's diagnostics — is listed under `meta.dossier.unmapped`, never dropped, and
/// the writer leaves a note saying how much went there.
public struct JSONResumeWriter: Writer {
    public let name = "json-resume"
    public let summary = "the JSON Resume shape (jsonresume.org); what it cannot hold is listed under meta.dossier"
    public let fileExtension = "json"
    public let batchStyle = BatchStyle.enclosed
    public let rendersIndependently = true

    public init() {}

    public func begin(_ options: WriterOptions) throws -> Data {
        JSONArrayFraming.begin(options)
    }

    public func write(_ document: Document, index: Int, options: WriterOptions) throws -> Data {
        var mapping = JSONResumeMapping(document: document)
        let resume = mapping.resume()
        if mapping.unmappedCount > 0 {
            options.session.note(
                "json-resume: \(mapping.unmappedCount) value\(mapping.unmappedCount == 1 ? "" : "s") without a JSON Resume field listed under meta.dossier.unmapped")
        }
        return JSONArrayFraming.element(try Document.encoder(pretty: true).encode(resume), index: index, options: options)
    }

    public func end(_ options: WriterOptions) throws -> Data {
        JSONArrayFraming.end(options)
    }
}
