import DossierModel
import DossierPipeline
@testable import DossierStages
import DossierText
import XCTest

final class ParseReferencesStageTests: XCTestCase {
    private func parsed(_ raw: String) throws -> Publication? {
        var document = Document(source: Source(path: "t", format: .pdf, bytes: 0, sha256: ""), blocks: [])
        document.profile.publications = [Publication(id: "ref1", type: SplitReferencesStage.untyped, raw: raw)]
        return try ParseReferencesStage().run(document, context: StageContext()).profile.publications.first
    }

    func testATypesetEllipsisInTheAuthorsKeepsTheTitle() throws {
        let raw = "Forsythe, A., Fontaine, N., Bissonnette, J., Hayashi, B., Insuk, C., Ghosh, S., . . . Cheeptham, N. (2022). "
            + "Microbial isolates with antifungal activities from western canadian bat wings. Scientific Reports."
        let publication = try XCTUnwrap(try parsed(raw))
        XCTAssertEqual(publication.title, "Microbial isolates with antifungal activities from western canadian bat wings")
        XCTAssertEqual(publication.raw, raw, "the raw reference stays as written")
        XCTAssertEqual(publication.author?.first?.family, "Forsythe")
    }

    /// A title whose first word looks like a family name after a list of initialled names: the list's own shape
    /// says where it ends. Each case was read with the title's first word as one more author.
    func testATitlesFirstWordIsNotOneMoreAuthor() throws {
        let cases: [(String, String, Int)] = [
            ("Moreau E , Rankin S. Sororin, the cell cycle and sister chromatid cohesion. Cell Cycle. 2005;4:1039–42.",
             "Sororin, the cell cycle and sister chromatid cohesion", 2),
            ("Thanbichler M, Shapiro L, Mbeki-Osei F. MipZ, a spatial regulator coordinating chromosome segregation with cell division in Caulobacter. Cell 126.",
             "MipZ, a spatial regulator coordinating chromosome segregation with cell division in Caulobacter", 3),
            ("A. Shameli-Sendi, M. Dagenais, T. Esposito, ARITO: Cyber-attack response system using accurate risk impact tolerance. International Journal of Information Security 13, 367–390 (2014).",
             "ARITO: Cyber-attack response system using accurate risk impact tolerance", 3),
            ("J. M. Foley, T. Esposito, Word-Power, Performance, and Tradition. Journal of American Folklore 105, 275–301 (1992).",
             "Word-Power, Performance, and Tradition", 2),
        ]
        for (raw, title, authors) in cases {
            let publication = try XCTUnwrap(try parsed(raw))
            XCTAssertEqual(publication.title, title, raw)
            XCTAssertEqual(publication.author?.count, authors, raw)
        }
    }

    /// DIN 1505: "Family, Given" names closed by a colon, and "u. a." for et al.
    func testDINListsEndAtTheirColon() throws {
        let given = try XCTUnwrap(try parsed("Jankowski, L. ; Morris, Meaghan: Things to Do with Shopping Centers. In: Too Soon Too Late. Bloomington : Indiana University Press, 1998"))
        XCTAssertEqual(given.title, "Things to Do with Shopping Centers")
        XCTAssertEqual(given.author?.last?.given, "Meaghan")
        let cut = try XCTUnwrap(try parsed("Bergström, J.-B. ; Shinnick, T. M. ; Lerner, R. A. ; u. a.: Nucleotide sequence of Moloney murine leukaemia virus. In: Nature Bd. 293 (1981), S. 543–548"))
        XCTAssertEqual(cut.title, "Nucleotide sequence of Moloney murine leukaemia virus")
        XCTAssertEqual(ParseReferencesStage.typographyFolded("Roe, A. ; u. a.: Title"), "Roe, A. ; et al.: Title")
        XCTAssertEqual(ParseReferencesStage.typographyFolded("Haus u. a. Garten"), "Haus u. a. Garten", "only after a name's separator")
    }

    func testTheWordOpeningTheContainerIsNotTheTitles() {
        var publication = Publication(id: "p", type: "paper-conference", raw: "x")
        publication.title = "Finding motifs using random projections in"
        ParseReferencesStage.genreOutOfTitle(&publication)
        XCTAssertEqual(publication.title, "Finding motifs using random projections")
        publication.title = "Made in"
        ParseReferencesStage.genreOutOfTitle(&publication)
        XCTAssertEqual(publication.title, "Made in", "too short to be cut")
    }

