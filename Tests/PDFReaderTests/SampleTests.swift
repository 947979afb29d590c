import DossierModel
import DossierPipeline
import Foundation
import PDFReader
import XCTest

/// The PDFs under samples/pdf: every word pdftotext finds is in our blocks, headings are headings, and the
/// bad PDFs are refused with their one-line reason.
final class SampleTests: XCTestCase {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../samples/pdf").standardized
    static let readable = ["moderncv-cv", "twocolumn-cv", "publications", "libreoffice-cv", "pandoc-cv", "right-dates-resume"]

    private func read(_ stem: String) throws -> Document {
        let url = SampleTests.directory.appendingPathComponent(stem + ".pdf")
        let data = try Data(contentsOf: url)
        let source = Source(path: "samples/pdf/\(stem).pdf", format: .pdf, bytes: data.count, sha256: "")
        return try PDFReader().read(data, source: source)
    }

    func testEveryWordPdftotextFindsIsInOurBlocks() throws {
        guard let pdftotext = WordCoverage.executable("pdftotext") else { throw XCTSkip("pdftotext (poppler-utils) is not installed") }
        for stem in SampleTests.readable {
            let document = try read(stem)
            let reference = try WordCoverage.run(pdftotext, ["-enc", "UTF-8", SampleTests.directory.appendingPathComponent(stem + ".pdf").path, "-"])
            let coverage = WordCoverage(reference: reference, document: document)
            XCTAssertGreaterThanOrEqual(coverage.share, 0.99, "\(stem): missing \(coverage.missing.prefix(30))")
        }
    }

    func testSectionHeadingsAreHeadingBlocks() throws {
        let expected: [String: [String]] = [
            "moderncv-cv": ["Education", "Employment", "Grants and Awards", "Teaching", "Selected Publications", "Languages"],
            "twocolumn-cv": ["Research Interests", "Education", "Journal Articles", "Conference Papers", "Grants", "Invited Talks"],
            "publications": ["Publications", "Peer-reviewed journal articles", "Book chapters"],
            "libreoffice-cv": ["Contact", "Skills", "Experience", "Education", "Publications", "Referees"],
            "pandoc-cv": ["Contact", "Education", "Professional Experience", "Publications", "Skills", "Languages"],
            "right-dates-resume": ["Education", "Experience", "Publications", "Technical Skills"],
        ]
        for (stem, headings) in expected {
            let found = Set(try read(stem).blocks.filter { $0.type == .heading }.map(\.text))
            for heading in headings { XCTAssertTrue(found.contains(heading), "\(stem): no heading \"\(heading)\" in \(found.sorted())") }
        }
    }

    func testPagesMetadataAndProvenanceAreSet() throws {
        let document = try read("pandoc-cv")
        XCTAssertEqual(document.source.pages, 2)
        XCTAssertEqual(document.metadata["title"], .string("Curriculum Vitae — Dr. Jonas Feldhaus-Mbeki"))
        XCTAssertEqual(document.metadata["author"], .string("Jonas Feldhaus-Mbeki"))
        for block in document.blocks {
            XCTAssertNotNil(block.provenance.page)
            XCTAssertEqual(block.provenance.bbox?.count, 4)
        }
    }

    func testTheSelfNameStaysBoldAndTheReferencesStayNumbered() throws {
        let document = try read("publications")
        let lists = document.blocks.filter { $0.type == .list }
        XCTAssertEqual(lists.first?.ordered, true)
        XCTAssertEqual(lists.first?.items?.count, 10, "ten journal articles over a page break")
        XCTAssertEqual(lists.first?.items?.first?.marker, "[1]")
        let strong = lists.first?.items?.first?.inlines?.filter { $0.type == .strong }.map(\.text)
        XCTAssertEqual(strong, ["Raghunathan-Moreau, P."])
        let all = document.blocks.map(\.text).joined(separator: "\n")
        XCTAssertFalse(all.contains("Updated March 2025"), "the running footer is removed")
        XCTAssertFalse(all.contains("Page 1 of 2"), "page numbers are removed")
    }

    func testModerncvDatesStayWithTheirEntries() throws {
        let texts = try read("moderncv-cv").blocks.map(\.text)
        XCTAssertTrue(texts.contains { $0.hasPrefix("2014–2018 PhD in Physical Oceanography") }, "\(texts)")
        XCTAssertTrue(texts.contains { $0.hasPrefix("2021–present Junior Group Leader") }, "\(texts)")
    }

    func testDatesSetFlushRightStayWithTheirEntries() throws {
        let texts = try read("right-dates-resume").blocks.map(\.text)
        // One block per entry: title, subtitle, then the place and dates printed on the right.
        XCTAssertTrue(texts.contains("University of Toronto\nMaster of Science in Computer Science\nToronto, ON Sep. 2019 – May 2021"), "\(texts)")
        XCTAssertFalse(texts.contains("Toronto, ON"), "the place is not a block of its own")
    }

    func testBadPDFsAreRefusedWithOneClearLine() {
        let reasons = [
            "encrypted": "encrypted; Dossier reads only PDFs that open without a password",
            "scanned": "no text layer (scanned?); OCR is not supported",
            "truncated": "damaged PDF (poppler: PDF document is damaged)",
        ]
        for (stem, reason) in reasons {
            XCTAssertThrowsError(try read(stem), stem) { error in
                XCTAssertEqual(error as? ReadError, ReadError(reason), stem)
            }
        }
    }

    func testBytesThatAreNotAPDFAreRefused() {
        let source = Source(path: "x.pdf", format: .pdf, bytes: 5, sha256: "")
        XCTAssertThrowsError(try PDFReader().read(Data("hello".utf8), source: source)) { error in
            XCTAssertEqual(error as? ReadError, ReadError("damaged PDF (no %PDF header)"))
        }
        XCTAssertThrowsError(try PDFReader().read(Data("%PDF-1.7\n".utf8), source: source))
    }
}
