import DossierText
import DossierModel
import DossierPipeline
import Foundation
import ReferenceParser

/// Finds DOIs, PMIDs, PMCIDs, arXiv ids, ISBNs and ORCID iDs anywhere in the document and puts them where
/// they belong: on the publication whose reference string holds them (filling only missing fields), the
/// applicant's ORCID on `person.identifiers`, the rest in one info diagnostic that lists them.
///
/// Checksums are validated: an ISBN or ORCID with a wrong check digit is a warning and is stored nowhere.
/// Works whether or not publications have been parsed yet.
public struct IdentifiersStage: Stage {
    public let name = "identifiers"
    public let summary = "DOI, PMID, PMCID, arXiv, ISBN and ORCID found and validated"

    public init() {}

    public func run(_ document: Document, context: StageContext) throws -> Document {
        var document = document
        // The references' identifiers and the blocks' are independent scans (a reference list is one block): each on
        // its own core, the references' also spread over the cores (`ParallelMap`).
        let publications = document.profile.publications, blocks = document.blocks
        let ((filled, attached), scanned) = ParallelMap.pair({
            let filledAndFound = ParallelMap.map(publications) { publication in
                var publication = publication
                let found = Self.fill(&publication)
                return (publication, found)
            }
            let filled = filledAndFound.map(\.0)
            // Filling sets identifiers, never the reference string or URL that `AttachedIdentifiers` reads.
            return (filled, AttachedIdentifiers(filled, found: filledAndFound.map(\.1)))
        }, {
            blocks.enumerated().map { index, block in
                let links = DocumentLines.links(of: block, topLevel: index).map(\.url)
                return Identifiers.all(in: ([block.text] + links).joined(separator: "\n"))
            }
        })
        document.profile.publications = filled
        let area = ContactArea(document)
        let applicantsORCID = document.profile.person.identifiers["orcid"] ?? applicantsORCID(scanned, area: area)
        if let applicantsORCID, document.profile.person.identifiers["orcid"] == nil {
            document.profile.person.identifiers["orcid"] = applicantsORCID
            let url = "https://orcid.org/\(applicantsORCID)"
            if !document.profile.person.links.contains(where: { $0.url == url }) {
                document.profile.person.links.append(Link(kind: .orcid, url: url))
            }
        }
        var unattached: [String] = []
        // The entries listed so far, asked in constant time: 5,000 unattached DOIs compared with the list each was
        // quadratic.
        var listed: Set<String> = []
        var warned: Set<String> = []
        for (index, block) in document.blocks.enumerated() {
            for found in scanned[index] {
                if !found.valid {
                    if warned.insert("\(found.kind.rawValue) \(found.value)").inserted {
                        document.report(
                            .warning, stage: name, "invalid \(label(found.kind)) check digit: \(found.value)",
                            provenance: block.provenance)
                    }
                    continue
                }
                if attached.holds(found.value) { continue }
                if found.kind == .orcid, found.value == applicantsORCID { continue }
                let entry = "\(found.kind.rawValue) \(found.value)"
                if listed.insert(entry).inserted { unattached.append(entry) }
            }
        }
        if !unattached.isEmpty {
            let shown = unattached.prefix(20).joined(separator: ", ")
            let more = unattached.count > 20 ? " and \(unattached.count - 20) more" : ""
            document.report(.info, stage: name, "identifiers not attached to any publication: \(shown)\(more)")
        }
        return document
    }

    /// Fills the publication's missing identifiers from its raw string and URL; returns the values of every
    /// identifier found there.
    private static func fill(_ publication: inout Publication) -> [String] {
        let all = Identifiers.all(in: publication.raw + "\n" + (publication.url ?? ""))
        for found in all where found.valid {
            switch found.kind {
            case .doi where publication.doi == nil:
                publication.doi = found.value
                publication.confidence["DOI"] = 0.95
            case .pmid where publication.pmid == nil:
                publication.pmid = found.value
                publication.confidence["PMID"] = 0.95
            case .pmcid where publication.pmcid == nil:
                publication.pmcid = found.value
                publication.confidence["PMCID"] = 0.95
            case .arxiv where publication.arxiv == nil:
                publication.arxiv = found.value
                publication.confidence["arxiv"] = 0.95
            case .isbn where publication.isbn == nil:
                publication.isbn = found.value
                publication.confidence["ISBN"] = 1
            default:
                break
            }
        }
        return all.map(\.value)
    }

    /// The applicant's ORCID: the first valid one in the contact block, else the only one outside referee and
    /// publication sections.
    private func applicantsORCID(_ scanned: [[Identifiers.Match]], area: ContactArea) -> String? {
        func orcids(_ blocks: [Int]) -> [String] {
            var values: [String] = []
            for index in blocks {
                for found in scanned[index] where found.kind == .orcid && found.valid && !values.contains(found.value) {
                    values.append(found.value)
                }
            }
            return values
        }
        if let first = orcids(area.contactBlocks.sorted()).first { return first }
        let outside = orcids(scanned.indices.filter { !area.isOthersMaterial($0) })
        return outside.count == 1 ? outside.first : nil
    }

    private func label(_ kind: Identifiers.Kind) -> String {
        kind == .isbn ? "ISBN" : kind == .orcid ? "ORCID" : kind.rawValue
    }
}

/// The publications' reference strings and URLs, asked whether one of them holds an identifier: the identifiers found
/// in them (a set), else by one byte search over all of them joined (each publication's text apart, so no match spans
/// two). Linear in the number of identifiers, where a search per publication was quadratic.
///
/// The set is that of the identifiers found in the lowercased texts. Most values asked about are first answered
/// from the values `fill` found in each publication: a candidate that its publication's text holds (`containsText`,
/// Foundation's `contains` mostly from the bytes) is in the joined text too, so the answer is the same; the set is
/// made only for a value that is neither such a candidate nor in the joined text (4,000 references scanned again were
/// a fifth of a long list's identifiers stage).
struct AttachedIdentifiers {
    private let texts: [String]
    private let joined: String
    /// Lowercased values found in each publication's raw string and URL, and the publications they were found in.
    private let candidates: [String: [Int]]
    private let exact: LazyValues

    init(_ publications: [Publication], found: [[String]] = []) {
        // `lowercasedFast` is `lowercased()` without a String made per non-ASCII scalar (an en dash in most references).
        let texts = publications.map { ($0.raw + " " + ($0.url ?? "")).lowercasedFast() }
        self.texts = texts
        joined = texts.joined(separator: "\u{0}")
        var candidates: [String: [Int]] = [:]
        for (index, values) in found.enumerated() {
            for value in values { candidates[value.lowercasedFast(), default: []].append(index) }
        }
        self.candidates = candidates
        exact = LazyValues {
            Set(ParallelMap.map(texts) { text in Identifiers.all(in: text).map { $0.value.lowercasedFast() } }.joined())
        }
    }

    func holds(_ value: String) -> Bool {
        let lowered = value.lowercasedFast()
        if let publications = candidates[lowered],
           publications.contains(where: { texts[$0].containsText(lowered) }) {
            return true
        }
        return joined.mayMatch(lowered) && joined.contains(lowered) || exact.values.contains(lowered)
    }

    /// The set of identifiers found in the texts, made the first time it is asked for.
    final class LazyValues {
        private let make: () -> Set<String>
        private var made: Set<String>?

        init(_ make: @escaping () -> Set<String>) { self.make = make }

        var values: Set<String> {
            if let made { return made }
            let values = make()
            made = values
            return values
        }
    }
}
