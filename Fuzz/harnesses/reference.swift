// libFuzzer harness: the reference parser (tokenizer, features, the embedded sequence model, the pattern
// overrides and the field rules) on one line: the input decoded as UTF-8 (invalid bytes replaced), cut at the
// first line break, parsed into a publication and encoded as JSON. Must never crash.
import Foundation
import DossierModel
import ReferenceParser

private let parser: ReferenceParser = {
    guard let parser = ReferenceParser.standard else {
        fatalError("no embedded reference model: \(ReferenceParser.standardProblem ?? "?")")
    }
    return parser
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReference(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    let line = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).first.map(String.init) ?? ""
    let publication = parser.parse(line)
    _ = try? JSONEncoder().encode(publication)
    return 0
}
