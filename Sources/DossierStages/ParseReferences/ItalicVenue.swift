import DossierText
import DossierModel
import Foundation

/// Where the source set a run of a reference in italics, it marks a field's edges the words alone do not: in
/// "Etzioni O and Weld D 1994 A Softbot-based Interface to the Internet *Comm. of the ACM* 37 72–6" (IOP, AIP, Nature,
/// APA, Vancouver as rendered by many CVs) nothing but the italics ends the title. When the parser ran the title
/// into the italic run (or read title and venue as one venue), the run is the venue and what precedes it the title.
/// Book styles set the title itself in italics: that reading agrees with the parser's and is left alone.
enum ItalicVenue {
    /// The emphasis and strong runs of each top-level block in document order, walked once per block with a
    /// cursor, so a list of n references costs O(n) however many it holds.
    struct Runs {
        private let blocks: [Block]
        private var runs: [Int: [Run]] = [:]
        private var cursor: [Int: Int] = [:]

        init(blocks: [Block]) { self.blocks = blocks }

        /// The runs of `block` that occur in `raw`, taken from the next few runs after the last one used.
        mutating func next(in block: Int?, raw: String) -> [Run] {
            guard let block, blocks.indices.contains(block) else { return [] }
            if runs[block] == nil { runs[block] = ItalicVenue.runs(of: blocks[block]) }
            let all = runs[block] ?? []
            var at = cursor[block] ?? 0
            var found: [Run] = []
            var index = at
            var group: Int?
            // Runs of one item only: the applicant's bold name in the next item must not be taken for this one's.
            while index < all.count, index < at + 8, group == nil || all[index].group == group {
                if FastText.containsCharacters(all[index].text, in: raw) {
                    found.append(all[index])
                    group = all[index].group
                    at = index + 1
                }
                index += 1
            }
            cursor[block] = at
            return found
        }
    }

    /// A run of italic or bold text in a reference.
    struct Run: Equatable {
        var text: String
        var italic: Bool
        /// Which item of a list block it is in (0 for other blocks).
        var group: Int = 0
    }

    /// The text of every emphasis and strong inline under `block`, outermost only, trimmed; runs shorter than four
    /// letters ("*et al.*" aside) are not fields.
    static func runs(of block: Block) -> [Run] {
        var found: [Run] = []
        var group = 0
        func visit(_ inlines: [Inline]) {
            for inline in inlines {
                if inline.type == .emphasis || inline.type == .strong {
                    let text = balanced(inline.text.trimmingFast(in: edge))
                    if hasLetters(text, atLeast: 4), text.lowercased() != "et al" {
                        found.append(Run(text: text, italic: inline.type == .emphasis, group: group))
                    }
                } else if let children = inline.children {
                    visit(children)
                }
            }
        }
        func walk(_ block: Block) {
            visit(block.inlines ?? [])
            // An item's inlines are those of its paragraphs again: only its nested lists are walked.
            let ownInlines = block.type == .item && block.inlines != nil
            for child in block.children where !ownInlines || child.type == .list {
                if child.type == .item || child.type == .row { group += 1 }
                walk(child)
            }
        }
        walk(block)
        return found
    }

    private static let edge = CharacterSet(charactersIn: " ,.;:").union(.whitespacesAndNewlines)

    /// A run without the bracket it opened or closed outside itself ("(Proceedings" → "Proceedings"); "(JFPC)" kept.
    static func balanced(_ text: String) -> String {
        var text = Substring(text)
        let opens = text.filter { $0 == "(" }.count, closes = text.filter { $0 == ")" }.count
        if closes > opens, text.last == ")" { text = text.dropLast() }
        if opens > closes, text.first == "(" { text = text.dropFirst() }
        return String(text).trimmingFast(in: edge)
    }

    /// `text.filter(\.isLetter).count >= count`, stopping at the count; a one-byte character is a letter when it is
    /// A–Z or a–z (as `isLetter` says of ASCII).
    static func hasLetters(_ text: String, atLeast count: Int) -> Bool {
        var found = 0
        for character in text {
            if found >= count { break }
            let utf8 = character.utf8
            if utf8.count == 1, let byte = utf8.first {
                if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A { found += 1 }
            } else if character.isLetter {
                found += 1
            }
        }
        return found >= count
    }

