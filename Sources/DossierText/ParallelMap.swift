import Dispatch

/// `map` over every core for long lists of independent items (a document's 4,000 references parsed one by one kept
/// one core of two busy): the same results in the same order as `items.map(transform)`. Lists shorter than
/// `minimumCount` are mapped on the calling thread, where starting threads would cost more than it saves.
package enum ParallelMap {
    /// `items.map(transform)`, computed in chunks of `chunk` items spread over the cores; `transform` must not depend
    /// on the order in which items are mapped (it sees only its item).
    package static func map<Element: Sendable, Result>(
        _ items: [Element], minimumCount: Int = 32, chunk: Int = 8, _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        let count = items.count
        guard count >= max(minimumCount, 2), chunk > 0 else { return items.map(transform) }
        let chunks = (count + chunk - 1) / chunk
        return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            let target = Target(base: base)
            DispatchQueue.concurrentPerform(iterations: chunks) { index in
                let start = index * chunk
                for item in start..<min(start + chunk, count) { (target.base + item).initialize(to: transform(items[item])) }
            }
            initialized = count
        }
    }

    /// `(first(), second())`, the two run at once on two threads: two independent scans of one document (its blocks'
    /// text and its references') that each take a core.
    package static func pair<First, Second>(_ first: @Sendable () -> First, _ second: @Sendable () -> Second) -> (First, Second) {
        let results = Pair<First, Second>()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 { results.first = first() } else { results.second = second() }
        }
        // Both are set once `concurrentPerform` returns; the fallbacks only satisfy the compiler.
        guard let one = results.first, let two = results.second else { return (first(), second()) }
        return (one, two)
    }

    /// The two results of `pair`, each written by one thread and read after both ended.
    private final class Pair<First, Second>: @unchecked Sendable {
        var first: First?
        var second: Second?
    }

    /// The uninitialised result storage, written by several threads, each at its own items only.
    private struct Target<Result>: @unchecked Sendable {
        let base: UnsafeMutablePointer<Result>
    }
}
