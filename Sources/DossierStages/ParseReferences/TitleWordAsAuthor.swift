import DossierText
import DossierModel
import Foundation

/// A title whose first word looks like a family name ("Sororin, the cell cycle …", "MipZ, a spatial regulator …",
/// "ARITO: Cyber-attack response …") is read by the model as one more author after lists of initialled names. The
/// list's own shape says where it ends: names written "Family INITIALS" (Vancouver, NLM, AMA) end at the first
/// initials closed by a full stop; names written "I. Family" (PNAS, APS, IEEE) end at the first part that does not
/// open with initials. When the model's authors have initials up to one that has none, and the list so read ends
/// right before it, the words it took go back to the title and the names are read again from the list's text.
enum TitleWordAsAuthor {
    /// Repairs `publication` in place; returns whether it changed.
    @discardableResult
    static func repair(_ publication: inout Publication, text: String) -> Bool {
        // The symptom: the model's authors have initials up to one that has none (or a word for a given name), and
        // the few after it are no better.
        guard let authors = publication.author, authors.count >= 2,
              let taken = authors.firstIndex(where: { $0.literal != nil || !isInitials($0.given) }), taken >= 1,
              authors.count - taken <= 3, authors[taken].literal == nil,
              // A single letter is a name's part ("T. Ibrahima K"), not a title's word.
              let takenWord = authors[taken].family, takenWord.count >= 2, !ReferenceFieldOrder.isInitialsWord(takenWord),
              let first = authors.first, let family = first.family, let given = first.given else { return false }
        // Where the list starts: the first author's first written part.
        guard let familyAt = text.range(of: family)?.lowerBound else { return false }
        let givenAt = text.range(of: given)?.lowerBound
        let start = givenAt.map { min($0, familyAt) } ?? familyAt
        // The list opens the reference (after its number or year, if any): a title-first reference is not read so.
        guard !text[..<start].contains(where: \.isLetter) else { return false }
        let familyFirst = start == familyAt
        guard let end = listEnd(in: text[start...], familyFirst: familyFirst) else { return false }
        let rest = text[end.titleStart...]
        // The words the model took for an author must be the title's opening: few, right after the list.
        guard let takenFamily = authors[taken].family, let takenAt = text.range(of: takenFamily, range: end.titleStart..<text.endIndex),
              text.distance(from: end.titleStart, to: takenAt.lowerBound) <= 40 else { return false }
        let titleEnd: String.Index
        if let title = publication.title, let titleRange = text.range(of: title, range: end.titleStart..<text.endIndex) {
            // A gap that closes a sentence ("J Biol. The human …") was the model's own boundary: left as read.
            let gap = text[end.titleStart..<titleRange.lowerBound]
            guard gap.split(separator: " ").count <= 5, !gap.contains(". ") else { return false }
            // A title the model found in quotes ("… Dálaigh, “A comparison …”") has its edge drawn by the quotes.
            if let mark = gap.trimmingCharacters(in: .whitespaces).last, "“\"«„".contains(mark) { return false }
            titleEnd = titleRange.upperBound
        } else if let stop = rest.range(of: ". ") {
            titleEnd = stop.lowerBound
        } else {
            return false
        }
        let span = String(text[start..<end.listEnd])
        let names = PersonNames.authorList(span).names
        guard names.count >= taken, names.allSatisfy({ $0.literal == nil && isInitials($0.given) }) else { return false }
        let title = String(text[end.titleStart..<titleEnd]).trimmingFast(in: CharacterSet(charactersIn: " .,;:"))
        guard title.split(separator: " ").count >= 2 else { return false }
        publication.author = names
        publication.title = title
        return true
    }

    /// Where a list of names written in one shape ends (`listEnd`) and what follows starts (`titleStart`).
    static func listEnd(in text: Substring, familyFirst: Bool) -> (listEnd: String.Index, titleStart: String.Index)? {
        let words = wordRanges(text)
        var index = 0
        var names = 0
        while index < words.count {
            let word = String(text[words[index]])
            let bare = word.trimmingCharacters(in: CharacterSet(charactersIn: ",;*†‡"))
            if bare.isEmpty || (names > 0 && ["and", "&"].contains(bare)) { index += 1; continue }
            if familyFirst {
                // Family words (capitalised, or particles), then one word of initials.
                // (Not "Family, I.", APA's and DIN's shape, where every name's initials close with a full stop.)
                var cursor = index
                while cursor < words.count, isFamilyWord(String(text[words[cursor]])), !text[words[cursor]].hasSuffix(",") { cursor += 1 }
                guard cursor > index, cursor < words.count else { return nil }
                let initials = String(text[words[cursor]])
                let core = initials.trimmingCharacters(in: CharacterSet(charactersIn: ",;.*†‡"))
                guard ReferenceFieldOrder.isInitialsWord(core) else { return nil }
                names += 1
                if initials.hasSuffix(".") {
                    guard cursor + 1 < words.count, text[words[cursor + 1]].first?.isLetter == true else { return nil }
                    return (words[cursor].upperBound, words[cursor + 1].lowerBound)
                }
                index = cursor + 1
            } else {
                // Initials, then family words; the list ends where a part does not open with initials.
                var cursor = index
                while cursor < words.count, isInitialsToken(String(text[words[cursor]])) { cursor += 1 }
                guard cursor > index else {
                    guard names >= 2, index > 0 else { return nil }
                    return (words[index - 1].upperBound, words[index].lowerBound)
                }
                let familyStart = cursor
                while cursor < words.count, isFamilyWord(String(text[words[cursor]])) {
                    let family = String(text[words[cursor]])
                    cursor += 1
                    if family.hasSuffix(",") || family.hasSuffix(".") || family.hasSuffix(";") { break }
                }
                guard cursor > familyStart, cursor < words.count else { return nil }
                names += 1
                if String(text[words[cursor - 1]]).hasSuffix(".") { return (words[cursor - 1].upperBound, words[cursor].lowerBound) }
                index = cursor
            }
        }
        return nil
    }

    /// "E", "JX", "T.", "J.-F.", "S-J.", "G. B.": given names written as initials only.
    static func isInitials(_ given: String?) -> Bool {
        guard let given, !given.isEmpty else { return false }
        return given.split(separator: " ").allSatisfy { ReferenceFieldOrder.isInitialsWord(String($0)) }
    }

    private static func isInitialsToken(_ word: String) -> Bool {
        let core = word.trimmingCharacters(in: CharacterSet(charactersIn: ","))
        return core.hasSuffix(".") && ReferenceFieldOrder.isInitialsWord(core)
    }

    private static func isFamilyWord(_ word: String) -> Bool {
        let core = word.trimmingCharacters(in: CharacterSet(charactersIn: ",;.*†‡"))
        guard let head = core.first else { return false }
        if head.isLowercase { return NameParticles.all.contains(core) }
        return head.isUppercase && core.count >= 2 && !ReferenceFieldOrder.isInitialsWord(core)
            && core.allSatisfy { $0.isLetter || "-'’".contains($0) }
    }

    private static func wordRanges(_ text: Substring) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == " " {
                if let open = start { ranges.append(open..<index); start = nil }
            } else if start == nil {
                start = index
            }
            index = text.index(after: index)
        }
        if let open = start { ranges.append(open..<text.endIndex) }
        return ranges
    }
}
