import DossierModel
import DossierPipeline
import Foundation

/// One JATS 1.3 Archiving document (with MathML 3) per input: the applicant in `front/article-meta`, each section
/// in `body/sec`, each publication in `back/ref-list/ref`.
///
/// Split by concern like pandoc's JATS writer: this file writes the envelope and `front`, `JATSBody` the sections
/// and blocks, `JATSReferences` the references. Characters XML 1.0 forbids are dropped; the writer leaves a note
/// in `WriterOptions.session` naming them, which the CLI prints on stderr beside the input's name.
public struct JATSWriter: Writer {
    public let name = "jats"
    public let summary = "JATS 1.3 Archiving XML, one file per input (several inputs need -o DIR)"
    public let fileExtension = "xml"
    public let batchStyle = BatchStyle.filePerDocument
    public let rendersIndependently = true

    /// The formal public identifier of the DTD, as written in its header.
    public static let publicIdentifier =
        "-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD with MathML3 v1.3 20210610//EN"
    /// Where NLM publishes that DTD.
    public static let systemIdentifier = "https://jats.nlm.nih.gov/archiving/1.3/mathml3/JATS-archivearticle1-3-mathml3.dtd"

    /// JATS elements with mixed content that the writer may fill with phrase markup only.
    static let mixedContent: Set<String> = [
        "p", "td", "th", "title", "article-title", "chapter-title", "source", "bold", "italic", "monospace", "strike",
        "underline", "sup", "sub", "ext-link", "comment", "mixed-citation", "collab", "string-name", "aff", "code",
    ]

    public init() {}

    public func write(_ document: Document, index: Int, options: WriterOptions) throws -> Data {
        var renderer = XMLRenderer(mixedContent: JATSWriter.mixedContent)
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        text += "<!DOCTYPE article PUBLIC \"\(JATSWriter.publicIdentifier)\" \"\(JATSWriter.systemIdentifier)\">\n"
        text += renderer.render(article(document))
        if !renderer.dropped.isEmpty {
            let names = renderer.dropped.map { String(format: "U+%04X", $0.value) }
            var unique: [String] = []
            for name in names where !unique.contains(name) { unique.append(name) }
            options.session.note(
                "jats: dropped \(names.count) character\(names.count == 1 ? "" : "s") that XML 1.0 cannot hold (\(unique.joined(separator: ", ")))")
        }
        return Data(text.utf8)
    }

    func article(_ document: Document) -> XMLElement {
        var attributes = [
            ("xmlns:xlink", "http://www.w3.org/1999/xlink"), ("xmlns:mml", "http://www.w3.org/1998/Math/MathML"),
            ("article-type", "other"), ("dtd-version", "1.3"),
        ]
        if let language = JATSWriter.language(document.metadata) { attributes.append(("xml:lang", language)) }
        var article = XMLElement("article", attributes)
        article.append(XMLElement("front", [], [.element(articleMeta(document))]))
        article.append(JATSBody(document: document).body())
        if let back = JATSReferences(publications: document.profile.publications).back() { article.append(back) }
        return article
    }

    /// `title-group`, the applicant as the one contributor, and where the document came from.
    func articleMeta(_ document: Document) -> XMLElement {
        var meta = XMLElement("article-meta")
        var titleGroup = XMLElement("title-group")
        titleGroup.append("article-title", text: JATSWriter.title(document))
        meta.append(titleGroup)
        if let contributor = contributor(document.profile.person) {
            meta.append(XMLElement("contrib-group", [], [.element(contributor)]))
        }
        var source = XMLElement("custom-meta")
        source.append("meta-name", text: "dossier-source")
        source.append("meta-value", text: document.source.path.nonBlank ?? "-")
        meta.append(XMLElement("custom-meta-group", [], [.element(source)]))
        return meta
    }

    /// The applicant: identifiers (ORCID first), name, address and phones, affiliation, emails, web links.
    func contributor(_ person: Person) -> XMLElement? {
        var contrib = XMLElement("contrib", [("contrib-type", "author")])
        let identifiers = person.identifiers.sorted { ($0.key == "orcid" ? 0 : 1, $0.key) < ($1.key == "orcid" ? 0 : 1, $1.key) }
        for (scheme, value) in identifiers {
            let text = scheme == "orcid" && !value.hasPrefix("http") ? "https://orcid.org/\(value)" : value
            contrib.append("contrib-id", [("contrib-id-type", scheme)], text: text.nonBlank)
        }
        if let name = person.name {
            if let family = name.family?.nonBlank {
                var element = XMLElement("name")
                element.append("surname", text: family)
                element.append("given-names", text: name.given?.nonBlank)
                contrib.append(element)
            } else {
                contrib.append("string-name", text: name.literal.nonBlank)
            }
        }
        var address = XMLElement("address")
        address.append("addr-line", text: person.address?.nonBlank)
        for phone in person.phones { address.append("phone", text: phone.nonBlank) }
        if !address.isEmpty { contrib.append(address) }
        contrib.append("aff", text: person.affiliation?.nonBlank)
        for email in person.emails { contrib.append("email", text: email.nonBlank) }
        for link in person.links where !link.url.isEmpty {
            contrib.append("uri", [("content-type", link.kind.rawValue), ("xlink:href", link.url)], text: link.url)
        }
        return contrib.isEmpty ? nil : contrib
    }

    /// The metadata title, else the applicant's name, else the file name: an article needs a title.
    static func title(_ document: Document) -> String {
        if let title = document.metadata["title"]?.stringValue?.nonBlank { return title }
        if let name = document.profile.person.name?.literal.nonBlank { return name }
        let file = (document.source.path as NSString).lastPathComponent
        return file.nonBlank ?? "Untitled document"
    }

    /// `xml:lang` from the metadata's `lang` or `language`, when it is a language tag.
    static func language(_ metadata: [String: JSONValue]) -> String? {
        guard let value = (metadata["lang"] ?? metadata["language"])?.stringValue, !value.isEmpty, value.count <= 35 else { return nil }
        let allowed = value.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-") }
        return allowed ? value : nil
    }
}
