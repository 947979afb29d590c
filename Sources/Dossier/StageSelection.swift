import Foundation

/// Which stages a conversion runs, as `--stages` spells it:
/// - `default` (or no selection at all): the registry's default list;
/// - `none` (or an empty string): no stage, only the reader;
/// - a list `sections,contact`: exactly those, in that order;
/// - edits of the default list: `+name` appends a stage (a registered one or an external `dossier-stage-NAME`
///   on `PATH`), `-name` removes one: `-authorship,+my-check`. A list may start from `default` or `none` and
///   edit it: `none,+sections`.
/// A name that is neither registered nor an executable `dossier-stage-NAME` is an error listing the known names.
public struct StageSelection: Sendable, Equatable {
    /// The items of the spelling, in order (trimmed, empty ones dropped).
    public let items: [String]

    /// The default list.
    public static let standard = StageSelection(items: ["default"])

    public init(items: [String]) { self.items = items }

    /// Parses `--stages`: comma-separated items; nil means `default`, "" means `none`.
    public init(_ spelling: String?) {
        guard let spelling else {
            self.items = ["default"]
            return
        }
        let items = spelling.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        self.items = items.isEmpty ? ["none"] : items
    }

    /// The stage names selected, in order. Edits (`+`, `-`) at the start apply to `defaults`; removing a name
    /// that is not among `known` is an error (adding one is checked by `pipeline`, which also looks on `PATH`).
    public func names(defaults: [String], known: [String]) throws -> [String] {
        var names: [String] = []
        for (position, item) in items.enumerated() {
            if position == 0, item.hasPrefix("+") || item.hasPrefix("-") { names = defaults }
            switch item {
            case "default":
                names += defaults.filter { !names.contains($0) }
            case "none":
                names = []
            default:
                if item.hasPrefix("+") {
                    let name = String(item.dropFirst())
                    guard !name.isEmpty else { throw StageSelectionError.emptyName(item) }
                    if !names.contains(name) { names.append(name) }
                } else if item.hasPrefix("-") {
                    let name = String(item.dropFirst())
                    guard !name.isEmpty else { throw StageSelectionError.emptyName(item) }
                    guard known.contains(name) || names.contains(name) else { throw StageSelectionError.unknown(name, known: known) }
                    guard names.contains(name) else { throw StageSelectionError.notSelected(name, selected: names) }
                    names.removeAll { $0 == name }
                } else {
                    names.append(item)
                }
            }
        }
        return names
    }

    /// The pipeline: each selected name is a registered stage, else an executable `dossier-stage-NAME` on
    /// `searchPath` (a `PATH`-style list), else an error listing the known names; then each filter command
    /// (`--filter`), in order, as an external stage.
    public func pipeline(registry: Registry, filters: [String] = [], searchPath: String? = ProcessInfo.processInfo.environment["PATH"]) throws -> Pipeline {
        var resolved: [any Stage] = []
        for name in try names(defaults: registry.defaultStages, known: registry.stages.map(\.name)) {
            if let stage = registry.stages.first(where: { $0.name == name }) {
                resolved.append(stage)
            } else if let executable = Self.executable(named: "dossier-stage-\(name)", searchPath: searchPath ?? "") {
                resolved.append(ExternalStage(name: name, command: Self.shellQuoted(executable)))
            } else {
                throw StageSelectionError.unknown(name, known: registry.stages.map(\.name))
            }
        }
        for (number, filter) in filters.enumerated() {
            resolved.append(ExternalStage(name: "filter\(filters.count > 1 ? "-\(number + 1)" : "")", command: filter))
        }
        return Pipeline(resolved)
    }

    /// The first executable file called `name` in the directories of `searchPath`.
    static func executable(named name: String, searchPath: String) -> String? {
        for directory in searchPath.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// A `--stages` selection that cannot be run.
public enum StageSelectionError: Error, Equatable, CustomStringConvertible {
    case unknown(String, known: [String])
    case notSelected(String, selected: [String])
    case emptyName(String)

    public var description: String {
        switch self {
        case let .unknown(name, known):
            return "unknown stage '\(name)'; known: \(known.joined(separator: ", ")), or an executable dossier-stage-\(name) on PATH"
        case let .notSelected(name, selected):
            return "cannot remove stage '\(name)': it is not selected (selected: \(selected.isEmpty ? "none" : selected.joined(separator: ", ")))"
        case let .emptyName(item):
            return "'\(item)' names no stage: write +NAME or -NAME"
        }
    }
}
