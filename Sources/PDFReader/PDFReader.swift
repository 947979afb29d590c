import DossierModel
import DossierPipeline
import Foundation

/// Reads PDF with poppler-glib: glyph boxes and fonts → words → lines → columns → blocks, with page and box
/// provenance; the info dictionary into `metadata`. Encrypted, damaged and image-only PDFs are refused with
/// one clear line.
public struct PDFReader: Reader {
    public let format = SourceFormat.pdf
    public let summary = "PDF: text layer with fonts, columns, lists, headings, links; info dictionary (poppler-glib)"

    /// Pages read at most; the rest are reported, so that a 2,000-page file cannot stall a batch.
    public static let pageLimit = 400
    /// Glyphs read at most per page (a page of 200,000 glyphs is a table dump, not a CV).
    public static let glyphsPerPage = 60_000
    /// Glyphs read at most per document.
    public static let glyphBudget = 1_500_000

    public init() {}

    public func read(_ data: Data, source: Source) throws -> Document {
        guard data.count >= 5, data.prefix(1024).range(of: Data("%PDF".utf8)) != nil else {
            throw ReadError("damaged PDF (no %PDF header)")
        }
        // Before poppler, which cannot be stopped once it draws: forms that draw each other 3⁴⁰ times are refused.
        if let refusal = FormFanOut.refusal(Array(data)) { throw ReadError(refusal) }
        let pdf = try PopplerDocument(data: data)
        let pageCount = pdf.pageCount
        guard pageCount > 0 else { throw ReadError("damaged PDF (poppler: no pages)") }
        var document = Document(source: source)
        document.source.pages = pageCount
        document.metadata = pdf.metadata
        var pages: [(number: Int, height: Double, glyphs: [Glyph])] = []
        var budget = PDFReader.glyphBudget
        var emptyPages: [Int] = []
        for index in 0..<min(pageCount, PDFReader.pageLimit) {
            guard budget > 0 else {
                document.report(.warning, stage: "read-pdf", "only the first \(index) pages read: the document has too much text")
                break
            }
            guard let page = pdf.page(index, glyphLimit: min(budget, PDFReader.glyphsPerPage)) else { continue }
            if page.truncated {
                document.report(.warning, stage: "read-pdf", "page \(page.number): only the first \(page.glyphs.count) characters read",
                                provenance: Provenance(page: page.number))
            }
            if !page.glyphs.contains(where: { !$0.isWhitespace }) { emptyPages.append(page.number) }
            budget -= page.glyphs.count
            pages.append((page.number, page.height, page.glyphs))
        }
        if pageCount > PDFReader.pageLimit {
            document.report(.warning, stage: "read-pdf", "only the first \(PDFReader.pageLimit) of \(pageCount) pages read")
        }
        guard emptyPages.count < pages.count else { throw ReadError("no text layer (scanned?); OCR is not supported") }
        if !emptyPages.isEmpty {
            document.report(.warning, stage: "read-pdf", "no text on \(PDFReader.pageList(emptyPages)) (scanned?); not read")
        }
        let result = PDFLayout.analyse(pages)
        document.blocks = result.blocks
        for removal in result.removed {
            document.report(.info, stage: "read-pdf",
                            "removed running header/footer on \(PDFReader.pageList(removal.pages)): \(removal.text)")
        }
        return document
    }

    /// "page 3", "pages 1–4", "pages 1, 3, 5".
    static func pageList(_ pages: [Int]) -> String {
        guard let first = pages.first, let last = pages.last else { return "no page" }
        if pages.count == 1 { return "page \(first)" }
        if last - first + 1 == pages.count { return "pages \(first)–\(last)" }
        return "pages " + pages.map(String.init).joined(separator: ", ")
    }
}
