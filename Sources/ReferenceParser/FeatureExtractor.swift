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
        // The keys in a local array no function captures: appending through `sequence`, captured by a nested
        // function, checked exclusive access at run time on every key.
        var keys: [UInt32] = []
        keys.reserveCapacity(tokens.count * 48)
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
            func number(_ value: Int) -> UInt64 { FeatureHash.value(value) }

            let opensQuote = token.leading.map(FeatureExtractor.opensQuote) ?? false
            if opensQuote { inQuotes = true }
            if token.leading == "(" || token.leading == "[" { parenDepth += 1 }

            keys.append(FeatureHash.key(0, FeatureExtractor.none))
            keys.append(FeatureHash.key(1, token.wordHash))
            keys.append(FeatureHash.key(2, token.loweredHash))
            if token.prefixHashes.0 != 0 { keys.append(FeatureHash.key(3, token.prefixHashes.0)); keys.append(FeatureHash.key(6, token.suffixHashes.0)) }
            if token.prefixHashes.1 != 0 { keys.append(FeatureHash.key(4, token.prefixHashes.1)); keys.append(FeatureHash.key(7, token.suffixHashes.1)) }
            if token.prefixHashes.2 != 0 { keys.append(FeatureHash.key(5, token.prefixHashes.2)); keys.append(FeatureHash.key(8, token.suffixHashes.2)) }
            keys.append(FeatureHash.key(9, token.shapeHash))
            keys.append(FeatureHash.key(10, number(Int(token.caseClass.rawValue))))
            keys.append(FeatureHash.key(11, number(Int(token.numberClass.rawValue))))
            keys.append(FeatureHash.key(12, FeatureExtractor.punctuation(token.trailing)))
            keys.append(FeatureHash.key(13, FeatureExtractor.punctuation(token.leading)))
            if token.categories != 0 {
                for bit in 0..<5 where token.categories & (1 << bit) != 0 { keys.append(FeatureHash.key(14, number(bit))) }
            }
            if token.keyword != 0 { keys.append(FeatureHash.key(15, number(Int(token.keyword)))) }
            if token.isInitial { keys.append(FeatureHash.key(16, number(1))) }
            keys.append(FeatureHash.key(17, number(count > 1 ? index * 10 / count : 0)))
            if index == 0 { keys.append(FeatureHash.key(18, number(0))) }
            if index == count - 1 { keys.append(FeatureHash.key(18, number(1))) }
            keys.append(FeatureHash.key(19, number(min(unitsClosed, 6))))
            keys.append(FeatureHash.key(20, number(min(yearsSeen, 2))))
            keys.append(FeatureHash.key(21, number(min(commasSeen, 8))))
            if inQuotes { keys.append(FeatureHash.key(22, number(0))) }
            if parenDepth > 0 { keys.append(FeatureHash.key(22, number(1))) }
            keys.append(FeatureHash.key(23, number(min(token.byteCount, 12))))
            if token.looksLikeURL { keys.append(FeatureHash.key(24, number(0))) }
            if token.looksLikeDOI { keys.append(FeatureHash.key(24, number(1))) }
            if token.hasAt { keys.append(FeatureHash.key(24, number(2))) }
            if token.gluedKeyword != 0 { keys.append(FeatureHash.key(25, number(Int(token.gluedKeyword)))) }
            if token.gluedCategories != 0 {
                for bit in 0..<5 where token.gluedCategories & (1 << bit) != 0 { keys.append(FeatureHash.key(26, number(bit))) }
            }

            // The neighbours' fields read in place: an optional copy of a neighbour's traits (a string and twenty
            // fields) retained and released its word for every template that asked.
            let hasPrevious = index > 0, hasNext = index + 1 < count
            let previousWord = hasPrevious ? traits[index - 1].wordHash : start
            let nextWord = hasNext ? traits[index + 1].wordHash : end
            let previousTrailing = hasPrevious ? FeatureExtractor.punctuation(traits[index - 1].trailing) : start
            let trailing = FeatureExtractor.punctuation(token.trailing)
            keys.append(FeatureHash.key(30, previousWord))
            keys.append(FeatureHash.key(31, nextWord))
            keys.append(FeatureHash.key(32, previousTrailing))
            keys.append(FeatureHash.key(33, hasNext ? traits[index + 1].shapeHash : end))
            keys.append(FeatureHash.key(34, hasPrevious ? traits[index - 1].shapeHash : start))
            keys.append(FeatureHash.key(35, index > 1 ? traits[index - 2].wordHash : start))
            keys.append(FeatureHash.key(36, index + 2 < count ? traits[index + 2].wordHash : end))
            keys.append(FeatureHash.key(37, previousWord, token.wordHash))
            keys.append(FeatureHash.key(38, previousTrailing, token.shapeHash))
            keys.append(FeatureHash.key(39, token.shapeHash, trailing))
            keys.append(FeatureHash.key(40, hasPrevious ? number(Int(traits[index - 1].keyword)) : start))
            keys.append(FeatureHash.key(41, hasNext ? number(Int(traits[index + 1].keyword)) : end))
            keys.append(FeatureHash.key(42, number(hasPrevious && traits[index - 1].isYear ? 1 : 0), number(Int(token.caseClass.rawValue))))
            keys.append(FeatureHash.key(43, number(min(unitsClosed, 6)), number(Int(token.caseClass.rawValue))))
            keys.append(FeatureHash.key(44, hasNext ? number(Int(traits[index + 1].numberClass.rawValue)) : end))
            keys.append(FeatureHash.key(45, hasPrevious ? number(Int(traits[index - 1].numberClass.rawValue)) : start))
            keys.append(FeatureHash.key(46, token.wordHash, nextWord))

            sequence.gaps.append(hasPrevious ? GapClass.of(traits[index - 1]) : 0)
            sequence.offsets.append(keys.count)

            if token.closesUnit { unitsClosed += 1 }
            if token.isYear { yearsSeen += 1 }
            if token.trailing == "," { commasSeen += 1 }
            if inQuotes && FeatureExtractor.closesQuote(tokens[index].text) && !(opensQuote && token.byteCount <= 3 && tokens[index].text.unicodeScalars.count == 1) {
                inQuotes = false
            }
            if token.closesBracket { parenDepth = max(0, parenDepth - 1) }
        }
        sequence.keys = keys
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
