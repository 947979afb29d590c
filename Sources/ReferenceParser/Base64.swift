import DossierText

/// Base64 (RFC 4648, with padding) without Foundation, for the model embedded as a string literal.
package enum Base64 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index + 2 < bytes.count {
            let value = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            for shift in [18, 12, 6, 0] { out.append(alphabet[Int((value >> UInt32(shift)) & 63)]) }
            index += 3
        }
        let rest = bytes.count - index
        if rest > 0 {
            var value = UInt32(bytes[index]) << 16
            if rest == 2 { value |= UInt32(bytes[index + 1]) << 8 }
            out.append(alphabet[Int((value >> 18) & 63)])
            out.append(alphabet[Int((value >> 12) & 63)])
            out.append(rest == 2 ? alphabet[Int((value >> 6) & 63)] : UInt8(ascii: "="))
            out.append(UInt8(ascii: "="))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Each byte's 6-bit value; -1 for a byte outside the alphabet.
    private static let lookup: [Int16] = {
        var table = [Int16](repeating: -1, count: 256)
        for (index, byte) in alphabet.enumerated() { table[Int(byte)] = Int16(index) }
        return table
    }()

    /// The bytes of `text`; characters outside the alphabet (newlines) are skipped; nil when malformed.
    /// One pass over the UTF-8 in place into a buffer of the final size (the model's 4 MB decode runs on every
    /// process that parses a reference, so it avoids the per-byte growth checks of `append`).
    static func decode(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { decode(utf8: $0) }
    }

    private static func decode(utf8 input: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        lookup.withUnsafeBufferPointer { lookup -> [UInt8]? in
            var malformed = false
            let out = [UInt8](unsafeUninitializedCapacity: input.count / 4 * 3 + 3) { buffer, initialized in
                var written = 0
                var value: UInt32 = 0
                var bits = 0
                // Whole groups of four alphabet characters, three bytes each, until anything else (padding, a
                // newline, a stray byte) is met; the loop after it takes the rest a character at a time.
                var start = 0
                while start + 4 <= input.count {
                    let a = lookup[Int(input[start])], b = lookup[Int(input[start + 1])]
                    let c = lookup[Int(input[start + 2])], d = lookup[Int(input[start + 3])]
                    guard a | b | c | d >= 0 else { break }
                    let group = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                    buffer[written] = UInt8(truncatingIfNeeded: group >> 16)
                    buffer[written + 1] = UInt8(truncatingIfNeeded: group >> 8)
                    buffer[written + 2] = UInt8(truncatingIfNeeded: group)
                    written += 3
                    start += 4
                }
                for byte in input[start...] {
                    if byte == UInt8(ascii: "=") { break }
                    let sextet = lookup[Int(byte)]
                    if sextet < 0 {
                        if byte == 10 || byte == 13 || byte == 32 { continue }
                        malformed = true
                        break
                    }
                    value = value << 6 | UInt32(sextet)
                    bits += 6
                    if bits >= 8 {
                        bits -= 8
                        buffer[written] = UInt8(truncatingIfNeeded: value >> UInt32(bits))
                        written += 1
                    }
                }
                initialized = written
            }
            return malformed ? nil : out
        }
    }
}