    /// Lists of another shape, and references whose title comes first, are left as the model read them.
    func testTitleWordRepairLeavesOtherShapesAlone() {
        var din = Publication(id: "p", type: "book", raw: "x")
        din.author = [CSLName(family: "Esposito", given: "K."), CSLName(family: "Devisse", given: "Jean")]
        din.title = "Pauperes et Paupertas dans le monde carolingien"
        XCTAssertFalse(TitleWordAsAuthor.repair(&din, text: "Esposito, K. ; Devisse, Jean: Pauperes et Paupertas dans le monde carolingien. In: Revue du Nord Bd. 48 (1966)"))
        var titleFirst = Publication(id: "p", type: "paper-conference", raw: "x")
        titleFirst.author = [CSLName(family: "Brown", given: "J."), CSLName(family: "C", given: "N. Graham T")]
        titleFirst.title = "T C, and T"
        XCTAssertFalse(TitleWordAsAuthor.repair(&titleFirst, text: "The Vista Environment for User Interfaces. J. Brown, N. Graham T C, and T. Wright. In Proceedings of CHI, 1998."))
        var quoted = Publication(id: "p", type: "article-journal", raw: "x")
        quoted.author = [CSLName(family: "Delamere", given: "N. A."), CSLName(family: "Brennan-Ó", given: "J."), CSLName(family: "Dálaigh")]
        quoted.title = "A comparison of ion concentrations"
        XCTAssertFalse(TitleWordAsAuthor.repair(&quoted, text: "N. A. Delamere and J. Brennan-Ó. Dálaigh, “A comparison of ion concentrations,” J. Physiol, vol. 272, 1977."))
        var letter = Publication(id: "p", type: "article-journal", raw: "x")
        letter.author = [CSLName(family: "Nakashima", given: "E."), CSLName(family: "Ibrahima", given: "T."), CSLName(family: "K")]
        letter.title = "An approach for QoS measurement"
        XCTAssertFalse(TitleWordAsAuthor.repair(&letter, text: "E. Nakashima, T. Ibrahima K, An approach for QoS measurement. High Technology Letters 19 (2013)."))
    }

    func testAnAuthorListCutWithACountReadsAsEtAl() throws {
        let raw = "D. P. Spiegel, B. Thompson, F. Pestilli, B. Rokers […16 more…]. Regional representativeness of Swedish "
            + "reference lakes. Environ Manag 23, 115–124 (1999)."
        let publication = try XCTUnwrap(try parsed(raw))
        XCTAssertEqual(publication.title, "Regional representativeness of Swedish reference lakes")
        XCTAssertEqual(publication.author?.last?.family, "Rokers")
        XCTAssertEqual(publication.raw, raw)
        XCTAssertEqual(ParseReferencesStage.typographyFolded("A. Roe [... 12 more ...] Title"), "A. Roe et al. Title")
        XCTAssertEqual(ParseReferencesStage.typographyFolded("A. Roe (3 more authors). Title"), "A. Roe et al. Title")
    }

    func testATitleBeforeARemarkNamingTheCoauthors() throws {
        let joint = try XCTUnwrap(try parsed("Counting Sheep under Limited Commitment (joint with Ada Lovelace and Grace Hopper), 2023: Journal of Made-Up Economics, Vol. 14, pp. 1-20."))
        XCTAssertEqual(joint.title, "Counting Sheep under Limited Commitment")
        let alone = try XCTUnwrap(try parsed("A Theory of Imaginary Engines and Sheep, 2025: Work in progress."))
        XCTAssertEqual(alone.title, "A Theory of Imaginary Engines and Sheep")
    }

    func testAJournalWithoutVolumeRunIntoTheTitleIsTheContainer() throws {
        let publication = try XCTUnwrap(try parsed("Lovelace A, Hopper G, Turing A. 2023. Regional patterns of sheep counting in imaginary pens. Sheep Science 10.1234/abc.5 --- HAL"))
        XCTAssertEqual(publication.title, "Regional patterns of sheep counting in imaginary pens")
        XCTAssertEqual(publication.containerTitle, "Sheep Science")
    }

    func testAGenreClosingTheTitleIsNotPartOfIt() throws {
        let thesis = try XCTUnwrap(try parsed("Lovelace, A. (2019). Counting sheep in imaginary pens [Université de Nulle Part]."))
        XCTAssertEqual(thesis.title, "Counting sheep in imaginary pens")
        let patent = try XCTUnwrap(try parsed("A Lovelace, G Hopper and A Turing, A System to Count Sheep in the Dark, invention patent."))
        XCTAssertEqual(patent.title?.hasSuffix("A System to Count Sheep in the Dark"), true, "\(patent.title ?? "")")
        let remark = try XCTUnwrap(try parsed("Lovelace, A. (2019). Counting sheep [Guest editors' introduction]. Journal of Sheep, 3(2), 1-2."))
        XCTAssertEqual(remark.title, "Counting sheep [Guest editors' introduction]", "a remark that names no genre stays")
    }

    /// A reference whose venue the source set in italics, parsed from a list block.
    private func parsedWithItalics(_ before: String, _ italic: String, _ after: String) throws -> Publication? {
        try parsedWithRuns([.text(before), Inline(.emphasis, text: italic, children: [.text(italic)]), .text(after)])
    }

