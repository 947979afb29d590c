/// A small DEFLATE decoder (RFC 1950/1951, after zlib's `puff.c`), enough to read the content streams of a
/// PDF for `FormFanOut`; poppler decodes them itself but offers no way to look at them from poppler-glib.
/// Output stops at `limit` bytes; corrupt input ends the output where the damage starts. Never traps.
enum Inflate {
    /// The bytes of a zlib stream (`/FlateDecode`), at most `limit` of them.
    static func zlib(_ input: ArraySlice<UInt8>, limit: Int) -> [UInt8] {
        guard input.count > 2 else { return [] }
        var state = State(input: Array(input.dropFirst(2)), limit: limit)
        state.run()
        return state.output
    }

    private struct Huffman {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int] = []
        /// For each value of the next `fastBits` input bits, what the bit-by-bit decoding reads from them: the symbol
        /// (shifted left by 4) and the code length, or 0 when the code is longer (or the table would read outside
        /// `symbols`): then `decode` goes bit by bit.
        var fast = [UInt16](repeating: 0, count: 1 << Inflate.fastBits)

        init(lengths: ArraySlice<Int>) {
            for length in lengths { counts[length] += 1 }
            counts[0] = 0
            var offsets = [Int](repeating: 0, count: 16)
            for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
            symbols = [Int](repeating: 0, count: lengths.count)
            for (symbol, length) in lengths.enumerated() where length != 0 {
                symbols[offsets[length]] = symbol
                offsets[length] += 1
            }
            // The same steps as `decode`, on each possible run of bits (first bit lowest).
            for bits in 0..<(1 << Inflate.fastBits) {
                var code = 0
                var first = 0
                var index = 0
                for length in 1...Inflate.fastBits {
                    code |= (bits >> (length - 1)) & 1
                    let count = counts[length]
                    if code - first < count {
                        let at = index + code - first
                        if at >= 0, at < symbols.count { fast[bits] = UInt16(symbols[at] << 4 | length) }
                        break
                    }
                    index += count
                    first = (first + count) << 1
                    code <<= 1
                }
            }
        }
    }

    /// Codes up to this many bits long are looked up in `Huffman.fast`.
    private static let fastBits = 9

    private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
        8193, 12289, 16385, 24577,
    ]
    private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    private static let fixed: (literals: Huffman, distances: Huffman) = {
        var lengths = [Int](repeating: 8, count: 288)
        for symbol in 144..<256 { lengths[symbol] = 9 }
        for symbol in 256..<280 { lengths[symbol] = 7 }
        return (Huffman(lengths: lengths[...]), Huffman(lengths: [Int](repeating: 5, count: 30)[...]))
    }()

    private struct State {
        let input: [UInt8]
        let limit: Int
        var position = 0
        var bitBuffer = 0
        var bitCount = 0
        var output: [UInt8] = []

        init(input: [UInt8], limit: Int) {
            self.input = input
            self.limit = limit
        }

        mutating func bits(_ count: Int) -> Int? {
            while bitCount < count {
                guard position < input.count else { return nil }
                bitBuffer |= Int(input[position]) << bitCount
                position += 1
                bitCount += 8
            }
            let value = bitBuffer & ((1 << count) - 1)
            bitBuffer >>= count
            bitCount -= count
            return value
        }

        /// The next symbol of `table`, from a buffer filled with up to 15 bits (or what is left of the input) first:
        /// looked up when the code is short, else read bit by bit as `puff.c` does.
        mutating func decode(_ table: Huffman) -> Int? {
            while bitCount < 15, position < input.count {
                bitBuffer |= Int(input[position]) << bitCount
                position += 1
                bitCount += 8
            }
            // A code of `fastBits` bits or fewer, all of them in the buffer: what reading it bit by bit gives.
            let entry = table.fast[bitBuffer & ((1 << Inflate.fastBits) - 1)]
            let fastLength = Int(entry & 15)
            if fastLength != 0, fastLength <= bitCount {
                bitBuffer >>= fastLength
                bitCount -= fastLength
                return Int(entry >> 4)
            }
            var buffer = bitBuffer
            var available = bitCount
            defer {
                bitBuffer = buffer
                bitCount = available
            }
            var code = 0
            var first = 0
            var index = 0
            for length in 1...15 {
                guard available > 0 else { return nil }
                code |= buffer & 1
                buffer >>= 1
                available -= 1
                let count = table.counts[length]
                if code - first < count { return table.symbols[index + code - first] }
                index += count
                first = (first + count) << 1
                code <<= 1
            }
            return nil
        }

        mutating func run() {
            while output.count < limit {
                guard let last = bits(1), let type = bits(2) else { return }
                let complete: Bool
                switch type {
                case 0: complete = stored()
                case 1: complete = codes(Inflate.fixed.literals, Inflate.fixed.distances)
                case 2: complete = dynamic()
                default: return
                }
                if !complete || last == 1 { return }
            }
        }

        private mutating func stored() -> Bool {
            // Whole bytes `decode` read ahead are given back: a stored block starts at the byte after the header.
            position -= bitCount / 8
            bitBuffer = 0
            bitCount = 0
            guard position + 4 <= input.count else { return false }
            let length = Int(input[position]) | Int(input[position + 1]) << 8
            position += 4
            let take = min(length, input.count - position, limit - output.count)
            output += input[position..<(position + take)]
            position += take
            return take == length && output.count < limit
        }

        private mutating func dynamic() -> Bool {
            guard let literalCount = bits(5).map({ $0 + 257 }), let distanceCount = bits(5).map({ $0 + 1 }),
                let codeLengthCount = bits(4).map({ $0 + 4 }), literalCount <= 286, distanceCount <= 30 else { return false }
            var codeLengths = [Int](repeating: 0, count: 19)
            for index in 0..<codeLengthCount {
                guard let length = bits(3) else { return false }
                codeLengths[Inflate.codeLengthOrder[index]] = length
            }
            let lengthCodes = Huffman(lengths: codeLengths[...])
            var lengths: [Int] = []
            while lengths.count < literalCount + distanceCount {
                guard let symbol = decode(lengthCodes) else { return false }
                if symbol < 16 {
                    lengths.append(symbol)
                    continue
                }
                var repeated = 0
                var times = 0
                switch symbol {
                case 16:
                    guard let previous = lengths.last, let extra = bits(2) else { return false }
                    repeated = previous
                    times = 3 + extra
                case 17:
                    guard let extra = bits(3) else { return false }
                    times = 3 + extra
                default:
                    guard let extra = bits(7) else { return false }
                    times = 11 + extra
                }
                guard lengths.count + times <= literalCount + distanceCount else { return false }
                lengths += [Int](repeating: repeated, count: times)
            }
            return codes(Huffman(lengths: lengths[..<literalCount]), Huffman(lengths: lengths[literalCount...]))
        }

        private mutating func codes(_ literals: Huffman, _ distances: Huffman) -> Bool {
            while output.count < limit {
                guard let symbol = decode(literals) else { return false }
                if symbol < 256 {
                    output.append(UInt8(symbol))
                    continue
                }
                if symbol == 256 { return true }
                let lengthIndex = symbol - 257
                guard lengthIndex < Inflate.lengthBase.count, let lengthExtra = bits(Inflate.lengthExtra[lengthIndex]),
                    let distanceSymbol = decode(distances), distanceSymbol < Inflate.distanceBase.count,
                    let distanceExtra = bits(Inflate.distanceExtra[distanceSymbol]) else { return false }
                let length = Inflate.lengthBase[lengthIndex] + lengthExtra
                let distance = Inflate.distanceBase[distanceSymbol] + distanceExtra
                guard distance <= output.count else { return false }
                let start = output.count - distance
                for offset in 0..<min(length, limit - output.count) { output.append(output[start + offset]) }
            }
            return false
        }
    }
}
