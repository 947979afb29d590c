import DossierText

/// An open-addressing map from 32-bit feature keys to rows of sparse (label, weight) pairs: the emission
/// weights of the model, looked up thousands of times per reference, so kept flat and hash-free.
package struct FeatureTable: Sendable {
    /// Open addressing over `key << 32 | row` (`empty` where free): the one probe array of both accumulate paths.
    private var packedSlots: [UInt64]
    private let mask: Int
    /// `labels[rowStart[r]..<rowStart[r + 1]]` and the same range of `weights` are the pairs of row `r`.
    private(set) var rowStart: [Int32]
    private(set) var labels: [UInt8]
    private(set) var weights: [Float]
    /// The key of each row, in row order.
    private(set) var keys: [UInt32]
    /// Every row's weights as a dense run of `denseGroups * 8` floats (zero where the row has no pair), row after row:
    /// `accumulateDense` adds a row with three vector additions where the sparse pairs took a scalar loop (about a
    /// tenth of a reference's instructions). Empty when a row names a label twice or a label past 31, where the sparse
    /// path keeps the order of its additions.
    private var dense: [Float] = []
    /// The number of `SIMD8` groups a dense row spans (0: no dense rows), and one past the largest label of any pair.
    private(set) var denseGroups = 0
    private(set) var labelBound = 0

    /// A table for the given rows; `pairs[r]` are the (label, weight) pairs of `keys[r]`.
    package init(keys: [UInt32], pairs: [[(UInt8, Float)]]) {
        var rowStart: [Int32] = [0], labels: [UInt8] = [], weights: [Float] = []
        rowStart.reserveCapacity(keys.count + 1)
        for row in pairs {
            for (label, weight) in row {
                labels.append(label)
                weights.append(weight)
            }
            rowStart.append(Int32(labels.count))
        }
        self.init(keys: keys, rowStart: rowStart, labels: labels, weights: weights)
    }

    /// A table for rows already laid out flat (what `ModelCoding.decode` reads): row `r` is `keys[r]` with the pairs
    /// `rowStart[r]..<rowStart[r + 1]` of `labels` and `weights`. The embedded model's 50,000 rows are built in every
    /// process that parses a reference, so this is one pass with no array per row.
    package init(keys: [UInt32], rowStart: [Int32], labels: [UInt8], weights: [Float]) {
        var capacity = 16
        while capacity < keys.count * 2 { capacity <<= 1 }
        let mask = capacity - 1
        self.mask = mask
        self.keys = keys
        self.rowStart = rowStart
        self.labels = labels
        self.weights = weights
        var packedSlots = [UInt64](repeating: FeatureTable.empty, count: capacity)
        packedSlots.withUnsafeMutableBufferPointer { slots in
            for (row, key) in keys.enumerated() {
                var slot = FeatureTable.slot(for: key, mask: mask)
                while slots[slot] != FeatureTable.empty { slot = (slot + 1) & mask }
                slots[slot] = UInt64(key) << 32 | UInt64(row)
            }
        }
        self.packedSlots = packedSlots
        buildDense()
    }

    /// Fills `dense` (see there), unless a row repeats a label or a label is past 31.
    private mutating func buildDense() {
        var bound = 0
        var ok = true
        labels.withUnsafeBufferPointer { labels in
            rowStart.withUnsafeBufferPointer { rowStart in
                for row in 0..<max(0, rowStart.count - 1) {
                    var seen: UInt32 = 0
                    for index in Int(rowStart[row])..<Int(rowStart[row + 1]) {
                        let label = labels[index]
                        guard label < 32, seen & (1 << UInt32(label)) == 0 else { ok = false; return }
                        seen |= 1 << UInt32(label)
                        bound = max(bound, Int(label) + 1)
                    }
                }
            }
        }
        let groups = (bound + 7) / 8
        guard ok, groups > 0 else { return }
        let stride = groups * 8
        let rowCount = keys.count
        var dense = [Float](repeating: 0, count: rowCount * stride)
        dense.withUnsafeMutableBufferPointer { dense in
            labels.withUnsafeBufferPointer { labels in
                weights.withUnsafeBufferPointer { weights in
                    rowStart.withUnsafeBufferPointer { rowStart in
                        for row in 0..<rowCount {
                            for index in Int(rowStart[row])..<Int(rowStart[row + 1]) {
                                dense[row * stride + Int(labels[index])] = weights[index]
                            }
                        }
                    }
                }
            }
        }
        self.dense = dense
        denseGroups = groups
        labelBound = bound
    }

    /// `accumulate(keys, into: scores)` for scores starting at zero, written to `scores[0..<count]` (`count` ≥
    /// `labelBound`, ≤ `denseGroups * 8`): each label meets the same weights in the same order (plus zeros, which
    /// leave a sum that starts at +0 unchanged), so every score is the same to the last bit. Needs `denseGroups` 1…4.
    func accumulateDense(_ keys: ArraySlice<UInt32>, into scores: UnsafeMutablePointer<Float>, count: Int) {
        typealias Lanes = SIMD8<Float>
        var sums = (Lanes(), Lanes(), Lanes(), Lanes())
        let groups = denseGroups, stride = groups &* 8 &* MemoryLayout<Float>.stride
        packedSlots.withUnsafeBufferPointer { slots in
            dense.withUnsafeBytes { dense in
                guard let base = dense.baseAddress else { return }
                for key in keys {
                    guard let found = row(of: key, in: slots) else { continue }
                    let row = base + found &* stride
                    sums.0 += row.loadUnaligned(as: Lanes.self)
                    if groups > 1 { sums.1 += row.loadUnaligned(fromByteOffset: 32, as: Lanes.self) }
                    if groups > 2 { sums.2 += row.loadUnaligned(fromByteOffset: 64, as: Lanes.self) }
                    if groups > 3 { sums.3 += row.loadUnaligned(fromByteOffset: 96, as: Lanes.self) }
                }
            }
        }
        withUnsafeBytes(of: &sums) { lanes in
            for label in 0..<min(count, groups * 8) { scores[label] = lanes.load(fromByteOffset: label &* 4, as: Float.self) }
        }
    }

    /// The row of `key`, probing `slots` (the buffer of `packedSlots`) from its home slot; nil when it has none.
    @inline(__always)
    private func row(of key: UInt32, in slots: UnsafeBufferPointer<UInt64>) -> Int? {
        var slot = FeatureTable.slot(for: key, mask: mask)
        while true {
            let packed = slots[slot]
            if packed == FeatureTable.empty { return nil }
            if UInt32(truncatingIfNeeded: packed >> 32) == key { return Int(UInt32(truncatingIfNeeded: packed)) }
            slot = (slot + 1) & mask
        }
    }

    static func slot(for key: UInt32, mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(key) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// Adds the weights of every key in `keys` to `scores[label]`, pair by pair in row order.
    func accumulate(_ keys: ArraySlice<UInt32>, into scores: UnsafeMutablePointer<Float>) {
        packedSlots.withUnsafeBufferPointer { slots in
            rowStart.withUnsafeBufferPointer { rowStart in
                labels.withUnsafeBufferPointer { labels in
                    weights.withUnsafeBufferPointer { weights in
                        for key in keys {
                            guard let row = row(of: key, in: slots) else { continue }
                            for index in Int(rowStart[row])..<Int(rowStart[row + 1]) {
                                scores[Int(labels[index])] += weights[index]
                            }
                        }
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
