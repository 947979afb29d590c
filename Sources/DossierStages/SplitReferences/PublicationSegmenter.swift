import DossierText
import DossierModel
import Foundation
import ReferenceParser

/// The learned segmenter of publication lists, as GROBID's segmentation model and AnyStyle's finder: every line
/// of a publications section is labelled `start` (a publication begins here), `in` (it goes on) or `other` (a
/// legend, a note, a counter) by a linear-chain CRF over layout and text features — where the line sits in its
/// paragraph or item, its length against the section's full lines, bold, numbering and bullet shapes, a name, year,
/// DOI or page range, how the line before it ends — with the rules' own signals (numbering, a year column, a
/// sentence going on) among them. Trained on generated CVs by `dossier train-segmenter`.
enum PublicationSegmenter {
    /// Bump when the features change, so an old model is refused rather than misread.
    static let featureVersion: UInt32 = 4
    static let labels = ["start", "in", "other"]

    /// The compiled-in model, or nil when none is compiled in (or it was trained for other features).
    static let model: SequenceModel? = {
        guard let bytes = GeneralSequences.bytes(base64: PublicationSegmenterModel.base64), !bytes.isEmpty else { return nil }
        return try? GeneralSequences.decode(bytes, featureVersion: featureVersion)
    }()

    /// Each line's label and confidence, or nil without a model.
    static func label(_ lines: [PublicationLine], applicant: [String], model: SequenceModel? = PublicationSegmenter.model) -> [(label: String, confidence: Double)]? {
        guard let model, !lines.isEmpty else { return nil }
        let sequence = GeneralSequences.sequence(features(of: lines, applicant: applicant))
        let (ids, confidence) = GeneralSequences.label(sequence, with: model)
        return zip(ids, confidence).map { (model.labels[$0.0], $0.1) }
    }

    /// What a line is, before its neighbours are looked at.
    struct Traits {
        var shape = "", secondShape = "", end = "", length = "", words = ""
        var numbered = false, dated = false, leadingYear = false, labelled = false
        var authors = false, nameFirst = false, lower = false, quoted = false
        var year = false, doi = false, url = false, pages = false
        var legend = false, applicant = false
    }

    /// The hashed features of every line. A line's traits and keys depend on no other line's work but through the
    /// few values carried from line to line (the opening shape of the block before, the last list number), which a
    /// cheap pass in order settles first: traits and keys are then made on every core (`ParallelMap`; a list of
    /// 4,000 references spent 0.7 G instructions here on one), in the order and with the keys the loop had.
    static func features(of lines: [PublicationLine], applicant: [String]) -> [[UInt32]] {
        let lineTraits = ParallelMap.map(lines) { line in
            let own = traits(of: line, applicant: applicant)
            return (own, line.marker.flatMap(listNumber) ?? (own.numbered ? listNumber(line.text) : nil))
        }
        let lengths = relativeLengths(lines)
        let carried = carriedContext(lines, traits: lineTraits.map(\.0), numbers: lineTraits.map(\.1))
        return ParallelMap.map(Array(lines.indices)) { index in
            keys(of: index, in: lines, traits: lineTraits, lengths: lengths, carried: carried[index])
        }
    }

    /// What a line's features take from the lines before it: whether it opens its block with the shape that opened
    /// the block before (nil when it opens none, or no block came before), and how its list number steps from the
    /// last one seen (nil without a number).
    struct Carried: Sendable {
        var sameOpening: Bool?
        var numberStep: String?
    }

    /// `Carried` for every line, in order: the one pass over the lines that needs the lines before.
    static func carriedContext(_ lines: [PublicationLine], traits: [Traits], numbers: [Int?]) -> [Carried] {
        var result: [Carried] = []
        result.reserveCapacity(lines.count)
        var previousOpening: String?  // the shape of the line that opened the block before this one
        var currentOpening: String?
        var lastNumber: Int?  // the last list number seen, to tell a number that goes on counting from a stray one
        for (index, line) in lines.enumerated() {
            var carried = Carried()
            if line.opensBlock {
                previousOpening = currentOpening
                currentOpening = traits[index].shape
                if let previousOpening { carried.sameOpening = previousOpening == traits[index].shape }
            }
            if let number = numbers[index] {
                // Counting on (up or down by one), the same again, or a number out of the sequence (a page number the
                // reader took for a list marker).
                carried.numberStep = lastNumber.map { abs(number - $0) == 1 ? "next" : number == $0 ? "same" : "jump" } ?? "first"
                lastNumber = number
            }
            result.append(carried)
        }
        return result
    }

