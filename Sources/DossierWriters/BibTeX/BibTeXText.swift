import DossierModel

/// Text for BibTeX field values: LaTeX specials escaped so that no value can end a field, open a group or run a
/// command, and non-ASCII letters left as UTF-8 (biber, bibtexparser and modern BibTeX read it).
///
/// `& % $ # _` get a backslash; `{ } ~ ^ \` become `\textbraceleft{}`, `\textbraceright{}`, `\textasciitilde{}`,
/// `\textasciicircum{}`, `\textbackslash{}`, so the braces of a value always balance whatever the source held.
/// Tabs and line breaks become spaces; other control characters and the non-characters U+FFFE/U+FFFF are dropped
/// and counted in `dropped`.
struct BibTeXText {
    private(set) var dropped = 0

    mutating func escaped(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&", "%", "$", "#", "_": output += "\\" + String(scalar)
            case "{": output += "\\textbraceleft{}"
            case "}": output += "\\textbraceright{}"
            case "~": output += "\\textasciitilde{}"
            case "^": output += "\\textasciicircum{}"
            case "\\": output += "\\textbackslash{}"
            case "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": output += " "
            default:
                if scalar.properties.generalCategory == .control || scalar.properties.isNoncharacterCodePoint {
                    dropped += 1
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// A verbatim field (url, doi, eprint): nothing escaped, since `\url` and biber read it as is; only what could
    /// unbalance the value (`{`, `}`, `\`) and whitespace are percent-encoded, and control characters dropped.
    mutating func verbatim(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "{": output += "%7B"
            case "}": output += "%7D"
            case "\\": output += "%5C"
            case " ", "\t", "\n", "\r": output += "%20"
            default:
                if scalar.properties.generalCategory == .control || scalar.properties.isNoncharacterCodePoint {
                    dropped += 1
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output
    }

    /// A title with every word that holds a capital in braces (except a capitalized first word), so that styles
    /// which lowercase titles keep acronyms and proper nouns: "Deep learning for DNA" → "Deep learning for {DNA}".
    mutating func title(_ text: String) -> String {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        return words.enumerated().map { offset, word -> String in
            let escapedWord = escaped(String(word))
            guard !escapedWord.isEmpty else { return "" }
            let capitals = word.unicodeScalars.enumerated().contains { position, scalar in
                scalar.properties.isUppercase && !(offset == 0 && position == 0)
            }
            return capitals ? "{\(escapedWord)}" : escapedWord
        }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// An author list: "Family, Given and …", literal names in braces, "and others" for et al.
    mutating func names(_ names: [CSLName], etAl: Bool) -> String? {
        var parts = names.compactMap { name(_: $0) }
        if etAl && !parts.isEmpty { parts.append("others") }
        return parts.isEmpty ? nil : parts.joined(separator: " and ")
    }

    /// "particle Family, Suffix, Given" with parts that could split wrongly (a comma, the word "and") in braces.
    private mutating func name(_ name: CSLName) -> String? {
        guard let family = name.family?.nonBlank else {
            let literal = escaped(name.literal?.nonBlank ?? name.given ?? "")
            return literal.isEmpty ? nil : "{\(literal)}"
        }
        let surname = protected(escaped([name.particle?.nonBlank, family].compactMap { $0 }.joined(separator: " ")))
        let suffix = name.suffix?.nonBlank.map { protected(escaped($0)) }
        let given = name.given?.nonBlank.map { protected(escaped($0)) }
        return [surname, suffix, given].compactMap { $0?.nonBlank }.joined(separator: ", ")
    }

    private func protected(_ part: String) -> String {
        let words = part.lowercased().split(separator: " ")
        return part.contains(",") || words.contains("and") ? "{\(part)}" : part
    }
}
