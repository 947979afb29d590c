// libFuzzer harness: the PDF reader (poppler-glib glyph boxes, the form fan-out guard, layout analysis) on
// arbitrary bytes, then the document encoded as JSON. Must never crash. poppler itself is not instrumented, so
// coverage guidance comes from Dossier's own code (the fan-out pre-scan and the layout analysis).
import Foundation
import DossierModel
import DossierPipeline
import PDFReader

/// One reader for the run, as the registry builds one for a batch.
private let reader = PDFReader()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPDF(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    let source = Source(path: "fuzz.pdf", format: .pdf, bytes: count, sha256: "")
    if let document = try? reader.read(data, source: source) {
        _ = try? JSONEncoder().encode(document)
    }
    return 0
}
