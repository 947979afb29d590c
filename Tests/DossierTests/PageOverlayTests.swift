import Dossier
import XCTest

/// PDF pages drawn by poppler through cairo, with the boxes of what the stages found.
final class PageOverlayTests: XCTestCase {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("samples")

    func testEveryPageIsAPNGAndTheBoxesAreDrawn() throws {
        let url = Self.samples.appendingPathComponent("pdf/publications.pdf")
        let data = try Data(contentsOf: url)
        let document = try Converter().convert(data, path: url.path)
        let boxes = PageBoxes.boxes(in: document)
        XCTAssertEqual(boxes.filter { $0.kind == .publication }.count, document.profile.publications.count)
        XCTAssertTrue(boxes.contains { $0.kind == .section })
        let pages = try PageOverlay.render(pdf: data, boxes: boxes)
        XCTAssertEqual(pages.count, document.source.pages)
        for page in pages { XCTAssertEqual(Array(page.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) }
        let plain = try PageOverlay.render(pdf: data, boxes: [])
        XCTAssertNotEqual(plain[0], pages[0], "the boxes change the image")
    }

    func testADamagedPDFIsAnError() {
        XCTAssertThrowsError(try PageOverlay.render(pdf: Data("%PDF-1.4 nothing".utf8), boxes: []))
    }
}
