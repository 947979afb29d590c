// libFuzzer harness: front matter. The input is the body of a front-matter block; it is read by the Markdown
// reader twice, wrapped in `---` fences (YAML, through Yams and the alias/depth/size limits) and in `+++` fences
// (TOML), each followed by a line of Markdown, and the metadata encoded as JSON. Must never crash.
import Foundation
import DossierModel
import DossierPipeline
import MarkdownReader

private let reader = MarkdownReader()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let body = Data(bytes: bytes, count: count)
    for fence in ["---", "+++"] {
        var data = Data((fence + "\n").utf8)
        data.append(body)
        data.append(Data(("\n" + fence + "\n\n# Title\n\ntext\n").utf8))
        let source = Source(path: "fuzz.md", format: .markdown, bytes: data.count, sha256: "")
        if let document = try? reader.read(data, source: source) {
            _ = try? JSONEncoder().encode(document.metadata)
        }
    }
    return 0
}
