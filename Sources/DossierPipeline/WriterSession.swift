import Foundation

/// What one batch remembers between a writer's `begin`, `write` and `end`, and the notes a writer leaves for the user.
///
/// Writers are shared values and cannot change the document, so two things live here instead: state a batch needs
/// (citation keys already used, items already written into an enclosing array) and notes about what a format could
/// not hold (characters XML 1.0 forbids, fields JSON Resume has no place for). The caller shows the notes on stderr,
/// next to the input's name. One session belongs to one batch; `WriterOptions()` makes a fresh one.
public final class WriterSession: @unchecked Sendable {
    private let lock = NSLock()
    private var counters: [String: Int] = [:]
    private var claimed: [String: Set<String>] = [:]
    private var notes: [String] = []

    public init() {}

    /// Adds `amount` to the counter `name` and returns the value it had before.
    public func advance(_ name: String, by amount: Int = 1) -> Int {
        lock.lock()
        defer { lock.unlock() }
        let before = counters[name, default: 0]
        counters[name] = before + amount
        return before
    }

    /// Takes `key` in `namespace`; false when it was already taken.
    public func claim(_ key: String, in namespace: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return claimed[namespace, default: []].insert(key).inserted
    }

    /// Forgets the counter and the keys called `name` (a writer's `begin` starts its batch clean).
    public func reset(_ name: String) {
        lock.lock()
        defer { lock.unlock() }
        counters[name] = nil
        claimed[name] = nil
    }

    /// Leaves a note for the user, e.g. "jats: dropped 2 characters XML 1.0 cannot hold (U+0001, U+FFFF)".
    public func note(_ message: String) {
        lock.lock()
        defer { lock.unlock() }
        notes.append(message)
    }

    /// The notes left since the last call, oldest first; the caller prints them after each document.
    public func takeNotes() -> [String] {
        lock.lock()
        defer { lock.unlock() }
        let taken = notes
        notes = []
        return taken
    }
}
