import DossierText
import DossierModel

/// Which section each top-level block belongs to: the innermost section that contains it, so that a block
/// under "Journal Articles" inside "Publications" is counted once.
public struct SectionMap: Sendable {
    private var owner: [Int: Int] = [:]
    public let sections: [Section]

    public init(_ document: Document) {
        sections = document.profile.sections
        for (number, section) in sections.enumerated() {
            let first = section.blocks.first ?? 0
            let last = section.blocks.last ?? -1
            guard first <= last else { continue }
            // Later sections that start inside an earlier one are nested in it, so they overwrite.
            for index in first...last { owner[index] = number }
        }
    }

    /// The innermost section of the block at `index`, if any.
    public func section(ofBlock index: Int) -> Section? {
        owner[index].map { sections[$0] }
    }

    /// Indices of the top-level blocks whose innermost section has one of `kinds`, headings excluded.
    public func blocks(of kinds: Set<SectionKind>, in document: Document) -> [Int] {
        document.blocks.indices.filter { index in
            guard let section = section(ofBlock: index), kinds.contains(section.kind) else { return false }
            return section.blocks.first != index
        }
    }
}