    /// The hashed features of line `index`, from its traits, its neighbours' and what it carries from before.
    static func keys(of index: Int, in lines: [PublicationLine], traits lineTraits: [(Traits, Int?)], lengths: [String],
                     carried: Carried) -> [UInt32] {
        let line = lines[index]
        let own = lineTraits[index].0
        let previous = index > 0 ? lineTraits[index - 1].0 : nil
        let next = index + 1 < lines.count ? lines[index + 1] : nil
        var keys: [UInt32] = []
        keys.reserveCapacity(48)
        func add(_ name: String, _ value: String) { keys.append(GeneralSequences.key(201, name + "=" + value)) }
        func flag(_ name: String, _ on: Bool) { if on { add(name, "1") } }
        let opens = line.opensBlock ? "open" : "wrap"
        add("bias", "")
        add("holder", line.holder.rawValue + "/" + opens)
        add("format|holder", line.format + "/" + line.holder.rawValue + "/" + opens)
        flag("section", line.opensSection)
        flag("bold", line.bold)
        add("marker", line.marker.map(markerClass) ?? "none")
        if let step = carried.numberStep {
            add("numberStep", step)
            add("numberStep|previousEnd", step + "/" + (previous?.end ?? ""))
        }
        add("shape", own.shape)
        add("shape2", own.shape + " " + own.secondShape)
        add("shape|opens", own.shape + "/" + opens)
        add("end", own.end)
        add("length", lengths[index])
        add("words", own.words)
        flag("numbered", own.numbered)
        add("numbered|opens", "\(own.numbered)/" + opens)
        flag("dated", own.dated)
        flag("leadingYear", own.leadingYear)
        flag("labelled", own.labelled)
        flag("authors", own.authors)
        flag("nameFirst", own.nameFirst)
        add("nameFirst|opens", "\(own.nameFirst)/" + opens)
        flag("lower", own.lower)
        flag("quoted", own.quoted)
        flag("year", own.year)
        flag("doi", own.doi)
        flag("url", own.url)
        flag("pages", own.pages)
        flag("legend", own.legend)
        flag("applicant", own.applicant)
        if let previous {
            let before = lines[index - 1]
            add("previousEnd", previous.end)
            add("previousEnd|opens", previous.end + "/" + opens)
            add("format|previousEnd|opens", line.format + "/" + previous.end + "/" + opens)
            add("previousEnd|shape", previous.end + "/" + own.shape)
            add("previousLength", lengths[index - 1])
            add("previousLength|shape", lengths[index - 1] + "/" + own.shape)
            add("previousLength|opens", lengths[index - 1] + "/" + opens)
            flag("previousYear", previous.year)
            flag("previousDOI", previous.doi || previous.url)
            let goesOn = SplitReferencesStage.goesOnByItsEnds(from: before.text, to: line.text)
            flag("goesOn", goesOn)
            add("goesOn|opens", "\(goesOn)/" + opens)
            flag("previousBold", before.bold)
            add("bold|previousBold", "\(line.bold)/\(before.bold)")
        } else {
            add("first", "")
        }
        if let same = carried.sameOpening { flag("sameOpening", same) }
        add("last", next.map { $0.opensBlock ? "blockEnds" : "goesOn" } ?? "documentEnds")
        return keys
    }

    static func traits(of line: PublicationLine, applicant: [String]) -> Traits {
        let text = line.text
        var traits = Traits()
        let words = text.split(separator: " ", maxSplits: 2)
        traits.shape = words.first.map { shape(of: $0) } ?? ""
        traits.secondShape = words.count > 1 ? shape(of: words[1]) : ""
        traits.end = endClass(text)
        let count = wordCount(text)
        traits.words = count <= 2 ? "\(count)" : count <= 4 ? "3-4" : count <= 8 ? "5-8" : count <= 16 ? "9-16" : "17+"
        // Every numbering, year and label pattern holds a digit: a line without one is spared the expressions.
        // The numbering, year-column and label patterns are anchored at the start: a number, a bracket or a capital
        // (years open with 1 or 2).
        let digits = text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
        let first = text.utf8.first(where: { $0 != 0x20 && $0 != 0x09 }) ?? 0
        let opensNumber = first >= 0x30 && first <= 0x39, opensYear = first == 0x31 || first == 0x32 || first >= 0x80
        let opensMark = opensNumber || first == 0x5B || first == 0x28 || (first >= 0x41 && first <= 0x5A) || first >= 0x80
        // A capital, then an ASCII byte that is neither a digit nor a capital (a name, a title), opens neither a numbering
        // ("A1.", the one alternative with a letter first) nor a label ("AB12", "A1").
        var lead = text.utf8.drop(while: { $0 == 0x20 || $0 == 0x09 }).makeIterator()
        let capitalOpensWord = lead.next().map { $0 >= 0x41 && $0 <= 0x5A } == true
            && lead.next().map { $0 < 0x80 && !($0 >= 0x30 && $0 <= 0x39) && !($0 >= 0x41 && $0 <= 0x5A) } == true
        traits.numbered = digits && opensMark && !capitalOpensWord && ReferenceUnits.Patterns.numbering.matches(text)
        traits.dated = digits && opensYear && ReferenceUnits.Patterns.datedStart.matches(text)
        traits.leadingYear = digits && opensYear && ReferenceUnits.Patterns.leadingYear.matches(text)
        traits.labelled = digits && opensMark && !capitalOpensWord && SplitReferencesStage.Patterns.entryLabel.matches(text)
        traits.authors = ReferenceFieldOrder.looksLikeAuthorList(text)
        if let match = ReferenceUnits.Patterns.authorLike.firstMatch(in: text) {
            traits.nameFirst = text.distance(from: text.startIndex, to: match.range.lowerBound) <= 8
        }
        traits.lower = text.first?.isLowercase == true
        traits.quoted = text.first.map { "\"“‘'«".contains($0) } == true
        traits.year = digits && YearScan.holdsYear(text, letter: true)
        traits.doi = digits && text.containsText("10.") && LineScans.holdsDOIPrefix(text)
        traits.url = text.containsText("http") || text.containsText("www.")
        traits.pages = digits && (text.containsByte(0x2D) || text.containsText("–")) && LineScans.holdsPageRange(text)
        traits.legend = ReferenceUnits.isLegend(text) || ReferenceUnits.isCounterHeading(text)
        traits.applicant = applicant.contains { text.containsText($0) }
        return traits
    }

