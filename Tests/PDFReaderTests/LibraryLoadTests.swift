import DossierPipeline
import Foundation
import XCTest
@testable import PDFReader

/// poppler-glib is opened at the first PDF (not linked): a missing library must be a clear error, not a crash.
final class LibraryLoadTests: XCTestCase {
    func testAMissingLibraryIsNamed() {
        XCTAssertEqual(PopplerDocument.loadFailure(popplerGlib: "libpoppler-glib-missing.so.8"), "libpoppler-glib-missing.so.8 not found")
        XCTAssertEqual(PopplerDocument.loadFailure(popplerGlib: "libpoppler-glib.so.8", cairo: "libcairo-missing.so.2"),
                       "libcairo-missing.so.2 not found")
    }

    func testAMissingFunctionIsNamed() {
        // libglib-2.0 in the poppler slot: the library opens, poppler's first function is not in it.
        XCTAssertEqual(PopplerDocument.loadFailure(popplerGlib: "libglib-2.0.so.0"), "libglib-2.0.so.0 has no poppler_document_new_from_bytes")
    }

    func testTheInstalledLibrariesLoadAndStillReadAPDF() throws {
        XCTAssertNil(PopplerDocument.loadFailure(popplerGlib: "libpoppler-glib.so.8"))
        XCTAssertNoThrow(try PopplerDocument.loadLibraries())
        let pdf = try PopplerDocument(data: Data(Self.onePage.utf8))
        XCTAssertEqual(pdf.pageCount, 1)
    }

    /// The smallest PDF poppler opens (xref offsets are not checked strictly: poppler reconstructs them).
    private static let onePage = """
        %PDF-1.4
        1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
        2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
        3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
        trailer << /Root 1 0 R >>
        %%EOF
        """
}
