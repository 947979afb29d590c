import DossierModel

/// Holds a batch's converted documents per applicant and hands back each applicant's record as soon as the last of
/// its inputs is done, so that a batch in input order needs only the open applicants in memory.
///
/// ```swift
/// var packets = PacketCollector(keys: ["alice", "alice", "bob"], merger: ApplicantMerger())
/// batch.run(inputs) { _, result in
///     for record in packets.add(try? result.get()) { print(record.key, record.publications.count) }
///     return true
/// }
/// ```
public struct PacketCollector: Sendable {
    private let keys: [String]
    private let lastInput: [String: Int]
    private let names: [String: String]
    private let merger: ApplicantMerger
    private var held: [String: [Document]] = [:]
    private var next = 0

    /// `keys[i]` is the applicant of input `i` (inputs come back in this order); `names` gives a record's key when it
    /// should read differently from the grouping key (the folder `alice` for `applicants/alice`).
    public init(keys: [String], names: [String: String] = [:], merger: ApplicantMerger) {
        self.keys = keys
        self.names = names
        self.merger = merger
        var last: [String: Int] = [:]
        for (index, key) in keys.enumerated() { last[key] = index }
        lastInput = last
    }

    /// The applicants in order of their first input, each once.
    public static func applicants(_ keys: [String]) -> [String] {
        var seen: Set<String> = []
        return keys.filter { seen.insert($0).inserted }
    }

    /// Takes the next input's document (nil when it failed) and returns the records completed by it: the applicant's
    /// record when this was its last input and at least one of its inputs converted.
    public mutating func add(_ document: Document?) -> [ApplicantRecord] {
        guard keys.indices.contains(next) else { return [] }
        let key = keys[next]
        if let document { held[key, default: []].append(document) }
        defer { next += 1 }
        guard lastInput[key] == next, let documents = held.removeValue(forKey: key) else { return [] }
        return [merger.merge(key: names[key] ?? key, documents: documents)]
    }
}
