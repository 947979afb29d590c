import DossierText
import DossierModel
import Foundation

/// Training material for the publication segmenter: a converted document's publication lines, their features,
/// and their labels found by aligning the lines with the publications' texts as the generator wrote them.
package enum PublicationSegmenterTraining {
    /// One document's lines as the segmenter sees them, with gold labels.
    package struct Example {
        package var lines: [String]
        /// Whether each line opens its paragraph or item (what the reader's blocks alone would cut at).
        package var opensBlock: [Bool]
        package var features: [[UInt32]]
        package var labels: [String]
        /// Publications found at the start of a line, against those in the truth: equal when the alignment is whole.
        package var starts: Int
        package var publications: Int
    }

    package static let labels = PublicationSegmenter.labels
    package static let featureVersion = PublicationSegmenter.featureVersion

    /// The example of `document` (converted with the stages before `split-references`) whose publications, in
    /// document order, are `raws` (without their list numbers).
    package static func example(_ document: Document, raws: [String]) -> Example {
        let lines = lines(of: document)
        let applicant = document.profile.person.name.map(AuthorMatcher.writtenNames) ?? []
        let labels = align(lines.map(\.text), raws: raws)
        return Example(lines: lines.map(\.text), opensBlock: lines.map(\.opensBlock), features: PublicationSegmenter.features(of: lines, applicant: applicant),
                       labels: labels, starts: labels.filter { $0 == "start" }.count, publications: raws.count)
    }

    /// The labels of the reader's blocks alone: a publication at every paragraph and item.
    package static func blockStarts(_ example: Example) -> [String] {
        example.opensBlock.map { $0 ? "start" : "in" }
    }

    /// The segmenter's lines of a document.
    static func lines(of document: Document) -> [PublicationLine] {
        let map = SectionMap(document)
        return PublicationLines.lines(in: document, blocks: map.blocks(of: [.publications], in: document), map: map)
    }

    /// The labels of `lines` by alignment with `raws`: each line is looked for (letters and digits only, lowercased)
    /// in the publications' texts run together, from where the last line was found; a line found where a publication
    /// begins, or the first line found inside a later publication, starts it; a line found elsewhere inside goes on;
    /// a line found nowhere is `other` (a legend, a counter, a note).
    package static func align(_ lines: [String], raws: [String]) -> [String] {
        var stream: [Character] = []
        var owner: [Int] = []
        for (number, raw) in raws.enumerated() {
            let folded = fold(raw)
            stream.append(contentsOf: folded)
            owner.append(contentsOf: repeatElement(number, count: folded.count))
        }
        var cursor = 0
        var current = -1
        var labels: [String] = []
        for line in lines {
            guard let (position, length) = locate(line, in: stream, from: cursor, owner: owner, current: current) else {
                labels.append("other")
                continue
            }
            let publication = owner[position]
            if publication > current {
                labels.append("start")
                current = publication
            } else {
                labels.append("in")
            }
            cursor = position + length
        }
        return labels
    }

    /// Where a line's text is found, trying the whole line, then without a leading number or year column, then its
    /// first and last twenty letters (a line that holds link words or marks the text does not).
    static func locate(_ line: String, in stream: [Character], from cursor: Int, owner: [Int], current: Int) -> (Int, Int)? {
        var candidates: [[Character]] = [fold(line)]
        for pattern in [ReferenceUnits.Patterns.numbering, ReferenceUnits.Patterns.leadingYear] {
            if let match = pattern.firstMatch(in: line) {
                candidates.append(fold(String(line[match.range.upperBound...])))
            }
        }
        if let whole = candidates.last, whole.count > 24 {
            candidates.append(Array(whole.prefix(20)))
            candidates.append(Array(whole.suffix(20)))
        }
        for candidate in candidates where candidate.count >= 3 {
            // Short pieces ("2019", "pp 3") only inside the publication being read or the next one.
            let limit = candidate.count < 8 ? min(stream.count, (owner.indices.first { $0 >= cursor && owner[$0] > current + 1 }) ?? stream.count) : stream.count
            if let position = find(candidate, in: stream, from: cursor, to: limit) { return (position, candidate.count) }
        }
        return nil
    }

    static func find(_ needle: [Character], in haystack: [Character], from start: Int, to end: Int) -> Int? {
        guard !needle.isEmpty, end - start >= needle.count else { return nil }
        let first = needle[0]
        var index = start
        while index + needle.count <= end {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    static func fold(_ text: String) -> [Character] {
        Array(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}
