/// The feature keys of every token of a reference: word identity, shape, case, digits, punctuation, position,
/// neighbours, dictionaries and the structure seen so far (units closed, years met, inside quotes or brackets).
struct FeatureSequence {
    /// All keys, token after token.
    var keys: [UInt32] = []
    /// `keys[offsets[i]..<offsets[i + 1]]` are the keys of token `i`.
    var offsets: [Int] = [0]
    /// `gaps[i]`: the class of the boundary before token `i` (what token `i - 1` ends with); see `GapClass`.
    var gaps: [Int] = []

    var count: Int { offsets.count - 1 }

    func keys(of token: Int) -> ArraySlice<UInt32> { keys[offsets[token]..<offsets[token + 1]] }
}

/// Turns tokens into `FeatureSequence`s. The templates are numbered: changing one changes the model.
enum FeatureExtractor {
    /// Bump when the features change, so an old model is refused rather than misread.
    static let version: UInt32 = 2

    static func features(of tokens: [ReferenceToken]) -> FeatureSequence {
        let traits = tokens.map { TokenTraits($0.text) }
        var sequence = FeatureSequence()
        sequence.keys.reserveCapacity(tokens.count * 48)
        sequence.offsets.reserveCapacity(tokens.count + 1)
        var unitsClosed = 0
        var yearsSeen = 0
        var commasSeen = 0
        var inQuotes = false
        var parenDepth = 0
        let count = traits.count
        for index in 0..<count {
            let token = traits[index]
            let text = tokens[index].text
            var keys: [UInt32] = []
            keys.reserveCapacity(48)
            func add(_ template: UInt8, _ value: String) { keys.append(FeatureHash.key(template, value)) }
            func add(_ template: UInt8, _ first: String, _ second: String) { keys.append(FeatureHash.key(template, first, second)) }

            let opensQuote = token.leading == "“" || token.leading == "\"" || token.leading == "«" || token.leading == "‘" || token.leading == "„"
            if opensQuote { inQuotes = true }
            if token.leading == "(" || token.leading == "[" { parenDepth += 1 }

            add(0, "")
            add(1, token.word)
            add(2, token.lowered)
            let characters = Array(token.word)
            // Prefixes and suffixes hashed character by character: the same keys as hashing their strings.
            for length in 1...3 where characters.count >= length {
                var prefix = FeatureHash(template: 2 + UInt8(length))
                for character in characters[..<length] { for byte in character.utf8 { prefix.mix(byte) } }
                keys.append(prefix.key)
                var suffix = FeatureHash(template: 5 + UInt8(length))
                for character in characters[(characters.count - length)...] { for byte in character.utf8 { suffix.mix(byte) } }
                keys.append(suffix.key)
            }
            add(9, token.shape)
            add(10, token.caseClass)
            add(11, token.numberClass)
            add(12, token.trailing)
            add(13, token.leading)
            if Lexicon.months.contains(token.word) { add(14, "month") }
            if Lexicon.particles.contains(token.word) { add(14, "particle") }
            if Lexicon.journalWords.contains(token.word) { add(14, "journal") }
            if Lexicon.publisherWords.contains(token.word) { add(14, "publisher") }
            if Lexicon.places.contains(token.word) { add(14, "place") }
            if !token.keyword.isEmpty { add(15, token.keyword) }
            if token.isInitial { add(16, "initial") }
            add(17, String(count > 1 ? index * 10 / count : 0))
            if index == 0 { add(18, "first") }
            if index == count - 1 { add(18, "last") }
            add(19, String(min(unitsClosed, 6)))
            add(20, String(min(yearsSeen, 2)))
            add(21, String(min(commasSeen, 8)))
            if inQuotes { add(22, "quoted") }
            if parenDepth > 0 { add(22, "bracketed") }
            add(23, String(min(text.utf8.count, 12)))
            if text.includes("://") || text.lowercased().hasPrefix("www.") { add(24, "url") }
            if text.includes("10.") && text.includes("/") { add(24, "doi") }
            if text.includes("@") { add(24, "at") }

            let previous = index > 0 ? traits[index - 1] : nil
            let next = index + 1 < count ? traits[index + 1] : nil
            add(30, previous?.word ?? "<s>")
            add(31, next?.word ?? "</s>")
            add(32, previous?.trailing ?? "<s>")
            add(33, next?.shape ?? "</s>")
            add(34, previous?.shape ?? "<s>")
            add(35, index > 1 ? traits[index - 2].word : "<s>")
            add(36, index + 2 < count ? traits[index + 2].word : "</s>")
            add(37, previous?.word ?? "<s>", token.word)
            add(38, previous?.trailing ?? "<s>", token.shape)
            add(39, token.shape, token.trailing)
            add(40, previous?.keyword ?? "<s>")
            add(41, next?.keyword ?? "</s>")
            add(42, previous?.isYear == true ? "year" : "-", token.caseClass)
            add(43, String(min(unitsClosed, 6)), token.caseClass)
            add(44, next?.numberClass ?? "</s>")
            add(45, previous?.numberClass ?? "<s>")
            add(46, token.word, next?.word ?? "</s>")

            sequence.gaps.append(previous.map(GapClass.of) ?? 0)
            sequence.keys.append(contentsOf: keys)
            sequence.offsets.append(sequence.keys.count)

            if token.closesUnit { unitsClosed += 1 }
            if token.isYear { yearsSeen += 1 }
            if token.trailing == "," { commasSeen += 1 }
            let closesQuote = text.hasSuffix("”") || text.hasSuffix("\",") || text.hasSuffix("\".") || text.hasSuffix("\"")
                || text.hasSuffix("»") || text.hasSuffix("”,") || text.hasSuffix("”.") || text.hasSuffix("’") || text.hasSuffix("“")
            if inQuotes && closesQuote && !(opensQuote && text.unicodeScalars.count == 1) { inQuotes = false }
            if text.includes(")") || text.includes("]") { parenDepth = max(0, parenDepth - 1) }
        }
        return sequence
    }
}
