import ArgumentParser
import Dossier
import Foundation

/// How inputs are grouped into applicants (`--group-by`).
enum PacketGrouping: String, ExpressibleByArgument, CaseIterable {
    /// Every folder of inputs is one applicant: below a walked directory, its first-level folder; else the file's folder.
    case folder
    /// Every input is its own applicant (what `--table applicants` does without `--group-by`).
    case file
}

/// The applicant each input belongs to in packet mode: a grouping key (unique per applicant) and the key the record
/// carries (the folder's name, or `--applicant`).
struct PacketKeys {
    var groups: [String]
    var names: [String: String]

    init(inputs: [Input], grouping: PacketGrouping?, applicant: String?) {
        if let applicant {
            groups = inputs.map { _ in applicant }
            names = [:]
            return
        }
        var names: [String: String] = [:]
        groups = inputs.map { input in
            let (group, name) = grouping == .file ? (input.label, input.label) : Self.folder(of: input)
            names[group] = name
            return group
        }
        self.names = names
    }

    /// `applicants/alice/cv.md` walked from `applicants/` → group `applicants/alice`, name `alice` (deeper folders
    /// belong to their first-level folder); a file given by itself → its folder.
    static func folder(of input: Input) -> (group: String, name: String) {
        let relativeFolder = (input.outputPath as NSString).deletingLastPathComponent
        if let first = relativeFolder.split(separator: "/").first, input.label.hasSuffix(input.outputPath) {
            let root = String(input.label.dropLast(input.outputPath.count))
            return (root + first, String(first))
        }
        let folder = (input.label as NSString).deletingLastPathComponent
        if folder.isEmpty {
            let here = (FileManager.default.currentDirectoryPath as NSString).lastPathComponent
            return (".", here.isEmpty ? "applicant" : here)
        }
        return (folder, (folder as NSString).lastPathComponent)
    }
}
