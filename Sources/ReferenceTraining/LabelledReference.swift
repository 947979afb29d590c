import ReferenceParser
import DossierText
import DossierText

/// A reference string with a label on every token: one `<sequence>` of AnyStyle's XML, or one tagged line.
public struct LabelledReference: Sendable, Hashable {
    /// The labelled pieces in order: (label, text). The reference string is the texts joined by single spaces.
    public var fields: [(label: String, text: String)]
    /// How much the CRF trainer counts this reference (its likelihood is multiplied by it); 1 unless the
    /// training command weights the file it came from. Not part of equality.
    public var weight = 1.0

    /// A reference from its labelled pieces.
    public init(fields: [(label: String, text: String)], weight: Double = 1) {
        self.fields = fields
        self.weight = weight
    }

    /// The reference string.
    public var text: String { fields.map(\.text).joined(separator: " ") }

    /// The tokens of the string and their labels.
    public var labelledTokens: (tokens: [ReferenceToken], labels: [String]) {
        let tokens = ReferenceTokenizer.tokenize(text)
        var labels: [String] = []
        labels.reserveCapacity(tokens.count)
        for field in fields {
            let count = ReferenceTokenizer.tokenize(field.text).count
            labels.append(contentsOf: repeatElement(field.label, count: count))
        }
        return (tokens, labels)
    }

    /// The text normalised for deduplication and the hold-out hash: lowercased, single spaces.
    public var normalizedText: String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    public static func == (lhs: LabelledReference, rhs: LabelledReference) -> Bool {
        lhs.fields.map(\.label) == rhs.fields.map(\.label) && lhs.fields.map(\.text) == rhs.fields.map(\.text)
    }

    public func hash(into hasher: inout Hasher) {
        for field in fields {
            hasher.combine(field.label)
            hasher.combine(field.text)
        }
    }
}
