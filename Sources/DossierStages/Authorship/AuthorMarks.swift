import DossierText
import DossierModel
import DossierPipeline
import Foundation

/// Equal-contribution and corresponding-author marks after author names in a raw reference.
enum AuthorMarks {
    /// What a mark means, as a legend of the document says it.
    enum Meaning { case equal, corresponding }

    /// The document's key to its marks: "* Indicates co-first author", "† corresponding author", "(# equal
    /// contribution)". A legend in words whose mark was taken as a list bullet ("* Indicates co-first author" in
    /// Markdown) keys "*".
    /// The blocks' lines are read on every core (`ParallelMap`; a list of 4,000 references), their findings taken
    /// in reading order as before: the first meaning given to a mark is its meaning.
    static func legend(in blocks: [Block]) -> [Character: Meaning] {
        // Every block and item in reading order (a block, then its items), with whether it is a list's item.
        var texts: [(text: String, bulleted: Bool)] = []
        func collect(_ block: Block, bulleted: Bool) {
            texts.append((block.text, bulleted))
            for item in block.items ?? [] { collect(item, bulleted: block.type == .list) }
        }
        for block in blocks { collect(block, bulleted: false) }
        var meanings: [Character: Meaning] = [:]
        for findings in ParallelMap.map(texts, { legendLines(of: $0.text, bulleted: $0.bulleted) }) {
            for (marks, meaning) in findings {
                for mark in marks where meanings[mark] == nil { meanings[mark] = meaning }
            }
        }
        return meanings
    }

    /// The legend lines of one block's text, in order: the marks each keys (a line of words alone, in a list's item,
    /// keys "*", its mark taken for the bullet) and their meaning.
    static func legendLines(of text: String, bulleted: Bool) -> [(marks: [Character], meaning: Meaning)] {
        var found: [(marks: [Character], meaning: Meaning)] = []
        for line in text.linesSplitFast().map(String.init) where FastText.hasAtMostCharacters(line, 150) {
            // The meaning first, by byte prechecks (most lines name none), then the legend's expressions.
            let lowered = line.lowercasedFast()
            let meaning: Meaning? = equalWords.contains(where: { lowered.mayMatch($0) && lowered.contains($0) }) ? .equal
                : lowered.mayMatch("corresponding") && lowered.contains("corresponding") ? .corresponding : nil
            guard let meaning, ReferenceUnits.isLegend(line) else { continue }
            let marks = Array(line.filter { "*†‡#✉§¶".contains($0) })
            if marks.isEmpty, bulleted { found.append((["*"], meaning)) }
            found.append((marks, meaning))
        }
        return found
    }

    static let equalWords = ["co-first", "cofirst", "co first", "equal", "joint first", "shared first", "contributed equally", "first co-author"]

    /// Whether the lowercased reference holds "equal contribution" or "contributed equally": lowered only when its
    /// bytes may (`ByteSearch.mayHoldFoldingASCII`; the only scalars that lowercase to ASCII, "İ" and the Kelvin sign,
    /// are among those it lets through), where every reference of a long list was lowercased for it.
    static func mentionsEqualContribution(_ raw: String) -> Bool {
        ByteSearch.mayHoldFoldingASCII(raw, anyOf: ["equal contribution", "contributed equally"]) && mentionsEqualContributionByLowering(raw)
    }

    /// `mentionsEqualContribution` by lowercasing the whole text: what its byte test must agree with.
    static func mentionsEqualContributionByLowering(_ raw: String) -> Bool {
        let lowered = raw.lowercasedFast()
        return lowered.containsText("equal contribution") || lowered.containsText("contributed equally")
    }

    static func find(in raw: String, authors: [CSLName], legend: [Character: Meaning] = [:]) -> (equal: [Int], corresponding: [Int]) {
        var marked: [Character: [Int]] = [:]
        // A mark is a character of its own, one of five scalars: a reference without any of their bytes has none (most
        // have none, and each author's name was searched for and the characters after it read).
        let mayHoldMark = raw.containsByte(0x2A) || raw.containsByte(0x23) || ["†", "‡", "✉"].contains { raw.containsBytes($0) }
        for (offset, author) in authors.enumerated() where mayHoldMark {
            guard let family = author.family, let range = raw.rangeOfText(family) else { continue }
            // Look at the few characters after the name (given initials may follow in "Xu K*").
            let tail = raw[range.upperBound...].prefix(12)
            let stop = tail.firstIndex { $0 == "," || $0 == ";" || $0 == "(" } ?? tail.endIndex
            for mark in tail[..<stop] where "*†‡#✉".contains(mark) { marked[mark, default: []].append(offset + 1) }
        }
        var equal: [Int] = [], corresponding: [Int] = []
        for (mark, positions) in marked {
            switch legend[mark] {
            case .equal?: equal += positions
            case .corresponding?: corresponding += positions
            case nil: if mark == "✉" || positions.count == 1 { corresponding += positions } else { equal += positions }
            }
        }
        if mentionsEqualContribution(raw), equal.isEmpty {
            equal = marked.values.flatMap { $0 }
            corresponding.removeAll { equal.contains($0) }
        }
        return (equal.sorted(), corresponding.sorted())
    }
}
