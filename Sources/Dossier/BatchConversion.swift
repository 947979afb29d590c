import Foundation

/// One input of a batch: how it is named in documents and error lines, how its bytes are read (called on a
/// worker thread, once), and — for a file — its path, which lets a worker process read it itself.
public struct BatchInput: Sendable {
    public var label: String
    public var path: String?
    public var load: @Sendable () throws -> Data

    public init(label: String, path: String? = nil, load: @escaping @Sendable () throws -> Data) {
        self.label = label
        self.path = path
        self.load = load
    }

    /// A file on disk, memory-mapped when safe.
    public static func file(_ path: String, label: String? = nil) -> BatchInput {
        BatchInput(label: label ?? path, path: path) { try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe) }
    }
}

/// The batch engine: converts inputs on `jobs` threads and hands each result back in input order, keeping at
/// most `jobs × 4` results ahead of the one awaited (a rolling window), so that every job stays busy and memory
/// stays bounded however many inputs there are. One input that fails is one `.failure` result; the others are
/// converted.
///
/// With `workers`, each thread drives a worker process (`dossier worker`, NDJSON over pipes) instead of
/// converting in-process: an input that crashes its worker, runs past the timeout or past the memory limit is
/// one `.failure` (`WorkerFailure`), the worker is replaced, and the batch goes on. Inputs without a path
/// (standard input) are converted in-process.
///
/// ```swift
/// let batch = BatchConversion(converter: try Converter(), jobs: 2)
/// batch.run(paths.map { BatchInput.file($0) }) { input, result in
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
    /// Worker processes to isolate each input in, or nil to convert in this process.
    public var workers: WorkerSettings?
    /// Inputs larger than this many bytes are refused unread (`InputTooLarge`); nil for no limit.
    public var maxBytes: Int?

    public init(converter: Converter, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, format: SourceFormat? = nil,
                workers: WorkerSettings? = nil, maxBytes: Int? = nil) {
        self.converter = converter
        self.jobs = max(1, jobs)
        self.format = format
        self.workers = workers
        self.maxBytes = maxBytes
    }

    /// Converts `inputs`, calling `handle` for each in input order on the calling thread; `handle` returns false
    /// to stop (inputs not yet started are not converted). Returns how many inputs were handed back.
    @discardableResult
    public func run(_ inputs: [BatchInput], handle: (BatchInput, Result<Document, any Error>) throws -> Bool) rethrows -> Int {
        try run(inputs, prepare: { _, _, _ in () }, handle: { input, result, _ in try handle(input, result) })
    }

    /// `run(_:handle:)` with more work done on the converting threads: `prepare` is called there for each document
    /// converted (with the input's index), e.g. to render its output, and what it returns comes to `handle`, in
    /// input order on the calling thread, beside the result (nil for an input that failed).
    @discardableResult
    public func run<Prepared: Sendable>(
        _ inputs: [BatchInput], prepare: @escaping @Sendable (Int, BatchInput, Document) -> Prepared,
        handle: (BatchInput, Result<Document, any Error>, Prepared?) throws -> Bool
    ) rethrows -> Int {
        guard !inputs.isEmpty else { return 0 }
        let threads = min(jobs, inputs.count)
        let board = ResultBoard<Prepared>(count: inputs.count, window: max(1, jobs * 4))
        let converter = self.converter, format = self.format, workers = self.workers, maxBytes = self.maxBytes
        var started: [Thread] = []
        for _ in 0..<threads {
            let thread = Thread {
                var worker: WorkerProcess?
                defer { worker?.close() }
                while let index = board.nextIndex() {
                    let input = inputs[index]
                    let result: Result<Document, any Error>
                    if let maxBytes, let path = input.path, let size = Self.size(of: path), size > maxBytes {
                        result = .failure(InputTooLarge(bytes: size, limit: maxBytes))
                    } else if let settings = workers, let path = input.path {
                        if worker == nil { worker = WorkerProcess(settings: settings) }
                        result = worker.map { $0.convert(path: path, label: input.label, format: format) }
                            ?? .failure(WorkerFailure.cannotStart("no worker"))
                        if case .failure(let error as WorkerFailure) = result, error.endsWorker {
                            worker?.close()
                            worker = nil
                        }
                    } else {
                        result = Result {
                            let data = try input.load()
                            if let maxBytes, data.count > maxBytes { throw InputTooLarge(bytes: data.count, limit: maxBytes) }
                            return try converter.convert(data, path: input.label, format: format)
                        }
                    }
                    let prepared = (try? result.get()).map { prepare(index, input, $0) }
                    board.set(index, (result, prepared))
                }
                board.threadFinished()
            }
            thread.stackSize = 16 << 20
            started.append(thread)
            thread.start()
        }
        var handed = 0
        defer {
            board.stop()
            board.waitForThreads(threads)
        }
        for index in inputs.indices {
            let (result, prepared) = board.take(index)
            handed += 1
            guard try handle(inputs[index], result, prepared) else { break }
        }
        return handed
    }

    static func size(of path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
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
}

