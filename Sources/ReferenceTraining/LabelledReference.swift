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

    /// The tokens of the string and their labels: each token takes the label of the piece its first letter or digit
    /// is in (the tokenizer looks across spaces, so a piece's tokens alone may differ from its tokens in the string:
    /// "( 2014)" is one token "(2014)", whose "(" a labeller may have given to the pages before it).
    public var labelledTokens: (tokens: [ReferenceToken], labels: [String]) { labelledTokens(repairing: true) }

    /// The tokens as training sees them: the damage of PDF extraction left in (`ReferenceTokenizer.tokenize(_:repairing:)`).
    public var trainingTokens: (tokens: [ReferenceToken], labels: [String]) { labelledTokens(repairing: false) }

    /// The tokens of the string, repaired or not, and their labels.
    public func labelledTokens(repairing: Bool) -> (tokens: [ReferenceToken], labels: [String]) {
        let text = self.text
        let tokens = ReferenceTokenizer.tokenize(text, repairing: repairing)
        let utf8 = Array(text.utf8)
        var fieldEnds: [Int] = []
        var offset = -1
        for field in fields {
            offset += 1 + field.text.utf8.count
            fieldEnds.append(offset)
        }
        var labels: [String] = []
        labels.reserveCapacity(tokens.count)
        var field = 0
        for token in tokens {
            let anchor = (token.start..<token.end).first(where: { utf8[$0] >= 0x80 || ReferenceTokenizer.isAlphanumeric(utf8[$0]) }) ?? token.start
            while field + 1 < fields.count, anchor >= fieldEnds[field] { field += 1 }
            while field > 0, anchor < fieldEnds[field - 1] { field -= 1 }
            labels.append(fields[field].label)
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
