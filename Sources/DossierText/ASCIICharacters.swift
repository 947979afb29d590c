/// A set of ASCII characters tested by byte: `String.contains(Character)` breaks the set into graphemes on every
/// test, which made trimming a word cost more than the rest of its cleaning.
package struct ASCIICharacters {
    let members: String
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    init(_ members: String) {
        self.members = members
        for byte in members.utf8 {
            precondition(byte < 0x80, "ASCIICharacters holds ASCII only")
            if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
        }
    }

    /// Whether `byte` (a whole scalar when below 0x80) is a member.
    func containsByte(_ byte: UInt8) -> Bool {
        byte < 64 ? low >> UInt64(byte) & 1 == 1 : byte < 128 && high >> UInt64(byte - 64) & 1 == 1
    }

    /// Whether `character` equals a member, as `members.contains(character)` says.
    func contains(_ character: Character) -> Bool {
        let utf8 = character.utf8
        if utf8.count == 1, let byte = utf8.first {
            return byte < 64 ? low >> UInt64(byte) & 1 == 1 : high >> UInt64(byte - 64) & 1 == 1
        }
        // Not one ASCII byte, yet maybe equal to one: U+037E is ";" to Character equality. Only single scalars
        // (of at most 3 bytes) can equal an ASCII character.
        return utf8.count <= 3 && members.contains(character)
    }
}

extension StringProtocol {
    /// The text without `characters` (all ASCII) at either end; the same as `trimming(_:)`, faster.
    package func trimmingASCII(_ characters: String) -> String {
        let set = ASCIICharacters(characters)
        var slice = Substring(self)
        // Every scalar standing alone (`FoundationPrecheck.allStandAlone`), each is a character only itself equals:
        // the members are trimmed as bytes.
        let trimmed: Range<Int>? = slice.withUTF8 { bytes in
            guard FoundationPrecheck.allStandAlone(bytes) else { return nil }
            var start = 0, end = bytes.count
            while start < end, set.containsByte(bytes[start]) { start += 1 }
            while end > start, set.containsByte(bytes[end - 1]) { end -= 1 }
            return start..<end
        }
        if let trimmed {
            let utf8 = slice.utf8
            let lower = utf8.index(utf8.startIndex, offsetBy: trimmed.lowerBound)
            return String(slice[lower..<utf8.index(lower, offsetBy: trimmed.count)])
        }
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
