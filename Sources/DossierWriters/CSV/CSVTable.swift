import DossierModel
import DossierPipeline
import Foundation

/// The tables the CSV writer emits (`--table`): one row per item, the source document's path first.
///
/// Columns are part of the output contract: new columns are only ever appended. Lists inside a cell are joined
/// with "; ". Empty cells mean "not known", never zero.
///
/// - `publications`: document, applicant, applicant_position, type, authors, title, container, year, volume,
///   issue, pages, doi, pmid, arxiv, url, status, confidence (the lowest per-field confidence, two decimals), raw,
///   then for committees first_author, last_author, equal_contribution (`true`/`false` about the applicant, empty
///   when the applicant was not found in the author list), et_al (`true` when the list was cut) and sources (the
///   documents the paper was found in: the document itself, or every document of an applicant record).
/// - `entries`: document, applicant, kind, title, organization, place, start, end, dates (as written), raw.
/// - `sections`: document, kind, subkind, title, first_block, last_block.
/// - `people`: one row per document for the applicant: document, name, given, family, emails, phones,
///   affiliation, address, orcid, links ("kind url"), identifiers ("scheme:value").
/// - `referees`: document, applicant, name, given, family, title, institution, email, phone, relation, raw.
/// - `applicants`: one row per applicant record (`--group-by folder`, `--applicant`) for a committee: applicant (the
///   packet's folder or name), name, emails, documents, publications (each paper once), first_author, last_author,
///   co_first (counts of papers), with_doi, first_year, last_year, referees, warnings (count). A document written
///   outside packet mode is a packet of one, without deduplication.
public enum CSVTable: String, CaseIterable, Sendable {
    case publications, entries, sections, people, referees, applicants

    /// The header row.
    public var columns: [String] {
        switch self {
        case .publications:
            return ["document", "applicant", "applicant_position", "type", "authors", "title", "container", "year", "volume",
                    "issue", "pages", "doi", "pmid", "arxiv", "url", "status", "confidence", "raw",
                    "first_author", "last_author", "equal_contribution", "et_al", "sources"]
        case .entries:
            return ["document", "applicant", "kind", "title", "organization", "place", "start", "end", "dates", "raw"]
        case .sections:
            return ["document", "kind", "subkind", "title", "first_block", "last_block"]
        case .people:
            return ["document", "name", "given", "family", "emails", "phones", "affiliation", "address", "orcid", "links",
                    "identifiers"]
        case .referees:
            return ["document", "applicant", "name", "given", "family", "title", "institution", "email", "phone",
                    "relation", "raw"]
        case .applicants:
            return ["applicant", "name", "emails", "documents", "publications", "first_author", "last_author", "co_first",
                    "with_doi", "first_year", "last_year", "referees", "warnings"]
        }
    }

    /// first_author, last_author, equal_contribution, et_al. Last author only when the list was not cut by "et al.";
    /// equal contribution when the applicant's position carries a co-first (or equal-contribution) mark.
    static func committeeColumns(_ publication: Publication) -> [String] {
        let etAl = publication.etAl == true
        guard let position = publication.applicantPosition else { return ["", "", "", String(etAl)] }
        let count = publication.author?.count ?? 0
        let last = etAl ? "" : String(position == count)
        let equal = publication.equalContribution?.contains(position) ?? false
        return [String(position == 1), last, String(equal), String(etAl)]
    }

