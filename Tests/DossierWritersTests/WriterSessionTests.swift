import DossierModel
import DossierPipeline
import DossierWriters
import Foundation
import XCTest

final class WriterSessionTests: XCTestCase {
    func testKeysCountersAndNotesBelongToTheSession() {
        let session = WriterSession()
        XCTAssertTrue(session.claim("smith2019deep", in: "bibtex"))
        XCTAssertFalse(session.claim("smith2019deep", in: "bibtex"))
        XCTAssertTrue(session.claim("smith2019deep", in: "csl-json"), "namespaces are separate")
        XCTAssertEqual(session.advance("csl-json"), 0)
        XCTAssertEqual(session.advance("csl-json", by: 0), 1)
        session.reset("bibtex")
        XCTAssertTrue(session.claim("smith2019deep", in: "bibtex"))
        session.note("first")
        session.note("second")
        XCTAssertEqual(session.takeNotes(), ["first", "second"])
        XCTAssertEqual(session.takeNotes(), [])
    }

    /// The CLI renders each input of `-o DIR` with a copy of the batch options: every file must stand on its own.
    func testRenderingTwiceWithTheSameOptionsGivesTheSameOutput() throws {
        let options = WriterOptions()
        for writer in [CSLJSONWriter(), BibTeXWriter()] as [any Writer] {
            let first = try writer.render([TestDocuments.plain], options: options)
            let second = try writer.render([TestDocuments.plain], options: options)
            XCTAssertEqual(String(decoding: first, as: UTF8.self), String(decoding: second, as: UTF8.self), writer.name)
        }
    }
}
