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

    /// The example of a real CV whose labels give each publication's title but not its text (`cv-labelled`): the
    /// lines are labelled by `alignTitles`, with the compiled-in model's labels where the reader's blocks alone do
    /// not say which line starts a publication; nil where that is not decided for every publication.
    package static func example(_ document: Document, titles: [String], why: inout String) -> Example? {
        let lines = lines(of: document)
        let applicant = document.profile.person.name.map(AuthorMatcher.writtenNames) ?? []
        let modelLabels = PublicationSegmenter.label(lines, applicant: applicant)?.map(\.label) ?? lines.map { $0.opensBlock ? "start" : "in" }
        guard let labels = alignTitles(lines.map(\.text), opensBlock: lines.map(\.opensBlock), titles: titles, model: modelLabels, why: &why) else { return nil }
        return Example(lines: lines.map(\.text), opensBlock: lines.map(\.opensBlock), features: PublicationSegmenter.features(of: lines, applicant: applicant),
                       labels: labels, starts: titles.count, publications: titles.count)
    }

    /// Line labels from titles alone. Each title (its first 24 letters and digits) is looked for in the lines run
    /// together, in order; publication k starts on a line after the line where title k - 1 begins and no later than
    /// the line where title k begins: the one such line that opens a paragraph or item or, where there is not
    /// exactly one, the one such line `model` labels `start`. Lines before the first start are `other`; after a
    /// start, a line is `in` unless it opens a block the model calls `other` (a year line, a legend). Nil when a title
    /// is not found or a start is not one line.
    package static func alignTitles(_ lines: [String], opensBlock: [Bool], titles: [String], model: [String], why: inout String) -> [String]? {
        guard !titles.isEmpty, lines.count == opensBlock.count, lines.count == model.count else { why = "no lines"; return nil }
        let (stream, lineOf) = runTogether(lines)
        var titleLines: [Int] = []
        var cursor = 0
        for title in titles {
            let needle = Array(fold(title).prefix(24))
            guard needle.count >= 6, let position = find(needle, in: stream, from: cursor, to: stream.count) else {
                why = "title \(titleLines.count + 1) of \(titles.count) not found in the publication lines: \(title.prefix(40))"
                return nil
            }
            titleLines.append(lineOf[position])
            cursor = position + needle.count
        }
        var starts: [Int] = []
        for (k, titleLine) in titleLines.enumerated() {
            let low = k == 0 ? 0 : titleLines[k - 1] + 1
            guard low <= titleLine else { why = "titles \(k) and \(k + 1) begin on one line"; return nil }
            let range = low...titleLine
            let openers = range.filter { opensBlock[$0] }
            if openers.count == 1 {
                starts.append(openers[0])
            } else {
                let marked = range.filter { model[$0] == "start" }
                guard marked.count == 1 else {
                    why = "publication \(k + 1): \(openers.count) blocks open and the model starts \(marked.count) between its title and the last: \(lines[titleLine].prefix(50))"
                    return nil
                }
                starts.append(marked[0])
            }
        }
        let startSet = Set(starts)
        var labels: [String] = []
        for index in lines.indices {
            if startSet.contains(index) {
                labels.append("start")
            } else if let first = starts.first, index > first {
                labels.append(opensBlock[index] && model[index] == "other" ? "other" : "in")
            } else {
                labels.append("other")
            }
        }
        return labels
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
        let (stream, owner) = runTogether(raws)
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

    /// Texts folded (`fold`) and run together, with the index of the text each character came from.
    static func runTogether(_ texts: [String]) -> (stream: [Character], owner: [Int]) {
        var stream: [Character] = []
        var owner: [Int] = []
        for (index, text) in texts.enumerated() {
            let folded = fold(text)
            stream.append(contentsOf: folded)
            owner.append(contentsOf: repeatElement(index, count: folded.count))
        }
        return (stream, owner)
    }

    static func fold(_ text: String) -> [Character] {
        Array(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}
