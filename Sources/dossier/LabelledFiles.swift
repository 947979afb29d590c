import Dossier
import Foundation

/// Finds and reads labelled-reference files for `train-references` and `eval-references`: AnyStyle XML (`*.xml`)
/// and ParsCit tagged lines (`*.tagged.txt`, tags mapped to AnyStyle's), files in sorted order.
enum LabelledFiles {
    static func paths(_ inputs: [String]) throws -> [String] {
        var found: [String] = []
        let manager = FileManager.default
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: input, isDirectory: &isDirectory) else {
                throw UsageError("\(input): no such file or directory")
            }
            if isDirectory.boolValue {
                let names = (manager.enumerator(atPath: input)?.allObjects as? [String]) ?? []
                found += names.filter(isLabelledFile).sorted().map { (input as NSString).appendingPathComponent($0) }
            } else {
                found.append(input)
            }
        }
        return found
    }

    static func isLabelledFile(_ path: String) -> Bool {
        path.hasSuffix(".xml") || path.hasSuffix(".tagged.txt")
    }

    /// The references of every file, in order; ParsCit tags are renamed to AnyStyle's when `mapParsCit`.
    static func read(_ paths: [String], mapParsCit: Bool = true) throws -> [LabelledReference] {
        var references: [LabelledReference] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else { throw UsageError("\(path): cannot be read") }
            let text = String(decoding: data, as: UTF8.self)
            if path.hasSuffix(".xml") {
                references += LabelledData.anyStyle(text)
            } else {
                references += LabelledData.parsCit(text).map { reference in
                    guard mapParsCit else { return reference }
                    return LabelledReference(fields: reference.fields.map { (LabelledData.parsCitToAnyStyle[$0.label] ?? $0.label, $0.text) })
                }
            }
        }
        return references
    }
}
