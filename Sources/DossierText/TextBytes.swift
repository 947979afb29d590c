#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension StringProtocol {
    /// `lowercased()`, built from UTF-8 bytes: the standard library's only fast path is an all-ASCII string, and
    /// one "é" in a reference made it build a String per scalar. The work is the String version's.
    package func lowercasedFast() -> String { String(self).lowercasedFast() }
}

extension String {
    /// Whether `needle` occurs byte for byte: `memchr` finds each candidate first byte, `memcmp` checks the rest
    /// (`includes` compares byte by byte, and `guess` asks for 35 needles per reference).
    package func containsBytes(_ needle: String) -> Bool {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { hay in needle.withUTF8 { pin in ByteSearch.contains(pin, in: hay) } }
    }
}

extension String {
    /// `utf8.contains(byte)` by `memchr` over the contiguous bytes: the generic `contains` over the UTF-8 view ran
    /// unspecialised, tens of instructions a byte, on every reference line several times.
    package func containsByte(_ byte: UInt8) -> Bool {
        var text = self
        return text.withUTF8 { UTF8Scalars.contains(byte, in: $0) }
    }
}

extension String {
    /// Whether every byte is ASCII, eight at a time (the generic `utf8.allSatisfy` ran a closure per byte).
    package var isAllASCII: Bool {
        var text = self
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return true }
            let count = bytes.count
            var index = 0
            while index + 8 <= count {
                if UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                index += 8
            }
            while index < count {
                if base[index] >= 0x80 { return false }
                index += 1
            }
            return true
        }
    }

    /// `count <= limit` (characters): true when the bytes are few enough, else the scalars counted up to the limit when
    /// every scalar stands alone (`FoundationPrecheck.allStandAlone`, each is then a character), else `count`.
    package func hasAtMostCharacters(_ limit: Int) -> Bool {
        var text = self
        // As `characterCount`, counting scalars only until the count passes the limit.
        let answer: Bool? = text.withUTF8 { bytes in
            if bytes.count <= limit { return true }
            guard FoundationPrecheck.allStandAlone(bytes) else { return nil }
            var scalars = 0
            for byte in bytes where byte & 0xC0 != 0x80 {
                scalars += 1
                if scalars > limit { return false }
            }
            return true
        }
        return answer ?? (count <= limit)
    }

    /// `count` (characters), from the bytes when the text is ASCII: there every byte is a character but for a line
    /// feed after a carriage return ("\r\n" is one), as no ASCII scalar extends or joins another. Where every
    /// scalar stands alone (`FoundationPrecheck.allStandAlone`: no CR, nothing from U+0300 on but four dashes), each
    /// scalar is a character: the count is that of the bytes that open a scalar.
    package var characterCount: Int {
        var text = self
        let counted: Int? = text.withUTF8 { bytes in
            var pairs = 0
            var previous: UInt8 = 0
            var ascii = true
            for byte in bytes {
                if byte >= 0x80 { ascii = false; break }
                if byte == 0x0A && previous == 0x0D { pairs += 1 }
                previous = byte
            }
            if ascii { return bytes.count - pairs }
            guard FoundationPrecheck.allStandAlone(bytes) else { return nil }
            var scalars = 0
            for byte in bytes where byte & 0xC0 != 0x80 { scalars += 1 }
            return scalars
        }
        return counted ?? count
    }
}

extension Substring {
    /// `utf8.contains(byte)` by `memchr` (`String.containsByte`).
    package func containsByte(_ byte: UInt8) -> Bool {
        var text = self
        return text.withUTF8 { UTF8Scalars.contains(byte, in: $0) }
    }
}

extension String {
    /// `split(separator: Character(separator))` (omitting empty pieces) for an ASCII separator other than CR, cut at
    /// the bytes when every scalar stands alone (`FoundationPrecheck.allStandAlone`: each scalar is then a character
    /// that only that scalar equals); the Character split otherwise.
    package func splitFast(_ separator: UInt8) -> [Substring] { Substring(self).splitFast(separator) }
}

extension Substring {
    /// `split(separator: Character(separator))`, as `String.splitFast`.
    package func splitFast(_ separator: UInt8) -> [Substring] {
        var text = self
        let pieces: [Range<Int>]? = text.withUTF8 { FoundationPrecheck.pieces($0, separator) }
        guard let pieces else { return split(separator: Character(Unicode.Scalar(separator))) }
        return FoundationPrecheck.slices(self, pieces)
    }
}

