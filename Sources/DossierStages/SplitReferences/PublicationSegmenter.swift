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
        /// A feature whose string is fixed, hashed once (`FixedKeys`).
        func add(_ key: UInt32) { keys.append(key) }
        func flag(_ key: UInt32, _ on: Bool) { if on { keys.append(key) } }
        let fixed = FixedKeys.shared
        let opens = line.opensBlock ? "open" : "wrap"
        add(fixed.bias)
        add("holder", line.holder.rawValue + "/" + opens)
        add("format|holder", line.format + "/" + line.holder.rawValue + "/" + opens)
        flag(fixed.section, line.opensSection)
        flag(fixed.bold, line.bold)
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
        flag(fixed.numbered, own.numbered)
        add(fixed.numberedOpens[FixedKeys.index(own.numbered, line.opensBlock)])
        flag(fixed.dated, own.dated)
        flag(fixed.leadingYear, own.leadingYear)
        flag(fixed.labelled, own.labelled)
        flag(fixed.authors, own.authors)
        flag(fixed.nameFirst, own.nameFirst)
        add(fixed.nameFirstOpens[FixedKeys.index(own.nameFirst, line.opensBlock)])
        flag(fixed.lower, own.lower)
        flag(fixed.quoted, own.quoted)
        flag(fixed.year, own.year)
        flag(fixed.doi, own.doi)
        flag(fixed.url, own.url)
        flag(fixed.pages, own.pages)
        flag(fixed.legend, own.legend)
        flag(fixed.applicant, own.applicant)
        if let previous {
            let before = lines[index - 1]
            add("previousEnd", previous.end)
            add("previousEnd|opens", previous.end + "/" + opens)
            add("format|previousEnd|opens", line.format + "/" + previous.end + "/" + opens)
            add("previousEnd|shape", previous.end + "/" + own.shape)
            add("previousLength", lengths[index - 1])
            add("previousLength|shape", lengths[index - 1] + "/" + own.shape)
            add("previousLength|opens", lengths[index - 1] + "/" + opens)
            flag(fixed.previousYear, previous.year)
            flag(fixed.previousDOI, previous.doi || previous.url)
            let goesOn = SplitReferencesStage.goesOnByItsEnds(from: before.text, to: line.text)
            flag(fixed.goesOn, goesOn)
            add(fixed.goesOnOpens[FixedKeys.index(goesOn, line.opensBlock)])
            flag(fixed.previousBold, before.bold)
            add(fixed.boldPreviousBold[FixedKeys.index(line.bold, before.bold)])
        } else {
            add(fixed.first)
        }
        if let same = carried.sameOpening { flag(fixed.sameOpening, same) }
        add(next.map { $0.opensBlock ? fixed.lastBlockEnds : fixed.lastGoesOn } ?? fixed.lastDocumentEnds)
        return keys
    }

    /// The keys of the features whose strings are fixed ("bias=", "year=1", "numbered|opens=true/wrap", …), hashed once
    /// rather than spelled and hashed again for every line: the same keys, in the same order, as `add(name, value)`
    /// gives them (`PublicationSegmenterTests` compares the two).
    struct FixedKeys: Sendable {
        static let shared = FixedKeys()

        let bias = FixedKeys.key("bias", ""), first = FixedKeys.key("first", "")
        let section = FixedKeys.flag("section"), bold = FixedKeys.flag("bold"), numbered = FixedKeys.flag("numbered"), dated = FixedKeys.flag("dated")
        let leadingYear = FixedKeys.flag("leadingYear"), labelled = FixedKeys.flag("labelled"), authors = FixedKeys.flag("authors"), nameFirst = FixedKeys.flag("nameFirst")
        let lower = FixedKeys.flag("lower"), quoted = FixedKeys.flag("quoted"), year = FixedKeys.flag("year"), doi = FixedKeys.flag("doi"), url = FixedKeys.flag("url")
        let pages = FixedKeys.flag("pages"), legend = FixedKeys.flag("legend"), applicant = FixedKeys.flag("applicant"), previousYear = FixedKeys.flag("previousYear")
        let previousDOI = FixedKeys.flag("previousDOI"), goesOn = FixedKeys.flag("goesOn"), previousBold = FixedKeys.flag("previousBold")
        let sameOpening = FixedKeys.flag("sameOpening")
        /// By `index(_:_:)` of the flag and whether the line opens a block.
        let numberedOpens = FixedKeys.pairs("numbered|opens", "open", "wrap"), nameFirstOpens = FixedKeys.pairs("nameFirst|opens", "open", "wrap")
        let goesOnOpens = FixedKeys.pairs("goesOn|opens", "open", "wrap")
        /// By `index(_:_:)` of the line's bold and the line before's.
        let boldPreviousBold = FixedKeys.pairs("bold|previousBold", "true", "false")
        let lastBlockEnds = FixedKeys.key("last", "blockEnds"), lastGoesOn = FixedKeys.key("last", "goesOn"), lastDocumentEnds = FixedKeys.key("last", "documentEnds")

        static func key(_ name: String, _ value: String) -> UInt32 { GeneralSequences.key(201, name + "=" + value) }
        static func flag(_ name: String) -> UInt32 { key(name, "1") }
        /// The keys of "name=true/…" and "name=false/…" with `second` (when the second flag is set) or `otherwise`.
        static func pairs(_ name: String, _ second: String, _ otherwise: String) -> [UInt32] {
            [key(name, "true/" + second), key(name, "true/" + otherwise), key(name, "false/" + second), key(name, "false/" + otherwise)]
        }
        /// Where the key of two flags is in `pairs`.
        static func index(_ first: Bool, _ second: Bool) -> Int { (first ? 0 : 2) + (second ? 0 : 1) }
    }

    static func traits(of line: PublicationLine, applicant: [String]) -> Traits {
        let text = line.text
        var traits = Traits()
        let words = firstTwoWords(text)
        traits.shape = words.first.map { shape(of: $0) } ?? ""
        traits.secondShape = words.count > 1 ? shape(of: words[1]) : ""
        traits.end = endClass(text)
        let count = wordCount(text)
        traits.words = count <= 2 ? "\(count)" : count <= 4 ? "3-4" : count <= 8 ? "5-8" : count <= 16 ? "9-16" : "17+"
        // Every numbering, year and label pattern holds a digit: a line without one is spared the expressions.
        // The numbering, year-column and label patterns are anchored at the start: a number, a bracket or a capital
        // (years open with 1 or 2).
        let digits = containsASCIIDigit(text)
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
        traits.quoted = opensWithQuote(text)
        traits.year = digits && YearScan.holdsYear(text, letter: true)
        // Foundation's search, as `containsText` asks it, where the needle's bytes are there: whether every scalar of
        // the line stands alone is read once for the three needles rather than once each.
        var standsAlone: Bool?
        func holds(_ needle: String) -> Bool {
            guard text.containsBytes(needle) else { return false }
            if standsAlone == nil { standsAlone = FoundationPrecheck.allStandAlone(text) }
            return standsAlone == true || text.containsText(needle)
        }
        traits.doi = digits && holds("10.") && LineScans.holdsDOIPrefix(text)
        traits.url = holds("http") || holds("www.")
        traits.pages = digits && (text.containsByte(0x2D) || holds("–")) && LineScans.holdsPageRange(text)
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

    /// Whether `text` holds an ASCII digit (`utf8.contains`, without a closure called per byte).
    static func containsASCIIDigit(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in bytes.contains { $0 >= 0x30 && $0 <= 0x39 } }
    }

    /// Whether the first character is a quotation mark of `"“‘'«`: an ASCII byte followed by an ASCII byte (or by
    /// nothing) is the first character, and a quotation mark when it is `"` or `'`; other openings ask the character.
    static func opensWithQuote(_ text: String) -> Bool {
        let utf8 = text.utf8
        if let first = utf8.first, first < 0x80 {
            let second = utf8.dropFirst().first
            if second.map({ $0 < 0x80 }) ?? true { return first == 0x22 || first == 0x27 }
        }
        return opensWithQuoteByCharacter(text)
    }

    /// `opensWithQuote` by the first character: what its byte test must agree with.
    static func opensWithQuoteByCharacter(_ text: String) -> Bool {
        text.first.map { "\"“‘'«".contains($0) } == true
    }

    /// The first two pieces of `text.split(separator: " ", maxSplits: 2)`, all that `traits` reads of it, cut at the
    /// space bytes when the bytes up to the second piece's end and the two after it are ASCII (each byte then a
    /// character, but for "\r\n", which holds no space); the split otherwise.
    static func firstTwoWords(_ text: String) -> [Substring] {
        var copy = text
        let spans: [Range<Int>]? = copy.withUTF8 { bytes in
            var spans: [Range<Int>] = []
            var index = 0
            while spans.count < 2 {
                while index < bytes.count, bytes[index] == 0x20 { index += 1 }
                guard index < bytes.count else { break }
                let start = index
                while index < bytes.count, bytes[index] != 0x20 {
                    if bytes[index] >= 0x80 { return nil }
                    index += 1
                }
                spans.append(start..<index)
            }
            // What follows the last piece read, a space (or nothing): a non-ASCII scalar after it may join it into
            // a character that is no separator.
            if index + 1 < bytes.count, bytes[index + 1] >= 0x80 { return nil }
            return spans
        }
        guard let spans else { return text.split(separator: " ", maxSplits: 2).prefix(2).map { $0 } }
        return FoundationPrecheck.slices(Substring(text), spans)
    }

    enum Patterns {
        static let doi = TextPattern(#"10\.\d{4,9}/"#)
        static let pages = TextPattern(#"\d+\s?[-–]\s?\d+"#)
    }

    /// A word's shape: letters and digits as X, x and d, runs of letters shortened to two and of digits to four,
    /// punctuation kept ("Dossier," → "Xxx,", "[12]" → "[dd]", "2003:" → "dddd:", "J." → "X.").
    static func shape(of word: Substring) -> String {
        var copy = word
        if let shape = copy.withUTF8({ asciiShape($0) }) { return shape }
        return shapeByCharacters(of: word)
    }

    /// `shape(of:)` off the bytes when the first thirteen are ASCII without a carriage return (the first twelve are
    /// then the twelve characters, none joined by the thirteenth), nil otherwise: each byte's class is the one
    /// `shapeClass` gives its character.
    static func asciiShape(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        for byte in bytes.prefix(13) where byte >= 0x80 || byte == 0x0D { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(12)
        var last: UInt8 = 0x20, run = 0
        for byte in bytes.prefix(12) {
            let kind: UInt8 = byte >= 0x41 && byte <= 0x5A ? 0x58 : byte >= 0x61 && byte <= 0x7A ? 0x78 : byte >= 0x30 && byte <= 0x39 ? 0x64 : byte
            if kind == last { run += 1 } else { run = 1; last = kind }
            if run <= (kind == 0x64 ? 4 : 2) { result.append(kind) }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// `shape(of:)` character by character: what its byte reading must agree with.
    static func shapeByCharacters(of word: Substring) -> String {
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

    /// A marker's kind: "bracket", "number", "letter" or "bullet". An ASCII marker (each byte a character, "\r\n" holding
    /// neither a bracket, a digit nor a letter) is read off its bytes, where the ASCII numbers are the digits and the
    /// letters A–Z and a–z; any other asks its characters.
    static func markerClass(_ marker: String) -> String {
        if marker.isAllASCII {
            let bytes = marker.utf8
            if bytes.contains(0x5B) { return "bracket" }
            if bytes.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { return "number" }
            if bytes.contains(where: { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) }) { return "letter" }
            return "bullet"
        }
        return markerClassByCharacters(marker)
    }

    /// `markerClass` by the characters: what its byte reading must agree with.
    static func markerClassByCharacters(_ marker: String) -> String {
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
