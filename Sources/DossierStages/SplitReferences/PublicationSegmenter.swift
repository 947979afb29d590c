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
        traits.nameFirst = opensWithName(text)
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

    /// Whether `ReferenceUnits.Patterns.authorLike` first matches within the first eight characters: from the bytes
    /// when they settle it (`nameStartByBytes`), else by the expression, which ran over every line (32 K instructions).
    static func opensWithName(_ text: String) -> Bool {
        var copy = text
        if let answer = copy.withUTF8({ nameStartByBytes($0) }) { return answer }
        return opensWithNameByExpression(text)
    }

    /// `opensWithName` by the expression: what the byte reading must agree with.
    static func opensWithNameByExpression(_ text: String) -> Bool {
        guard let match = ReferenceUnits.Patterns.authorLike.firstMatch(in: text) else { return false }
        return text.distance(from: text.startIndex, to: match.range.lowerBound) <= 8
    }

    /// `opensWithName` read off ASCII bytes, nil where a non-ASCII byte or a carriage return is read. The expression,
    /// `\b\p{Lu}\.\s?(\p{Lu}\.\s?)?\p{Lu}\p{Ll}+|\p{Lu}\p{Ll}+,\s\p{Lu}\.|\p{Lu}\p{Ll}+\s\p{Lu}{1,3}[*†‡§¶#]*[,.]`, is
    /// tried at the starts 0…8 in order, its alternatives in order, as the engine does; in ASCII `\p{Lu}` is A–Z,
    /// `\p{Ll}` a–z, `\s` tab to carriage return and space, `\b` a change between letters, digits or "_" and the rest.
    /// The first start that matches is the first match; it is a byte and a character from the start (no "\r\n" pair
    /// before it), and it lies on character boundaries when an ASCII byte, or nothing, follows it. No match at 0…8
    /// means none within eight characters.
    static func nameStartByBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        enum Unknown: Error { case nonASCII }
        let count = bytes.count
        /// The byte at `index` (0 past the end), or `Unknown` for a non-ASCII byte or a carriage return.
        func byte(_ index: Int) throws -> UInt8 {
            guard index < count else { return 0 }
            let value = bytes[index]
            if value >= 0x80 || value == 0x0D { throw Unknown.nonASCII }
            return value
        }
        func upper(_ value: UInt8) -> Bool { value >= 0x41 && value <= 0x5A }
        func lower(_ value: UInt8) -> Bool { value >= 0x61 && value <= 0x7A }
        func space(_ value: UInt8) -> Bool { value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        func word(_ value: UInt8) -> Bool { upper(value) || lower(value) || (value >= 0x30 && value <= 0x39) || value == 0x5F }
        /// The end of `\p{Lu}\p{Ll}+` at `index`, or nil.
        func capitalised(_ index: Int) throws -> Int? {
            guard upper(try byte(index)), lower(try byte(index + 1)) else { return nil }
            var end = index + 2
            while lower(try byte(end)) { end += 1 }
            return end
        }
        /// The end of the first alternative at `start`, or nil: `\b\p{Lu}\.`, then the greedy choices in order.
        func initialsThenName(_ start: Int) throws -> Int? {
            guard upper(try byte(start)), try byte(start + 1) == 0x2E else { return nil }
            if start > 0, word(try byte(start - 1)) { return nil }
            let afterInitial = start + 2
            for firstSpace in space(try byte(afterInitial)) ? [1, 0] : [0] {
                let group = afterInitial + firstSpace
                if upper(try byte(group)), try byte(group + 1) == 0x2E {
                    for secondSpace in space(try byte(group + 2)) ? [1, 0] : [0] {
                        if let end = try capitalised(group + 2 + secondSpace) { return end }
                    }
                }
                if let end = try capitalised(group) { return end }
            }
            return nil
        }
        /// The end of the second alternative, `\p{Lu}\p{Ll}+,\s\p{Lu}\.`, at `start`, or nil.
        func nameCommaInitial(_ start: Int) throws -> Int? {
            guard let name = try capitalised(start), try byte(name) == 0x2C, space(try byte(name + 1)),
                  upper(try byte(name + 2)), try byte(name + 3) == 0x2E else { return nil }
            return name + 4
        }
        /// The end of the third alternative, `\p{Lu}\p{Ll}+\s\p{Lu}{1,3}[*†‡§¶#]*[,.]`, at `start`, or nil: the capitals
        /// and marks are taken greedily, and giving any back leaves a capital or a mark where "," or "." is due.
        func nameInitials(_ start: Int) throws -> Int? {
            guard let name = try capitalised(start), space(try byte(name)) else { return nil }
            var end = name + 1
            while end - name - 1 < 3, upper(try byte(end)) { end += 1 }
            guard end > name + 1 else { return nil }
            while try byte(end) == 0x2A || byte(end) == 0x23 { end += 1 }
            let stop = try byte(end)
            return stop == 0x2C || stop == 0x2E ? end + 1 : nil
        }
        do {
            for start in 0...8 where start < count {
                guard let end = try initialsThenName(start) ?? nameCommaInitial(start) ?? nameInitials(start) else { continue }
                // What follows the match: an ASCII byte (or nothing) puts its end on a character boundary.
                _ = try byte(end)
                return true
            }
            // The starts tried were all ASCII, none a carriage return: a later start is more than eight characters in.
            _ = try byte(min(count, 9))
            return false
        } catch {
            return nil
        }
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
