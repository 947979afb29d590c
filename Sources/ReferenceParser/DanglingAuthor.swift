import DossierText

/// The last author's family name read as the title's first word, where no separator ends the author list
/// ("A. Smith, B. Jones and C. Brown Measurement of…"): in given-first order an author list cannot end on a given
/// name's initial, so the capitalised word after it is the family name that completes the list. (Family-first lists
/// with bare initials, "Jones B, Brown C Measurement", are left alone: "Smith A, Vitamin D deficiency…" reads the
/// same.)
enum DanglingAuthor {
    static func apply(_ tokens: [ReferenceToken], labels: inout [String], known: Set<String>) {
        guard tokens.count == labels.count, let title = labels.firstIndex(of: "title"), title >= 2,
              labels[title - 1] == "author", title + 1 < tokens.count else { return }
        var first = title - 1
        while first > 0, labels[first - 1] == "author" { first -= 1 }
        guard isDottedInitials(tokens[title - 1].text), isDottedInitials(tokens[first].text),
              isCapitalizedWord(tokens[title].text), !tokens[title].text.hasSuffix(",") else { return }
        // The initial opens the last name: after "and", "&", a comma, or the name's other initials.
        let before = title - 2 >= first ? tokens[title - 2].text : ""
        guard title - 2 < first || before == "and" || before == "&" || before.hasSuffix(",") || isDottedInitials(before) else { return }
        labels[title] = "author"
    }

    /// "C.", "J.-P.", "A.B." — one to three capitals, each followed by a dot.
    static func isDottedInitials(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let lastScalar = scalars.last, lastScalar == "." else { return false }
        var capitals = 0
        for (index, scalar) in scalars.enumerated() {
            if scalar.properties.isUppercase {
                guard index + 1 < scalars.count, scalars[index + 1] == "." else { return false }
                capitals += 1
            } else if scalar != "." && scalar != "-" {
                return false
            }
        }
        return capitals >= 1 && capitals <= 3
    }

    /// A word of two or more letters, the first a capital and the rest lower-case ("Brown", "García").
    static func isCapitalizedWord(_ text: String) -> Bool {
        let body = Array(text.unicodeScalars.filter { $0 != "," && $0 != "." })
        guard body.count >= 2, let head = body.first, head.properties.isUppercase else { return false }
        return body.dropFirst().allSatisfy { $0.properties.isLowercase || $0 == "-" || $0 == "'" || $0 == "’" }
    }
}
