import Foundation

/// How two copies of a paper are recognised as one: the normalized forms of DOIs, titles and names, and how close
/// two titles are.
public enum TitleMatching {
    /// A DOI without its resolver prefix or `doi:` label, lowercased (DOIs are case-insensitive).
    public static func normalizedDOI(_ doi: String) -> String {
        var text = doi.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"] where text.hasPrefix(prefix) {
            text.removeFirst(prefix.count)
        }
        while let last = text.last, ".,;".contains(last) { text.removeLast() }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// A title folded for comparison: accents and case dropped, every run of non-letters-or-digits one space.
    public static func normalizedTitle(_ title: String) -> String {
        let folded = title.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var result = ""
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                if pendingSpace, !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return result
    }

    /// Shared words over all words of two normalized titles (0–1).
    public static func tokenJaccard(_ a: String, _ b: String) -> Double {
        let left = Set(a.split(separator: " ")), right = Set(b.split(separator: " "))
        guard !left.isEmpty || !right.isEmpty else { return 1 }
        return Double(left.intersection(right).count) / Double(left.union(right).count)
    }

    /// 1 − edit distance ÷ the longer length, on characters of two normalized titles (0–1).
    public static func editRatio(_ a: String, _ b: String) -> Double {
        let left = Array(a.unicodeScalars), right = Array(b.unicodeScalars)
        let longer = max(left.count, right.count)
        guard longer > 0 else { return 1 }
        guard !left.isEmpty, !right.isEmpty else { return 0 }
        var previous = Array(0...right.count)
        for i in 1...left.count {
            var current = [i] + Array(repeating: 0, count: right.count)
            for j in 1...right.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1))
            }
            previous = current
        }
        let distance = previous[right.count]
        return 1 - Double(distance) / Double(longer)
    }

    /// Two normalized titles close enough to be one paper written twice: at least four words, and nine in ten
    /// characters the same or four in five words shared (a typo, a dropped subtitle colon, "and" for "&").
    public static func closeTitles(_ a: String, _ b: String) -> Bool {
        guard a.split(separator: " ").count >= 4, b.split(separator: " ").count >= 4 else { return false }
        return tokenJaccard(a, b) >= 0.8 || editRatio(a, b) >= 0.9
    }

    /// A person's name folded for comparison: letters only, no accents, lowercase.
    public static func foldedName(_ name: String) -> String {
        normalizedTitle(name).replacingOccurrences(of: " ", with: "")
    }
}
