import Foundation

/// How much Markdown source the reader parses, checked on the bytes before cmark sees them.
///
/// cmark and the copy of its tree cost about 40–120 bytes of memory per byte of source (a 10 MB line of
/// `*emph*` is 1.2 GB), and the stages only ever see `TextBudget.standard` (4 MiB) of text. So a line longer
/// than `maximumLineBytes` keeps its first part, and past `maximumBytes` the source is cut at the end of a line;
/// a warning says what was cut. Both limits are far above any CV or publication list (their longest lines are a
/// few kilobytes), so that normal documents read exactly as before.
enum SourceBudget {
    /// 1 MiB: a line longer than this keeps its first MiB (cut on a character boundary).
    static let maximumLineBytes = 1 << 20
    /// 8 MiB: twice the text budget of the stages; the source is cut after the last whole line within it.
    static let maximumBytes = 8 << 20

    /// 64 KiB: with a longer line, bare web and e-mail addresses are not made links. cmark-gfm's autolink
    /// extension copies the rest of a text run at every address it finds, so a line of a megabyte holding
    /// 45,000 addresses costs a gigabyte and seconds; the text is read all the same.
    static let maximumAutolinkLineBytes = 64 << 10

    /// What the budget leaves of a source: the bytes, the warnings, and the longest line kept (line number, bytes).
    struct Result {
        var bytes: Data
        var problems: [String]
        var longestLine: (number: Int, bytes: Int)

        /// Whether cmark may make links of bare addresses (no line longer than `maximumAutolinkLineBytes`).
        var autolinks: Bool { longestLine.bytes <= SourceBudget.maximumAutolinkLineBytes }

        /// The warning when `autolinks` is false.
        var autolinkProblem: String? {
            autolinks ? nil : "line \(longestLine.number) is longer than \(SourceBudget.maximumAutolinkLineBytes >> 10) KB; bare web and e-mail addresses in the document were left as text, not made links"
        }
    }

    /// `bytes` (line endings already `\n`) within both limits, what was cut, phrased for a warning, and the
    /// longest line that remains.
    static func apply(to bytes: Data, lineLimit: Int = maximumLineBytes, limit: Int = maximumBytes) -> Result {
        var problems: [String] = []
        var result = bytes
        if let cut = cuttingLongLines(bytes, limit: lineLimit) {
            result = cut.bytes
            problems.append(cut.count == 1
                ? "line \(cut.firstLine) is \(megabytes(cut.longest)) MB long; only its first \(megabytes(lineLimit)) MB were read"
                : "\(cut.count) lines are longer than \(megabytes(lineLimit)) MB (the first is line \(cut.firstLine), the longest \(megabytes(cut.longest)) MB); only the first \(megabytes(lineLimit)) MB of each were read")
        }
        if result.count > limit {
            let whole = result.count
            let (kept, lines) = result.withUnsafeBytes { raw -> (Int, Int) in
                guard let base = raw.baseAddress else { return (0, 0) }
                // After the last newline within the limit, or (no newline at all) on a character boundary.
                let buffer = raw.bindMemory(to: UInt8.self)
                guard let newline = buffer[..<limit].lastIndex(of: 0x0A) else {
                    return (characterBoundary(buffer, atMost: limit), 1)
                }
                let kept = newline + 1
                var lines = 0, start = 0
                while start < kept, let next = memchr(base + start, 0x0A, kept - start) {
                    lines += 1
                    start = base.distance(to: UnsafeRawPointer(next)) + 1
                }
                return (kept, lines)
            }
            result = Data(result.prefix(kept))
            problems.append("the source is \(megabytes(whole)) MB; only its first \(megabytes(kept)) MB (\(lines) lines) were read")
        }
        return Result(bytes: result, problems: problems, longestLine: longestLine(result))
    }

    /// The longest line of `bytes`: its number (from 1) and length in bytes.
    static func longestLine(_ bytes: Data) -> (number: Int, bytes: Int) {
        bytes.withUnsafeBytes { raw -> (number: Int, bytes: Int) in
            guard let base = raw.baseAddress else { return (1, 0) }
            var longest = (number: 1, bytes: 0), line = 1, start = 0
            while start < raw.count {
                let end = memchr(base + start, 0x0A, raw.count - start).map { base.distance(to: UnsafeRawPointer($0)) } ?? raw.count
                if end - start > longest.bytes { longest = (line, end - start) }
                start = end + 1
                line += 1
            }
            return longest
        }
    }

    /// The bytes with every line longer than `limit` cut to it, or nil when no line is that long.
    private static func cuttingLongLines(_ bytes: Data, limit: Int) -> (bytes: Data, count: Int, firstLine: Int, longest: Int)? {
        guard bytes.count > limit else { return nil }
        return bytes.withUnsafeBytes { raw -> (bytes: Data, count: Int, firstLine: Int, longest: Int)? in
            let buffer = raw.bindMemory(to: UInt8.self)
            guard let base = raw.baseAddress else { return nil }
            var output: Data?
            var count = 0, firstLine = 0, longest = 0, line = 1, start = 0, copied = 0
            while start < buffer.count {
                let end = memchr(base + start, 0x0A, buffer.count - start).map { base.distance(to: UnsafeRawPointer($0)) } ?? buffer.count
                if end - start > limit {
                    if output == nil {
                        output = Data()
                        output?.reserveCapacity(min(buffer.count, 2 * limit))
                    }
                    let keep = characterBoundary(UnsafeBufferPointer(rebasing: buffer[start..<end]), atMost: limit)
                    output?.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[copied..<(start + keep)]))
                    copied = end
                    count += 1
                    if firstLine == 0 { firstLine = line }
                    longest = max(longest, end - start)
                }
                start = end + 1
                line += 1
            }
            guard var cut = output else { return nil }
            if copied < buffer.count { cut.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[copied...])) }
            return (cut, count, firstLine, longest)
        }
    }

    /// The largest length up to `limit` that does not end inside a UTF-8 sequence.
    private static func characterBoundary(_ bytes: UnsafeBufferPointer<UInt8>, atMost limit: Int) -> Int {
        var end = min(limit, bytes.count)
        while end > 0, end < bytes.count, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return end
    }

    private static func megabytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1_048_576) }
}
