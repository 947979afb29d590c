import Foundation
import DossierModel

/// Splits an author or editor span into CSL names: "Xu, K., Smith, J. A., & van der Berg, P.",
/// "K. Xu and J. Smith", "Xu K, Smith JA", "Smith, John and Doe, Jane"; "et al." becomes a flag; consortia and
/// groups become `literal`.
extension PersonNames {
    /// The names in `span` and whether it was cut by "et al.".
    public static func authorList(_ span: String) -> (names: [CSLName], etAl: Bool) {
        var text = " " + span.replacingAll("\u{00A0}", with: " ") + " "
        var etAl = false
        let lowered = text.lowercasedFast()
        let held = etAlMarkersHeld(in: lowered)
        for (number, marker) in etAlMarkers.enumerated() where held & (1 << number) != 0 {
            if let range = text.range(of: marker, options: .caseInsensitive) {
                etAl = true
                text = String(text[..<range.lowerBound]) + " "
            }
        }
        text = stripEditorMarks(text)
        // Segments between "and", "&", ";".
        var segments: [String] = []
        var current = ""
        for word in text.splitFast(0x20) {
            let bare = word.trimmingASCII(",;")
            // A word equal to its lowercase and to a conjunction is that conjunction (they are lowercase ASCII).
            if bare == "&" || isConjunction(bare) {
                if !current.isEmpty { segments.append(current) }
                current = ""
                continue
            }
            if endsWithSemicolon(word) {
                if !current.isEmpty { current += " " }
                current += word.dropLast()
                segments.append(current)
                current = ""
                continue
            }
            if !current.isEmpty { current += " " }
            current += word
        }
        if !current.isEmpty { segments.append(current) }

        var names: [CSLName] = []
        for segment in segments {
            let parts = segment.splitFast(0x2C).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty && $0 != "." }
            // Each part trimmed and cut into words once: the tests below ask for them again and again.
            let trimmed = parts.map(trimName)
            let wordLists = trimmed.map(words)
            var index = 0
            while index < parts.count {
                let part = trimmed[index], list = wordLists[index]
                if isSuffix(part), var last = names.popLast() {
                    last.suffix = part
                    names.append(last)
                    index += 1
                    continue
                }
                if isGroup(list) {
                    names.append(CSLName(literal: part))
                    index += 1
                    continue
                }
                if index + 1 < parts.count, isFamilyOnly(list) {
                    if isInitials(wordLists[index + 1]) || isGivenOnly(wordLists[index + 1]) {
                        names.append(inverted(family: list, given: trimmed[index + 1]))
                        index += 2
                        continue
                    }
                    // "Oliveira, F.B. de": the particle written after the initials.
                    let next = wordLists[index + 1]
                    let particles = next.reversed().prefix(while: isParticle).reversed()
                    if !particles.isEmpty, particles.count < next.count, isInitials(Array(next.dropLast(particles.count))) {
                        names.append(CSLName(family: part, given: next.dropLast(particles.count).joined(separator: " "),
                                             particle: particles.joined(separator: " ")))
                        index += 2
                        continue
                    }
                }
                // "Gonçalves Peñalver, I.", "Ebrahimpour Boroojeny, A.": a double family name before initials.
                if index + 1 < parts.count, isCompoundFamily(list), isInitials(wordLists[index + 1]) {
                    names.append(inverted(family: list, given: trimmed[index + 1]))
                    index += 2
                    continue
                }
                if let name = single(list) { names.append(name) }
                index += 1
            }
        }
        return (names, etAl)
    }

    /// The markers that cut an author list short, in the order they are cut; each opens with a space.
    static let etAlMarkers = [" et al.", " et al", " et. al.", " and others", " u. a.", " u.a.", " et coll.", " …", " ..."]
    private static let etAlMarkerBytes = etAlMarkers.map { Array($0.utf8) }

    /// Bit `n` set when `lowered` holds the bytes of `etAlMarkers[n]` (its `containsBytes`).
    static func etAlMarkersHeld(in lowered: String) -> Int { markersHeld(in: lowered, opening: 0x20, markers: etAlMarkerBytes) }

    /// Bit `n` set when `text` holds the bytes of `markers[n]`, every one of which opens with the byte `opening`: the
    /// markers are tried where that byte stands, in one pass, where a search per marker went over the whole text.
    static func markersHeld(in text: String, opening: UInt8, markers: [[UInt8]]) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var held = 0
            var start = 0
            while let found = bytes[start...].firstIndex(of: opening) {
                let rest = bytes.count - found
                for number in markers.indices where held & (1 << number) == 0 {
                    let marker = markers[number]
                    guard marker.count <= rest else { continue }
                    var offset = 1
                    while offset < marker.count, bytes[found + offset] == marker[offset] { offset += 1 }
                    if offset == marker.count { held |= 1 << number }
                }
                start = found + 1
            }
            return held
        }
    }

    /// The bracketed editor marks, in the order they are dropped.
    static let editorMarks = ["(eds.)", "(eds)", "(ed.)", "(ed)", "(hrsg.)", "(hg.)", "(dir.)", "(éd.)", "(éds.)", "(editors)", "(editor)",
                              "(coord.)", "(comp.)", "(trans.)", "(trad.)"]
    private static let editorMarkBytes = editorMarks.map { Array($0.utf8) }

    /// Drops "In", "(Eds.)", "edited by", "Hrsg." and the like around an editor list.
    static func stripEditorMarks(_ text: String) -> String {
        var result = text
        // In ASCII text a case-insensitive search matches exactly where the lowered bytes do, and nothing non-ASCII.
        // A removal can join a new mark ("(ed(eds.).)"), so the lowered text follows the result.
        // The lowered text serves only the bracketed marks, which need a "(".
        let holdsBracket = text.containsBytes("(")
        // Which marks the lowered ASCII text holds (`markersHeld`), found again after every removal.
        var held = holdsBracket && text.isAllASCII ? markersHeld(in: text.lowercased(), opening: 0x28, markers: editorMarkBytes) : nil
        for (number, mark) in (holdsBracket ? editorMarks : []).enumerated() {
            if let held, held & (1 << number) == 0 { continue }
            while let range = result.range(of: mark, options: .caseInsensitive) {
                result.removeSubrange(range)
                if held != nil { held = markersHeld(in: result.lowercased(), opening: 0x28, markers: editorMarkBytes) }
            }
        }
        return stripEditorWordsASCII(result) ?? stripEditorWords(result)
    }

    /// Drops the editor words ("eds", "edited by", a leading "In") of `result`, and joins the rest by single spaces
    /// between two spaces.
    static func stripEditorWords(_ result: String) -> String {
        let words = result.splitFast(0x20)
        var kept: [Substring] = []
        for (position, word) in words.enumerated() {
            // Every mark starts with i d b e h é: a word whose first letter is another ASCII one is kept as it is.
            if let letter = word.utf8.first(where: { !isMarkPunctuation($0) }), letter < 0x80, !mayOpenMark(letter) {
                kept.append(word)
                continue
            }
            let bare = word.lowercasedFast().trimmingASCII(",.:;()")
            let isFirst = position == 0, isLast = position == words.count - 1
            if isFirst && (bare == "in" || bare == "dans" || bare == "by") { continue }
            if isEditorWord(bare) && (isLast || isFirst || bare.count > 3) { continue }
            if bare == "by" && position <= 2 { continue }
            kept.append(word)
        }
        // Joined by appending (the generic `joined` of substrings cost a third of this function).
        var joined = " "
        joined.reserveCapacity(result.utf8.count + 2)
        for (position, word) in kept.enumerated() {
            if position > 0 { joined += " " }
            joined += word
        }
        joined += " "
        return joined
    }

    /// Whether every byte is a character of its own: ASCII, and no carriage return (which joins a line feed after it).
    static func isOneCharacterPerByte(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        !bytes.contains { $0 >= 0x80 || $0 == 0x0D }
    }

    /// `stripEditorWords` over the bytes of a text of ASCII bytes without a carriage return, where
    /// every byte is a character: the same words dropped, the rest joined by single spaces between two spaces, with no
    /// substring, lowered copy or trimmed copy made but for words that open with a mark's first letter. Nil for any
    /// other text.
    static func stripEditorWordsASCII(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard isOneCharacterPerByte(bytes) else { return nil }
            var words: [Range<Int>] = []
            var start = -1
            for index in 0..<bytes.count {
                if bytes[index] == 0x20 {
                    if start >= 0 { words.append(start..<index) }
                    start = -1
                } else if start < 0 {
                    start = index
                }
            }
            if start >= 0 { words.append(start..<bytes.count) }
            var joined: [UInt8] = [0x20]
            joined.reserveCapacity(bytes.count + 2)
            var keptAny = false
            for (position, range) in words.enumerated() {
                if let letter = bytes[range].first(where: { !isMarkPunctuation($0) }), !mayOpenMark(letter) {
                    // kept as it is
                } else {
                    var low = range.lowerBound, high = range.upperBound
                    while low < high, isMarkPunctuation(bytes[low]) { low += 1 }
                    while high > low, isMarkPunctuation(bytes[high - 1]) { high -= 1 }
                    let bare = String(decoding: bytes[low..<high].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
                    let isFirst = position == 0, isLast = position == words.count - 1
                    if isFirst && (bare == "in" || bare == "dans" || bare == "by") { continue }
                    if isEditorWord(bare) && (isLast || isFirst || high - low > 3) { continue }
                    if bare == "by" && position <= 2 { continue }
                }
                if keptAny { joined.append(0x20) }
                joined.append(contentsOf: bytes[range])
                keptAny = true
            }
            joined.append(0x20)
            return String(decoding: joined, as: UTF8.self)
        }
    }

    /// "eds", "ed", "editors", "editor", "edited", "hrsg", "hg", "dir", "éd", "éds", "herausgegeben": an editor mark
    /// standing as a word (lowercased, its punctuation trimmed).
    static func isEditorWord(_ word: String) -> Bool {
        switch word {
        case "eds", "ed", "editors", "editor", "edited", "hrsg", "hg", "dir", "éd", "éds", "herausgegeben": return true
        default: return false
        }
    }

    /// "and", "und", "et", "y", "e", "och", "og", "en": the words that join names in a list.
    static func isConjunction(_ word: String) -> Bool {
        switch word {
        case "and", "und", "et", "y", "e", "och", "og", "en": return true
        default: return false
        }
    }

    /// `word.hasSuffix(";")`: a last byte ";" after an ASCII byte (or alone) is a last character ";" (no ASCII
    /// scalar joins the one after it); any other ending is asked of the characters.
    static func endsWithSemicolon(_ word: Substring) -> Bool {
        let utf8 = word.utf8
        guard let last = utf8.last else { return false }
        if last != 0x3B { return last >= 0x80 && word.hasSuffix(";") }
        let end = utf8.index(before: utf8.endIndex)
        return end == utf8.startIndex || utf8[utf8.index(before: end)] < 0x80 || word.hasSuffix(";")
    }

    /// `,.:;()`, the punctuation around an editor mark.
    static func isMarkPunctuation(_ byte: UInt8) -> Bool {
        byte == 0x2C || byte == 0x2E || byte == 0x3A || byte == 0x3B || byte == 0x28 || byte == 0x29
    }

    /// Whether an ASCII letter, in either case, is i d b e or h (the first letters of the editor marks).
    static func mayOpenMark(_ letter: UInt8) -> Bool {
        let lower = letter | 0x20
        return lower == 0x69 || lower == 0x64 || lower == 0x62 || lower == 0x65 || lower == 0x68
    }

    static func trimName(_ text: String) -> String { trimNameASCII(text) ?? trimNameCharacters(text) }

    /// `trimName` character by character, for any text.
    static func trimNameCharacters(_ text: String) -> String {
        var scalars = Substring(text)
        // Equal-contribution and corresponding marks ("Xu*", "Nakamura†") are not part of a name; the authorship
        // stage reads them from the raw reference.
        while let last = scalars.last, isNameEdge(last) || last.isWhitespaceFast { scalars = scalars.dropLast() }
        // A mark standing apart after the initials, maybe with the list's period after it ("M. *.", "J. $").
        while let last = scalars.lastPieceFast(0x20), last.startIndex > scalars.startIndex,
              last.allSatisfy({ isNameEdge($0) || $0 == "." || $0 == "$" }), last.contains(where: { $0 != "." }) {
            scalars = scalars[..<last.startIndex]
            while let end = scalars.last, isNameEdge(end) || end.isWhitespaceFast { scalars = scalars.dropLast() }
        }
        // A final dot belongs to an initial ("J."), not to a word ("Smith.").
        if scalars.last == ".", let word = scalars.lastPieceFast(0x20), !isInitialWord(String(word)), !isSuffix(String(word)), word.count > 2 {
            scalars = scalars.dropLast()
        }
        while let first = scalars.first, isNameEdge(first) || first.isWhitespaceFast { scalars = scalars.dropFirst() }
        return String(scalars)
    }

    /// `trimName` over the bytes of a text of ASCII bytes without a carriage return, where every byte is a character:
    /// the same trimming with no character view walked. Nil for any other text.
    static func trimNameASCII(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard isOneCharacterPerByte(bytes) else { return nil }
            func isEdge(_ byte: UInt8) -> Bool { nameEdgeASCII.containsByte(byte) }
            var low = 0, high = bytes.count
            func dropEnd() { while high > low, isEdge(bytes[high - 1]) || bytes[high - 1].isASCIIWhitespace { high -= 1 } }
            /// The last piece between spaces of `low..<high` (`lastPieceFast(0x20)`).
            func lastPiece() -> Range<Int>? {
                var end = high
                while end > low, bytes[end - 1] == 0x20 { end -= 1 }
                guard end > low else { return nil }
                var start = end
                while start > low, bytes[start - 1] != 0x20 { start -= 1 }
                return start..<end
            }
            dropEnd()
            while let piece = lastPiece(), piece.lowerBound > low,
                  bytes[piece].allSatisfy({ isEdge($0) || $0 == 0x2E || $0 == 0x24 }), bytes[piece].contains(where: { $0 != 0x2E }) {
                high = piece.lowerBound
                dropEnd()
            }
            if high > low, bytes[high - 1] == 0x2E, let piece = lastPiece() {
                let word = String(decoding: bytes[piece], as: UTF8.self)
                if !isInitialWord(word), !isSuffix(word), piece.count > 2 { high -= 1 }
            }
            while low < high, isEdge(bytes[low]) || bytes[low].isASCIIWhitespace { low += 1 }
            return String(decoding: bytes[low..<high], as: UTF8.self)
        }
    }

    static let nameEdgeASCII = ASCIICharacters(",;:()[]*#$")

    /// Punctuation and author marks trimmed from the ends of a name (a switch: `String.contains` was 2% of parsing).
    static func isNameEdge(_ character: Character) -> Bool {
        if character.utf8.count == 1 { return nameEdgeASCII.contains(character) }
        switch character {
        case ",", ";", ":", "(", ")", "[", "]", "*", "$", "†", "‡", "§", "¶", "#", "✉", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹", "⁰": return true
        default: return false
        }
    }

    static func words(_ text: String) -> [String] { text.splitFast(0x20).map(String.init) }

    /// "K.", "J. A.", "J.-P.", "JA", "J.A." — nothing but initials.
    static func isInitials(_ list: [String]) -> Bool {
        return !list.isEmpty && list.allSatisfy(isInitialWord)
    }

    static func isInitialWord(_ word: String) -> Bool {
        // ASCII: each byte a character (a carriage return, alone or before a line feed, is no capital, "." or "-"
        // either way), the capitals A–Z.
        if word.isAllASCII {
            var capitals = 0, dot = false
            for byte in word.utf8 {
                if byte >= 0x41 && byte <= 0x5A { capitals += 1 } else if byte == 0x2E { dot = true } else if byte != 0x2D { return false }
            }
            return capitals >= 1 && capitals <= 4 && (capitals == 1 || dot || word.utf8.count <= 3)
        }
        var capitals = 0
        for character in word {
            if character.isUppercase { capitals += 1 } else if character == "." || character == "-" { continue } else { return false }
        }
        return capitals >= 1 && capitals <= 4 && (capitals == 1 || word.containsBytes(".") || word.count <= 3)
    }

    static func isParticle(_ word: String) -> Bool { word.first?.isLowercase == true && NameParticles.all.contains(word.lowercasedFast()) }

    /// A family name alone: one word, or particles and one word ("van der Berg"), maybe hyphenated.
    static func isFamilyOnly(_ list: [String]) -> Bool {
        guard let last = list.last, !isInitialWord(last) || last.count > 2 && !last.containsBytes(".") else { return false }
        return list.dropLast().allSatisfy(isParticle) && list.count <= 4
    }

    /// Two or three capitalised words, none an initial: "Sá Müller", "Ebrahimpour Boroojeny".
    static func isCompoundFamily(_ list: [String]) -> Bool {
        return (2...3).contains(list.count) && list.allSatisfy { $0.first?.isUppercase == true && !isInitialWord($0) && $0.count > 1 }
    }

    /// Given names alone: capitalised words and initials, at most three.
    static func isGivenOnly(_ list: [String]) -> Bool {
        return !list.isEmpty && list.count <= 3 && list.allSatisfy { $0.first?.isUppercase == true }
    }

    /// "Xu K", "Smith JA", "Heidegger M.": family first, initials last.
    static func looksVancouver(_ list: [String]) -> Bool {
        guard list.count >= 2, let last = list.last else { return false }
        return isInitialWord(last) && !isInitialWord(list[0])
    }

    /// "Jr.", "III", "2nd": a generational suffix (lowercase `suffixes`).
    static func isSuffix(_ text: String) -> Bool { suffixes.contains(text.lowercasedFast()) }

    static let groupWords: Set<String> = [
        "consortium", "group", "collaboration", "committee", "association", "society", "institute", "team", "network",
        "project", "organization", "organisation", "council", "agency", "ministry", "department", "inc", "ltd",
        "university", "foundation", "office", "bureau", "commission", "centre", "center", "investigators", "board",
        "working", "task", "force", "panel", "alliance", "federation", "union", "world", "national", "who",
    ]

    static func isGroup(_ list: [String]) -> Bool {
        if list.contains(where: isGroupWord) { return true }
        return list.count > 4 && !list.contains(where: isInitialWord)
    }

    /// Whether `word`, lowered and trimmed of ". , ( )", is one of `groupWords`; an ASCII word without a carriage
    /// return (a character per byte) is compared as bytes with the group words of its length, with no string made.
    static func isGroupWord(_ word: String) -> Bool {
        var text = word
        let answer: Bool? = text.withUTF8 { bytes in
            guard isOneCharacterPerByte(bytes) else { return nil }
            func trimmed(_ byte: UInt8) -> Bool { byte == 0x2E || byte == 0x2C || byte == 0x28 || byte == 0x29 }
            var start = 0, end = bytes.count
            while start < end, trimmed(bytes[start]) { start += 1 }
            while end > start, trimmed(bytes[end - 1]) { end -= 1 }
            let length = end - start
            guard length < groupWordBytes.count else { return false }
            return groupWordBytes[length].contains { candidate in
                (0..<length).allSatisfy { offset in
                    let byte = bytes[start + offset]
                    return (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == candidate[offset]
                }
            }
        }
        return answer ?? groupWords.contains(word.lowercasedFast().trimmingASCII(".,()"))
    }

    /// `groupWords` as bytes, by length (`groupWordBytes[n]` holds the words of n bytes).
    private static let groupWordBytes: [[[UInt8]]] = {
        let words = groupWords.map { Array($0.utf8) }
        let longest = words.map(\.count).max() ?? 0
        return (0...longest).map { length in words.filter { $0.count == length } }
    }()

    /// "Smith" + "J. A." (from "Smith, J. A.").
    static func inverted(family list: [String], given: String) -> CSLName {
        let particles = list.prefix(while: isParticle)
        let rest = list.dropFirst(particles.count)
        return CSLName(family: rest.joined(separator: " "), given: given,
                       particle: particles.isEmpty ? nil : particles.joined(separator: " "))
    }

    /// One name written in one piece: "K. Xu", "Xu K", "John van der Berg Jr.".
    static func single(_ words: [String]) -> CSLName? {
        var list = words
        guard !list.isEmpty else { return nil }
        var suffix: String?
        if list.count > 1, let last = list.last, isSuffix(last) {
            suffix = last
            list.removeLast()
        }
        if list.count == 1 { return CSLName(family: list[0], suffix: suffix) }
        if looksVancouver(list) {
            // Family (with particles) first, initials last.
            var givenStart = list.count
            while givenStart > 1, isInitialWord(list[givenStart - 1]) { givenStart -= 1 }
            var given = list[givenStart...].joined(separator: " ")
            // "JC." at the end of a list: the dot closes the list, not an initial.
            if given.hasSuffix("."), given.dropLast().allSatisfy({ $0.isUppercase || $0 == " " || $0 == "-" }) { given.removeLast() }
            var name = inverted(family: Array(list[..<givenStart]), given: given)
            name.suffix = suffix
            return name
        }
        // Given names first: the family name is the last word, with the particles before it.
        var familyStart = list.count - 1
        while familyStart > 1, isParticle(list[familyStart - 1]) { familyStart -= 1 }
        let particles = list[familyStart..<(list.count - 1)]
        return CSLName(family: list[list.count - 1], given: list[..<familyStart].joined(separator: " "),
                       particle: particles.isEmpty ? nil : particles.joined(separator: " "), suffix: suffix)
    }
}
