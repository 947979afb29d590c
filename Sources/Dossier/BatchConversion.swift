import Foundation

/// One input of a batch: how it is named in documents and error lines, and how its bytes are read (called on a
/// worker thread, once).
public struct BatchInput: Sendable {
    public var label: String
    public var load: @Sendable () throws -> Data

    public init(label: String, load: @escaping @Sendable () throws -> Data) {
        self.label = label
        self.load = load
    }

    /// A file on disk, memory-mapped when safe.
    public static func file(_ path: String, label: String? = nil) -> BatchInput {
        BatchInput(label: label ?? path) { try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe) }
    }
}

/// The batch engine: converts inputs on up to `jobs` threads and hands each result back in input order, a window
/// of `jobs × 4` inputs at a time, so that memory stays bounded however many inputs there are. One input that
/// fails is one `.failure` result; the others are converted.
///
/// ```swift
/// let batch = BatchConversion(converter: try Converter(), jobs: 2)
/// try batch.run(paths.map { BatchInput.file($0) }) { input, result in
///     if case .success(let document) = result { print(document.profile.publications.count) }
///     return true  // false stops the batch
/// }
/// ```
public struct BatchConversion: Sendable {
    public var converter: Converter
    /// Threads converting at once (at least 1).
    public var jobs: Int
    /// The format of every input, or nil to sniff each one.
    public var format: SourceFormat?

    public init(converter: Converter, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, format: SourceFormat? = nil) {
        self.converter = converter
        self.jobs = max(1, jobs)
        self.format = format
    }

    /// Converts `inputs`, calling `handle` for each in input order on the calling thread; `handle` returns false
    /// to stop (the inputs not yet handed back are not converted further). Returns how many inputs were handed back.
    @discardableResult
    public func run(_ inputs: [BatchInput], handle: (BatchInput, Result<Document, any Error>) throws -> Bool) rethrows -> Int {
        let windowSize = max(1, jobs * 4)
        var start = 0
        var handed = 0
        while start < inputs.count {
            let window = Array(inputs[start..<min(inputs.count, start + windowSize)])
            for (input, result) in zip(window, convert(window)) {
                handed += 1
                guard try handle(input, result) else { return handed }
            }
            start += windowSize
        }
        return handed
    }

    /// Every input converted, in input order (for small batches: all documents are held at once).
    public func convertAll(_ inputs: [BatchInput]) -> [Result<Document, any Error>] {
        var results: [Result<Document, any Error>] = []
        run(inputs) { _, result in
            results.append(result)
            return true
        }
        return results
    }

    /// Converts a window of inputs on up to `jobs` threads; results come back in input order.
    private func convert(_ window: [BatchInput]) -> [Result<Document, any Error>] {
        let results = ResultSlots(count: window.count)
        let converter = self.converter
        let format = self.format
        let work: @Sendable (Int) -> Void = { index in
            let input = window[index]
            results.set(index, Result { try converter.convert(try input.load(), path: input.label, format: format) })
        }
        if jobs == 1 || window.count == 1 {
            for index in window.indices { work(index) }
        } else {
            let queue = OperationQueue()
            queue.maxConcurrentOperationCount = jobs
            for index in window.indices { queue.addOperation { work(index) } }
            queue.waitUntilAllOperationsAreFinished()
        }
        return results.values
    }
}

/// Result slots filled from several threads.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [Result<Document, any Error>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<Document, any Error>) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    var values: [Result<Document, any Error>] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0 ?? .failure(ReadError("not converted")) }
    }
}
