import DossierModel
import Foundation
import Yams

/// Jekyll/Hugo front matter: a YAML block between `---` lines (or TOML between `+++`) at the very top.
struct FrontMatter {
    var metadata: [String: JSONValue] = [:]
    /// The text with the front matter replaced by as many empty lines, so that line numbers stay true.
    var body: String
    var problem: String?

    init(splitting text: String) {
        body = text
        var lines = text.components(separatedBy: "\n")
        guard let first = lines.first?.trimmingCharacters(in: .whitespaces), first == "---" || first == "+++" else { return }
        let closers: Set<String> = first == "---" ? ["---", "..."] : ["+++"]
        guard let closing = lines.indices.dropFirst().first(where: { closers.contains(lines[$0].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\r", with: "")) }) else {
            return
        }
        let inner = lines[1..<closing].joined(separator: "\n")
        for index in 0...closing { lines[index] = "" }
        body = lines.joined(separator: "\n")
        do {
            metadata = first == "---" ? try FrontMatter.yaml(inner) : FrontMatter.toml(inner)
        } catch {
            problem = "front matter is not valid YAML: \(String(describing: error).split(separator: "\n").first ?? "")"
        }
    }

    private static func yaml(_ text: String) throws -> [String: JSONValue] {
        guard let node = try Yams.compose(yaml: text) else { return [:] }
        return convert(node).objectValue ?? [:]
    }

    /// YAML node → JSON value with the core schema's scalars; dates stay strings as written.
    private static func convert(_ node: Node) -> JSONValue {
        switch node {
        case .scalar(let scalar):
            if scalar.style != .plain { return .string(scalar.string) }
            let string = scalar.string
            switch string {
            case "null", "Null", "NULL", "~", "": return .null
            case "true", "True", "TRUE": return .bool(true)
            case "false", "False", "FALSE": return .bool(false)
            default: break
            }
            if let value = Int(string), !string.hasPrefix("+"), !(string.hasPrefix("0") && string.count > 1) { return .int(value) }
            if string.contains("."), let value = Double(string), value.isFinite { return .double(value) }
            return .string(string)
        case .sequence(let sequence):
            return .array(sequence.map(convert))
        case .mapping(let mapping):
            var members: [String: JSONValue] = [:]
            for (key, value) in mapping {
                members[key.string ?? String(describing: key)] = convert(value)
            }
            return .object(members)
        @unknown default:
            return .null
        }
    }

    /// The flat subset of TOML that Hugo front matter uses: `key = "string"`, numbers, booleans, string arrays.
    private static func toml(_ text: String) -> [String: JSONValue] {
        var members: [String: JSONValue] = [:]
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.hasPrefix("#"), !trimmed.hasPrefix("["), let equals = trimmed.firstIndex(of: "=") else { continue }
            let key = trimmed[..<equals].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            let value = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            members[key] = tomlValue(value)
        }
        return members
    }

    private static func tomlValue(_ value: String) -> JSONValue {
        if value.hasPrefix("["), value.hasSuffix("]") {
            let inner = value.dropFirst().dropLast()
            return .array(inner.split(separator: ",").map { tomlValue($0.trimmingCharacters(in: .whitespaces)) })
        }
        if value.count >= 2, let quote = value.first, quote == "\"" || quote == "'", value.last == quote {
            return .string(String(value.dropFirst().dropLast()))
        }
        if value == "true" { return .bool(true) }
        if value == "false" { return .bool(false) }
        if let number = Int(value) { return .int(number) }
        if let number = Double(value) { return .double(number) }
        return .string(value)
    }
}
