import DossierModel

//  bytes ──► sniff ──► Reader ──► Document(blocks) ──► Stage ► Stage ► … ──► Document(+profile) ──► Writer ──► bytes
//                                                       ▲ this file

/// Runs stages in order over a document. A stage that throws adds an error diagnostic and the document
/// goes on to the next stage unchanged.
public struct Pipeline: Sendable {
    public var stages: [any Stage]

    public init(_ stages: [any Stage]) {
        self.stages = stages
    }

    public func run(_ document: Document, context: StageContext = StageContext()) -> Document {
        var current = document
        for (position, stage) in stages.enumerated() {
            for later in stages[(position + 1)...] { later.prepare(for: current) }
            do {
                current = try stage.run(current, context: context)
            } catch {
                current.report(.error, stage: stage.name, "stage failed: \(error)")
            }
        }
        return current
    }
}