extension Substring {
    /// `splitFast(separator).last` without cutting the rest: the last non-empty piece between `separator` bytes, read
    /// from the end (names are trimmed of a last word again and again).
    package func lastPieceFast(_ separator: UInt8) -> Substring? {
        var text = self
        let piece: Range<Int>?? = text.withUTF8 { bytes -> Range<Int>?? in
            guard FoundationPrecheck.allStandAlone(bytes) else { return .none }
            var end = bytes.count
            while end > 0, bytes[end - 1] == separator { end -= 1 }
            guard end > 0 else { return .some(nil) }
            var start = end
            while start > 0, bytes[start - 1] != separator { start -= 1 }
            return .some(start..<end)
        }
        guard let piece else { return splitFast(separator).last }
        guard let piece else { return nil }
        let utf8 = self.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: piece.lowerBound)
        return self[lower..<utf8.index(lower, offsetBy: piece.count)]
    }
}

extension FoundationPrecheck {
    /// The byte ranges of the non-empty pieces between `separator` bytes, or nil when a scalar does not stand alone.
    static func pieces(_ bytes: UnsafeBufferPointer<UInt8>, _ separator: UInt8) -> [Range<Int>]? {
        guard allStandAlone(bytes) else { return nil }
        var pieces: [Range<Int>] = []
        var start = 0
        for index in 0..<bytes.count where bytes[index] == separator {
            if index > start { pieces.append(start..<index) }
            start = index + 1
        }
        if bytes.count > start { pieces.append(start..<bytes.count) }
        return pieces
    }

    /// The slices of `text` at UTF-8 offsets `pieces` (from its start), which fall on scalar boundaries.
    package static func slices(_ text: Substring, _ pieces: [Range<Int>]) -> [Substring] {
        let utf8 = text.utf8
        var result: [Substring] = []
        result.reserveCapacity(pieces.count)
        var cursor = utf8.startIndex, cursorOffset = 0
        for piece in pieces {
            let lower = utf8.index(cursor, offsetBy: piece.lowerBound - cursorOffset)
            let upper = utf8.index(lower, offsetBy: piece.count)
            result.append(text[lower..<upper])
            cursor = upper
            cursorOffset = piece.upperBound
        }
        return result
    }
}

extension String {
    /// Whether any of `needles` occurs byte for byte: `containsBytes` of each in turn, the text's bytes taken once.
    package func containsAnyBytes(_ needles: [String]) -> Bool {
        var haystack = self
        return haystack.withUTF8 { hay in
            needles.contains { needle in
                var needle = needle
                return needle.withUTF8 { ByteSearch.contains($0, in: hay) }
            }
        }
    }
}

/// The one byte search of Dossier: whether `pin` occurs in `hay`.
package enum ByteSearch {
    /// Exact bytes: `memchr` finds each candidate first byte, `memcmp` checks the rest.
    package static func contains(_ pin: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        firstOffset(of: pin, in: hay, from: 0) != nil
    }

    /// Where `pin` first occurs in `hay` at or after byte `start`, nil if nowhere (an empty `pin` at `start`).
    package static func firstOffset(of pin: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start >= 0, start <= hay.count else { return nil }
        guard let pinBase = pin.baseAddress, !pin.isEmpty else { return start }
        guard let hayBase = hay.baseAddress, pin.count <= hay.count - start else { return nil }
        let first = Int32(pin[0])
        var offset = start
        let last = hay.count - pin.count
        while offset <= last {
            guard let found = memchr(hayBase + offset, first, last - offset + 1) else { return nil }
            let position = hayBase.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(hayBase + position, pinBase, pin.count) == 0 { return position }
            offset = position + 1
        }
        return nil
    }

    /// Whether `text` holds a non-ASCII scalar that a case-insensitive expression may match to an ASCII letter: one
    /// whose lowercase, uppercase or case folding holds one ("ß", "İ", "ı", "ſ", the Kelvin sign "K", the Latin
    /// ligatures "ﬀ"–"ﬆ", and a few more). Without one, an ASCII literal matches such text ignoring case exactly
    /// where its bytes match ignoring ASCII case.
    package static func mayFoldToASCIILetter(_ text: String) -> Bool {
        guard !text.isAllASCII else { return false }
        var text = text
        // Scalar by scalar off the (valid) UTF-8 bytes.
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    index += 1
                    continue
                }
                let (value, length) = UTF8Scalars.decode(bytes, at: index)
                switch value {
                case 0xDF, 0x130, 0x131, 0x149, 0x17F, 0x1F0, 0x1E96...0x1E9A, 0x1E9E, 0x212A, 0xFB00...0xFB06: return true
                default: index += length
                }
            }
            return false
        }
    }

    /// False only when no literal of `literals` (lowercase ASCII) can match `text` in a case-insensitive expression:
    /// none occurs in the bytes ignoring ASCII case, and no scalar may fold to an ASCII letter.
    package static func mayHoldFoldingASCII(_ text: String, anyOf literals: [StaticString]) -> Bool {
        if mayFoldToASCIILetter(text) { return true }
        var text = text
        return text.withUTF8 { hay in
            literals.contains { literal in
                literal.withUTF8Buffer { containsFoldingASCIICase($0, in: hay) }
            }
        }
    }

    /// With ASCII letters of `hay` folded to lowercase (`pin` is lowercase).
    package static func containsFoldingASCIICase(_ pin: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !pin.isEmpty else { return true }
        guard pin.count <= hay.count else { return false }
        let head = pin[0]
        // A lowercase ASCII letter first (every caller's): a byte folds to it when it is it with the 0x20 bit set.
        let headIsLetter = head >= 0x61 && head <= 0x7A
        let last = hay.count - pin.count
        // Eight starts at a time are passed over while no byte of them folds to the head (with the 0x20 bit set, no
        // byte is zero after the xor): the search ran byte by byte over every reference, three literals each.
        let ones: UInt64 = 0x0101_0101_0101_0101, heads = UInt64(head) &* ones
        var start = 0
        while start <= last {
            defer { start += 1 }
            if headIsLetter, let base = hay.baseAddress {
                while start + 7 <= last {
                    let folded = (UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self) | 0x2020_2020_2020_2020) ^ heads
                    guard (folded &- ones) & ~folded & 0x8080_8080_8080_8080 == 0 else { break }
                    start += 8
                }
                guard start <= last else { break }
            }
            if headIsLetter, hay[start] | 0x20 != head { continue }
            var offset = 0
            while offset < pin.count {
                var byte = hay[start + offset]
                if byte >= 65 && byte <= 90 { byte += 32 }
                if byte != pin[offset] { break }
                offset += 1
            }
            if offset == pin.count { return true }
        }
        return false
    }
}

