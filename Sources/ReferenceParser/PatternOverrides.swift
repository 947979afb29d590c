import DossierText

/// Token labels that patterns decide better than the model: a DOI is `doi` (and so is the "doi:" before it), a
/// web address is `url` unless the model took a doi.org link for the DOI, "ISBN" and its number are `isbn`.
/// Applied only when the model knows the label (AnyStyle's vocabulary has all three).
package enum PatternOverrides {
    static func apply(_ tokens: [ReferenceToken], labels: inout [String], known: Set<String>) {
        guard !tokens.isEmpty else { return }
        let knowsURL = known.contains("url"), knowsDOI = known.contains("doi"), knowsISBN = known.contains("isbn")
        for index in tokens.indices {
            let text = tokens[index].text
            // Web addresses and ISBNs start with w ( < i or hold "://"; other tokens can only be DOIs.
            let first = text.utf8.first ?? 0
            guard first >= 0x80 || [0x77, 0x28, 0x3C, 0x69].contains(first | 0x20) || text.containsByte(UInt8(ascii: ":")) else {
                if knowsDOI, holdsTenDot(text), Identifiers.doi(in: text) != nil { markDOI(at: index, tokens, labels: &labels) }
                continue
            }
            let lowered = text.lowercasedFast()
            let isWeb = lowered.containsBytes("://") || lowered.hasPrefix("www.") || lowered.hasPrefix("(http") || lowered.hasPrefix("<http")
            if isWeb {
                if labels[index] == "doi" && lowered.containsBytes("doi.org") { continue }
                if knowsURL { labels[index] = "url" }
            } else if knowsDOI, Identifiers.doi(in: text) != nil {
                markDOI(at: index, tokens, labels: &labels)
            } else if knowsISBN, lowered.hasPrefix("isbn"), index + 1 < tokens.count || lowered.count > 6 {
                labels[index] = "isbn"
                var next = index + 1
                while next < tokens.count, tokens[next].text.allSatisfy({ $0.isNumber || $0 == "-" || $0 == "X" || $0 == "." || $0 == "," }),
                      tokens[next].text.contains(where: \.isNumber) {
                    labels[next] = "isbn"
                    next += 1
                }
            }
        }
    }

    /// Whether "10." occurs in `text` (a DOI's prefix, without which `Identifiers.doi` finds none), read off the bytes
    /// of a token in place: most tokens are a few bytes, and the general search cost more than the reading.
    static func holdsTenDot(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= 3 else { return false }
            for index in 2..<bytes.count where bytes[index] == 0x2E && bytes[index - 1] == 0x30 && bytes[index - 2] == 0x31 { return true }
            return false
        }
    }

    /// The token at `index` is a DOI, and so is a "doi:" before it.
    static func markDOI(at index: Int, _ tokens: [ReferenceToken], labels: inout [String]) {
        labels[index] = "doi"
        if index > 0, ["doi:", "doi", "doi.", "(doi:", "[doi:"].contains(tokens[index - 1].text.lowercasedFast()) { labels[index - 1] = "doi" }
    }
}