/// An input refused for its size (`--max-bytes`).
public struct InputTooLarge: Error, Equatable, CustomStringConvertible {
    public var bytes: Int
    public var limit: Int

    public init(bytes: Int, limit: Int) {
        self.bytes = bytes
        self.limit = limit
    }
    /// "393 MB is over the limit of 256 MB (--max-bytes); not read", in the units of the other size messages; the
    /// exact counts too when the two would read the same ("256 MB (268435457 bytes)").
    public var description: String {
        var size = ByteSize.describe(bytes), maximum = ByteSize.describe(limit)
        if size == maximum {
            size += " (\(bytes) bytes)"
            maximum += " (\(limit) bytes)"
        }
        return "\(size) is over the limit of \(maximum) (--max-bytes); not read"
    }
}

/// Sizes as people read them in Dossier's messages: "512 bytes", "4.9 KB", "393 MB", "2 GB" (binary units, one
/// decimal below 100 and none from 100 on, a whole number without ".0").
public enum ByteSize {
    public static func describe(_ bytes: Int) -> String {
        let units: [(String, Int)] = [("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)]
        guard let (unit, size) = units.first(where: { bytes >= $0.1 }) else { return bytes == 1 ? "1 byte" : "\(bytes) bytes" }
        let value = Double(bytes) / Double(size)
        let rounded = value >= 100 ? value.rounded() : (value * 10).rounded() / 10
        let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
        return "\(text) \(unit)"
    }
}

/// Results filled by the converting threads and taken in order by the caller; a thread may start input `i` only
/// while `i` is less than `window` ahead of the next result to be taken.
private final class ResultBoard<Prepared>: @unchecked Sendable {
    typealias Slot = (result: Result<Document, any Error>, prepared: Prepared?)
    private var slots: [Slot?]
    private let window: Int
    private var next = 0
    private var taken = 0
    private var stopped = false
    private var finishedThreads = 0
    private let condition = NSCondition()

    init(count: Int, window: Int) {
        slots = Array(repeating: nil, count: count)
        self.window = window
    }

    /// The next input to convert, waiting while the window is full; nil when there is none or the batch stopped.
    func nextIndex() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped, next < slots.count, next - taken >= window { condition.wait() }
        guard !stopped, next < slots.count else { return nil }
        next += 1
        return next - 1
    }

    func set(_ index: Int, _ slot: Slot) {
        condition.lock()
        slots[index] = slot
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for result `index`, takes it out (its memory goes with it) and opens the window by one.
    func take(_ index: Int) -> Slot {
        condition.lock()
        defer { condition.unlock() }
        while slots[index] == nil { condition.wait() }
        let result = slots[index] ?? (.failure(ReadError("not converted")), nil)
        slots[index] = nil
        taken = index + 1
        condition.broadcast()
        return result
    }

    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    func threadFinished() {
        condition.lock()
        finishedThreads += 1
        condition.broadcast()
        condition.unlock()
    }

    func waitForThreads(_ count: Int) {
        condition.lock()
        while finishedThreads < count { condition.wait() }
        condition.unlock()
    }
}