extension UInt8 {
    /// ASCII white space as `Character.isWhitespace` has it: space, and tab to carriage return.
    @inlinable package var isASCIIWhitespace: Bool { self == 0x20 || (self >= 0x09 && self <= 0x0D) }

    /// `isASCIIWhitespace`, or an information separator (U+001C–U+001F) that some white-space tests also take: for
    /// prechecks that must never count a space as a letter.
    @inlinable package var mayBeASCIISpace: Bool { isASCIIWhitespace || (self >= 0x1C && self <= 0x1F) }
}

extension Character {
    /// `isWhitespace` without the Unicode property lookup for one ASCII byte (tab to carriage return and space).
    package var isWhitespaceFast: Bool {
        let utf8 = self.utf8
        if utf8.count == 1, let byte = utf8.first { return byte.isASCIIWhitespace }
        return isWhitespace
    }
}

extension StringProtocol {
    /// The text without whitespace at either end (`isWhitespaceFast`).
    package func trimmingWhitespace() -> String {
        var result = Substring(self)
        // Where every scalar is a character (`FoundationPrecheck.allStandAlone`), ASCII white space is trimmed as bytes;
        // a non-ASCII scalar left at an end (it may be white space, U+00A0 or U+0085) is left to the characters below.
        let trimmed: Range<Int>? = result.withUTF8 { bytes in
            guard FoundationPrecheck.allStandAlone(bytes) else { return nil }
            var start = 0, end = bytes.count
            while start < end, bytes[start].isASCIIWhitespace { start += 1 }
            while end > start, bytes[end - 1].isASCIIWhitespace { end -= 1 }
            guard start == end || (bytes[start] < 0x80 && bytes[end - 1] < 0x80) else { return nil }
            return start..<end
        }
        if let trimmed {
            let utf8 = result.utf8
            let lower = utf8.index(utf8.startIndex, offsetBy: trimmed.lowerBound)
            return String(result[lower..<utf8.index(lower, offsetBy: trimmed.count)])
        }
        while let first = result.first, first.isWhitespaceFast { result = result.dropFirst() }
        while let last = result.last, last.isWhitespaceFast { result = result.dropLast() }
        return String(result)
    }
}

extension StringProtocol {
    /// `split(separator: "\n", omittingEmptySubsequences:)` cut at the bytes: a line feed is a character of its own
    /// unless a carriage return comes before it ("\r\n" is one character, which the Character split never cuts).
    package func linesSplitFast(omittingEmptySubsequences omitting: Bool = true) -> [SubSequence] {
        linesSplitBytewise(omittingEmptySubsequences: omitting)
    }

