import DossierModel
import DossierPipeline
import DossierStages
import DossierText
import Foundation

/// Merges the documents of one applicant into one `ApplicantRecord`: the person (conflicts reported as
/// diagnostics, never resolved silently), every section and entry, the referees once each, and the publications
/// deduplicated across documents with their sources kept.
///
/// ```swift
/// let record = ApplicantMerger(applicantName: "Alice Okafor").merge(key: "alice", documents: [cv, publicationList])
/// ```
public struct ApplicantMerger: Sendable {
    /// Whose documents these are (`--applicant`): wins over the names the documents give, and finds the applicant in
    /// the author lists of documents that never name them.
    public var applicantName: String?

    public init(applicantName: String? = nil) {
        self.applicantName = applicantName
    }

    /// The stage name that merge diagnostics carry.
    public static let stageName = "packets"

    /// One record of `documents`, which are all the same applicant's, in input order.
    public func merge(key: String, documents: [Document]) -> ApplicantRecord {
        var record = ApplicantRecord(key: key)
        let merge = PersonMerge(documents: documents, applicantName: applicantName)
        record.person = merge.person
        record.diagnostics = merge.diagnostics.map { ApplicantDiagnostic(document: nil, diagnostic: $0) }
        let documents = documents.map { withApplicant(merge.person.name, in: $0) }
        var copies: [PublicationDeduplication.Copy] = []
        for (index, document) in documents.enumerated() {
            record.documents.append(ApplicantDocument(
                source: document.source, documentKind: document.metadata[DocumentKindStage.metadataKey]?.stringValue,
                publications: document.profile.publications.count))
            record.sections += document.profile.sections.map { ApplicantSection(document: index, section: $0) }
            record.entries += document.profile.entries.map { ApplicantEntry(document: index, entry: $0) }
            copies += document.profile.publications.map { publication in
                let provenance = publication.block.flatMap { document.blocks.indices.contains($0) ? document.blocks[$0].provenance : nil }
                return PublicationDeduplication.Copy(document: index, path: document.source.path, publication: publication, provenance: provenance)
            }
            record.diagnostics += document.diagnostics.filter { $0.severity != .info }
                .map { ApplicantDiagnostic(document: index, diagnostic: $0) }
        }
        let (publications, conflicts) = PublicationDeduplication.merge(copies)
        record.publications = publications
        record.diagnostics += conflicts.map { ApplicantDiagnostic(document: nil, diagnostic: Diagnostic(severity: .warning, stage: Self.stageName, message: $0)) }
        record.referees = Self.mergedReferees(documents)
        let duplicates = copies.count - record.publications.count
        if duplicates > 0 {
            record.diagnostics.append(ApplicantDiagnostic(document: nil, diagnostic: Diagnostic(
                severity: .info, stage: Self.stageName,
                message: "\(copies.count) publications in \(documents.count) documents are \(record.publications.count) papers (\(duplicates) duplicates merged)")))
        }
        return record
    }

    /// The document with the packet's applicant found in its author lists when it names nobody itself (a publication
    /// list): the authorship stage runs again with the packet's name.
    private func withApplicant(_ name: PersonName?, in document: Document) -> Document {
        guard let name, document.profile.person.name == nil,
              document.profile.publications.contains(where: { $0.applicantPosition == nil }) else { return document }
        var named = document
        named.profile.person.name = name
        guard var found = try? AuthorshipStage().run(named, context: StageContext()) else { return document }
        found.profile.person.name = nil
        return found
    }

    /// Referees once each: the same e-mail, or the same name when either has no e-mail.
    static func mergedReferees(_ documents: [Document]) -> [MergedReferee] {
        var merged: [MergedReferee] = []
        for (index, document) in documents.enumerated() {
            for referee in document.profile.referees {
                let name = TitleMatching.foldedName(referee.name.literal)
                let email = referee.email?.lowercased()
                if let found = merged.firstIndex(where: { other in
                    let otherEmail = other.referee.email?.lowercased()
                    if let email, let otherEmail { return email == otherEmail }
                    return TitleMatching.foldedName(other.referee.name.literal) == name
                }) {
                    var existing = merged[found]
                    if !existing.documents.contains(index) { existing.documents.append(index) }
                    existing.referee.title = existing.referee.title ?? referee.title
                    existing.referee.institution = existing.referee.institution ?? referee.institution
                    existing.referee.email = existing.referee.email ?? referee.email
                    existing.referee.phone = existing.referee.phone ?? referee.phone
                    existing.referee.relation = existing.referee.relation ?? referee.relation
                    merged[found] = existing
                } else {
                    merged.append(MergedReferee(referee: referee, documents: [index]))
                }
            }
        }
        return merged
    }
}

extension JSONValue {
    /// The string inside, if this is a string.
    fileprivate var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}
