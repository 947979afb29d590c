// libFuzzer harness: the Markdown reader (cmark-gfm, front matter through Yams and the TOML reader) on arbitrary
// bytes, then the document encoded as JSON (the model's encoder recurses over metadata). Must never crash.
import Foundation
import DossierModel
import DossierPipeline
import MarkdownReader

/// One reader for the run, as the registry builds one for a batch.
private let reader = MarkdownReader()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    let source = Source(path: "fuzz.md", format: .markdown, bytes: count, sha256: "")
    if let document = try? reader.read(data, source: source) {
        _ = try? JSONEncoder().encode(document)
    }
    return 0
}
