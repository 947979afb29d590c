import DossierText

/// What the features need to know about one token, computed once per token: mostly hashes of its string
/// properties, so that each feature key costs one integer mix rather than hashing a string again.
package struct TokenTraits {
    enum CaseClass: UInt8 { case none, upper, title, lower, mixed }
    enum NumberClass: UInt8 { case none, year, digits1, digits2, digits3, digits4, digits5, range, ordinal, roman, alnum }

    /// Lowercased, with leading and trailing punctuation removed.
    var word: String
    var wordHash: UInt64
    /// Hash of the lowercased whole token, punctuation included.
    var loweredHash: UInt64
    /// Hash of the character classes (X x d a and punctuation as itself), runs collapsed.
    var shapeHash: UInt64
    var caseClass: CaseClass
    var numberClass: NumberClass
    /// Last scalar when it is punctuation.
    var trailing: Unicode.Scalar?
    /// First scalar when it is punctuation.
    var leading: Unicode.Scalar?
    /// "J." or "J.A." or "JA" style.
    var isInitial: Bool
    /// Index + 1 of the keyword category of `word` in `Lexicon.keywordCategories`, or 0.
    var keyword: UInt8
    /// `Lexicon.Category` bits of `word`.
    var categories: UInt8
    /// For a token that glues letters to digits ("Vol.7", "pp.83-90", "Math.102(", "第12卷", "№3"): the keyword
    /// index and category bits of its letters before the digits, or else after them ("vol", "pp", "math", "卷"),
    /// so that a label glued to its value still reads as the label. 0 when there is none.
    var gluedKeyword: UInt8 = 0
    var gluedCategories: UInt8 = 0
    /// Ends a sentence-like unit ("." or ":" or "?" at the end, not an initial).
    var closesUnit: Bool
    /// A year between 1500 and 2039, maybe with a letter ("2019a").
    var isYear: Bool
    /// Hashes of the first and last one to three scalars of `word` (0 when shorter).
    var prefixHashes: (UInt64, UInt64, UInt64) = (0, 0, 0)
    var suffixHashes: (UInt64, UInt64, UInt64) = (0, 0, 0)
    /// UTF-8 length of the token.
    var byteCount: Int
    /// Looks like a URL ("://" or starting "www."), a DOI ("10." and "/"), or holds an "@".
    var looksLikeURL = false, looksLikeDOI = false, hasAt = false
    /// Holds ")" or "]" anywhere.
    var closesBracket = false

    init(_ text: String) {
        // Most tokens are ASCII: their traits come from the bytes, without the arrays of scalars.
        if text.isAllASCII {
            var source = text
            self = source.withUTF8 { TokenTraits(ascii: $0, text: text) }
            return
        }
        let scalars = Array(text.unicodeScalars)
        var end = scalars.count
        while end > 0, !TokenTraits.isWordScalar(scalars[end - 1]) { end -= 1 }
        var first = 0
        while first < end, !TokenTraits.isWordScalar(scalars[first]) { first += 1 }
        trailing = end < scalars.count ? scalars.last : nil
        leading = first > 0 ? scalars[0] : nil

        var lowered = FeatureHash.Accumulator()
        var shape = FeatureHash.Accumulator()
        // The word's scalars, and its UTF-8 bytes for its string and hash (appending to a String's scalar view was a
        // quarter of the traits' time).
        var wordScalars: [Unicode.Scalar] = []
        var wordBytes: [UInt8] = []
        wordScalars.reserveCapacity(scalars.count)
        wordBytes.reserveCapacity(text.utf8.count)
        var lastClass: Unicode.Scalar = " "
        var uppers = 0, lowers = 0, digits = 0, letters = 0
        for (index, scalar) in scalars.enumerated() {
            let inWord = index >= first && index < end
            if scalar.value < 128 {
                let lower = scalar.value >= 65 && scalar.value <= 90 ? Unicode.Scalar(UInt8(scalar.value + 32)) : scalar
                lowered.mix(lower)
                if inWord {
                    wordScalars.append(lower)
                    wordBytes.append(UInt8(lower.value))
                }
            } else {
                for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                    lowered.mix(lower)
                    if inWord {
                        wordScalars.append(lower)
                        UTF8.encode(lower) { wordBytes.append($0) }
                    }
                }
            }
            let cls: Unicode.Scalar
            let value = scalar.value
            if value < 128 {
                if value >= 65 && value <= 90 { cls = "X"; uppers += 1; letters += 1 }
                else if value >= 97 && value <= 122 { cls = "x"; lowers += 1; letters += 1 }
                else if value >= 48 && value <= 57 { cls = "d"; digits += 1 }
                else { cls = scalar }
            } else if scalar.properties.isUppercase { cls = "X"; uppers += 1; letters += 1 }
            else if scalar.properties.isLowercase { cls = "x"; lowers += 1; letters += 1 }
            else if scalar.properties.isAlphabetic { cls = "a"; letters += 1 }
            else { cls = scalar }
            if cls != lastClass { shape.mix(cls) }
            lastClass = cls
        }
        loweredHash = lowered.value
        shapeHash = shape.value
        word = String(decoding: wordBytes, as: UTF8.self)
        // `mix` of a scalar mixes its UTF-8 bytes: the same hash as over the scalars.
        var wordHasher = FeatureHash.Accumulator()
        for byte in wordBytes { wordHasher.mix(byte) }
        wordHash = wordHasher.value
        prefixHashes = (TokenTraits.hash(wordScalars.prefix(1), 1), TokenTraits.hash(wordScalars.prefix(2), 2), TokenTraits.hash(wordScalars.prefix(3), 3))
        suffixHashes = (TokenTraits.hash(wordScalars.suffix(1), 1), TokenTraits.hash(wordScalars.suffix(2), 2), TokenTraits.hash(wordScalars.suffix(3), 3))

        if letters == 0 { caseClass = .none }
        else if lowers == 0 { caseClass = .upper }
        else if uppers == 0 { caseClass = .lower }
        else if uppers == 1, first < end, TokenTraits.isUpper(scalars[first]) { caseClass = .title }
        else { caseClass = .mixed }

        let coreCount = end - first
        isYear = false
        let lowerWord = word
        if digits == 0 {
            numberClass = TokenTraits.isRoman(wordScalars) ? .roman : .none
        } else {
            (numberClass, isYear) = TokenTraits.numberClass(lowerWord, digits: digits, letters: letters, coreCount: coreCount,
                                                           endsInLowercase: wordScalars.last?.properties.isLowercase == true)
        }
        isInitial = TokenTraits.looksLikeInitial(scalars)
        // By `String` equality, which is canonical (a decomposed "é" finds "é"): bytes alone would not.
        let entry = Lexicon.entries[word]
        keyword = entry?.keyword ?? (wordScalars.isEmpty ? Lexicon.symbolKeyword(text) : 0)
        categories = entry?.categories ?? 0
        if digits > 0 {
            if letters > 0 {
                let glued = TokenTraits.gluedEntry(wordScalars)
                gluedKeyword = glued.keyword
                gluedCategories = glued.categories
            } else if let lead = leading, lead == "№" || lead == "#" {
                gluedKeyword = Lexicon.symbolKeyword(String(lead))
            }
        }
        closesUnit = TokenTraits.closesUnit(trailing: trailing, isInitial: isInitial)

        byteCount = text.utf8.count
        closesBracket = scalars.contains { $0 == ")" || $0 == "]" }
        (looksLikeURL, looksLikeDOI, hasAt) = TokenTraits.linkHints(text)
    }

    /// `init(_:)` of an all-ASCII token, read off its bytes: each byte is a scalar, its own lowercase mapping is the
    /// ASCII one, and the word scalars are the digits and letters. The same traits, hashes and lookups.
    private init(ascii bytes: UnsafeBufferPointer<UInt8>, text: String) {
        @inline(__always) func isWord(_ byte: UInt8) -> Bool {
            (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
        }
        @inline(__always) func lower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }
        let count = bytes.count
        var end = count
        while end > 0, !isWord(bytes[end - 1]) { end -= 1 }
        var first = 0
        while first < end, !isWord(bytes[first]) { first += 1 }
        trailing = end < count ? Unicode.Scalar(bytes[count - 1]) : nil
        leading = first > 0 ? Unicode.Scalar(bytes[0]) : nil

        var lowered = FeatureHash.Accumulator()
        var shape = FeatureHash.Accumulator()
        var lastClass: UInt8 = 0x20
        var uppers = 0, lowers = 0, digits = 0, letters = 0
        for byte in bytes {
            lowered.mix(lower(byte))
            let cls: UInt8
            if byte >= 65 && byte <= 90 { cls = 0x58; uppers += 1; letters += 1 }
            else if byte >= 97 && byte <= 122 { cls = 0x78; lowers += 1; letters += 1 }
            else if byte >= 48 && byte <= 57 { cls = 0x64; digits += 1 }
            else { cls = byte }
            if cls != lastClass { shape.mix(cls) }
            lastClass = cls
        }
        loweredHash = lowered.value
        shapeHash = shape.value
        let coreCount = end - first
        word = String(unsafeUninitializedCapacity: coreCount) { buffer in
            for offset in 0..<coreCount { buffer[offset] = lower(bytes[first + offset]) }
            return coreCount
        }
        func hash(_ from: Int, _ length: Int) -> UInt64 {
            var hasher = FeatureHash.Accumulator()
            for offset in from..<(from + length) { hasher.mix(lower(bytes[offset])) }
            return hasher.value
        }
        wordHash = hash(first, coreCount)
        prefixHashes = (coreCount >= 1 ? hash(first, 1) : 0, coreCount >= 2 ? hash(first, 2) : 0, coreCount >= 3 ? hash(first, 3) : 0)
        suffixHashes = (coreCount >= 1 ? hash(end - 1, 1) : 0, coreCount >= 2 ? hash(end - 2, 2) : 0, coreCount >= 3 ? hash(end - 3, 3) : 0)

        if letters == 0 { caseClass = .none }
        else if lowers == 0 { caseClass = .upper }
        else if uppers == 0 { caseClass = .lower }
        else if uppers == 1, first < end, bytes[first] >= 65 && bytes[first] <= 90 { caseClass = .title }
        else { caseClass = .mixed }

        isYear = false
        let lowerWord = word
        if digits == 0 {
            let roman = coreCount >= 1 && coreCount <= 6 && (first..<end).allSatisfy { index in
                let byte = lower(bytes[index])
                return byte == 0x69 || byte == 0x76 || byte == 0x78 || byte == 0x6C || byte == 0x63
            }
            numberClass = roman ? .roman : .none
        } else {
            (numberClass, isYear) = TokenTraits.numberClass(lowerWord, digits: digits, letters: letters, coreCount: coreCount,
                                                           endsInLowercase: coreCount > 0 && lower(bytes[end - 1]) >= 97 && lower(bytes[end - 1]) <= 122)
        }
        var capitals = 0, initial = true
        for byte in bytes {
            if byte >= 65 && byte <= 90 { capitals += 1 }
            else if byte == 0x2E || byte == 0x2D || byte == 0x2C || byte == 0x3B { continue }
            else { initial = false; break }
        }
        isInitial = initial && capitals >= 1 && capitals <= 3
        let entry = Lexicon.hashedEntries.entry(hash: wordHash, length: coreCount) { lower(bytes[first + $0]) }
        keyword = entry?.keyword ?? (coreCount == 0 ? Lexicon.symbolKeyword(text) : 0)
        categories = entry?.categories ?? 0
        if digits > 0 {
            if letters > 0 {
                let glued = TokenTraits.gluedEntry((first..<end).map { Unicode.Scalar(lower(bytes[$0])) })
                gluedKeyword = glued.keyword
                gluedCategories = glued.categories
            } else if let lead = leading, lead == "#" {
                gluedKeyword = Lexicon.symbolKeyword(String(lead))
            }
        }
        closesUnit = TokenTraits.closesUnit(trailing: trailing, isInitial: isInitial)
        byteCount = count
        closesBracket = bytes.contains { $0 == 0x29 || $0 == 0x5D }
        (looksLikeURL, looksLikeDOI, hasAt) = TokenTraits.linkHints(text)
    }

    /// Whether the token looks like a URL, a DOI, or holds an "@", in one pass over its bytes.
    static func linkHints(_ text: String) -> (url: Bool, doi: Bool, at: Bool) {
        var url = false, tenDot = false, slash = false, at = false
        var copy = text
        copy.withUTF8 { bytes in
            if bytes.count >= 4, bytes[0] | 0x20 == 0x77, bytes[1] | 0x20 == 0x77, bytes[2] | 0x20 == 0x77, bytes[3] == 0x2E { url = true }
            for index in bytes.indices {
                switch bytes[index] {
                case 0x3A: if index + 2 < bytes.count, bytes[index + 1] == 0x2F, bytes[index + 2] == 0x2F { url = true }
                case 0x2F: slash = true
                case 0x40: at = true
                case 0x31: if index + 2 < bytes.count, bytes[index + 1] == 0x30, bytes[index + 2] == 0x2E { tenDot = true }
                default: break
                }
            }
        }
        return (url, tenDot && slash, at)
    }

    /// The lexicon entry of the letters before the first digit of `word`, or else of those after the last digit.
    static func gluedEntry(_ word: [Unicode.Scalar]) -> (categories: UInt8, keyword: UInt8) {
        func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 48 && scalar.value <= 57 }
        func letters<S: Sequence>(_ scalars: S) -> String where S.Element == Unicode.Scalar {
            var view = String.UnicodeScalarView()
            for scalar in scalars where !isDigit(scalar) && isWordScalar(scalar) { view.append(scalar) }
            return String(view)
        }
        let before = letters(word.prefix(while: { !isDigit($0) }))
        if !before.isEmpty, let entry = Lexicon.entries[before] { return entry }
        guard let lastDigit = word.lastIndex(where: isDigit) else { return (0, 0) }
        let after = letters(word[(lastDigit + 1)...])
        if !after.isEmpty, let entry = Lexicon.entries[after] { return entry }
        return (0, 0)
    }

    static func hash(_ scalars: ArraySlice<Unicode.Scalar>, _ length: Int) -> UInt64 {
        guard scalars.count == length else { return 0 }
        var hasher = FeatureHash.Accumulator()
        for scalar in scalars { hasher.mix(scalar) }
        return hasher.value
    }

    /// A unit closes on ". : ? !" at the end of a token that is not an initial.
    static func closesUnit(trailing: Unicode.Scalar?, isInitial: Bool) -> Bool {
        !isInitial && (trailing == "." || trailing == ":" || trailing == "?" || trailing == "!")
    }

    /// `closesUnit` of a token's text, without computing its other traits (for the rules after the model).
    static func closesUnit(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let last = scalars.last, !isWordScalar(last) else { return false }
        return closesUnit(trailing: last, isInitial: looksLikeInitial(scalars))
    }

    /// The number class of a token with digits (and whether it is a year), from its lowered word: a year
    /// 1500–2039 ("1999", "1999a"), digits by count, a range, an ordinal ("3rd", "2e", "1ème") or letters and digits.
    static func numberClass(_ lowerWord: String, digits: Int, letters: Int, coreCount: Int, endsInLowercase: Bool) -> (NumberClass, Bool) {
        if digits == coreCount {
            if coreCount == 4, let value = Int(lowerWord), value >= 1500, value <= 2039 { return (.year, true) }
            return (NumberClass(rawValue: NumberClass.digits1.rawValue + UInt8(min(coreCount, 5) - 1)) ?? .digits5, false)
        }
        if coreCount == 5, digits == 4, endsInLowercase, let value = Int(String(lowerWord.dropLast())), value >= 1500, value <= 2039 {
            return (.year, true)
        }
        if letters == 0 { return (.range, false) }
        if ["st", "nd", "rd", "th", "e", "er", "ème"].contains(where: { lowerWord.hasSuffix($0) }) && digits + 3 >= coreCount {
            return (.ordinal, false)
        }
        return (.alnum, false)
    }

    static func isUpper(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 65 && scalar.value <= 90 || scalar.value >= 128 && scalar.properties.isUppercase
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 128 { return (value >= 48 && value <= 57) || (value >= 65 && value <= 90) || (value >= 97 && value <= 122) }
        return scalar.properties.isAlphabetic
    }

    static func isRoman(_ word: [Unicode.Scalar]) -> Bool {
        !word.isEmpty && word.count <= 6 && word.allSatisfy { "ivxlc".unicodeScalars.contains($0) }
    }

    /// "J.", "J.-P.", "J.A.", "JA", "A" (one to three capitals, each maybe followed by a dot).
    static func looksLikeInitial(_ scalars: [Unicode.Scalar]) -> Bool {
        var capitals = 0
        for scalar in scalars {
            if isUpper(scalar) { capitals += 1 }
            else if scalar == "." || scalar == "-" || scalar == "," || scalar == ";" { continue }
            else { return false }
        }
        return capitals >= 1 && capitals <= 3
    }
}
