import DossierText
import DossierModel
import Foundation

/// The mapping from a Dossier profile to JSON Resume, and the list of what has no place there.
///
/// basics ← the applicant (first email and phone, the website as `url`, other links as `profiles`, the address, the
/// summary section's text); work ← employment and teaching entries; education ← education entries; awards ← awards
/// and grants; volunteer ← service; projects ← projects; publications ← publications (title, container or
/// publisher, ISO date, URL or DOI link, the reference as written in `summary`); skills and languages ← the items of
/// those sections (list items, paragraphs, or table rows: first cell the name, the others keywords or fluency);
/// references ← referees. Dates must match the schema's ISO 8601 pattern; an open end ("present")
/// is a missing `endDate`. URLs are written as URIs (non-ASCII and unsafe characters percent-encoded).
struct JSONResumeMapping {
    let document: Document
    /// How many values went to `meta.dossier.unmapped`.
    private(set) var unmappedCount = 0
    private var unmapped: [String: [JSONValue]] = [:]

    init(document: Document) { self.document = document }

    static let schemaURL = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"

    mutating func resume() -> JSONValue {
        var resume: [String: JSONValue] = ["$schema": .string(JSONResumeMapping.schemaURL), "basics": basics()]
        var groups: [String: [JSONValue]] = [:]
        for (index, entry) in document.profile.entries.enumerated() {
            if let (group, item) = entryItem(entry, index: index) { groups[group, default: []].append(item) }
        }
        groups["publications"] = document.profile.publications.enumerated().map { publication($1, index: $0) }
        groups["skills"] = sectionItems(.skills).map { item in
            var skill: [String: JSONValue] = ["name": .string(item.first ?? "")]
            if item.count > 1 { skill["keywords"] = .array(item.dropFirst().map(JSONValue.string)) }
            return .object(skill)
        }
        groups["languages"] = sectionItems(.languages).map { item in
            var language: [String: JSONValue] = ["language": .string(item.first ?? "")]
            if item.count > 1 { language["fluency"] = .string(item.dropFirst().joined(separator: ", ")) }
            return .object(language)
        }
        groups["references"] = document.profile.referees.enumerated().map { reference($1, index: $0) }
        for (group, items) in groups where !items.isEmpty { resume[group] = .array(items) }
        var dossier: [String: JSONValue] = ["source": .string(document.source.path)]
        if !unmapped.isEmpty { dossier["unmapped"] = .object(unmapped.mapValues(JSONValue.array)) }
        if !document.diagnostics.isEmpty {
            dossier["diagnostics"] = .array(document.diagnostics.map {
                .object(["severity": .string($0.severity.rawValue), "stage": .string($0.stage), "message": .string($0.message)])
            })
        }
        resume["meta"] = .object(["version": .string("v1.0.0"), "dossier": .object(dossier)])
        return .object(resume)
    }

    private mutating func basics() -> JSONValue {
        let person = document.profile.person
        var basics: [String: JSONValue] = [:]
        var rest: [String: JSONValue] = [:]
        if let name = person.name?.literal.nonBlank { basics["name"] = .string(name) }
        if let given = person.name?.given { rest["given"] = .string(given) }
        if let family = person.name?.family { rest["family"] = .string(family) }
        if let email = person.emails.first { basics["email"] = .string(email) }
        if person.emails.count > 1 { rest["emails"] = .array(person.emails.dropFirst().map(JSONValue.string)) }
        if let phone = person.phones.first { basics["phone"] = .string(phone) }
        if person.phones.count > 1 { rest["phones"] = .array(person.phones.dropFirst().map(JSONValue.string)) }
        var links = person.links
        if let website = links.firstIndex(where: { $0.kind == .website }), let url = JSONResumeMapping.uri(links[website].url) {
            basics["url"] = .string(url)
            links.remove(at: website)
        }
        var profiles: [JSONValue] = []
        for link in links {
            if let url = JSONResumeMapping.uri(link.url) {
                profiles.append(.object(["network": .string(JSONResumeMapping.network(link.kind)), "url": .string(url)]))
            } else {
                rest["links", default: .array([])] = .array((rest["links"]?.arrayValue ?? []) + [.string(link.url)])
            }
        }
        if !profiles.isEmpty { basics["profiles"] = .array(profiles) }
        if let address = person.address?.nonBlank { basics["location"] = .object(["address": .string(address)]) }
        if let summary = sectionText(.summary) { basics["summary"] = .string(summary) }
        if !person.identifiers.isEmpty { rest["identifiers"] = .object(person.identifiers.mapValues(JSONValue.string)) }
        if let affiliation = person.affiliation { rest["affiliation"] = .string(affiliation) }
        if !rest.isEmpty { addUnmapped("person", rest) }
        return .object(basics)
    }

