/// FNV-1a hashing of feature strings into 32-bit keys, so the model stores numbers, not strings.
struct FeatureHash {
    private var state: UInt64

    /// Starts a hash for one feature template.
    init(template: UInt8) {
        state = 0xcbf2_9ce4_8422_2325
        mix(template)
        mix(0xFF)
    }

    mutating func mix(_ byte: UInt8) {
        state ^= UInt64(byte)
        state &*= 0x0000_0100_0000_01B3
    }

    mutating func mix(_ text: String) {
        for byte in text.utf8 { mix(byte) }
    }

    mutating func mix(_ text: Substring) {
        for byte in text.utf8 { mix(byte) }
    }

    /// The 32-bit key (the two halves folded together).
    var key: UInt32 { UInt32(truncatingIfNeeded: state ^ (state >> 32)) }

    /// The key of `template` + `value`.
    static func key(_ template: UInt8, _ value: String) -> UInt32 {
        var hash = FeatureHash(template: template)
        hash.mix(value)
        return hash.key
    }

    /// The key of `template` + two values.
    static func key(_ template: UInt8, _ first: String, _ second: String) -> UInt32 {
        var hash = FeatureHash(template: template)
        hash.mix(first)
        hash.mix(0x1F)
        hash.mix(second)
        return hash.key
    }
}