    /// A reference made of `inlines` (bold and italic runs among them), parsed from a list block.
    private func parsedWithRuns(_ inlines: [Inline]) throws -> Publication? {
        let raw = inlines.map(\.text).joined()
        let paragraph = Block(.paragraph, text: raw, provenance: Provenance(lines: [1, 1]), inlines: inlines)
        var item = Block(.item, text: raw, provenance: Provenance(lines: [1, 1]), inlines: paragraph.inlines)
        item.blocks = [paragraph]
        var list = Block(.list, text: raw, provenance: Provenance(lines: [1, 1]))
        list.items = [item]
        var document = Document(source: Source(path: "t", format: .markdown, bytes: 0, sha256: ""), blocks: [list])
        var split = Publication(id: "ref1", type: SplitReferencesStage.untyped, raw: raw)
        split.block = 0
        document.profile.publications = [split]
        return try ParseReferencesStage().run(document, context: StageContext()).profile.publications.first
    }

    func testAnItalicVenueEndsATitleNothingElseEnds() throws {
        // IOP's shape: no punctuation between title and journal, only the italics.
        let iop = try XCTUnwrap(try parsedWithItalics("Lovelace A, Hopper G and Turing A 1994 A sheep-counting interface to the Internet ",
                                                      "Comm. of the Sheep Society", " 37 72–6"))
        XCTAssertEqual(iop.title, "A sheep-counting interface to the Internet")
        XCTAssertEqual(iop.containerTitle, "Comm. of the Sheep Society")
        // A title that holds the journal's name as a word of its own keeps it.
        let inside = try XCTUnwrap(try parsedWithItalics("Lovelace A, Hopper G. 2011. Very early counting after Stroke improves sheep outcomes. ",
                                                         "Stroke", ". 42:1–9."))
        XCTAssertEqual(inside.title, "Very early counting after Stroke improves sheep outcomes")
        // A book title in italics is the title the parser read: left alone.
        let book = try XCTUnwrap(try parsedWithItalics("Lovelace, A. (2001). ", "Counting sheep in imaginary pens", ". Sheep Press."))
        XCTAssertEqual(book.title, "Counting sheep in imaginary pens")
    }

    func testATitleFirstReferenceKeepsTheAuthorsAfterItsTitle() throws {
        let bold = { (text: String) in Inline(.strong, text: text, children: [.text(text)]) }
        let italic = { (text: String) in Inline(.emphasis, text: text, children: [.text(text)]) }
        // "**Title**. Authors. *Venue*, year": the parser alone reads "N. Yeung and A. Lovelace" as a title.
        let first = try XCTUnwrap(try parsedWithRuns([bold("Motivation of counting sheep by the anterior cortex"),
                                                      .text(". C. B. Holroyd, N. Yeung and "), bold("Ada Lovelace"),
                                                      .text(". "), italic("Trends in Sheep Sciences"), .text(", 2012.")]))
        XCTAssertEqual(first.title, "Motivation of counting sheep by the anterior cortex")
        XCTAssertEqual(first.author?.compactMap(\.family), ["Holroyd", "Yeung", "Lovelace"])
        // The bold run that opens an author-first reference is the applicant's name, not a title.
        let named = try XCTUnwrap(try parsedWithRuns([bold("de la Fuente S"), .text(", Hopper G, Turing A. Counting sheep in imaginary pens. "),
                                                      italic("Sheep Science"), .text(" 2019;12:1–9.")]))
        XCTAssertEqual(named.title, "Counting sheep in imaginary pens")
    }

    /// The byte reading of the list number, bullet and quotes before a title ends where the expression's match
    /// ends, or leaves the answer to the expression (nil), on made-up openings of every kind.
    func testLeadingMarksByBytesEndWhereTheExpressionEnds() {
        let pieces = ["1", "12", "2019", "12345", "[", "]", ".", ")", " ", "  ", "\t", "\n", "\r\n", "\u{0B}", "\u{1C}", "•", "◦", "▪", "-",
                      "–", "—", "*", "+", "\"", "“", "‘", "'", "”", "A", "Title", "é", "\u{0301}", "\u{00A0}", "\u{2003}", "\u{0085}",
                      "٣", "١٢", "x", ":", "(", "#"]
        var generator = SplitMix(seed: 12)
        var openings = ["", " ", "1. Title", "[12] “Title”", "• Title", "12345 Title", "1.Title", "-- Title", "* * Title", "2019. A"]
        for _ in 0..<6000 {
            openings.append((0..<Int.random(in: 1...7, using: &generator)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined())
        }
        var decided = 0
        for opening in openings {
            guard let end = TitleFirstAuthors.leadingMarksEnd(opening) else { continue }
            decided += 1
            XCTAssertEqual(end, TitleFirstAuthors.leadingMarks.firstMatch(in: opening)?.range.upperBound, "\(opening.debugDescription)")
        }
        XCTAssertGreaterThan(decided, openings.count / 3, "the bytes decide most openings")
    }
}
