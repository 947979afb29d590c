import DossierModel
import Foundation

/// What a page says about itself: `<title>` → `title`, `<html lang>` → `lang`, `<meta name=author|description|
/// keywords>` → those keys, `<meta property="og:…">` → `og:…`, and schema.org JSON-LD → `jsonld` (the objects
/// found, as written). A JSON-LD `Person`'s name becomes `author` when no `<meta name=author>` gives one.
struct HTMLMetadata {
    var values: [String: JSONValue] = [:]
    /// Problems met (JSON-LD that is not JSON), one sentence each.
    var problems: [(message: String, line: Int)] = []

    init(_ root: HTMLNode) {
        if let lang = root.firstElement(named: "html")?.attribute("lang"), !lang.isEmpty { values["lang"] = .string(lang) }
        if let title = root.firstElement(named: "title") {
            let text = HTMLInlines.collapse(title.textContent).trimmingCharacters(in: .whitespaces)
            if !text.isEmpty { values["title"] = .string(text) }
        }
        var jsonld: [JSONValue] = []
        for element in root.elements(named: ["meta", "script"]) {
            if element.name == "meta" {
                readMeta(element)
            } else if element.attribute("type")?.lowercased() == "application/ld+json" {
                jsonld += readJSONLD(element)
            }
        }
        if !jsonld.isEmpty {
            values["jsonld"] = .array(jsonld)
            if values["author"] == nil, let name = jsonld.lazy.compactMap(Self.personName).first { values["author"] = .string(name) }
        }
    }

    private mutating func readMeta(_ element: HTMLNode) {
        guard let content = element.attribute("content"), !content.isEmpty else { return }
        let text = HTMLInlines.collapse(content)
        if let name = element.attribute("name")?.lowercased(), ["author", "description", "keywords"].contains(name) {
            if values[name] == nil { values[name] = .string(text) }
        }
        if let property = element.attribute("property")?.lowercased(), property.hasPrefix("og:") {
            if values[property] == nil { values[property] = .string(text) }
        }
    }

    private mutating func readJSONLD(_ element: HTMLNode) -> [JSONValue] {
        var text = element.textContent.trimmingCharacters(in: .whitespacesAndNewlines)
        for wrapper in ["<!--", "-->", "//<![CDATA[", "//]]>", "<![CDATA[", "]]>"] {
            text = text.replacingOccurrences(of: wrapper, with: "")
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return [] }
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) else {
            problems.append(("JSON-LD script is not valid JSON; ignored", max(1, element.firstLine)))
            return []
        }
        // Kept under `jsonld`, one level deeper: what nests deeper than the model holds is refused whole.
        guard value.depth < JSONValue.maximumDepth else {
            problems.append(("JSON-LD script nests deeper than \(JSONValue.maximumDepth - 1) levels; ignored", max(1, element.firstLine)))
            return []
        }
        switch value {
        case .array(let members): return members.filter { $0.objectValue != nil }
        case .object: return [value]
        default: return []
        }
    }

    /// The name of the first schema.org `Person` in a JSON-LD value (its `@graph` and nested values included).
    static func personName(_ value: JSONValue) -> String? {
        if let members = value.arrayValue { return members.lazy.compactMap(personName).first }
        guard let object = value.objectValue else { return nil }
        if isPerson(object["@type"]) {
            if let name = object["name"]?.stringValue ?? object["name"]?.arrayValue?.first?.stringValue, !name.isEmpty { return name }
            let parts = [object["givenName"]?.stringValue, object["familyName"]?.stringValue].compactMap { $0 }
            if !parts.isEmpty { return parts.joined(separator: " ") }
        }
        for key in ["@graph", "mainEntity", "author", "about"] {
            if let nested = object[key], let name = personName(nested) { return name }
        }
        return nil
    }

    private static func isPerson(_ type: JSONValue?) -> Bool {
        let types = type?.arrayValue?.compactMap(\.stringValue) ?? [type?.stringValue].compactMap { $0 }
        return types.contains { $0 == "Person" || $0.hasSuffix("/Person") || $0.hasSuffix(":Person") }
    }
}
