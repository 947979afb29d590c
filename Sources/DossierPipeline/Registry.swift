import DossierModel

/// Readers, stages and writers by name. The built-ins register themselves here exactly as a new one would.
public struct Registry: Sendable {
    public private(set) var readers: [any Reader] = []
    public private(set) var stages: [any Stage] = []
    public private(set) var writers: [any Writer] = []
    /// The stage names run when `--stages` is not given, in order.
    public var defaultStages: [String] = []

    public init() {}

    public mutating func register(reader: any Reader) {
        readers.removeAll { $0.format == reader.format }
        readers.append(reader)
    }

    public mutating func register(stage: any Stage, byDefault: Bool = true) {
        stages.removeAll { $0.name == stage.name }
        stages.append(stage)
        if byDefault && !defaultStages.contains(stage.name) { defaultStages.append(stage.name) }
    }

    public mutating func register(writer: any Writer) {
        writers.removeAll { $0.name == writer.name }
        writers.append(writer)
    }

    public func reader(for format: SourceFormat) -> (any Reader)? {
        readers.first { $0.format == format }
    }

    /// The stage called `name`; the error lists the known names.
    public func stage(named name: String) throws -> any Stage {
        guard let stage = stages.first(where: { $0.name == name }) else {
            throw RegistryError.unknown(kind: "stage", name: name, known: stages.map(\.name))
        }
        return stage
    }

    /// The writer called `name`; the error lists the known names.
    public func writer(named name: String) throws -> any Writer {
        guard let writer = writers.first(where: { $0.name == name }) else {
            throw RegistryError.unknown(kind: "output format", name: name, known: writers.map(\.name))
        }
        return writer
    }

    /// The pipeline for a list of stage names (the default list when nil).
    public func pipeline(_ names: [String]? = nil) throws -> Pipeline {
        Pipeline(try (names ?? defaultStages).map { try stage(named: $0) })
    }
}

/// A name that is not registered.
public enum RegistryError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknown(kind: String, name: String, known: [String])

    public var description: String {
        switch self {
        case let .unknown(kind, name, known):
            return "unknown \(kind) '\(name)'; known: \(known.joined(separator: ", "))"
        }
    }
}