    /// The JSON Resume group and item of an entry; nil (and listed as unmapped) for kinds JSON Resume has no group for.
    private mutating func entryItem(_ entry: Entry, index: Int) -> (String, JSONValue)? {
        var item: [String: JSONValue] = [:]
        var rest: [String: JSONValue] = ["entry": .int(index)]
        func set(_ key: String, _ value: String?) { if let value = value?.nonBlank { item[key] = .string(value) } }
        let group: String
        switch entry.kind {
        case .employment, .teaching:
            group = "work"
            set("name", entry.organization); set("position", entry.title); set("location", entry.place)
        case .education:
            group = "education"
            set("institution", entry.organization); set("studyType", entry.title)
        case .awards, .grants:
            group = "awards"
            set("title", entry.title ?? entry.raw); set("awarder", entry.organization)
        case .service:
            group = "volunteer"
            set("organization", entry.organization); set("position", entry.title)
        case .projects:
            group = "projects"
            set("name", entry.title ?? entry.raw); set("entity", entry.organization)
        default:
            var whole: [String: JSONValue] = ["entry": .int(index), "kind": .string(entry.kind.rawValue), "raw": .string(entry.raw)]
            if let title = entry.title { whole["title"] = .string(title) }
            if let organization = entry.organization { whole["organization"] = .string(organization) }
            if let place = entry.place { whole["place"] = .string(place) }
            if let dates = entry.dates { whole["dates"] = .string(dates.raw) }
            addUnmapped("entries", whole)
            return nil
        }
        set(group == "projects" ? "description" : "summary", entry.raw)
        if item["location"] == nil, let place = entry.place { rest["place"] = .string(place) }
        if let dates = entry.dates {
            let start = dates.start.flatMap(JSONResumeMapping.isoDate)
            let end = dates.end.flatMap(JSONResumeMapping.isoDate)
            let dateKeys = group == "awards" ? ("date", nil) : ("startDate", "endDate") as (String, String?)
            if let start { item[dateKeys.0] = .string(start) }
            if let end, let endKey = dateKeys.1 { item[endKey] = .string(end) }
            let startLost = dates.start != nil && start == nil
            let endLost = dates.end != nil && dates.end != ".." && (end == nil || dateKeys.1 == nil)
            if startLost || endLost { rest["dates"] = .string(dates.raw) }
        }
        if rest.count > 1 { addUnmapped("entries", rest) }
        return (group, .object(item))
    }

    private mutating func publication(_ publication: Publication, index: Int) -> JSONValue {
        var item: [String: JSONValue] = ["summary": .string(publication.raw)]
        if let title = publication.title?.nonBlank { item["name"] = .string(title) }
        if let publisher = (publication.containerTitle ?? publication.publisher)?.nonBlank { item["publisher"] = .string(publisher) }
        if let date = publication.isoDate.flatMap(JSONResumeMapping.isoDate) { item["releaseDate"] = .string(date) }
        if let url = (publication.url ?? publication.doi.map { "https://doi.org/\($0)" }).flatMap(JSONResumeMapping.uri) {
            item["url"] = .string(url)
        }
        var rest: [String: JSONValue] = ["publication": .int(index)]
        if let type = publication.type.nonBlank { rest["type"] = .string(type) }
        if let authors = publication.author, !authors.isEmpty { rest["authors"] = .array(authors.map { .string($0.sortName) }) }
        if let editors = publication.editor, !editors.isEmpty { rest["editors"] = .array(editors.map { .string($0.sortName) }) }
        if publication.containerTitle != nil, let publisher = publication.publisher { rest["publisher"] = .string(publisher) }
        let strings: [(String, String?)] = [
            ("doi", publication.doi), ("pmid", publication.pmid), ("pmcid", publication.pmcid), ("arxiv", publication.arxiv),
            ("isbn", publication.isbn), ("volume", publication.volume), ("issue", publication.issue), ("page", publication.page),
            ("publisherPlace", publication.publisherPlace), ("edition", publication.edition), ("status", publication.status),
            ("note", publication.note),
        ]
        for (key, value) in strings { if let value { rest[key] = .string(value) } }
        if publication.url != nil, publication.url.flatMap(JSONResumeMapping.uri) == nil { rest["url"] = .string(publication.url ?? "") }
        if item["releaseDate"] == nil, let raw = publication.issued?.raw ?? publication.isoDate { rest["issued"] = .string(raw) }
        if let position = publication.applicantPosition { rest["applicantPosition"] = .int(position) }
        if publication.etAl == true { rest["etAl"] = .bool(true) }
        if let equal = publication.equalContribution { rest["equalContribution"] = .array(equal.map(JSONValue.int)) }
        if let corresponding = publication.corresponding { rest["corresponding"] = .array(corresponding.map(JSONValue.int)) }
        if rest.count > 1 { addUnmapped("publications", rest) }
        return .object(item)
    }

