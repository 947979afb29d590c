import DossierText

/// Classes of the boundary between two tokens, by what the first one ends with: field boundaries follow
/// punctuation, so transitions between labels are weighted per class.
package enum GapClass {
    /// Number of classes.
    package static let count = 9

    /// 0 letter or digit, 1 ",", 2 "." after a word, 3 ":", 4 ";", 5 ")" or "]", 6 closing quote, 7 other, 8 "." of an initial.
    static func of(_ traits: TokenTraits) -> Int {
        switch traits.trailing {
        case nil: return 0
        case ",": return 1
        case ".": return traits.isInitial ? 8 : 2
        case ":": return 3
        case ";": return 4
        case ")", "]": return 5
        case "”", "\"", "»", "’": return 6
        default: return 7
        }
    }
}
