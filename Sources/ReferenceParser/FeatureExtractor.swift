import DossierText

/// The feature keys of every token of a reference: word identity, shape, case, digits, punctuation, position,
/// neighbours, dictionaries and the structure seen so far (units closed, years met, inside quotes or brackets).
package struct FeatureSequence {
    /// All keys, token after token.
    package var keys: [UInt32] = []
    /// `keys[offsets[i]..<offsets[i + 1]]` are the keys of token `i`.
    package var offsets: [Int] = [0]
    /// `gaps[i]`: the class of the boundary before token `i` (what token `i - 1` ends with); see `GapClass`.
    package var gaps: [Int] = []

    package var count: Int { offsets.count - 1 }

    package func keys(of token: Int) -> ArraySlice<UInt32> { keys[offsets[token]..<offsets[token + 1]] }
}

/// Turns tokens into `FeatureSequence`s. The templates are numbered: changing one changes the model.
package enum FeatureExtractor {
    /// Bump when the features change, so an old model is refused rather than misread.
    static let version: UInt32 = 4

    /// Value hashes standing for "before the first token" and "after the last".
    static let start = FeatureHash.value("<s>"), end = FeatureHash.value("</s>"), none = FeatureHash.value("")

    package static func features(of tokens: [ReferenceToken]) -> FeatureSequence {
        let traits = tokens.map { TokenTraits($0.text) }
        var sequence = FeatureSequence()
        sequence.keys.reserveCapacity(tokens.count * 48)
        sequence.offsets.reserveCapacity(tokens.count + 1)
        sequence.gaps.reserveCapacity(tokens.count)
        var unitsClosed = 0
        var yearsSeen = 0
        var commasSeen = 0
        var inQuotes = false
        var parenDepth = 0
        let count = traits.count
        let start = FeatureExtractor.start, end = FeatureExtractor.end
        for index in 0..<count {
            let token = traits[index]
            @inline(__always) func add(_ template: UInt8, _ value: UInt64) { sequence.keys.append(FeatureHash.key(template, value)) }
            @inline(__always) func add(_ template: UInt8, _ first: UInt64, _ second: UInt64) {
                sequence.keys.append(FeatureHash.key(template, first, second))
            }
            func number(_ value: Int) -> UInt64 { FeatureHash.value(value) }

            let opensQuote = token.leading.map(FeatureExtractor.opensQuote) ?? false
            if opensQuote { inQuotes = true }
            if token.leading == "(" || token.leading == "[" { parenDepth += 1 }

            add(0, FeatureExtractor.none)
            add(1, token.wordHash)
            add(2, token.loweredHash)
            if token.prefixHashes.0 != 0 { add(3, token.prefixHashes.0); add(6, token.suffixHashes.0) }
            if token.prefixHashes.1 != 0 { add(4, token.prefixHashes.1); add(7, token.suffixHashes.1) }
            if token.prefixHashes.2 != 0 { add(5, token.prefixHashes.2); add(8, token.suffixHashes.2) }
            add(9, token.shapeHash)
            add(10, number(Int(token.caseClass.rawValue)))
            add(11, number(Int(token.numberClass.rawValue)))
            add(12, FeatureExtractor.punctuation(token.trailing))
            add(13, FeatureExtractor.punctuation(token.leading))
            if token.categories != 0 {
                for bit in 0..<5 where token.categories & (1 << bit) != 0 { add(14, number(bit)) }
            }
            if token.keyword != 0 { add(15, number(Int(token.keyword))) }
            if token.isInitial { add(16, number(1)) }
            add(17, number(count > 1 ? index * 10 / count : 0))
            if index == 0 { add(18, number(0)) }
            if index == count - 1 { add(18, number(1)) }
            add(19, number(min(unitsClosed, 6)))
            add(20, number(min(yearsSeen, 2)))
            add(21, number(min(commasSeen, 8)))
            if inQuotes { add(22, number(0)) }
            if parenDepth > 0 { add(22, number(1)) }
            add(23, number(min(token.byteCount, 12)))
            if token.looksLikeURL { add(24, number(0)) }
            if token.looksLikeDOI { add(24, number(1)) }
            if token.hasAt { add(24, number(2)) }
            if token.gluedKeyword != 0 { add(25, number(Int(token.gluedKeyword))) }
            if token.gluedCategories != 0 {
                for bit in 0..<5 where token.gluedCategories & (1 << bit) != 0 { add(26, number(bit)) }
            }

            let previous = index > 0 ? traits[index - 1] : nil
            let next = index + 1 < count ? traits[index + 1] : nil
            let previousWord = previous?.wordHash ?? start, nextWord = next?.wordHash ?? end
            let previousTrailing = previous.map { FeatureExtractor.punctuation($0.trailing) } ?? start
            let trailing = FeatureExtractor.punctuation(token.trailing)
            add(30, previousWord)
            add(31, nextWord)
            add(32, previousTrailing)
            add(33, next?.shapeHash ?? end)
            add(34, previous?.shapeHash ?? start)
            add(35, index > 1 ? traits[index - 2].wordHash : start)
            add(36, index + 2 < count ? traits[index + 2].wordHash : end)
            add(37, previousWord, token.wordHash)
            add(38, previousTrailing, token.shapeHash)
            add(39, token.shapeHash, trailing)
            add(40, previous.map { number(Int($0.keyword)) } ?? start)
            add(41, next.map { number(Int($0.keyword)) } ?? end)
            add(42, number(previous?.isYear == true ? 1 : 0), number(Int(token.caseClass.rawValue)))
            add(43, number(min(unitsClosed, 6)), number(Int(token.caseClass.rawValue)))
            add(44, next.map { number(Int($0.numberClass.rawValue)) } ?? end)
            add(45, previous.map { number(Int($0.numberClass.rawValue)) } ?? start)
            add(46, token.wordHash, nextWord)

            sequence.gaps.append(previous.map(GapClass.of) ?? 0)
            sequence.offsets.append(sequence.keys.count)

            if token.closesUnit { unitsClosed += 1 }
            if token.isYear { yearsSeen += 1 }
            if token.trailing == "," { commasSeen += 1 }
            if inQuotes && FeatureExtractor.closesQuote(tokens[index].text) && !(opensQuote && token.byteCount <= 3 && tokens[index].text.unicodeScalars.count == 1) {
                inQuotes = false
            }
            if token.closesBracket { parenDepth = max(0, parenDepth - 1) }
        }
        return sequence
    }

    /// The value of a punctuation scalar ("_" when there is none, as a letter or digit edge).
    static func punctuation(_ scalar: Unicode.Scalar?) -> UInt64 {
        FeatureHash.value(Int(scalar?.value ?? 0x5F) + 0x100000)
    }

    static func opensQuote(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "“" || scalar == "\"" || scalar == "«" || scalar == "‘" || scalar == "„"
    }

    /// Whether the token ends a quotation (a closing quote mark, maybe followed by "," "." ";" or ":").
    static func closesQuote(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.reversed().makeIterator()
        guard var last = scalars.next() else { return false }
        if last == "," || last == "." || last == ";" || last == ":" {
            guard let before = scalars.next() else { return false }
            last = before
        }
        return last == "”" || last == "\"" || last == "»" || last == "’" || last == "“"
    }
}
