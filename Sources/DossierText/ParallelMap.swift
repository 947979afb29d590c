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

    /// The uninitialised result storage, written by several threads, each at its own items only.
    private struct Target<Result>: @unchecked Sendable {
        let base: UnsafeMutablePointer<Result>
    }
}
