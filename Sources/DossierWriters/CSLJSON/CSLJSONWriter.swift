import DossierModel
import DossierPipeline
import Foundation

/// The publications of every document as one CSL-JSON array (one document gives an array too), as citeproc,
/// pandoc `--citeproc` and Zotero read it.
///
/// - `id` is the citation key the BibTeX writer would give ("smith2019deep"), unique in the batch, so that
///   `@smith2019deep` works in pandoc; the stage's own id is kept in `custom.dossierId`.
/// - CSL has no arXiv variable: the id goes to `number` as "arXiv:2101.00001" (what Zotero exports), with
///   `genre: "preprint"` when the item is a preprint (type `article`), and to `custom.arxiv`.
/// - What only Dossier knows (raw, confidence, applicantPosition, etAl, equalContribution, corresponding, block, the
///   source document) goes to `custom`, which CSL-JSON reserves for such data; processors ignore it.
/// - A type CSL does not know becomes `document`, the original kept in `custom.dossierType`.
/// - An item without a title carries its reference as written in `note`, so that a bibliography shows something.
/// Keys are sorted, so the output is stable.
public struct CSLJSONWriter: Writer {
    public let name = "csl-json"
    public let summary = "the publications as a CSL-JSON array (pandoc --citeproc, citeproc-js, Zotero)"
    public let fileExtension = "json"
    public let batchStyle = BatchStyle.enclosed

    static let namespace = "csl-json"

    /// The item types of CSL 1.0.2.
    static let types: Set<String> = [
        "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book", "broadcast", "chapter",
        "classic", "collection", "dataset", "document", "entry", "entry-dictionary", "entry-encyclopedia", "event",
        "figure", "graphic", "hearing", "interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
        "musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical", "personal_communication",
        "post", "post-weblog", "regulation", "report", "review", "review-book", "software", "song", "speech", "standard",
        "thesis", "treaty", "webpage",
    ]

    public init() {}

    public func begin(_ options: WriterOptions) throws -> Data {
        options.session.reset(CSLJSONWriter.namespace)
        return Data("[".utf8)
    }

    public func write(_ document: Document, index: Int, options: WriterOptions) throws -> Data {
        let encoder = Document.encoder(pretty: true)
        var text = ""
        for publication in document.profile.publications {
            let key = CitationKey.unique(publication, session: options.session, namespace: CSLJSONWriter.namespace)
            let item = CSLJSONWriter.item(publication, key: key, document: document.source.path)
            let json = String(decoding: try encoder.encode(item), as: UTF8.self)
            let written = options.session.advance(CSLJSONWriter.namespace)
            text += (written == 0 ? "\n" : ",\n") + json.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
        }
        return Data(text.utf8)
    }

    public func end(_ options: WriterOptions) throws -> Data {
        Data((options.session.advance(CSLJSONWriter.namespace, by: 0) == 0 ? "]\n" : "\n]\n").utf8)
    }

    /// One CSL-JSON item.
    static func item(_ publication: Publication, key: String, document: String) -> JSONValue {
        var item: [String: JSONValue] = ["id": .string(key)]
        var custom: [String: JSONValue] = ["dossierId": .string(publication.id), "raw": .string(publication.raw), "document": .string(document)]
        if types.contains(publication.type) {
            item["type"] = .string(publication.type)
        } else {
            item["type"] = .string("document")
            if !publication.type.isEmpty { custom["dossierType"] = .string(publication.type) }
        }
        if let authors = names(publication.author) { item["author"] = authors }
        if let editors = names(publication.editor) { item["editor"] = editors }
        let strings: [(String, String?)] = [
            ("title", publication.title), ("container-title", publication.containerTitle), ("volume", publication.volume),
            ("issue", publication.issue), ("page", publication.page), ("publisher", publication.publisher),
            ("publisher-place", publication.publisherPlace), ("edition", publication.edition), ("DOI", publication.doi),
            ("PMID", publication.pmid), ("PMCID", publication.pmcid), ("ISBN", publication.isbn), ("URL", publication.url),
            ("status", publication.status), ("note", publication.note),
        ]
        for (key, value) in strings {
            if let value = value?.nonBlank { item[key] = .string(value) }
        }
        if publication.title?.nonBlank == nil, let raw = publication.raw.nonBlank {
            item["note"] = .string([publication.note?.nonBlank, raw].compactMap { $0 }.joined(separator: "; "))
        }
        if let issued = publication.issued {
            let parts = issued.dateParts.filter { !$0.isEmpty }.prefix(2).map { JSONValue.array($0.prefix(3).map(JSONValue.int)) }
            if !parts.isEmpty {
                item["issued"] = .object(["date-parts": .array(Array(parts))])
            } else if let raw = issued.raw?.nonBlank {
                item["issued"] = .object(["literal": .string(raw)])
            }
        }
        if let arxiv = publication.arxiv?.nonBlank {
            item["number"] = .string("arXiv:\(arxiv)")
            if publication.type == "article" { item["genre"] = .string("preprint") }
            custom["arxiv"] = .string(arxiv)
        }
        if !publication.confidence.isEmpty { custom["confidence"] = .object(publication.confidence.mapValues(JSONValue.double)) }
        if let position = publication.applicantPosition { custom["applicantPosition"] = .int(position) }
        if let etAl = publication.etAl { custom["etAl"] = .bool(etAl) }
        if let equal = publication.equalContribution { custom["equalContribution"] = .array(equal.map(JSONValue.int)) }
        if let corresponding = publication.corresponding { custom["corresponding"] = .array(corresponding.map(JSONValue.int)) }
        if let block = publication.block { custom["block"] = .int(block) }
        item["custom"] = .object(custom)
        return .object(item)
    }

    /// CSL name objects; names with nothing in them are left out.
    static func names(_ names: [CSLName]?) -> JSONValue? {
        let objects = (names ?? []).compactMap { name -> JSONValue? in
            var object: [String: JSONValue] = [:]
            let parts: [(String, String?)] = [
                ("family", name.family), ("given", name.given), ("non-dropping-particle", name.particle),
                ("suffix", name.suffix), ("literal", name.literal),
            ]
            for (key, value) in parts {
                if let value = value?.nonBlank { object[key] = .string(value) }
            }
            return object.isEmpty ? nil : .object(object)
        }
        return objects.isEmpty ? nil : .array(objects)
    }
}