    /// `linesSplitFast` byte by byte through the generic UTF-8 view.
    package func linesSplitBytewise(omittingEmptySubsequences omitting: Bool = true) -> [SubSequence] {
        var lines: [SubSequence] = []
        let bytes = utf8
        var start = bytes.startIndex, index = start
        var previous: UInt8 = 0
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x0A && previous != 0x0D {
                if start != index || !omitting { lines.append(self[start..<index]) }
                start = bytes.index(after: index)
            }
            previous = byte
            index = bytes.index(after: index)
        }
        if start != bytes.endIndex || !omitting { lines.append(self[start..<bytes.endIndex]) }
        return lines
    }
}

extension String {
    /// `linesSplitFast` of a String, not generic (a generic call across modules runs unspecialised, a witness call
    /// per byte): `memchr` finds each line feed in the contiguous bytes, and the cuts become indices by offset.
    package func linesSplitFast(omittingEmptySubsequences omitting: Bool = true) -> [Substring] {
        // Contiguous bytes (native strings): `memchr` finds each line feed, and the cuts become indices by offset.
        let contiguous = utf8.withContiguousStorageIfAvailable { bytes -> [SubSequence] in
            var lines: [SubSequence] = []
            guard let base = bytes.baseAddress else { return omitting ? [] : [self[startIndex..<endIndex]] }
            let origin = utf8.startIndex
            func cut(_ from: Int, _ to: Int) {
                if from != to || !omitting { lines.append(self[utf8.index(origin, offsetBy: from)..<utf8.index(origin, offsetBy: to)]) }
            }
            var start = 0, offset = 0
            while offset < bytes.count, let found = memchr(base + offset, 0x0A, bytes.count - offset) {
                let position = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if position == 0 || bytes[position - 1] != 0x0D {
                    cut(start, position)
                    start = position + 1
                }
                offset = position + 1
            }
            if start != bytes.count || !omitting { cut(start, bytes.count) }
            return lines
        }
        return contiguous ?? linesSplitBytewise(omittingEmptySubsequences: omitting)
    }

    /// `lowercasedFast()` of a String, not generic: a generic one runs unspecialised across modules. Latin-1 letters
    /// and general punctuation (an accented name, an en dash, in most references) are mapped without the scalar's
    /// `lowercaseMapping`, a String made per scalar: À–Þ but × go up by 0x20, the rest of U+0080–U+00FF and
    /// U+2000–U+206F stay (`lowercasedByScalarMappings` is the reference, checked on every one of them).
    package func lowercasedFast() -> String { lowercased(latinFromTable: true) }

    /// `lowercasedFast` with every non-ASCII scalar through its `lowercaseMapping`: what its table must agree with.
    package func lowercasedByScalarMappings() -> String { lowercased(latinFromTable: false) }

    /// ASCII lowered as bytes; with `latinFromTable`, Latin-1 letters and general punctuation by the table above,
    /// every other scalar (every non-ASCII one without it) through its `lowercaseMapping`.
    private func lowercased(latinFromTable: Bool) -> String {
        if isAllASCII { return lowercased() }
        var text = self
        // Scalar by scalar off the (valid) UTF-8 bytes: iterating the scalar view cost more than the mappings.
        let bytes: [UInt8] = text.withUTF8 { source in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(source.count)
            var index = 0
            while index < source.count {
                let byte = source[index]
                if byte < 0x80 {
                    bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                    index += 1
                    continue
                }
                let (value, length) = UTF8Scalars.decode(source, at: index)
                switch value {
                case 0xC0...0xDE where latinFromTable && value != 0xD7:
                    // Two bytes, C3 80–C3 9E: the lowercase letter is C3 A0–C3 BE.
                    bytes.append(0xC3)
                    bytes.append(UInt8(truncatingIfNeeded: value + 0x20 - 0xC0) | 0x80)
                case 0x80...0xFF where latinFromTable, 0x2000...0x206F where latinFromTable:
                    for offset in index..<min(index + length, source.count) { bytes.append(source[offset]) }
                default:
                    if let scalar = Unicode.Scalar(value) { bytes.append(contentsOf: scalar.properties.lowercaseMapping.utf8) }
                }
                index += length
            }
            return bytes
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Substring {
    /// `lowercasedFast()` of a Substring through the String one: the generic one runs unspecialised across modules.
    package func lowercasedFast() -> String { String(self).lowercasedFast() }
}

/// Scalars off valid UTF-8 bytes, for the byte scans that meet a non-ASCII lead byte.
package enum UTF8Scalars {
    /// Whether `byte` occurs in `bytes`, by `memchr`.
    @inline(__always)
    package static func contains(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
        return memchr(base, Int32(byte), bytes.count) != nil
    }

    /// The scalar value whose encoding starts with the lead byte at `index` (not ASCII), and its length in bytes.
    @inline(__always)
    package static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let byte = bytes[index]
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
        var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length where index + offset < bytes.count { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (value, length)
    }
}
