import ReferenceParser
import DossierText
import DossierText

/// Reads labelled references: AnyStyle's XML (`<dataset><sequence><author>…</author>…</sequence>`) and
/// ParsCit's tagged lines (`<author> … </author> <title> … </title>`). Pure: text in, references out.
public enum LabelledData {
    /// The `<sequence>`s of an AnyStyle XML dataset, whitespace in each piece collapsed.
    public static func anyStyle(_ xml: String) -> [LabelledReference] {
        var references: [LabelledReference] = []
        let bytes = Array(xml.utf8)
        var from = 0
        while let open = find(Array("<sequence>".utf8), in: bytes, from: from),
              let close = find(Array("</sequence>".utf8), in: bytes, from: open.upperBound) {
            let body = String(decoding: bytes[open.upperBound..<close.lowerBound], as: UTF8.self)
            let fields = elements(body[...])
            if !fields.isEmpty { references.append(LabelledReference(fields: fields)) }
            from = close.upperBound
        }
        return references
    }

    /// The first occurrence of `pattern` in `bytes` at or after `from` (byte search: Foundation's `range(of:)` on a
    /// substring of a large file is quadratic).
    static func find(_ pattern: [UInt8], in bytes: [UInt8], from: Int) -> Range<Int>? {
        guard let first = pattern.first, pattern.count <= bytes.count else { return nil }
        var index = from
        while index + pattern.count <= bytes.count {
            if bytes[index] == first, bytes[index..<index + pattern.count].elementsEqual(pattern) {
                return index..<index + pattern.count
            }
            index += 1
        }
        return nil
    }

    /// ParsCit's tagged lines, one reference per line; ParsCit's tags are kept as they are.
    public static func parsCit(_ text: String) -> [LabelledReference] {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).compactMap { line in
            let fields = elements(line)
            return fields.isEmpty ? nil : LabelledReference(fields: fields)
        }
    }

    /// The `<tag>text</tag>` children of `body`, in order, with entities decoded and whitespace collapsed.
    static func elements(_ body: Substring) -> [(label: String, text: String)] {
        var fields: [(label: String, text: String)] = []
        var rest = body
        while let open = rest.firstIndex(of: "<") {
            guard let openEnd = rest[open...].firstIndex(of: ">") else { break }
            let tag = String(rest[rest.index(after: open)..<openEnd])
            if tag.hasPrefix("/") || tag.hasPrefix("?") || tag.hasPrefix("!") || tag.isEmpty {
                rest = rest[rest.index(after: openEnd)...]
                continue
            }
            let name = tag.split(separator: " ").first.map(String.init) ?? tag
            guard let close = rest.range(of: "</\(name)>", range: openEnd..<rest.endIndex) else { break }
            let text = collapse(decodeEntities(String(rest[rest.index(after: openEnd)..<close.lowerBound])))
            if !text.isEmpty { fields.append((name, text)) }
            rest = rest[close.upperBound...]
        }
        return fields
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semi = rest[amp...].firstIndex(of: ";"), rest.distance(from: amp, to: semi) <= 10 else {
                out += "&"
                rest = rest[rest.index(after: amp)...]
                continue
            }
            let entity = rest[rest.index(after: amp)..<semi]
            switch entity {
            case "amp": out += "&"
            case "lt": out += "<"
            case "gt": out += ">"
            case "quot": out += "\""
            case "apos": out += "'"
            default:
                var scalar: Unicode.Scalar?
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") { scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
                else if entity.hasPrefix("#") { scalar = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init) }
                if let scalar { out.unicodeScalars.append(scalar) } else { out += "&" + entity + ";" }
            }
            rest = rest[rest.index(after: semi)...]
        }
        out += rest
        return out
    }
}

extension LabelledData {
    /// ParsCit's tags in AnyStyle's vocabulary, for training on both.
    public static let parsCitToAnyStyle: [String: String] = [
        "booktitle": "container-title", "institution": "publisher", "tech": "genre",
    ]

    /// Collapses labels to the fields every source labels alike, for scoring across sources: container names
    /// (journal, book, proceedings) become `container`, institutions count as publishers, the rest is ignored.
    public static let commonFields: [String: String] = [
        "author": "author", "editor": "editor", "title": "title", "date": "date", "volume": "volume", "pages": "pages",
        "journal": "container", "container-title": "container", "booktitle": "container", "collection-title": "",
        "publisher": "publisher", "institution": "publisher", "location": "location",
        "note": "", "tech": "", "genre": "", "url": "", "doi": "", "isbn": "", "edition": "", "medium": "",
        "source": "", "translator": "", "citation-number": "", "director": "", "producer": "",
    ]
}
