import DossierModel

/// The layout analysis from glyphs to blocks, on plain values: words → line fragments → running headers and
/// footers removed → columns and reading order → line groups → blocks.
enum PDFLayout {
    /// What the analysis produced: the blocks and what it removed from the page margins.
    struct Result {
        var blocks: [Block]
        var removed: [RunningChromeFilter.Removal]
    }

    /// Blocks of pages given as glyphs in content order (whitespace and line-end glyphs included).
    static func blocks(pages: [(number: Int, height: Double, glyphs: [Glyph])]) -> [Block] {
        analyse(pages).blocks
    }

    static func analyse(_ pages: [(number: Int, height: Double, glyphs: [Glyph])]) -> Result {
        var perPage: [(fragments: [TextLine], height: Double)] = []
        var allWords: [String] = []
        for page in pages {
            let words = WordBuilder.words(from: page.glyphs)
            allWords += words.map(\.text)
            perPage.append((LineBuilder.fragments(from: words, page: page.number), page.height))
        }
        let filtered = RunningChromeFilter.filter(perPage)
        var flows: [[TextLine]] = []
        for fragments in filtered.pages { flows += ColumnDetector.flows(fragments) }
        let metrics = LayoutMetrics(flows: flows)
        var groups: [LineGroup] = []
        for (index, flow) in flows.enumerated() {
            groups += LineGrouper.groups(WrappedHeading.reunite(flow, metrics: metrics), flowIndex: index, metrics: metrics)
        }
        let assembler = BlockAssembler(metrics: metrics, hyphenation: Hyphenation(documentWords: allWords))
        return Result(blocks: assembler.blocks(groups), removed: filtered.removed)
    }
}
