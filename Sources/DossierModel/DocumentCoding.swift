import Foundation

extension Document {
    /// The encoder every JSON output uses: sorted keys so that outputs are stable and diffable.
    public static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Decodes a document from its JSON (the wire format of external stages).
    public static func decode(_ data: Data) throws -> Document {
        try JSONDecoder().decode(Document.self, from: data)
    }

    /// The document as JSON: the bytes `encoder(pretty:)` gives, written directly (`DocumentJSONWriter`); the
    /// encoder itself only for a document it refuses, so that its error is the one reported.
    public func encoded(pretty: Bool = true) throws -> Data {
        if let bytes = DocumentJSONWriter.bytes(of: self, pretty: pretty) { return Data(bytes) }
        return try Document.encoder(pretty: pretty).encode(self)
    }
}