    /// The table called `name` (nil: the default, publications); the error names the known tables.
    public static func named(_ name: String?) throws -> CSVTable {
        guard let name else { return .publications }
        guard let table = CSVTable(rawValue: name) else {
            throw WriteError("unknown table '\(name)'; known: \(allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return table
    }

    /// The rows of one applicant record: its one row for `applicants`, else the rows of its merged document, whose
    /// publications name every document they were found in.
    func rows(_ record: ApplicantRecord) -> [[String]] {
        guard self == .applicants else {
            let sources = Dictionary(record.publications.map { merged in
                (merged.publication.id, CSVTable.uniquePaths(merged.sources.map(\.path)).joined(separator: "; "))
            }, uniquingKeysWith: { first, _ in first })
            return rows(record.mergedDocument, sources: sources)
        }
        let publications = record.publications.map(\.publication)
        let committee = publications.map(CSVTable.committeeColumns)
        let years = publications.compactMap(\.year)
        return [[record.key, record.person.name?.literal ?? "", record.person.emails.joined(separator: "; "),
                 record.documents.map(\.source.path).joined(separator: "; "), String(publications.count),
                 String(committee.filter { $0[0] == "true" }.count), String(committee.filter { $0[1] == "true" }.count),
                 String(committee.filter { $0[2] == "true" }.count), String(publications.filter { $0.doi != nil }.count),
                 years.min().map(String.init) ?? "", years.max().map(String.init) ?? "", String(record.referees.count),
                 String(record.warnings.count)]]
    }

    private static func uniquePaths(_ paths: [String]) -> [String] {
        var seen: Set<String> = []
        return paths.filter { seen.insert($0).inserted }
    }

    /// The rows of one document, each as long as `columns`; `sources` gives the sources cell by publication id
    /// (default: the document's own path).
    func rows(_ document: Document, sources: [String: String] = [:]) -> [[String]] {
        let path = document.source.path
        let profile = document.profile
        let applicant = profile.person.name?.literal ?? ""
        switch self {
        case .publications:
            return profile.publications.map { publication in
                [path, applicant, publication.applicantPosition.map(String.init) ?? "", publication.type,
                 (publication.author ?? []).map(\.sortName).joined(separator: "; ") + (publication.etAl == true ? "; et al." : ""),
                 publication.title ?? "", publication.containerTitle ?? "", publication.year.map(String.init) ?? "",
                 publication.volume ?? "", publication.issue ?? "", publication.page ?? "", publication.doi ?? "",
                 publication.pmid ?? "", publication.arxiv ?? "", publication.url ?? "", publication.status ?? "",
                 CSVTable.lowest(publication.confidence), publication.raw] + CSVTable.committeeColumns(publication)
                    + [sources[publication.id] ?? path]
            }
        case .entries:
            return profile.entries.map { entry in
                [path, applicant, entry.kind.rawValue, entry.title ?? "", entry.organization ?? "", entry.place ?? "",
                 entry.dates?.start ?? "", entry.dates?.end ?? "", entry.dates?.raw ?? "", entry.raw]
            }
        case .sections:
            return profile.sections.map { section in
                [path, section.kind.rawValue, section.subkind ?? "", section.title,
                 section.blocks.first.map(String.init) ?? "", section.blocks.last.map(String.init) ?? ""]
            }
        case .people:
            let person = profile.person
            return [[path, person.name?.literal ?? "", person.name?.given ?? "", person.name?.family ?? "",
                     person.emails.joined(separator: "; "), person.phones.joined(separator: "; "), person.affiliation ?? "",
                     person.address ?? "", person.identifiers["orcid"] ?? "",
                     person.links.map { "\($0.kind.rawValue) \($0.url)" }.joined(separator: "; "),
                     person.identifiers.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: "; ")]]
        case .referees:
            return profile.referees.map { referee in
                [path, applicant, referee.name.literal, referee.name.given ?? "", referee.name.family ?? "",
                 referee.title ?? "", referee.institution ?? "", referee.email ?? "", referee.phone ?? "",
                 referee.relation ?? "", referee.raw ?? ""]
            }
        case .applicants:
            let sources = profile.publications.map { PublicationSource(document: 0, path: path, id: $0.id, raw: $0.raw) }
            let record = ApplicantRecord(
                key: path, documents: [ApplicantDocument(source: document.source, publications: profile.publications.count)],
                person: profile.person,
                publications: zip(profile.publications, sources).map { MergedPublication(publication: $0, sources: [$1]) },
                referees: profile.referees.map { MergedReferee(referee: $0, documents: [0]) },
                diagnostics: document.diagnostics.map { ApplicantDiagnostic(document: 0, diagnostic: $0) })
            return rows(record)
        }
    }

    /// The weakest field's confidence, two decimals; empty when the stage gave none.
    private static func lowest(_ confidence: [String: Double]) -> String {
        guard let lowest = confidence.values.min() else { return "" }
        return String(format: "%.2f", lowest)
    }
}
