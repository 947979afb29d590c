import DossierModel

/// The JATS `back`: one `ref-list` with a `ref` per publication, each an `element-citation` (the fields) followed by
/// a `mixed-citation` (the reference as it stood in the source, so that nothing the stages missed is lost). A
/// publication with no field but its raw text gets only the `mixed-citation`: JATS allows no empty `element-citation`.
///
/// `publication-type` from the CSL type: article-journal → journal, paper-conference → confproc, chapter → chapter
/// (title in `chapter-title`, book in `source`), book → book, thesis → thesis, report → report, article (a preprint)
/// → preprint, patent → patent, dataset → data, software → software, webpage and post → web, anything else → other.
/// For books, theses, reports, patents, data and software the title is the `source`, and a container title the
/// `series`. Names with a family part become `name`; literal names (consortia, names no stage could split) `collab`.
struct JATSReferences {
    let publications: [Publication]

    func back() -> XMLElement? {
        guard !publications.isEmpty else { return nil }
        var list = XMLElement("ref-list")
        list.append("title", text: "Publications")
        for (offset, publication) in publications.enumerated() {
            var ref = XMLElement("ref", [("id", "ref-\(offset + 1)")])
            let citation = citation(publication)
            if !citation.isEmpty { ref.append(citation) }
            ref.append(XMLElement("mixed-citation", [], publication.raw.isEmpty ? [] : [.text(publication.raw)]))
            list.append(ref)
        }
        return XMLElement("back", [], [.element(list)])
    }

    /// The JATS `publication-type` for a CSL type.
    static func publicationType(_ cslType: String) -> String {
        switch cslType {
        case "article-journal", "article-magazine", "article-newspaper", "review", "review-book": return "journal"
        case "paper-conference": return "confproc"
        case "chapter", "entry-encyclopedia", "entry-dictionary": return "chapter"
        case "book", "collection": return "book"
        case "thesis": return "thesis"
        case "report": return "report"
        case "article", "manuscript": return "preprint"
        case "patent": return "patent"
        case "dataset": return "data"
        case "software": return "software"
        case "webpage", "post", "post-weblog": return "web"
        default: return "other"
        }
    }

    func citation(_ publication: Publication) -> XMLElement {
        let type = JATSReferences.publicationType(publication.type)
        var citation = XMLElement("element-citation", [("publication-type", type)])
        if let authors = personGroup("author", publication.author ?? [], etAl: publication.etAl == true) { citation.append(authors) }
        if let editors = personGroup("editor", publication.editor ?? [], etAl: false) { citation.append(editors) }
        switch type {
        case "journal", "confproc", "preprint", "web", "other":
            citation.append("article-title", text: publication.title?.nonBlank)
            citation.append("source", text: publication.containerTitle?.nonBlank)
        case "chapter":
            citation.append("chapter-title", text: publication.title?.nonBlank)
            citation.append("source", text: publication.containerTitle?.nonBlank)
        default:
            citation.append("source", text: publication.title?.nonBlank)
            citation.append("series", text: publication.containerTitle?.nonBlank)
        }
        citation.append("edition", text: publication.edition?.nonBlank)
        citation.append("publisher-loc", text: publication.publisherPlace?.nonBlank)
        citation.append("publisher-name", text: publication.publisher?.nonBlank)
        if let year = publication.year, let date = publication.isoDate {
            citation.append("year", [("iso-8601-date", date)], text: String.padded(year))
            if let month = publication.month { citation.append("month", text: String(month)) }
        } else if let raw = publication.issued?.raw?.nonBlank {
            citation.append("date-in-citation", text: raw)
        }
        citation.append("volume", text: publication.volume?.nonBlank)
        citation.append("issue", text: publication.issue?.nonBlank)
        if let pages = PageRange(publication.page) {
            if let last = pages.last {
                citation.append("fpage", text: pages.first)
                citation.append("lpage", text: last)
            } else if pages.first.first.map({ $0.isLetter }) == true {
                citation.append("elocation-id", text: pages.first)
            } else {
                citation.append("fpage", text: pages.first)
            }
        }
        citation.append("isbn", text: publication.isbn?.nonBlank)
        let identifiers: [(String, String?)] = [
            ("doi", publication.doi), ("pmid", publication.pmid), ("pmcid", publication.pmcid), ("arxiv", publication.arxiv),
        ]
        for (scheme, value) in identifiers {
            citation.append("pub-id", [("pub-id-type", scheme)], text: value?.nonBlank)
        }
        if let url = publication.url?.nonBlank {
            citation.append(XMLElement("ext-link", [("ext-link-type", "uri"), ("xlink:href", url)], text: url))
        }
        citation.append("comment", text: publication.status?.nonBlank)
        citation.append("comment", text: publication.note?.nonBlank)
        return citation
    }

    /// A `person-group` of `role`, or nil when there is nobody to list.
    private func personGroup(_ role: String, _ names: [CSLName], etAl: Bool) -> XMLElement? {
        var group = XMLElement("person-group", [("person-group-type", role)])
        for name in names {
            if let family = name.family?.nonBlank {
                var element = XMLElement("name")
                element.append("surname", text: [name.particle?.nonBlank, family].compactMap { $0 }.joined(separator: " "))
                element.append("given-names", text: name.given?.nonBlank)
                element.append("suffix", text: name.suffix?.nonBlank)
                group.append(element)
            } else if let given = name.given?.nonBlank, name.literal?.nonBlank == nil {
                var element = XMLElement("name")
                element.append("given-names", text: given)
                group.append(element)
            } else {
                group.append("collab", text: name.displayName.nonBlank)
            }
        }
        if etAl && !group.isEmpty { group.append(XMLElement("etal")) }
        return group.isEmpty ? nil : group
    }
}
