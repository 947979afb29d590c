import DossierModel
import Foundation

extension ApplicantRecord {
    /// The record as one document, for writers that know only documents (JATS, CSL-JSON, BibTeX, JSON Resume): the
    /// merged person, entries, publications and referees; no blocks or sections (those belong to each document).
    public var mergedDocument: Document {
        let fingerprint = documents.map(\.source.sha256).joined(separator: "\n")
        let pages = documents.compactMap(\.source.pages)
        let source = Source(
            path: key, format: documents.first?.source.format ?? .markdown, bytes: documents.reduce(0) { $0 + $1.source.bytes },
            sha256: SHA256.hex(Data(fingerprint.utf8)), pages: pages.isEmpty ? nil : pages.reduce(0, +))
        var entries = self.entries.map(\.entry)
        for index in entries.indices { entries[index].block = nil }
        let profile = Profile(person: person, sections: [], entries: entries, publications: publications.map(\.publication),
                              referees: referees.map(\.referee))
        return Document(source: source, metadata: ["dossier:applicant": .string(key)], blocks: [], profile: profile,
                        diagnostics: diagnostics.map(\.diagnostic))
    }
}

extension Writer {
    /// Writes the applicant's merged person and publications as one document; writers with a form of their own for an
    /// applicant (JSON, NDJSON, CSV) provide `writeApplicant` themselves.
    public func writeApplicant(_ record: ApplicantRecord, index: Int, options: WriterOptions) throws -> Data {
        try write(record.mergedDocument, index: index, options: options)
    }

    /// Writes a batch of applicant records at once (tests, library use).
    public func renderApplicants(_ records: [ApplicantRecord], options: WriterOptions = WriterOptions()) throws -> Data {
        var options = options
        options.batch = records.count != 1 || options.batch
        var data = try begin(options)
        for (index, record) in records.enumerated() {
            data.append(try writeApplicant(record, index: index, options: options))
        }
        data.append(try end(options))
        return data
    }
}
