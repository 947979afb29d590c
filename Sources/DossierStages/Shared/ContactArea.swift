import DossierText
import DossierModel
import Foundation

/// Which top-level blocks hold other people's material (referees, publications) and which form the
/// applicant's contact block at the top, for the contact, identifier and document-kind stages.
///
/// Uses `profile.sections` (from `sections`) when present; otherwise every heading starts a section whose
/// kind comes from `SectionHeadings`, so these stages also run on their own (`--stages contact`).
struct ContactArea: Sendable {
    /// For each top-level block, the section holding it, or nil before the first section.
    let sectionOfBlock: [Section?]
    /// Top-level blocks of the contact block: before the first section, or in a section titled
    /// with the applicant's name, "Contact", "Personal information", "Curriculum Vitae"…
    let contactBlocks: Set<Int>
    /// Top-level blocks near the top (page 1 of a PDF, the first 40 blocks otherwise) or in a section titled
    /// "Contact", "Personal information"… wherever it stands: where else an applicant's details are written.
    let detailBlocks: Set<Int>

    init(_ document: Document) {
        var sections = document.profile.sections
        if sections.isEmpty { sections = ContactArea.fallbackSections(document.blocks) }
        var owner = [Section?](repeating: nil, count: document.blocks.count)
        for section in sections {
            // Sections may come from an external stage: indices out of range are ignored, not trusted.
            guard let first = section.blocks.first, let last = section.blocks.last else { continue }
            let low = max(0, first), high = min(last, document.blocks.count - 1)
            guard low <= high else { continue }
            for index in low...high { owner[index] = section }
        }
        sectionOfBlock = owner
        contactBlocks = ContactArea.contactBlocks(document, owner: owner)
        var details: Set<Int> = []
        for (index, block) in document.blocks.enumerated() {
            let nearTop = block.provenance.page.map { $0 <= 1 } ?? (index < 40)
            let inContactSection = owner[index].map { ContactArea.isContactTitle($0) } ?? false
            if nearTop || inContactSection { details.insert(index) }
        }
        detailBlocks = details
    }

    /// The kind of the section holding top-level block `index`, or nil.
    func kind(of index: Int) -> SectionKind? {
        sectionOfBlock.indices.contains(index) ? sectionOfBlock[index]?.kind : nil
    }

    /// True for blocks whose people and addresses are not the applicant's: referees and publications.
    func isOthersMaterial(_ index: Int) -> Bool {
        let kind = kind(of: index)
        return kind == .referees || kind == .publications
    }

    /// The distinct section kinds, in document order.
    var kinds: [SectionKind] {
        var seen: [SectionKind] = []
        for case let section? in sectionOfBlock where !seen.contains(section.kind) { seen.append(section.kind) }
        return seen
    }

    private static func contactBlocks(_ document: Document, owner: [Section?]) -> Set<Int> {
        var result: Set<Int> = []
        let firstPage = document.blocks.first?.provenance.page
        for (index, block) in document.blocks.enumerated() {
            if index >= 20 { break }
            if let page = block.provenance.page, let firstPage, page != firstPage { break }
            if let section = owner[index] {
                guard isContactTitle(section) || isStrayLine(section) else {
                    if result.isEmpty && index < 3 { continue }
                    break
                }
            }
            result.insert(index)
        }
        return result
    }

    /// An unknown "section" that is only a line set large at the top ("January 2025", a tagline): it does
    /// not end the contact block.
    private static func isStrayLine(_ section: Section) -> Bool {
        guard section.kind == .other, let first = section.blocks.first, let last = section.blocks.last else { return false }
        return first == last || dateTitle.matches(section.title)
    }

    private static let dateTitle = TextPattern(#"^(?:\p{L}+\.?\s+)?(?:\d{1,2}\.?\s+)?(?:\p{L}+\.?\s+)?(?:19|20)\d{2}$"#)

    /// A section that is really the top of a CV: titled with a name, "Contact", "Curriculum Vitae"…
    private static func isContactTitle(_ section: Section) -> Bool {
        guard section.kind == .other || section.kind == .summary else { return false }
        let title = section.title.lowercased()
        if contactWords.contains(where: { title.containsText($0) }) { return true }
        guard section.kind == .other else { return false }
        return PersonNames.cleaned(section.title).map(PersonNames.looksLikeCleanedName) ?? false
    }

    private static let contactWords = [
        "contact", "personal", "general information", "curriculum", "vitae", "résumé", "resume", "lebenslauf",
        "kontakt", "coordonnées", "datos personales", "dati personali", "informações pessoais", "persoonlijke",
        "个人", "聯繫", "联系",
    ]

    /// Sections from headings alone, for documents that did not go through `sections`.
    static func fallbackSections(_ blocks: [Block]) -> [Section] {
        var sections: [Section] = []
        var parent: (level: Int, kind: SectionKind)?
        for (index, block) in blocks.enumerated() where block.type == .heading {
            let level = block.level ?? 1
            var kind = fallbackKind(block.text)
            if kind == .other, let parent, level > parent.level, parent.kind != .other {
                kind = parent.kind
            } else {
                parent = (level, kind)
            }
            if let last = sections.indices.last { sections[last].blocks[1] = index - 1 }
            sections.append(Section(kind: kind, title: block.text, blocks: [index, blocks.count - 1]))
        }
        return sections
    }

    /// The kind a heading's words suggest; `.other` when unsure.
    static func fallbackKind(_ title: String) -> SectionKind {
        SectionHeadings.kind(of: title) ?? .other
    }
}
