/// What the features need to know about one token, computed once per token.
struct TokenTraits {
    /// Lowercased, with leading and trailing punctuation removed.
    var word: String
    /// Lowercased whole token, punctuation included.
    var lowered: String
    /// Character classes (X x d and punctuation as itself), runs collapsed.
    var shape: String
    /// "upper", "title", "lower", "mixed" or "none".
    var caseClass: String
    /// "year", "digits1"…, "range", "ordinal", "roman", "alnum" or "none".
    var numberClass: String
    /// Last character when it is punctuation, else "_".
    var trailing: String
    /// First character when it is punctuation, else "_".
    var leading: String
    /// "J." or "J.A." or "JA" style.
    var isInitial: Bool
    /// The keyword category of `word`, or "".
    var keyword: String
    /// Ends a sentence-like unit ("." or ":" or "?" at the end, not an initial).
    var closesUnit: Bool
    /// A year between 1500 and 2039, maybe with a letter ("2019a").
    var isYear: Bool

    init(_ text: String) {
        lowered = text.lowercased()
        var scalars = Array(text.unicodeScalars)
        var leadingScalar: Unicode.Scalar?
        var trailingScalar: Unicode.Scalar?
        while let last = scalars.last, !TokenTraits.isWordScalar(last) {
            if trailingScalar == nil { trailingScalar = last }
            scalars.removeLast()
        }
        var first = 0
        while first < scalars.count, !TokenTraits.isWordScalar(scalars[first]) {
            if leadingScalar == nil { leadingScalar = scalars[first] }
            first += 1
        }
        let core = scalars[first...]
        var coreString = String.UnicodeScalarView()
        coreString.append(contentsOf: core)
        let lowerWord = String(coreString).lowercased()
        word = lowerWord
        trailing = trailingScalar.map { String(Character($0)) } ?? "_"
        leading = leadingScalar.map { String(Character($0)) } ?? "_"

        var shapeScalars = String.UnicodeScalarView()
        var lastClass: Unicode.Scalar = " "
        var uppers = 0, lowers = 0, digits = 0, letters = 0
        for scalar in text.unicodeScalars {
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
            if cls != lastClass { shapeScalars.append(cls) }
            lastClass = cls
        }
        shape = String(shapeScalars)
        if letters == 0 { caseClass = "none" }
        else if lowers == 0 { caseClass = "upper" }
        else if uppers == 0 { caseClass = "lower" }
        else if uppers == 1, let first = core.first, first.value >= 65 && first.value <= 90 || first.properties.isUppercase { caseClass = "title" }
        else { caseClass = "mixed" }

        let coreCount = core.count
        isYear = false
        if digits == 0 {
            numberClass = TokenTraits.isRoman(lowerWord) ? "roman" : "none"
        } else if digits == coreCount {
            if coreCount == 4, let value = Int(lowerWord), value >= 1500, value <= 2039 {
                numberClass = "year"
                isYear = true
            } else {
                numberClass = "digits\(min(coreCount, 5))"
            }
        } else if coreCount == 5, digits == 4, let letter = core.last, letter.properties.isLowercase,
                  let value = Int(lowerWord.dropLast()), value >= 1500, value <= 2039 {
            numberClass = "year"
            isYear = true
        } else if letters == 0 {
            numberClass = "range"
        } else if ["st", "nd", "rd", "th", "e", "er", "ème"].contains(where: { lowerWord.hasSuffix($0) }) && digits + 3 >= coreCount {
            numberClass = "ordinal"
        } else {
            numberClass = "alnum"
        }
        isInitial = TokenTraits.looksLikeInitial(text)
        keyword = Lexicon.keywords[word] ?? ""
        closesUnit = !isInitial && (trailing == "." || trailing == ":" || trailing == "?" || trailing == "!")
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 128 { return (value >= 48 && value <= 57) || (value >= 65 && value <= 90) || (value >= 97 && value <= 122) }
        return scalar.properties.isAlphabetic
    }

    static func isRoman(_ word: String) -> Bool {
        !word.isEmpty && word.count <= 6 && word.allSatisfy { "ivxlc".contains($0) }
    }

    /// "J.", "J.-P.", "J.A.", "JA", "A" (one to three capitals, each maybe followed by a dot).
    static func looksLikeInitial(_ text: String) -> Bool {
        var capitals = 0
        for scalar in text.unicodeScalars {
            if scalar.value >= 65 && scalar.value <= 90 || scalar.value >= 128 && scalar.properties.isUppercase { capitals += 1 }
            else if scalar == "." || scalar == "-" || scalar == "," || scalar == ";" { continue }
            else { return false }
        }
        return capitals >= 1 && capitals <= 3
    }
}
