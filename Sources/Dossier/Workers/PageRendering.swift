import Foundation

/// PDF pages drawn as PNG images with boxes on them (`PageOverlay`): in a worker process when `workers` is given —
/// poppler draws what its text reader skips (images, patterns), so a page can spin in the drawing alone, and only a
/// worker can be stopped at the timeout — else in this process. One worker serves every document, one at a time,
/// and is replaced after a failure.
///
/// ```swift
/// let pages = PageRendering(workers: settings)
/// defer { pages.close() }
/// let images = try pages.render(path: "cv.pdf", boxes: PageBoxes.boxes(in: document))
/// ```
public final class PageRendering: @unchecked Sendable {
    public let workers: WorkerSettings?
    private var worker: WorkerProcess?
    private let lock = NSLock()

    public init(workers: WorkerSettings?) {
        self.workers = workers
    }

    /// The pages of the PDF file at `path` (at most 40), as PNG data; throws `WorkerFailure` for a worker that
    /// crashed, ran out of memory or past the timeout, `PageOverlayError` for a PDF poppler cannot open.
    public func render(path: String, label: String? = nil, boxes: [PageBox]) throws -> [Data] {
        guard let settings = workers else {
            return try PageOverlay.render(pdf: try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe), boxes: boxes)
        }
        lock.lock()
        defer { lock.unlock() }
        let current = worker ?? WorkerProcess(settings: settings)
        worker = current
        let result = current.renderPages(path: path, label: label ?? path, boxes: boxes)
        if case .failure(let error as WorkerFailure) = result, error.endsWorker {
            current.close()
            worker = nil
        }
        return try result.get()
    }

    /// Ends the worker, if one was started.
    public func close() {
        lock.lock()
        defer { lock.unlock() }
        worker?.close()
        worker = nil
    }

    deinit { worker?.close() }
}
