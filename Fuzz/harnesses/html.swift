// libFuzzer harness: the HTML reader (libxml2's HTML parser, the tree walker, <meta>/JSON-LD metadata, style
// hints) on arbitrary bytes, then the document encoded as JSON. Must never crash.
import Foundation
import DossierModel
import DossierPipeline
import HTMLReader

/// One reader for the run, as the registry builds one for a batch.
private let reader = HTMLReader()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    let source = Source(path: "fuzz.html", format: .html, bytes: count, sha256: "")
    if let document = try? reader.read(data, source: source) {
        _ = try? JSONEncoder().encode(document)
    }
    return 0
}
