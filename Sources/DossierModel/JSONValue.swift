/// Any JSON value: holds metadata as it came (front matter, `<meta>`, JSON-LD, PDF info).
public enum JSONValue: Codable, Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Values nested deeper than this are not decoded or encoded: the coders recurse once per level, and a
    /// hostile input (front matter or JSON-LD nested thousands deep) would otherwise overflow the stack. The
    /// readers never produce deeper values; decoding or encoding one throws.
    public static let maximumDepth = 64

    public init(from decoder: Decoder) throws {
        self = try Nested(from: decoder).value
    }

    public func encode(to encoder: Encoder) throws {
        try Nested(self, depth: 1).encode(to: encoder)
    }

    /// How deep the value nests: 0 for a scalar, 1 for an array or object of scalars; counted without recursion.
    public var depth: Int {
        var deepest = 0
        var pending: [(value: JSONValue, depth: Int)] = [(self, 0)]
        while let (value, depth) = pending.popLast() {
            switch value {
            case .array(let values):
                deepest = max(deepest, depth + 1)
                pending += values.map { ($0, depth + 1) }
            case .object(let members):
                deepest = max(deepest, depth + 1)
                pending += members.values.map { ($0, depth + 1) }
            default:
                break
            }
        }
        return deepest
    }

    /// A value with its depth below the outermost JSONValue being coded, so that the limit holds for the value
    /// itself wherever it sits in a larger document.
    private struct Nested: Codable {
        var value: JSONValue
        var depth: Int

        init(_ value: JSONValue, depth: Int) {
            self.value = value
            self.depth = depth
        }

        init(from decoder: Decoder) throws {
            // A decoder knows only its absolute path; the limit is applied to it (JSON-LD is decoded at the top).
            depth = decoder.codingPath.count
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                value = .null
            } else if let bool = try? container.decode(Bool.self) {
                value = .bool(bool)
            } else if let int = try? container.decode(Int.self) {
                value = .int(int)
            } else if let double = try? container.decode(Double.self) {
                value = .double(double)
            } else if let string = try? container.decode(String.self) {
                value = .string(string)
            } else {
                guard depth < JSONValue.maximumDepth + 8 else {
                    throw DecodingError.dataCorruptedError(in: container, debugDescription: "nested deeper than \(JSONValue.maximumDepth) levels")
                }
                if let values = try? container.decode([Nested].self) {
                    value = .array(values.map(\.value))
                } else {
                    value = .object(try container.decode([String: Nested].self).mapValues(\.value))
                }
            }
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch value {
            case .null: try container.encodeNil()
            case .bool(let value): try container.encode(value)
            case .int(let value): try container.encode(value)
            case .double(let value): try container.encode(value)
            case .string(let value): try container.encode(value)
            case .array(let values):
                try checkDepth()
                try container.encode(values.map { Nested($0, depth: depth + 1) })
            case .object(let members):
                try checkDepth()
                try container.encode(members.mapValues { Nested($0, depth: depth + 1) })
            }
        }

        private func checkDepth() throws {
            guard depth <= JSONValue.maximumDepth else {
                throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "JSON value nested deeper than \(JSONValue.maximumDepth) levels"))
            }
        }
    }

    /// The value as text when it is a scalar (a title, an author, a date as written).
    public var stringValue: String? {
        switch self {
        case .string(let value): return value
        case .int(let value): return String(value)
        case .double(let value): return String(value)
        case .bool(let value): return String(value)
        default: return nil
        }
    }

    /// The members of an object, or nil.
    public var objectValue: [String: JSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The elements of an array, or nil.
    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// Maps every string inside, recursively (used by `normalize`).
    public func mapStrings(_ transform: (String) -> String) -> JSONValue {
        switch self {
        case .string(let value): return .string(transform(value))
        case .array(let values): return .array(values.map { $0.mapStrings(transform) })
        case .object(let members): return .object(members.mapValues { $0.mapStrings(transform) })
        default: return self
        }
    }
}