    /// Moves the edge between title and venue to where the italic run `venue` starts in `raw`, when the parser's
    /// title ran into the run (what the title holds past that point begins the run), or it read no title and a
    /// venue that holds the title before the run.
    static func apply(_ publication: inout Publication, italics: [String], raw: String) {
        guard italics.count == 1, let venue = italics.first else { return }
        for venueRange in wordOccurrences(of: venue, in: raw) {
            if let title = publication.title, let titleRange = raw.range(of: title),
               titleRange.lowerBound < venueRange.lowerBound, venueRange.lowerBound < titleRange.upperBound {
                // A title that goes on past the run in words holds the venue's word as its own ("… After Stroke
                // Fast-Tracks …"); one that goes on after a comma or with numbers ran into the venue's place or volume
                // too ("… layer Geophysics, 81(6)", "… (JFPC), Saint-Étienne").
                if titleRange.upperBound > venueRange.upperBound,
                   !isVolumeTail(raw[venueRange.upperBound..<titleRange.upperBound]) { continue }
                guard publication.containerTitle.map({ venue.contains($0) }) ?? true,
                      let head = head(raw[titleRange.lowerBound..<venueRange.lowerBound]) else { return }
                publication.title = head
                publication.containerTitle = venue
                publication.confidence["title"] = min(publication.confidence["title"] ?? 0.8, 0.8)
                publication.confidence["container-title"] = 0.8
                return
            }
            if publication.title == nil, let container = publication.containerTitle,
               let containerRange = raw.range(of: container),
               containerRange.lowerBound < venueRange.lowerBound, venueRange.lowerBound < containerRange.upperBound,
               containerRange.upperBound <= venueRange.upperBound {
                guard let head = head(raw[containerRange.lowerBound..<venueRange.lowerBound]) else { return }
                publication.title = head
                publication.containerTitle = venue
                publication.confidence["title"] = 0.8
                publication.confidence["container-title"] = 0.8
                return
            }
        }
    }

    /// ", 81(6)", " 12, 34–56", ", Saint-Étienne": what follows a venue after a separator or as a number, not the
    /// next word of a title ("Stroke Fast-Tracks").
    static func isVolumeTail(_ text: Substring) -> Bool {
        let trimmed = text.drop { $0 == " " }
        guard let first = trimmed.first else { return true }
        return first.isNumber || ",;(".contains(first)
    }

    /// Where `word` occurs in `text` as whole words: not inside a longer word ("Neuron" in "Neurons") nor after a
    /// hyphen ("Science" in "e-Science").
    static func wordOccurrences(of word: String, in text: String) -> [Range<String.Index>] {
        var found: [Range<String.Index>] = []
        var from = text.startIndex
        while found.count < 4, let range = text.range(of: word, range: from..<text.endIndex) {
            let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : " "
            let after = range.upperBound < text.endIndex ? text[range.upperBound] : " "
            if !(before.isLetter || before.isNumber || before == "-"), !(after.isLetter || after.isNumber) { found.append(range) }
            from = range.upperBound
        }
        return found
    }

    /// What precedes the italic run, as a title: at least three words, not an author's name cut at a colon.
    private static func head(_ text: Substring) -> String? {
        let stops = CharacterSet(charactersIn: " ,.;").union(.whitespacesAndNewlines)
        var trimmed = text.trimmingCharacters(in: stops)
        // "Chapter title. In: *Book*": the word that introduces the book is neither's.
        for word in [" In:", " In", " in:", " in"] where trimmed.hasSuffix(word) {
            trimmed = String(trimmed.dropLast(word.count)).trimmingCharacters(in: stops)
        }
        guard trimmed.split(separator: " ").count >= 3, !trimmed.hasSuffix(":") else { return nil }
        return trimmed
    }
}
