import DossierModel

/// Where a PDF document's sections, entries and publications stand on its pages, as boxes to draw.
public enum PageBoxes {
    /// A box per section and page (around the section's blocks on that page), per entry, and per publication (the
    /// list item whose text is the reference, else its whole block).
    public static func boxes(in document: Document) -> [PageBox] {
        var boxes: [PageBox] = []
        for section in document.profile.sections {
            guard let first = section.blocks.first, let last = section.blocks.last, first <= last,
                  document.blocks.indices.contains(first), document.blocks.indices.contains(last) else { continue }
            var byPage: [Int: [Double]] = [:]
            for block in document.blocks[first...last] {
                guard let page = block.provenance.page, let box = block.provenance.bbox, box.count == 4 else { continue }
                byPage[page] = byPage[page].map { union($0, box) } ?? box
            }
            for (page, box) in byPage.sorted(by: { $0.key < $1.key }) {
                boxes.append(PageBox(kind: .section, page: page, bbox: box, label: section.subkind ?? section.kind.rawValue))
            }
        }
        for entry in document.profile.entries {
            guard let index = entry.block, document.blocks.indices.contains(index),
                  let found = bestBlock(for: entry.raw, in: document.blocks[index]),
                  let page = found.provenance.page, let box = found.provenance.bbox, box.count == 4 else { continue }
            boxes.append(PageBox(kind: .entry, page: page, bbox: box))
        }
        for publication in document.profile.publications {
            guard let index = publication.block, document.blocks.indices.contains(index),
                  let found = bestBlock(for: publication.raw, in: document.blocks[index]),
                  let page = found.provenance.page, let box = found.provenance.bbox, box.count == 4 else { continue }
            boxes.append(PageBox(kind: .publication, page: page, bbox: box, label: publication.id))
        }
        return boxes
    }

    /// The innermost block (the block itself, or one of its items or children) whose text holds the start of `raw`.
    static func bestBlock(for raw: String, in block: Block) -> Block? {
        let probe = String(raw.prefix(40))
        for child in (block.items ?? []) + (block.blocks ?? []) where child.text.contains(probe) || probe.contains(child.text) && !child.text.isEmpty {
            if let inner = bestBlock(for: raw, in: child) { return inner }
        }
        return block.provenance.page == nil ? nil : block
    }

    private static func union(_ a: [Double], _ b: [Double]) -> [Double] {
        [min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])]
    }
}
