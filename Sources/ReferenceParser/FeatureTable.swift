import DossierText

/// An open-addressing map from 32-bit feature keys to rows of sparse (label, weight) pairs: the emission
/// weights of the model, looked up thousands of times per reference, so kept flat and hash-free.
package struct FeatureTable: Sendable {
    private var slots: [UInt32]
    private var rows: [Int32]
    private var packedSlots: [UInt64]
    private var entries: [UInt32]
    private let mask: Int
    /// `labels[rowStart[r]..<rowStart[r + 1]]` and the same range of `weights` are the pairs of row `r`.
    private(set) var rowStart: [Int32]
    private(set) var labels: [UInt8]
    private(set) var weights: [Float]
    /// The key of each row, in row order.
    private(set) var keys: [UInt32]

    /// A table for the given rows; `pairs[r]` are the (label, weight) pairs of `keys[r]`.
    package init(keys: [UInt32], pairs: [[(UInt8, Float)]]) {
        var capacity = 16
        while capacity < keys.count * 2 { capacity <<= 1 }
        mask = capacity - 1
        slots = Array(repeating: 0, count: capacity)
        rows = Array(repeating: -1, count: capacity)
        rowStart = [0]
        labels = []
        weights = []
        self.keys = keys
        packedSlots = Array(repeating: FeatureTable.empty, count: capacity)
        entries = []
        // Sized once: the embedded model has about 100,000 rows, built in every process that parses a reference.
        let pairCount = pairs.reduce(0) { $0 + $1.count }
        rowStart.reserveCapacity(keys.count + 1)
        labels.reserveCapacity(pairCount)
        weights.reserveCapacity(pairCount)
        entries.reserveCapacity(keys.count + 2 * pairCount)
        for (row, key) in keys.enumerated() {
            var slot = FeatureTable.slot(for: key, mask: mask)
            while rows[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = key
            rows[slot] = Int32(row)
            packedSlots[slot] = UInt64(key) << 32 | UInt64(entries.count)
            entries.append(UInt32(pairs[row].count))
            for (label, weight) in pairs[row] {
                entries.append(UInt32(label))
                entries.append(weight.bitPattern)
            }
            for (label, weight) in pairs[row] {
                labels.append(label)
                weights.append(weight)
            }
            rowStart.append(Int32(labels.count))
        }
    }

    static func slot(for key: UInt32, mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(key) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The row of `key`, or nil.
    func row(_ key: UInt32) -> Int? {
        var slot = FeatureTable.slot(for: key, mask: mask)
        while true {
            let row = rows[slot]
            if row < 0 { return nil }
            if slots[slot] == key { return Int(row) }
            slot = (slot + 1) & mask
        }
    }

    /// Adds the weights of every key in `keys` to `scores[label]`. One probe array of (key << 32 | entry offset)
    /// and one entry array of (count, then label and weight bits per pair) keep it to about two cache misses a key.
    func accumulate(_ keys: ArraySlice<UInt32>, into scores: UnsafeMutablePointer<Float>) {
        packedSlots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                for key in keys {
                    var slot = FeatureTable.slot(for: key, mask: mask)
                    while true {
                        let packed = slots[slot]
                        if packed == FeatureTable.empty { break }
                        if UInt32(truncatingIfNeeded: packed >> 32) == key {
                            var index = Int(UInt32(truncatingIfNeeded: packed))
                            let end = index + 1 + 2 * Int(entries[index])
                            index += 1
                            while index < end {
                                scores[Int(entries[index])] += Float(bitPattern: entries[index + 1])
                                index += 2
                            }
                            break
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    static let empty = UInt64.max

    var rowCount: Int { keys.count }

    /// The pairs of row `row`.
    func pairs(ofRow row: Int) -> [(UInt8, Float)] {
        (Int(rowStart[row])..<Int(rowStart[row + 1])).map { (labels[$0], weights[$0]) }
    }
}

extension FeatureTable {
    /// The table of trained dense weights: `weight(feature, label)` gives a pair's weight, or nil to leave it out;
    /// a feature with no pair left is left out too. Both trainers prune their weights through it.
    package static func pruned(keys: [UInt32], labelCount: Int, weight: (Int, Int) -> Float?) -> FeatureTable {
        var keptKeys: [UInt32] = []
        var pairs: [[(UInt8, Float)]] = []
        for (feature, key) in keys.enumerated() {
            let row: [(UInt8, Float)] = (0..<labelCount).compactMap { label in weight(feature, label).map { (UInt8(label), $0) } }
            if !row.isEmpty {
                keptKeys.append(key)
                pairs.append(row)
            }
        }
        return FeatureTable(keys: keptKeys, pairs: pairs)
    }
}