    enum Patterns {
        static let doi = TextPattern(#"10\.\d{4,9}/"#)
        static let pages = TextPattern(#"\d+\s?[-–]\s?\d+"#)
    }

    /// A word's shape: letters and digits as X, x and d, runs of letters shortened to two and of digits to four,
    /// punctuation kept ("Dossier," → "Xxx,", "[12]" → "[dd]", "2003:" → "dddd:", "J." → "X.").
    static func shape(of word: Substring) -> String {
        var result = ""
        var last: Character = " ", run = 0
        for character in word.prefix(12) {
            let kind = shapeClass(of: character)
            if kind == last { run += 1 } else { run = 1; last = kind }
            // Digits up to four, so that a year column ("2003:") is not a volume ("151:").
            if run <= (kind == "d" ? 4 : 2) { result.append(kind) }
        }
        return result
    }

    /// The class of a character in a shape: X, x, d, L, or the character itself. A one-byte character is ASCII, where
    /// the upper- and lowercase letters are A–Z and a–z, the numbers 0–9, and nothing else is a letter.
    static func shapeClass(of character: Character) -> Character {
        let utf8 = character.utf8
        if utf8.count == 1, let byte = utf8.first {
            if byte >= 0x41 && byte <= 0x5A { return "X" }
            if byte >= 0x61 && byte <= 0x7A { return "x" }
            if byte >= 0x30 && byte <= 0x39 { return "d" }
            return character
        }
        return character.isUppercase ? "X" : character.isLowercase ? "x" : character.isNumber ? "d" : character.isLetter ? "L" : character
    }

    /// The number of words between spaces (`split(separator: " ").count`, counted on the bytes).
    static func wordCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0, inWord = false
            for byte in bytes {
                if byte == 0x20 { inWord = false } else if !inWord { inWord = true; count += 1 }
            }
            return count
        }
    }

    static func endClass(_ text: String) -> String {
        guard let last = text.last else { return "none" }
        if text.hasSuffix(" and") || text.hasSuffix(" &") { return "and" }
        if last.isNumber { return "digit" }
        if last.isLowercase { return "lower" }
        if last.isLetter { return "upper" }
        return String(last)
    }

    /// The number of a list marker or of a numbered line's label ("[12]", "12.", "(12)", "12 "), if it has one.
    static func listNumber(_ text: String) -> Int? {
        let digits = text.drop { !$0.isNumber }.prefix { $0.isNumber }
        guard !digits.isEmpty, digits.count <= 4, text.distance(from: text.startIndex, to: digits.startIndex) <= 2 else { return nil }
        return Int(digits)
    }

    static func markerClass(_ marker: String) -> String {
        if marker.contains("[") { return "bracket" }
        if marker.contains(where: \.isNumber) { return "number" }
        if marker.contains(where: \.isLetter) { return "letter" }
        return "bullet"
    }

    /// Each line's length against the full lines of its section (the 90th percentile of their lengths), in
    /// buckets: a line that stops short ends a paragraph in a PDF.
    static func relativeLengths(_ lines: [PublicationLine]) -> [String] {
        var result = [String](repeating: "", count: lines.count)
        var start = 0
        while start < lines.count {
            var end = start + 1
            while end < lines.count, !lines[end].opensSection { end += 1 }
            let lengths = lines[start..<end].map { $0.text.characterCount }
            let counts = lengths.sorted()
            let full = max(1, counts[min(counts.count - 1, counts.count * 9 / 10)])
            for index in start..<end {
                let ratio = Double(lengths[index - start]) / Double(full)
                result[index] = ratio < 0.4 ? "short" : ratio < 0.7 ? "part" : ratio < 0.9 ? "most" : "full"
            }
            start = end
        }
        return result
    }
}
