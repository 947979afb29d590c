import DossierText
import DossierModel
import Foundation

/// Rules that turn a labelled span into a field value: trimmed punctuation, quotes, "pp.", "In:", volume and
/// issue, page ranges with a hyphen, dates with their precision, status words.
package enum FieldCleaning {
    /// Trims whitespace and the punctuation that separates fields (keeps ? ! and balanced brackets).
    static func trim(_ text: String) -> String {
        var text = text
        if let trimmed = text.withUTF8(trimASCII) { return trimmed }
        return trimCharacters(text)
    }

    /// `trim` by Characters, for any text.
    static func trimCharacters(_ text: String) -> String {
        var result = Substring(text)
        while let first = result.first, first.isWhitespaceFast || isSeparator(first) { result = result.dropFirst() }
        while let last = result.last, last.isWhitespaceFast || isSeparator(last) || last == "." {
            // Keep the dot of a final abbreviation or initial ("Univ.", "J.").
            // The last word (the text ends in "." so it is not empty).
            if last == ".", isAbbreviation(result[(result.lastIndex(of: " ").map { result.index(after: $0) } ?? result.startIndex)...]) { break }
            result = result.dropLast()
        }
        // Unbalanced brackets at the ends.
        while let last = result.last, last == ")" || last == "]", bracketBalance(result) < 0 {
            result = result.dropLast()
            while let end = result.last, end.isWhitespaceFast || isSeparator(end) || end == "." { result = result.dropLast() }
        }
        while let first = result.first, first == "(" || first == "[", bracketBalance(result) > 0 {
            result = result.dropFirst()
        }
        if let first = result.first, let last = result.last, first == "(", last == ")", result.count > 2,
           result.dropFirst().dropLast().allSatisfy({ $0 != "(" && $0 != ")" }) {
            result = result.dropFirst().dropLast()
        }
        return String(result).trimmingWhitespace()
    }

    /// `trimCharacters` on bytes, where each byte is a Character: ASCII without a carriage return (which joins a
    /// line feed). Nil for other text. Field cleaning trims every span, so this was a tenth of building.
    static func trimASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
        func isSeparator(_ byte: UInt8) -> Bool { byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: ":") }
        func isEnd(_ byte: UInt8) -> Bool { byte.isASCIIWhitespace || isSeparator(byte) || byte == UInt8(ascii: ".") }
        func balance(_ start: Int, _ end: Int) -> Int {
            var balance = 0
            for byte in bytes[start..<end] {
                if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") { balance += 1 } else if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") { balance -= 1 }
            }
            return balance
        }
        var start = 0, end = bytes.count
        while start < end, bytes[start].isASCIIWhitespace || isSeparator(bytes[start]) { start += 1 }
        while start < end, isEnd(bytes[end - 1]) {
            if bytes[end - 1] == UInt8(ascii: ".") {
                var wordStart = end - 1
                while wordStart > start, bytes[wordStart - 1] != 0x20 { wordStart -= 1 }
                if isAbbreviationASCII(bytes[wordStart..<end]) { break }
            }
            end -= 1
        }
        while start < end, bytes[end - 1] == UInt8(ascii: ")") || bytes[end - 1] == UInt8(ascii: "]"), balance(start, end) < 0 {
            end -= 1
            while start < end, isEnd(bytes[end - 1]) { end -= 1 }
        }
        while start < end, bytes[start] == UInt8(ascii: "(") || bytes[start] == UInt8(ascii: "["), balance(start, end) > 0 { start += 1 }
        if end - start > 2, bytes[start] == UInt8(ascii: "("), bytes[end - 1] == UInt8(ascii: ")"),
           !bytes[(start + 1)..<(end - 1)].contains(where: { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") }) {
            start += 1
            end -= 1
        }
        while start < end, bytes[start].isASCIIWhitespace { start += 1 }
        while start < end, bytes[end - 1].isASCIIWhitespace { end -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// `isAbbreviation` of an ASCII word.
    static func isAbbreviationASCII(_ word: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard word.count <= 5, word.count > 1 else { return false }
        let letters = word.filter { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) }
        guard let first = letters.first else { return false }
        return letters.count <= 3 && first >= 0x41 && first <= 0x5A
    }

    /// `,` `;` `:`, which separate fields.
    static func isSeparator(_ character: Character) -> Bool {
        character == "," || character == ";" || character == ":"
    }

    /// The count of `(` and `[` minus that of `)` and `]`.
    static func bracketBalance(_ text: Substring) -> Int {
        var balance = 0
        for character in text {
            if character == "(" || character == "[" { balance += 1 } else if character == ")" || character == "]" { balance -= 1 }
        }
        return balance
    }

    static func isAbbreviation(_ word: Substring) -> Bool {
        guard word.count <= 5, word.count > 1 else { return false }
        let letters = word.filter(\.isLetter)
        return word.count <= 5 && letters.count <= 3 && letters.first?.isUppercase == true && word.count > 1
    }

    /// A title without surrounding quotes and trailing separators.
    static func title(_ text: String) -> String {
        var result = trim(text)
        let quotes: [(Character, Character)] = [("“", "”"), ("\"", "\""), ("«", "»"), ("‘", "’"), ("'", "'"), ("„", "“")]
        // No decomposition makes another spelling of these marks: a character that is one of them starts (and
        // ends) with its first (last) byte, so a first or last byte that no mark has rules the mark out unasked.
        let mayOpenWithQuote = result.utf8.first.map { $0 == 0xE2 || $0 == 0x22 || $0 == 0xC2 || $0 == 0x27 } ?? false
        for (open, close) in mayOpenWithQuote ? quotes : [] where result.first == open {
            result.removeFirst()
            if let index = result.lastIndex(of: close) {
                // What follows the closing quote, when only punctuation ("‘Title’."), separated it from the next field.
                if result[result.index(after: index)...].allSatisfy({ $0.isPunctuation }) {
                    result.removeSubrange(index...)
                } else {
                    result.remove(at: index)
                }
            }
            break
        }
        if let end = result.utf8.last, end == 0x9D || end == 0x22 || end == 0xBB || end == 0x99,
           let last = result.last, last == "”" || last == "\"" || last == "»" || last == "’" { result.removeLast() }
        return trim(result)
    }

    /// A title that ran on into its venue after a question or exclamation mark or a period ("Why do interneurons
    /// remap? Invited talk at …", "… three-photon microscopy. Talk at the FENS Forum") cut there; the venue comes
    /// back second.
    static func splitTrailingVenue(_ title: String) -> (title: String, venue: String?) {
        let leads = ["Invited talk", "Invited lecture", "Keynote", "Talk at", "Talk presented", "Poster at", "Poster presented",
                     "Presented at", "Paper presented", "Plenary", "Seminar at", "In Proceedings", "Proceedings of", "In: "]
        for mark in ["? ", "! ", ". "] {
            guard let range = title.foundationRange(of: mark) else { continue }
            let rest = title[range.upperBound...]
            if leads.contains(where: { rest.hasPrefix($0) }) {
                return (String(title[..<range.upperBound]).trimmingWhitespace(), trim(String(rest)))
            }
        }
        return (title, nil)
    }

    /// A container name without "In:" / "In" / "Dans".
    static func container(_ text: String) -> String {
        var result = trim(text)
        for prefix in ["In: ", "In:", "in: ", "In ", "in ", "Dans ", "dans ", "Im ", "En "] where result.hasPrefix(prefix) {
            result = String(result.dropFirst(prefix.count))
            break
        }
        return title(result)
    }

    /// The words that mark an issue number, in the order they are looked for.
    static let numberWords = ["no.", "no ", "nr.", "n°", "№", "n.", "issue", "iss.", "heft", "h.", "núm.", "num.", "вып."]

    /// Volume and issue from "Vol. 3, No. 2", "106(3)", "12 (4)", "v. 19", "No. 134", "Т. 450, № 2", and the CJK
    /// markers after the number ("第12卷 第3期", "제9권 제2호", "12巻3号").
    static func volumeAndIssue(_ text: String) -> (volume: String?, issue: String?) {
        if let marked = cjkVolumeAndIssue(text) { return marked }
        var volume: String?
        var issue: String?
        let lowered = text.lowercasedFast()
        // An ASCII text holds nothing canonically equivalent to a word with a scalar beyond ASCII ("n°", "№", "núm.",
        // "вып."): Foundation is not asked for those (three searches through NSString per volume field).
        let ascii = lowered.isAllASCII
        var volumePart = text
        for word in numberWords where !(ascii && !word.isAllASCII) {
            if let range = lowered.foundationRange(of: word) {
                let offset = lowered.distance(from: lowered.startIndex, to: range.upperBound)
                let start = lowered.distance(from: lowered.startIndex, to: range.lowerBound)
                issue = firstNumber(String(text.dropFirst(offset)))
                volumePart = String(text.prefix(start))
                break
            }
        }
        if let open = volumePart.firstIndex(of: "("), issue == nil {
            let inner = volumePart[volumePart.index(after: open)...].prefix(while: { $0 != ")" })
            let innerTrimmed = inner.trimmingWhitespace()
            if !innerTrimmed.isEmpty, !(innerTrimmed.count == 4 && Int(innerTrimmed).map { $0 > 1500 } == true) { issue = innerTrimmed }
            volumePart = String(volumePart[..<open])
        }
        volume = firstNumber(volumePart)
        return (volume, issue)
    }

    /// The numbers before the CJK volume ("卷", "巻", "권") and issue ("期", "号", "號", "호") markers, or nil when the
    /// text has neither.
    static func cjkVolumeAndIssue(_ text: String) -> (volume: String?, issue: String?)? {
        guard text.utf8.contains(where: { $0 >= 0xE0 }) else { return nil }
        var volume: String?
        var issue: String?
        var digits = ""
        for character in text {
            if character.isASCII, character.isNumber {
                digits.append(character)
                continue
            }
            if !digits.isEmpty {
                if "卷巻권".contains(character) { volume = volume ?? digits }
                if "期号號호".contains(character) { issue = issue ?? digits }
            }
            if !character.isWhitespace { digits = "" }
        }
        guard volume != nil || issue != nil else { return nil }
        return (volume, issue)
    }

    /// The first number-like word ("12", "12a", "XIV", "3-4"), after dropping "vol.", "v.", "Bd.", "t.".
    static func firstNumber(_ text: String) -> String? {
        for word in text.split(whereSeparator: { $0.isWhitespaceFast || $0 == "," || $0 == ":" || $0 == ";" }) {
            let bare = String(withoutGluedLabel(Substring(word.trimmingASCII(".()[]"))))
            if bare.isEmpty { continue }
            if bare.contains(where: \.isNumber) { return bare.replacingAll("–", with: "-") }
            if bare.count <= 5, bare.uppercased() == bare, bare.allSatisfy({ "IVXLC".contains($0) }) { return bare }
        }
        return nil
    }

    /// A word without the label glued to its number: "Vol.60" → "60", "pp.83-90" → "83-90", "No.3" → "3" (one to
    /// four letters and a dot before a digit); "v1.2", "e1003316" and "12a" are kept.
    static func withoutGluedLabel(_ word: Substring) -> Substring {
        var index = word.startIndex
        var letters = 0
        while index < word.endIndex, word[index].isLetter, letters < 5 {
            letters += 1
            index = word.index(after: index)
        }
        guard letters >= 1, letters <= 4, index < word.endIndex, word[index] == "." else { return word }
        let afterDot = word.index(after: index)
        guard afterDot < word.endIndex, word[afterDot].isASCII, word[afterDot].isNumber else { return word }
        return word[afterDot...]
    }

    /// A page range with a hyphen: "pp. 1761–1800)." → "1761-1800", "pp.83-90" → "83-90"; "e1003316" kept.
    static func pages(_ text: String) -> String? {
        // Cut at the space bytes where every scalar is a character (the same pieces as the Character split).
        let pieces = FoundationPrecheck.allStandAlone(text) ? text.spaceSeparatedKeepingEmpty() : text.split(separator: " ", omittingEmptySubsequences: false)
        let text = pieces.map { String(withoutGluedLabel($0)) }.joined(separator: " ")
        var result = text.replacingAll("–", with: "-").replacingAll("—", with: "-")
            .replacingAll("‐", with: "-").replacingAll("−", with: "-").replacingAll("--", with: "-")
        let words = result.splitFast(0x20).filter { word in
            switch word.lowercasedFast().trimmingASCII(".,:;()[]") {
            case "pp", "p", "pages", "page", "s", "seiten", "pgs", "pg": return false
            default: return true
            }
        }
        result = words.joined(separator: " ").replacingAll(" - ", with: "-").replacingAll(" -", with: "-")
            .replacingAll("- ", with: "-")
        result = trim(result)
        return result.isEmpty ? nil : result
    }

    /// Edition: "2nd ed." → "2", "Revised edition" kept as words.
    static func edition(_ text: String) -> String? {
        let cleaned = trim(text)
        if let number = cleaned.split(separator: " ").first, let digits = Int(number.prefix(while: \.isNumber)) { return String(digits) }
        return cleaned.isEmpty ? nil : cleaned
    }
}

extension String {
    /// `split(separator: " ", omittingEmptySubsequences: false)` cut at the space bytes, for a text whose scalars each
    /// stand alone (`FoundationPrecheck.allStandAlone`), where every space byte is a character " ".
    func spaceSeparatedKeepingEmpty() -> [Substring] {
        var pieces: [Substring] = []
        let utf8 = self.utf8
        var start = utf8.startIndex, index = start
        while index != utf8.endIndex {
            if utf8[index] == 0x20 {
                pieces.append(self[start..<index])
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        pieces.append(self[start..<utf8.endIndex])
        return pieces
    }
}
