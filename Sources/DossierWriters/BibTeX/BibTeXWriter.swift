import DossierText
import DossierModel
import DossierPipeline
import Foundation

/// The publications of every document as BibTeX entries, streamed; keys are unique across the batch.
///
/// Entry types from the CSL type: article-journal (and magazine, newspaper, review) → `@article`, paper-conference →
/// `@inproceedings`, book → `@book`, chapter → `@incollection`, thesis → `@phdthesis` (`@mastersthesis` when its
/// note says master/MSc), report → `@techreport`, anything else (preprints included) → `@misc`. Keys and escaping:
/// see `CitationKey` and `BibTeXText`. Month is a macro (`jan` …), pages use `--`, arXiv ids are `eprint` with
/// `archivePrefix = {arXiv}`; url, doi, pmid, pmcid and eprint are verbatim. A publication without a title keeps
/// its reference as written in `note`, so that no entry is empty (an entry with nothing at all gets `note = {}`:
/// parsers drop entries without fields). Fields only Dossier knows (confidence, applicant position, raw) are not written.
public struct BibTeXWriter: Writer {
    public let name = "bibtex"
    public let summary = "the publications as BibTeX entries with stable unique keys"
    public let fileExtension = "bib"
    public let batchStyle = BatchStyle.stream

    static let namespace = "bibtex"

    public init() {}

    public func begin(_ options: WriterOptions) throws -> Data {
        options.session.reset(BibTeXWriter.namespace)
        return Data()
    }

    public func write(_ document: Document, index: Int, options: WriterOptions) throws -> Data {
        var text = BibTeXText()
        var output = ""
        for publication in document.profile.publications {
            let key = CitationKey.unique(publication, session: options.session, namespace: BibTeXWriter.namespace)
            output += BibTeXWriter.entry(publication, key: key, text: &text)
        }
        if text.dropped > 0 {
            options.session.note("bibtex: dropped \(text.dropped) control character\(text.dropped == 1 ? "" : "s") BibTeX cannot hold")
        }
        return Data(output.utf8)
    }

    /// The BibTeX entry type for a publication.
    static func entryType(_ publication: Publication) -> String {
        switch publication.type {
        case "article-journal", "article-magazine", "article-newspaper", "review", "review-book": return "article"
        case "paper-conference": return "inproceedings"
        case "book": return "book"
        case "chapter", "entry-encyclopedia", "entry-dictionary": return "incollection"
        case "thesis":
            let note = (publication.note ?? "").lowercased()
            return note.contains("master") || note.contains("msc") || note.contains("m.sc") ? "mastersthesis" : "phdthesis"
        case "report": return "techreport"
        default: return "misc"
        }
    }

    /// One entry, fields in a fixed order, ending with a blank line.
    static func entry(_ publication: Publication, key: String, text: inout BibTeXText) -> String {
        let type = entryType(publication)
        var fields: [(String, String)] = []
        func add(_ name: String, _ value: String?, braced: Bool = true) {
            guard let value, !value.isEmpty else { return }
            fields.append((name, braced ? "{\(value)}" : value))
        }
        add("author", text.names(publication.author ?? [], etAl: publication.etAl == true))
        add("editor", text.names(publication.editor ?? [], etAl: false))
        add("title", publication.title.map { text.title($0) })
        let container = publication.containerTitle.map { text.escaped($0) }
        switch type {
        case "article": add("journal", container)
        case "inproceedings", "incollection": add("booktitle", container)
        case "book", "phdthesis", "mastersthesis", "techreport": add("series", container)
        default: add("howpublished", container)
        }
        add("edition", publication.edition.map { text.escaped($0) })
        let publisher = publication.publisher.map { text.escaped($0) }
        switch type {
        case "phdthesis", "mastersthesis": add("school", publisher)
        case "techreport": add("institution", publisher)
        default: add("publisher", publisher)
        }
        add("address", publication.publisherPlace.map { text.escaped($0) })
        add("year", publication.year.map { String.padded($0) })
        add("month", publication.month.flatMap(Months.englishAbbreviation), braced: false)
        add("volume", publication.volume.map { text.escaped($0) })
        add("number", publication.issue.map { text.escaped($0) })
        if let pages = PageRange(publication.page) {
            add("pages", text.escaped(pages.first) + (pages.last.map { "--" + text.escaped($0) } ?? ""))
        }
        add("doi", publication.doi.map { text.verbatim($0) })
        add("pmid", publication.pmid.map { text.verbatim($0) })
        add("pmcid", publication.pmcid.map { text.verbatim($0) })
        if let arxiv = publication.arxiv?.nonBlank {
            add("eprint", text.verbatim(arxiv))
            add("archivePrefix", "arXiv")
        }
        add("url", publication.url.map { text.verbatim($0) })
        add("isbn", publication.isbn.map { text.escaped($0) })
        let untitled = publication.title?.nonBlank == nil ? publication.raw.nonBlank : nil
        add("note", [publication.status, publication.note, untitled].compactMap { $0?.nonBlank }.map { text.escaped($0) }.joined(separator: "; "))
        if fields.isEmpty { fields.append(("note", "{}")) }
        let body = fields.map { "  \($0.0) = \($0.1)" }.joined(separator: ",\n")
        return "@\(type){\(key),\n" + body + "\n}\n\n"
    }
}
