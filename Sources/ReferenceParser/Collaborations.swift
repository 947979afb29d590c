import DossierText

/// "S. Agostinelli et al. (GEANT4 Collaboration)", "G. Aad et al. [ATLAS Collaboration]": a collaboration named in
/// brackets right after the authors is no title and no venue. It becomes a `note`: a collaboration is not a person,
/// and where it stands among the authors is not said, so it is not made a co-author either.
enum Collaborations {
    static func apply(_ tokens: [ReferenceToken], labels: inout [String], known: Set<String>) {
        guard tokens.count == labels.count, known.contains("note") else { return }
        var index = 1
        while index < tokens.count {
            guard labels[index - 1] == "author", let first = tokens[index].text.utf8.first,
                  first == UInt8(ascii: "(") || first == UInt8(ascii: "[") else {
                index += 1
                continue
            }
            var end = index
            while end < tokens.count, end - index < 8, !closesBracket(tokens[end].text) { end += 1 }
            guard end < tokens.count, end - index < 8 else {
                index += 1
                continue
            }
            if (index...end).contains(where: { isCollaborationWord(tokens[$0].text) }),
               (index...end).contains(where: { labels[$0] != "author" }) {
                for covered in index...end { labels[covered] = "note" }
            }
            index = end + 1
        }
    }

    static func closesBracket(_ text: String) -> Bool {
        text.containsByte(UInt8(ascii: ")")) || text.containsByte(UInt8(ascii: "]"))
    }

    /// "Collaboration", "Collaborations)", "Collab.", "Consortium]", "Group)", "Team".
    static func isCollaborationWord(_ text: String) -> Bool {
        let word = String(text.lowercasedFast().unicodeScalars.filter { $0.properties.isAlphabetic })
        return word == "collaboration" || word == "collaborations" || word == "collab" || word == "consortium"
            || word == "group" || word == "team"
    }
}
