import DossierText

/// Feature keys: each token's string properties are hashed once (FNV-1a, 64 bits), and a key is that hash mixed
/// with the template number and folded to 32 bits, so the model stores numbers, not strings.
package enum FeatureHash {
    /// FNV-1a over Unicode scalars (their UTF-8 bytes).
    struct Accumulator {
        private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

        mutating func mix(_ byte: UInt8) {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01B3
        }

        mutating func mix(_ scalar: Unicode.Scalar) {
            if scalar.value < 128 { mix(UInt8(scalar.value)); return }
            let value = scalar.value
            if value < 0x800 {
                mix(UInt8(0xC0 | value >> 6))
            } else if value < 0x10000 {
                mix(UInt8(0xE0 | value >> 12))
                mix(UInt8(0x80 | (value >> 6) & 0x3F))
            } else {
                mix(UInt8(0xF0 | value >> 18))
                mix(UInt8(0x80 | (value >> 12) & 0x3F))
                mix(UInt8(0x80 | (value >> 6) & 0x3F))
            }
            mix(UInt8(0x80 | value & 0x3F))
        }

        mutating func mix(_ text: String) {
            for byte in text.utf8 { mix(byte) }
        }
    }

    /// The hash of a string value.
    static func value(_ text: String) -> UInt64 {
        var accumulator = Accumulator()
        accumulator.mix(text)
        return accumulator.value
    }

    /// A small number as a value.
    static func value(_ number: Int) -> UInt64 { UInt64(bitPattern: Int64(number)) &+ 0x1000 }

    /// The key of `template` + a value hash.
    static func key(_ template: UInt8, _ value: UInt64) -> UInt32 {
        fold(mix(value ^ (UInt64(template) &* 0x9E37_79B9_7F4A_7C15)))
    }

    /// The key of `template` + two value hashes (order matters).
    static func key(_ template: UInt8, _ first: UInt64, _ second: UInt64) -> UInt32 {
        fold(mix(mix(first ^ (UInt64(template) &* 0x9E37_79B9_7F4A_7C15)) ^ second))
    }

    /// The key of `template` + a string value.
    static func key(_ template: UInt8, _ text: String) -> UInt32 { key(template, value(text)) }

    /// SplitMix64's finaliser: every input bit affects every output bit.
    static func mix(_ input: UInt64) -> UInt64 {
        var z = input &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    static func fold(_ value: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: value ^ (value >> 32)) }
}
