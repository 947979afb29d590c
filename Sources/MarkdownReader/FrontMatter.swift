import DossierModel
import Foundation
import Yams

/// Jekyll/Hugo front matter: a YAML block between `---` lines (or TOML between `+++`) at the very top.
///
/// Front matter is read within limits, checked before Yams sees it, because Yams composes recursively (a flow
/// sequence nested ~4,000 deep overflows the stack) and aliases can expand exponentially (nine levels of nine
/// aliases are 387 million values): more than `maximumBytes`, nesting deeper than `maximumDepth` or expanding to
/// more than `maximumValues` values, the front matter is refused as a whole. The document is still read, with a
/// diagnostic that says why its metadata is missing.
struct FrontMatter {
    /// Larger front matter is refused unread (real front matter is a few hundred bytes to a few kilobytes).
    static let maximumBytes = 256 * 1024
    /// Deeper nesting is refused (the same limit as `JSONValue.maximumDepth`, so that metadata always encodes).
    static let maximumDepth = JSONValue.maximumDepth
    /// More values after alias expansion is refused.
    static let maximumValues = 100_000

    var metadata: [String: JSONValue] = [:]
    /// The text with the front matter replaced by as many empty lines, so that line numbers stay true.
    var body: String
    var problem: String?

    init(splitting text: String) {
        body = text
        // Front matter opens with "---" or "+++" after spaces and tabs: another ASCII byte first rules it out without
        // cutting the whole document into lines.
        if let lead = text.utf8.first(where: { $0 != 0x20 && $0 != 0x09 }), lead < 0x80, lead != 0x2D, lead != 0x2B { return }
        var lines = text.components(separatedBy: "\n")
        guard let first = lines.first?.trimmingCharacters(in: .whitespaces), first == "---" || first == "+++" else { return }
        let closers: Set<String> = first == "---" ? ["---", "..."] : ["+++"]
        guard let closing = lines.indices.dropFirst().first(where: { closers.contains(lines[$0].trimmingCharacters(in: .whitespaces)) }) else {
            return
        }
        let inner = lines[1..<closing].joined(separator: "\n")
        for index in 0...closing { lines[index] = "" }
        body = lines.joined(separator: "\n")
        let isYAML = first == "---"
        do {
            try Self.checkLimits(inner, yaml: isYAML)
            metadata = isYAML ? try FrontMatter.yaml(inner) : try FrontMatter.toml(inner)
        } catch let refused as Refusal {
            problem = "front matter ignored: \(refused.reason)"
        } catch {
            problem = "front matter is not valid YAML: \(String(describing: error).split(separator: "\n").first ?? "")"
        }
    }

    /// Why front matter was not read, phrased to follow "front matter ignored: ".
    struct Refusal: Error {
        var reason: String
    }

    // MARK: Limits

    /// Refuses front matter that is too large, or YAML that nests too deep or expands too much, before Yams
    /// composes it. The YAML is measured from libyaml's event stream (the parser Yams wraps, which works
    /// without recursion): exact depth, and the size of every anchored node, so that each alias counts as
    /// the values it stands for. TOML is limited while it is read (`tomlValue`).
    static func checkLimits(_ text: String, yaml: Bool) throws {
        let bytes = Array(text.utf8)
        guard bytes.count <= maximumBytes else {
            throw Refusal(reason: "it is larger than \(maximumBytes / 1024) KB (\(bytes.count / 1024) KB)")
        }
        if yaml { try YAMLShape.check(bytes) }
    }

    // MARK: YAML

    private static func yaml(_ text: String) throws -> [String: JSONValue] {
        guard let node = try Yams.compose(yaml: text) else { return [:] }
        var budget = maximumValues
        return try convert(node, depth: 1, budget: &budget).objectValue ?? [:]
    }

    /// YAML node → JSON value with the core schema's scalars; dates stay strings as written. Aliases were
    /// resolved by Yams into shared nodes: each use is counted against `budget`, so that expanding them stops early.
    private static func convert(_ node: Node, depth: Int, budget: inout Int) throws -> JSONValue {
        budget -= 1
        guard budget >= 0 else {
            throw Refusal(reason: "it expands to more than \(maximumValues) values (YAML aliases used as a bomb?)")
        }
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
            guard depth <= maximumDepth else { throw Refusal(reason: "it nests deeper than \(maximumDepth) levels") }
            var values: [JSONValue] = []
            for element in sequence { values.append(try convert(element, depth: depth + 1, budget: &budget)) }
            return .array(values)
        case .mapping(let mapping):
            guard depth <= maximumDepth else { throw Refusal(reason: "it nests deeper than \(maximumDepth) levels") }
            var members: [String: JSONValue] = [:]
            for (key, value) in mapping {
                members[key.string ?? String(describing: key)] = try convert(value, depth: depth + 1, budget: &budget)
            }
            return .object(members)
        @unknown default:
            return .null
        }
    }

    // MARK: TOML

    /// The flat subset of TOML that Hugo front matter uses: `key = "string"`, numbers, booleans, string arrays.
    private static func toml(_ text: String) throws -> [String: JSONValue] {
        var members: [String: JSONValue] = [:]
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.hasPrefix("#"), !trimmed.hasPrefix("["), let equals = trimmed.firstIndex(of: "=") else { continue }
            let key = trimmed[..<equals].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            let value = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            members[key] = try tomlValue(value, depth: 2)
        }
        return members
    }

    private static func tomlValue(_ value: String, depth: Int) throws -> JSONValue {
        if value.hasPrefix("["), value.hasSuffix("]") {
            guard depth <= maximumDepth else { throw Refusal(reason: "it nests deeper than \(maximumDepth) levels") }
            let inner = value.dropFirst().dropLast()
            return .array(try inner.split(separator: ",").map { try tomlValue($0.trimmingCharacters(in: .whitespaces), depth: depth + 1) })
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
