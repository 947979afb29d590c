import DossierModel

/// One `Publication` as one line of compact JSON, byte for byte what `JSONEncoder` with `.sortedKeys` and
/// `.withoutEscapingSlashes` writes, without its cost (it was most of `dossier references --to ndjson` output time).
/// The keys are the model's own `CodingKeys`, written in UTF-8 byte order as that encoder sorts them;
/// `PublicationJSONLineTests` holds the two outputs equal for every field.
public enum PublicationJSONLine {
    private typealias Key = Publication.CodingKeys

    /// Appends `publication` as JSON (no newline) to `bytes`.
    public static func append(_ publication: Publication, to bytes: inout [UInt8]) {
        var json = CompactJSON(bytes: bytes)
        bytes = []
        json.beginObject()
        // Sorted by UTF-8 bytes: upper case first.
        json.member(Key.doi.rawValue, publication.doi)
        json.member(Key.isbn.rawValue, publication.isbn)
        json.member(Key.pmcid.rawValue, publication.pmcid)
        json.member(Key.pmid.rawValue, publication.pmid)
        json.member(Key.url.rawValue, publication.url)
        json.member(Key.applicantPosition.rawValue, publication.applicantPosition)
        json.member(Key.arxiv.rawValue, publication.arxiv)
        names(Key.author.rawValue, publication.author, into: &json)
        json.member(Key.block.rawValue, publication.block)
        json.key(Key.confidence.rawValue)
        json.beginObject()
        for (name, value) in publication.confidence.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            json.key(name)
            json.number(value)
        }
        json.endObject()
        json.member(Key.containerTitle.rawValue, publication.containerTitle)
        json.member(Key.corresponding.rawValue, publication.corresponding)
        json.member(Key.edition.rawValue, publication.edition)
        names(Key.editor.rawValue, publication.editor, into: &json)
        json.member(Key.equalContribution.rawValue, publication.equalContribution)
        if let etAl = publication.etAl {
            json.key(Key.etAl.rawValue)
            json.boolean(etAl)
        }
        json.member(Key.id.rawValue, publication.id)
        json.member(Key.issue.rawValue, publication.issue)
        if let issued = publication.issued {
            json.key(Key.issued.rawValue)
            json.beginObject()
            json.key(CSLDate.CodingKeys.dateParts.rawValue)
            json.beginArray()
            for parts in issued.dateParts { json.integers(parts) }
            json.endArray()
            json.member(CSLDate.CodingKeys.raw.rawValue, issued.raw)
            json.endObject()
        }
        json.member(Key.note.rawValue, publication.note)
        json.member(Key.page.rawValue, publication.page)
        json.member(Key.publisher.rawValue, publication.publisher)
        json.member(Key.publisherPlace.rawValue, publication.publisherPlace)
        json.member(Key.raw.rawValue, publication.raw)
        json.member(Key.status.rawValue, publication.status)
        json.member(Key.title.rawValue, publication.title)
        json.member(Key.type.rawValue, publication.type)
        json.member(Key.volume.rawValue, publication.volume)
        json.endObject()
        bytes = json.bytes
    }

    static func names(_ key: String, _ names: [CSLName]?, into json: inout CompactJSON) {
        guard let names else { return }
        json.key(key)
        json.beginArray()
        for name in names {
            json.beginObject()
            json.member(CSLName.CodingKeys.family.rawValue, name.family)
            json.member(CSLName.CodingKeys.given.rawValue, name.given)
            json.member(CSLName.CodingKeys.literal.rawValue, name.literal)
            json.member(CSLName.CodingKeys.particle.rawValue, name.particle)
            json.member(CSLName.CodingKeys.suffix.rawValue, name.suffix)
            json.endObject()
        }
        json.endArray()
    }
}

/// A streaming writer of compact JSON with JSONEncoder's formatting of strings and numbers (slashes unescaped).
struct CompactJSON {
    var bytes: [UInt8]
    /// A value was written at this level, so the next one needs a comma.
    private var needsComma = false

    init(bytes: [UInt8] = []) { self.bytes = bytes }

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    mutating func key(_ name: String) {
        string(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// `"name":value` when there is a value.
    mutating func member(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    mutating func member(_ name: String, _ value: Int?) {
        guard let value else { return }
        key(name)
        integer(value)
    }

    mutating func member(_ name: String, _ values: [Int]?) {
        guard let values else { return }
        key(name)
        integers(values)
    }

    mutating func integers(_ values: [Int]) {
        beginArray()
        for value in values { integer(value) }
        endArray()
    }

    mutating func integer(_ value: Int) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func boolean(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// A Double as JSONEncoder writes it: its shortest description, "1.0" as "1".
    mutating func number(_ value: Double) {
        separate()
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    /// `text` quoted: `"` `\` and control characters escaped as JSONEncoder escapes them, `/` and non-ASCII kept.
    mutating func string(_ text: String) {
        separate()
        JSONStringBytes.appendQuoted(text, to: &bytes)
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
    }

    private mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        needsComma = false
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(bracket)
        needsComma = true
    }
}