    private mutating func reference(_ referee: Referee, index: Int) -> JSONValue {
        var item: [String: JSONValue] = ["name": .string(referee.name.literal)]
        let details = [referee.title, referee.institution, referee.relation].compactMap { $0?.nonBlank }
        if let text = referee.raw?.nonBlank ?? (details.isEmpty ? nil : details.joined(separator: ", ")) { item["reference"] = .string(text) }
        var rest: [String: JSONValue] = ["referee": .int(index)]
        let strings: [(String, String?)] = [
            ("title", referee.title), ("institution", referee.institution), ("email", referee.email), ("phone", referee.phone),
            ("relation", referee.relation),
        ]
        for (key, value) in strings { if let value { rest[key] = .string(value) } }
        if rest.count > 1 { addUnmapped("referees", rest) }
        return .object(item)
    }

    private mutating func addUnmapped(_ group: String, _ values: [String: JSONValue]) {
        unmapped[group, default: []].append(.object(values))
        unmappedCount += values.keys.filter { !["entry", "publication", "referee", "type"].contains($0) }.count
    }

    /// The top-level blocks of the first section of `kind`, its heading left out.
    private func sectionBlocks(_ kind: SectionKind) -> [Block] {
        guard let section = document.profile.sections.first(where: { $0.kind == kind }), section.blocks.count == 2,
              section.blocks[0] >= 0, section.blocks[0] <= section.blocks[1], section.blocks[0] < document.blocks.count
        else { return [] }
        let blocks = document.blocks[section.blocks[0]...min(section.blocks[1], document.blocks.count - 1)]
        return blocks.first?.type == .heading ? Array(blocks.dropFirst()) : Array(blocks)
    }

    private func sectionText(_ kind: SectionKind) -> String? {
        sectionBlocks(kind).map(\.text).filter { !$0.isEmpty }.joined(separator: "\n\n").nonBlank
    }

    /// One item per list item or paragraph of the section (its text), or per table row below the header (its cells:
    /// "Mandarin | native" gives a language and its fluency).
    private func sectionItems(_ kind: SectionKind) -> [[String]] {
        sectionBlocks(kind).flatMap { block -> [[String]] in
            switch block.type {
            case .list: return (block.items ?? []).map { [$0.text] }
            case .table:
                return (block.rows ?? []).filter { !($0.cells ?? []).allSatisfy { $0.header == true } }
                    .map { ($0.cells ?? []).compactMap { $0.text.nonBlank } }
            default: return [[block.text]]
            }
        }.map { $0.compactMap(\.nonBlank) }.filter { !$0.isEmpty }
    }

    static func network(_ kind: Link.Kind) -> String {
        switch kind {
        case .orcid: return "ORCID"
        case .scholar: return "Google Scholar"
        case .github: return "GitHub"
        case .linkedin: return "LinkedIn"
        case .website: return "Website"
        case .other: return "Other"
        }
    }

    /// The date when it matches JSON Resume's pattern (YYYY, YYYY-MM or YYYY-MM-DD, a real month and day).
    static func isoDate(_ text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]), (1000...2999).contains(year) else { return nil }
        if parts.count >= 2 { guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return nil } }
        if parts.count == 3 { guard parts[2].count == 2, let day = Int(parts[2]), (1...31).contains(day) else { return nil } }
        return text
    }

    /// An absolute URL as an RFC 3986 URI: non-ASCII (UTF-8) and unsafe characters percent-encoded; nil without a scheme.
    static func uri(_ text: String) -> String? {
        let trimmed = text.trimmingFast(in: .whitespacesAndNewlines)
        guard let colon = trimmed.firstIndex(of: ":"), colon != trimmed.startIndex, trimmed.index(after: colon) != trimmed.endIndex else { return nil }
        let scheme = trimmed[..<colon]
        guard scheme.first?.isASCII == true, scheme.first?.isLetter == true,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }) else { return nil }
        let safe = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?@!$&'()*+,;=".utf8)
        let hex = Set("0123456789ABCDEFabcdef".utf8)
        let bytes = Array(trimmed.utf8)
        var output = ""
        var sawFragment = false
        for (offset, byte) in bytes.enumerated() {
            let escape = byte == UInt8(ascii: "%") && offset + 2 < bytes.count
                && hex.contains(bytes[offset + 1]) && hex.contains(bytes[offset + 2])
            if safe.contains(byte) || escape || (byte == UInt8(ascii: "#") && !sawFragment) {
                if byte == UInt8(ascii: "#") { sawFragment = true }
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                output += String(format: "%%%02X", byte)
            }
        }
        return output
    }
}
