import DossierModel
import DossierPipeline
@testable import DossierStages
import DossierText
import XCTest

final class SplitReferencesStageTests: XCTestCase {
    private func heading(_ text: String, level: Int = 2) -> Block {
        Block(.heading, text: text, provenance: .lines(1, 1), level: level)
    }

    private func list(_ items: [String], inlines: [[Inline]]? = nil) -> Block {
        var block = Block(.list, text: items.joined(separator: "\n"), provenance: .lines(1, 1))
        block.items = items.enumerated().map { offset, text in
            var item = Block(.item, text: text, provenance: .lines(1, 1))
            item.inlines = inlines?[offset]
            return item
        }
        return block
    }

    private func split(_ blocks: [Block]) throws -> Document {
        let base = Document(source: Source(path: "t", format: .markdown, bytes: 0, sha256: ""), blocks: blocks)
        return try SplitReferencesStage().run(try SectionsStage().run(base, context: StageContext()), context: StageContext())
    }

    /// Loose paragraphs must read like references: a title-first one with full names and a year only counts when the
    /// applicant is named in it (as written, not only in bold), and marks after initials ("Sankoh O†,") still read as
    /// an author list.
    func testLooseParagraphsThatNameTheApplicantOrCarryMarksAreReferences() throws {
        let paragraph = { (text: String) in Block(.paragraph, text: text, provenance: .lines(1, 1)) }
        let titleFirst = "Gesundheit als Lebenswert in der Gesellschaft, Leipzig 1988. Wolfgang Jantzen and Kwame Achterberg. Jahrbuch, 1988."
        let marked = "Kowalczyk IJ†, Sankoh O†. Global health estimates: stronger collaboration needed. PLoS Medicine. 2010;7:e1001005."
        var base = Document(source: Source(path: "t", format: .markdown, bytes: 0, sha256: ""),
                            blocks: [heading("Publications"), paragraph(titleFirst), paragraph(marked), paragraph("Gesundheit und Gesellschaft, Leipzig 1988."),
                                     paragraph("Evidence for the impact origin of Lac 15. Murti, K. G. ; Prescott, D. M. ; Achterberg, Kwame:")])
        base.profile.person.name = PersonName(literal: "Kwame Achterberg", given: "Kwame", family: "Achterberg")
        let sections = try SectionsStage().run(base, context: StageContext())
        let found = try SplitReferencesStage().run(sections, context: StageContext()).profile.publications.map(\.raw)
        XCTAssertEqual(found, [titleFirst, marked], "a note naming no one, with a year only, is not a reference; nor a fragment cut after the names")
    }

    /// A list written as paragraphs numbered down ("25 Title…", "24 Title…") labels its entries, so a loose one with
    /// few other signs is kept; numbers that do not run in steps of one label nothing.
    func testParagraphsNumberedInStepsOfOneAreEntries() throws {
        let paragraph = { (text: String) in Block(.paragraph, text: text, provenance: .lines(1, 1)) }
        let weak = "25 A supplement on the presentation and conservation of modern art. Brit Andresen et al.. Studio international, 1975."
        let found = try split([heading("Publications"), paragraph("26 A framework for profile data. X. Jiang et al.. J Math Biol, 2012."), paragraph(weak),
                               paragraph("24 Correlates of body mass evolution in primates. C. Soligo. Am J Phys Anthropol, 2006.")])
        XCTAssertEqual(found.profile.publications.count, 3)
        let scattered = try split([heading("Publications"), paragraph("3 notes on modern art written in 1975 and later."), paragraph("12 more notes on art, 1976.")])
        XCTAssertEqual(scattered.profile.publications.count, 0)
    }

    func testOneReferencePerItemTypedBySubHeading() throws {
        let result = try split([
            heading("Publications"), heading("Journal Articles", level: 3), list(["Doe J, Roe R. A title. J Things. 2020;1:2-3.", "Doe J. Another. J Stuff. 2019."]),
            heading("Conference Papers", level: 3), list(["Doe J. Talk paper. In: Proc. X; 2018. p. 1-2."]),
            heading("Teaching"), list(["Course 101, 2020"]),
        ])
        let publications = result.profile.publications
        XCTAssertEqual(publications.count, 3)
        XCTAssertEqual(publications.map(\.type), ["article-journal", "article-journal", "paper-conference"])
        XCTAssertEqual(publications.map(\.id), ["ref1", "ref2", "ref3"])
        XCTAssertEqual(publications[0].block, 2)
    }

    /// An item whose paragraphs are the fields of one entry (title, authors, venue) keeps the title paragraph as
    /// its title: the page drew that edge, so a full stop inside the title does not cut it.
    func testAnItemOfFieldParagraphsKeepsItsTitleParagraph() throws {
        func item(_ fields: [String]) -> Block {
            var item = Block(.item, text: fields.joined(separator: "\n"), provenance: .lines(1, 1))
            item.blocks = fields.map { Block(.paragraph, text: $0, provenance: .lines(1, 1)) }
            return item
        }
        var entries = Block(.list, text: "", provenance: .lines(1, 1))
        entries.items = [
            item(["Mollusken aus dem Tertiär von St. Domingo", "J. Doe, R. Roe and K. Lovelace", "Zeitschrift für Dinge, 3, 1–20, 1901"]),
            item(["Robustness, evolvability, and neutrality", "K. Lovelace and J. Doe", "FEBS Letters, 579, 1772–1778, 2005"]),
        ]
        let publications = try split([heading("Publications"), entries]).profile.publications
        XCTAssertEqual(publications.map(\.title), ["Mollusken aus dem Tertiär von St. Domingo", "Robustness, evolvability, and neutrality"])
    }

    /// A page about one paper (academicpages' `_publications/*.md`): the citation in its front matter is the publication,
    /// and the title and venue it states as fields win over the parser's reading.
    func testAPerPaperPageIsItsPublication() throws {
        var base = Document(source: Source(path: "p.md", format: .markdown, bytes: 0, sha256: ""),
                            blocks: [Block(.paragraph, text: "We study things.", provenance: .lines(8, 8))])
        base.metadata = [
            "title": .string("Sparse things in dense places"), "venue": .string("Journal of Things"), "collection": .string("publications"),
            "citation": .string("Roe, J. &amp; Poe, E. (2019). &quot;Sparse things in dense places.&quot; <i>Journal of Things</i>. 4(2)."),
        ]
        let split = try SplitReferencesStage().run(try SectionsStage().run(base, context: StageContext()), context: StageContext())
        XCTAssertEqual(split.profile.publications.map(\.raw), [#"Roe, J. & Poe, E. (2019). "Sparse things in dense places." Journal of Things. 4(2)."#])
        let parsed = try ParseReferencesStage().run(split, context: StageContext())
        XCTAssertEqual(parsed.profile.publications.first?.title, "Sparse things in dense places")
        XCTAssertEqual(parsed.profile.publications.first?.containerTitle, "Journal of Things")
        XCTAssertEqual(parsed.profile.publications.first?.author?.map(\.family), ["Roe", "Poe"])
        XCTAssertEqual(parsed.profile.publications.first?.issued?.dateParts, [[2019]])
    }

    /// Years, ranges of years and bare numbers as list items label the list; they are not references.
    func testYearItemsAreNotReferences() throws {
        let result = try split([heading("Publications"), list(["2021", "Doe J. A title. J Things. 2021;1:2-3.", "2019–2020", "[12]"])])
        XCTAssertEqual(result.profile.publications.map(\.raw), ["Doe J. A title. J Things. 2021;1:2-3."])
    }

    func testNumberedLinesInOneParagraphAreSplit() throws {
        let text = "[1] K. Xu, \"First paper,\" in Proc. A, 2020.\n[2] K. Xu and J. Roe, \"Second paper,\"\nJ. Things, vol. 2, 2021.\n[3] J. Roe, \"Third paper on things,\" 2022."
        let result = try split([heading("Publications"), Block(.paragraph, text: text, provenance: .lines(2, 5))])
        XCTAssertEqual(result.profile.publications.map(\.raw), [
            "K. Xu, \"First paper,\" in Proc. A, 2020.",
            "K. Xu and J. Roe, \"Second paper,\" J. Things, vol. 2, 2021.",
            "J. Roe, \"Third paper on things,\" 2022.",
        ])
    }

    func testLinkWordsAreDroppedButTheirURLsKept() throws {
        let inlines: [Inline] = [.text("Doe, J. (2020). A title. Journal, 1, 2-3. "),
                                 Inline(.link, text: "[PDF]", url: "https://x.org/a.pdf"), .text(" "),
                                 Inline(.link, text: "code", url: "https://github.com/x/y")]
        let result = try split([heading("Publications"), list(["Doe, J. (2020). A title. Journal, 1, 2-3. [PDF] code"], inlines: [inlines])])
        let publication = try XCTUnwrap(result.profile.publications.first)
        XCTAssertEqual(publication.raw, "Doe, J. (2020). A title. Journal, 1, 2-3.")
        XCTAssertEqual(publication.url, "https://x.org/a.pdf")
    }

    func testATitleLineRepeatedInTheReferenceIsDropped() throws {
        var list = Block(.list, text: "", provenance: .lines(2, 3))
        var item = Block(.item, text: "", provenance: .lines(2, 3))
        item.blocks = [Block(.paragraph, text: "A treebank of spoken Aymara", provenance: .lines(2, 2)),
                       Block(.paragraph, text: "K. Quispe, T. Arbeloa. 2021. A treebank of spoken Aymara. LRE 55(3):801–829.", provenance: .lines(3, 3))]
        item.text = item.blocks?.map(\.text).joined(separator: "\n") ?? ""
        var other = Block(.item, text: "", provenance: .lines(4, 5))
        other.blocks = [Block(.paragraph, text: "Fast graphs", provenance: .lines(4, 4)), Block(.paragraph, text: "J. Doe. VLDB 2020.", provenance: .lines(5, 5))]
        other.text = "Fast graphs\nJ. Doe. VLDB 2020."
        list.items = [item, other]
        let result = try split([heading("Publications"), list])
        XCTAssertEqual(result.profile.publications.map(\.raw), ["K. Quispe, T. Arbeloa. 2021. A treebank of spoken Aymara. LRE 55(3):801–829.", "Fast graphs. J. Doe. VLDB 2020."])
    }

    func testADateColumnRunIntoTheReferenceIsDropped() throws {
        let result = try split([heading("Publications"), list(["2024 Doe, J. (2024). A title. Journal, 1, 2-3.", "2019 Survey of 2019 results, Doe J., Journal X, 2020."])])
        XCTAssertEqual(result.profile.publications.map(\.raw), ["Doe, J. (2024). A title. Journal, 1, 2-3.", "Survey of 2019 results, Doe J., Journal X, 2020."])
    }

    func testAYearGluedToTheReferenceByMarkupIsDropped() throws {
        let result = try split([heading("Publications"), list(["2020Porto, A. and K. J. Voje. 2020. A title. Journal, 1, 2-3."])])
        XCTAssertEqual(result.profile.publications.map(\.raw), ["Porto, A. and K. J. Voje. 2020. A title. Journal, 1, 2-3."])
    }

    func testAVenueInItalicsGluedToTheTitleIsSeparated() throws {
        let text = "Porto, A. 2020. Landmarking of structures in images.Methods in Ecology vol. 11, pp. 500-512."
        let inlines: [Inline] = [.text("Porto, A. 2020. Landmarking of structures in images."), Inline(.emphasis, text: "Methods in Ecology"),
                                 .text(" vol. 11, pp. 500-512.")]
        let result = try split([heading("Publications"), list([text], inlines: [inlines])])
        XCTAssertEqual(result.profile.publications.first?.raw, "Porto, A. 2020. Landmarking of structures in images. Methods in Ecology vol. 11, pp. 500-512.")
    }

    func testAKeyToTheMarksIsNotAReference() throws {
        let result = try split([heading("Publications"), list(["= PhD student (co-)supervision; † = Masters student (co-)supervision",
                                                               "* = equal contribution",
                                                               "Doe, J.* (2020). A title. Journal, 1, 2-3."])])
        XCTAssertEqual(result.profile.publications.map(\.raw), ["Doe, J.* (2020). A title. Journal, 1, 2-3."])
    }

    /// The key's words alone, its mark taken by the reader for the list's bullet, are no reference either.
    func testAKeyWhoseMarkBecameABulletIsNotAReference() throws {
        let result = try split([heading("Publications"), list(["These authors contributed equally",
                                                               "Doe, J.*, Roe, N.* (2020). A title. Journal, 1, 2-3."])])
        XCTAssertEqual(result.profile.publications.map(\.raw), ["Doe, J.*, Roe, N.* (2020). A title. Journal, 1, 2-3."])
    }

    /// A line that ends on an article, a preposition or a conjunction goes on in the next, whatever that opens with;
    /// a word alone on its line (a link's text) does not.
    func testALineEndingOnAFunctionWordGoesOn() {
        XCTAssertTrue(SplitReferencesStage.goesOn(from: "Co-inoculation of prostate cancer cells with", to: "U937 enhances tumor growth."))
        XCTAssertTrue(SplitReferencesStage.goesOn(from: "Les imaginaires du corps dans les", to: "Techno-utopies contemporaines"))
        XCTAssertFalse(SplitReferencesStage.goesOn(from: "Doe J. A title. Journal, 1, 2-3.", to: "Roe N. Another title."))
        XCTAssertFalse(SplitReferencesStage.goesOn(from: "Doe J. Step by step, The Leading Edge.\n a", to: "2014 Doe J. Tutorial."))
    }

    func testPlaceholdersAreReportedNotInvented() throws {
        let result = try split([heading("Publications"), list(["\\bibentry{doe2020}", "{% cite doe2020 %}", "Doe, J. (2020). Real. Journal, 1."])])
        XCTAssertEqual(result.profile.publications.count, 1)
        XCTAssertEqual(result.diagnostics.filter { $0.stage == "split-references" }.count, 2)
    }

    func testNotesBesideTheListAreNotReferences() throws {
        let result = try split([heading("Publications"), Block(.paragraph, text: "Updated 2026. * denotes equal contribution.", provenance: .lines(2, 2)),
                                list(["Doe, J. (2020). A title. Journal, 1, 2-3."])])
        XCTAssertEqual(result.profile.publications.count, 1)
    }

    func testAParagraphWithTheApplicantInBoldIsAReference() throws {
        func paragraph(_ before: String, _ name: String, _ after: String) -> Block {
            var block = Block(.paragraph, text: before + name + after, provenance: .lines(3, 3))
            block.inlines = [.text(before), Inline(.strong, text: name), .text(after)]
            return block
        }
        let base = Document(source: Source(path: "t", format: .markdown, bytes: 0, sha256: ""), blocks: [
            heading("Publications"),
            paragraph("Darren Edge, Bongshin Lee, and ", "Steven M Drucker", ". 2016. SlideSpace: Heuristic Design of a Presentation Medium."),
            paragraph("Note: ", "Jane Roe", " keeps this list up to date since 2016."),
            Block(.paragraph, text: "Darren Edge and Steven M Drucker. 2016. Unhighlighted design of a presentation medium.", provenance: .lines(5, 5)),
        ])
        var document = try SectionsStage().run(base, context: StageContext())
        document.profile.person.name = PersonName(literal: "Steven M. Drucker", given: "Steven M.", family: "Drucker")
        let result = try SplitReferencesStage().run(document, context: StageContext())
        XCTAssertEqual(result.profile.publications.map(\.block), [1], "only the paragraph with the applicant in bold")
    }

    func testAHeadinglessPublicationListIsReadWhole() throws {
        let result = try split([list(["Doe, J. (2020). A title. Journal of X, 1(2), 2-3.", "Roe, R., & Doe, J. (2019). Other. Journal of Y, 4, 5-6.",
                                      "Doe, J. (2018). Third. In Proc. Z (pp. 1-9)."])])
        XCTAssertEqual(result.profile.publications.count, 3)
    }

    // MARK: no silent misses

    private func warnings(_ document: Document) -> [String] {
        document.diagnostics.filter { $0.severity == .warning && $0.stage == "split-references" }.map(\.message)
    }

    func testASectionThatYieldsNoPublicationIsAWarning() throws {
        let result = try split([heading("Publications"), Block(.paragraph, text: "Clever things we built, 2021\nOther clever things, 2019", provenance: .lines(2, 3)),
                                heading("Teaching"), list(["Course 101, 2020"])])
        XCTAssertTrue(result.profile.publications.isEmpty)
        XCTAssertEqual(warnings(result).count, 1)
        XCTAssertTrue(warnings(result).first?.contains("'Publications' yielded no publication") == true, "\(warnings(result))")
    }

    func testFarFewerPublicationsThanDOIsIsAWarning() throws {
        let text = "Doe J, Roe R. First made-up study. J Things. 2020. doi:10.1234/abc.1 Doe J. Second made-up study. J Stuff. 2019. doi:10.1234/abc.2 "
            + "Roe R, Doe J. Third made-up study. J Other. 2018. doi:10.1234/abc.3 Doe J. Fourth one. J Last. 2017. doi:10.1234/abc.4"
        let result = try split([heading("Publications"), Block(.paragraph, text: text, provenance: .lines(2, 2))])
        XCTAssertEqual(result.profile.publications.count, 1)
        XCTAssertTrue(warnings(result).first?.contains("far fewer than its text suggests (4 DOIs") == true, "\(warnings(result))")
    }

    func testASectionWhoseReferencesAreAllFoundIsNotWarned() throws {
        let result = try split([heading("Publications"), list(["Doe, J. (2020). A title. Journal, 1, 2-3. https://doi.org/10.1234/x.1",
                                                               "Roe, R., & Doe, J. (2019). Another title. Journal, 4, 5-6."])])
        XCTAssertEqual(result.profile.publications.count, 2)
        XCTAssertEqual(warnings(result), [])
    }

    func testLegendsAndSubHeadingCountersAreNotPublications() throws {
        let result = try split([heading("Publications"), list(["Indicates co-first author", "* Indicates co-first author", "† corresponding author",
                                                               "(# equal contribution)", "Underlined names denote supervised students", "Preprints (5)",
                                                               "Peer-reviewed journal articles [12]", "Doe, J.*, & Roe, R.* (2020). A title. Journal, 1, 2-3."])])
        XCTAssertEqual(result.profile.publications.map(\.raw), ["Doe, J.*, & Roe, R.* (2020). A title. Journal, 1, 2-3."])
        XCTAssertEqual(warnings(result), [])
    }

    // MARK: title first, one field per line

    func testTitleAuthorsAndVenueAsSeparateParagraphsAreReadAuthorFirst() throws {
        var item = Block(.item, text: "", provenance: .lines(1, 1))
        item.blocks = ["CountingEngines2021", "A Fictional Engine for Counting Sheep", "Ada Lovelace, Alan Turing, and Grace Hopper",
                       "Journal of Imaginary Machines, 2021", "Abs DOI PDF",
                       String(repeating: "This abstract goes on about engines and sheep at great length. ", count: 6)]
            .map { Block(.paragraph, text: $0, provenance: .lines(1, 1)) }
        item.text = (item.blocks ?? []).map(\.text).joined(separator: "\n")
        var block = Block(.list, text: item.text, provenance: .lines(1, 1))
        block.items = [item]
        let result = try split([heading("Publications"), block])
        XCTAssertEqual(result.profile.publications.map(\.raw),
                       ["Ada Lovelace, Alan Turing, and Grace Hopper. A Fictional Engine for Counting Sheep. Journal of Imaginary Machines, 2021"])
    }

    func testTitleAuthorsAndVenueOnSeparateLinesOfOneParagraphAreReadAuthorFirst() throws {
        let text = "Counting Sheep at Scale with Imaginary Engines\nLovelace A, Hopper G\nIn Proceedings of the Made-Up Conference. Nowhere. May 2019.\n[pdf]"
        let result = try split([heading("Publications"), Block(.paragraph, text: text, provenance: .lines(2, 5))])
        XCTAssertEqual(result.profile.publications.map(\.raw),
                       ["Lovelace A, Hopper G. Counting Sheep at Scale with Imaginary Engines. In Proceedings of the Made-Up Conference. Nowhere. May 2019."])
    }

    func testAWrappedAuthorFirstReferenceIsLeftAsWritten() throws {
        let text = "Lovelace, A., Hopper, G., and Turing, A. (2019). Counting sheep at scale\nwith imaginary engines. Journal of Made-Up Things, 3(2), 1-9."
        let result = try split([heading("Publications"), Block(.paragraph, text: text, provenance: .lines(2, 3))])
        XCTAssertEqual(result.profile.publications.map(\.raw), [text.replacingOccurrences(of: "\n", with: " ")])
    }

    func testAPaperWhoseTitleIsASubHeadingIsOneReference() throws {
        let result = try split([
            heading("Publications", level: 1), heading("2021"),
            heading("Engines That Count Sheep in Fictional Ways"),
            Block(.paragraph, text: "Ada Lovelace, Grace Hopper, Alan Turing", provenance: .lines(3, 3)),
            Block(.paragraph, text: "Imaginary Conference on Machines, 2021", provenance: .lines(4, 4)),
            Block(.paragraph, text: "Paper Project page", provenance: .lines(5, 5)),
            heading("A Second Study of Sheep and Engines"),
            Block(.paragraph, text: "Grace Hopper, Ada Lovelace", provenance: .lines(6, 6)),
            Block(.paragraph, text: "arXiv, 2020", provenance: .lines(7, 7)),
        ])
        XCTAssertEqual(result.profile.publications.map(\.raw), [
            "Ada Lovelace, Grace Hopper, Alan Turing. Engines That Count Sheep in Fictional Ways. Imaginary Conference on Machines, 2021",
            "Grace Hopper, Ada Lovelace. A Second Study of Sheep and Engines. arXiv, 2020",
        ])
    }

    /// academicpages' archive with some papers' author lines left out: among paper headings with authors, a paper
    /// heading with only a venue line (and an abstract) under it is a paper with its title and no authors.
    func testAPaperHeadingWithOnlyAVenueAmongPaperHeadingsIsAPaperWithoutAuthors() throws {
        let paragraph = { (text: String) in Block(.paragraph, text: text, provenance: .lines(1, 1)) }
        let papers = [
            heading("Engines That Count Sheep in Fictional Ways"), paragraph("Ada Lovelace, Grace Hopper, Alan Turing"),
            paragraph("Imaginary Conference on Machines, 2021"),
            heading("Performing Sheep Counts Based on Fictional Engines With Fuzzy Wool"),
            paragraph("High-Performance Counting: Second International Congress, TopCount 2019, 2019"),
            paragraph("This work introduces a novel way of counting sheep, aimed at automating the counting process."),
            paragraph("Paper PDF"),
            heading("A Second Study of Sheep and Engines"), paragraph("Grace Hopper, Ada Lovelace"), paragraph("arXiv, 2020"),
        ]
        let result = try split([heading("Publications", level: 1)] + papers)
        let publications = try ParseReferencesStage().run(result, context: StageContext()).profile.publications
        XCTAssertEqual(publications.map(\.raw), [
            "Ada Lovelace, Grace Hopper, Alan Turing. Engines That Count Sheep in Fictional Ways. Imaginary Conference on Machines, 2021",
            "Performing Sheep Counts Based on Fictional Engines With Fuzzy Wool. High-Performance Counting: Second International Congress, TopCount 2019, 2019",
            "Grace Hopper, Ada Lovelace. A Second Study of Sheep and Engines. arXiv, 2020",
        ])
        XCTAssertEqual(publications[1].title, "Performing Sheep Counts Based on Fictional Engines With Fuzzy Wool")
        XCTAssertNil(publications[1].author, "no author is read out of a title")
        XCTAssertEqual(publications.map(\.id), ["ref1", "ref2", "ref3"])

        // Alone (no sibling paper heading with authors), such a heading is a sub-heading, not a paper.
        let alone = try split([heading("Publications", level: 1)] + papers[3...6] + [heading("Talks"), paragraph("A talk, 2020")])
        XCTAssertTrue(alone.profile.publications.allSatisfy { !$0.raw.hasPrefix("Performing Sheep Counts") }, "\(alone.profile.publications.map(\.raw))")
    }

    /// Web pages that set each field of an entry as its own paragraph (`<p class="title">`, `<p class="authors">`,
    /// `<p class="venue">`), in APA, initials-first and full-name styles, a legend line first, a title with a year in
    /// it, an author list too long to judge whole: one publication per entry, read author first.
    func testEntriesWrittenOneFieldPerParagraphAreOneReferenceEach() throws {
        let paragraph = { (text: String) in Block(.paragraph, text: text, provenance: .lines(1, 1)) }
        let letters = Array("abcdefghij")
        let many = (0..<60).map { "Q. Person\(letters[$0 / 10])\(letters[$0 % 10])" }.joined(separator: ", ")
        let fields = [
            ["Counting sheep with imaginary engines", "Boswell, R., & Di Grande, L.", "Journal of Made-Up Studies, 33, 64–68, 2015"],
            ["The cost of counting sheep among adults in England in 2000", "A. Lovelace, G. Hopper and C. Babbage", "Br J Counting, 183, 514–519, 2003"],
            ["A very large collaboration counts sheep", "Ada Lovelace, \(many) and Grace Hopper", "Phys Rev Sheep, 81, 449–94, 2001"],
        ]
        let result = try split([heading("Publications"), paragraph("* Equal contribution")] + fields.flatMap { $0.map(paragraph) })
        XCTAssertEqual(result.profile.publications.map(\.raw), [
            "Boswell, R., & Di Grande, L. Counting sheep with imaginary engines. Journal of Made-Up Studies, 33, 64–68, 2015",
            "A. Lovelace, G. Hopper and C. Babbage. The cost of counting sheep among adults in England in 2000. Br J Counting, 183, 514–519, 2003",
            "Ada Lovelace, \(many) and Grace Hopper. A very large collaboration counts sheep. Phys Rev Sheep, 81, 449–94, 2001",
        ])
        // The page drew the title's edges: each entry's title is its title field, a year inside it kept.
        XCTAssertEqual(result.profile.publications.map(\.title), [
            "Counting sheep with imaginary engines", "The cost of counting sheep among adults in England in 2000",
            "A very large collaboration counts sheep",
        ])
        // One entry alone after a legend is read the same way.
        let alone = try split([heading("Journal Articles"), paragraph("* Equal contribution")] + fields[1].map(paragraph))
        XCTAssertEqual(alone.profile.publications.map(\.raw), ["A. Lovelace, G. Hopper and C. Babbage. The cost of counting sheep among adults in England in 2000. Br J Counting, 183, 514–519, 2003"])
    }

    /// An applicant's own list set as paragraphs with a year column and entry labels ("2022 J2 …"), naming no author:
    /// each labelled paragraph is an entry, even with few signs of a citation; one such paragraph alone is not enough.
    func testLabelledParagraphsWithAYearColumnAreEntries() throws {
        let paragraph = { (text: String) in Block(.paragraph, text: text, provenance: .lines(1, 1)) }
        let result = try split([heading("Journal Articles"),
                                paragraph("2022 J2 Rules as constitutive practices of counting sheep\nImaginary Inquiry"),
                                paragraph("2021 J1 Contradictions and falling engines: a reply to Lovelace\nJournal of Made-Up Philosophy 29 (3): 537–559")])
        XCTAssertEqual(result.profile.publications.count, 2, "\(result.profile.publications.map(\.raw))")
        let alone = try split([heading("Journal Articles"), paragraph("2022 J2 Rules as constitutive practices of counting sheep\nImaginary Inquiry")])
        XCTAssertEqual(alone.profile.publications.count, 0, "\(alone.profile.publications.map(\.raw))")
    }

    /// A DOI broken at a line end after a full stop, slash, hyphen or underscore goes on on the next line.
    func testADOIBrokenAtALineEndIsJoined() throws {
        let text = "Lovelace A, Hopper G. Counting sheep. Proc Imaginary Lang. 2023;7:1-20. https://doi.org/10.5555/pacmpl.\n2023.123\n[PDF]"
        let result = try split([heading("Publications"), list([text])])
        XCTAssertEqual(result.profile.publications.first?.raw,
                       "Lovelace A, Hopper G. Counting sheep. Proc Imaginary Lang. 2023;7:1-20. https://doi.org/10.5555/pacmpl.2023.123.")
        // The next field is not a DOI's continuation.
        let next = "Lovelace A. Counting sheep. J Things. 2020;1:2-3. doi:10.5555/abc.\nPMID: 12345678"
        XCTAssertEqual(try split([heading("Publications"), list([next])]).profile.publications.first?.raw,
                       "Lovelace A. Counting sheep. J Things. 2020;1:2-3. doi:10.5555/abc. PMID: 12345678")
    }

    /// Two entries the reader ran into one paragraph, each opening with "YEAR:" and a Vancouver author list.
    func testEntriesOpeningWithAYearAndAColonAreSplit() throws {
        let text = "2007: Elboury S, Couteau C, Lovelace A, et al. Counting sheep by engines. Int J Things 2007;340:1–5.\n2003: Hopper G, Lovelace A. Engines that\ncount. APMIS 2003;111:252."
        let result = try split([heading("Publications"), Block(.paragraph, text: text, provenance: .lines(1, 3))])
        XCTAssertEqual(result.profile.publications.count, 2, "\(result.profile.publications.map(\.raw))")
    }

    /// The same with Harvard entries whose first family name is hyphenated or of several words.
    func testEntriesOpeningWithAYearAndACompoundFamilyNameAreSplit() throws {
        let text = "2005: Brennan-Ó Dálaigh, G.S. et al. (2005) ‘Counting sheep’, Physica A, 335, pp. 21–33.\n"
            + "2006: Brennan-Ó Dálaigh, G.S. and Hopper, G. (2006) ‘Engines that\ncount’, J Things, 176, pp. 6202–6210.\n"
            + "2004: Van der Berg, A. and Lovelace, A. (2004) ‘A third study’, CMAJ, 171, pp. 735–740."
        let result = try split([heading("Publications"), Block(.paragraph, text: text, provenance: .lines(1, 4))])
        XCTAssertEqual(result.profile.publications.count, 3, "\(result.profile.publications.map(\.raw))")
    }

    func testAnAuthorLineEndedByALineBreakEndsTheAuthors() throws {
        let first = "7- A. Lovelace and G. Hopper\nCounting sheep with imaginary engines\nJ. Made-Up Phys. 12, 3456 (2021)"
        let second = "6- G. Hopper, A. Lovelace,\nA. Turing, and C. Babbage\nA second study of sheep\nJ. Made-Up Phys. 11, 12 (2020)"
        let result = try split([heading("Publications"), Block(.paragraph, text: first, provenance: .lines(2, 4)),
                                Block(.paragraph, text: second, provenance: .lines(5, 8))])
        XCTAssertEqual(result.profile.publications.map(\.raw), [
            "A. Lovelace and G. Hopper. Counting sheep with imaginary engines J. Made-Up Phys. 12, 3456 (2021)",
            "G. Hopper, A. Lovelace, A. Turing, and C. Babbage. A second study of sheep J. Made-Up Phys. 11, 12 (2020)",
        ])
    }

    func testATitleInItalicsOnItsOwnLineEndsBeforeTheVenue() throws {
        var block = Block(.paragraph, text: "3- A. Lovelace and G. Hopper\nCounting sheep with imaginary engines\nJ. Made-Up Phys. 12, 3456 (2021)", provenance: .lines(2, 4))
        block.inlines = [.text("3- "), Inline(.strong, text: "A. Lovelace"), .text(" and G. Hopper"), Inline(.linebreak, text: "\n"),
                         Inline(.emphasis, text: "Counting sheep with imaginary engines"), Inline(.linebreak, text: "\n"), .text("J. Made-Up Phys. 12, 3456 (2021)")]
        let result = try split([heading("Publications"), block])
        XCTAssertEqual(result.profile.publications.map(\.raw), ["A. Lovelace and G. Hopper. Counting sheep with imaginary engines. J. Made-Up Phys. 12, 3456 (2021)"])
    }

    func testTitleAuthorsAndVenueAsSeparateBlocksAreOneEntry() throws {
        func line(_ text: String, bold: Bool = false, inlines: [Inline]? = nil) -> Block {
            var block = Block(.paragraph, text: text, provenance: Provenance(page: 1, bbox: [90, 100, 500, 110]), font: FontInfo(size: 10, bold: bold))
            block.inlines = inlines ?? [.text(text)]
            return block
        }
        let result = try split([
            heading("Publications"),
            line("Lead  Counting sheep with imaginary engines at scale", bold: true,
                 inlines: [.text("Lead "), Inline(.strong, text: "Counting sheep with imaginary engines at scale")]),
            line("Lovelace A., Hopper G., Turing A."),
            line("Mar 2021 - J. Made-Up Phys., 12, 34"),
            line("A second study of sheep and engines", bold: true),
            line("Hopper G. et al. (incl. Lovelace A.)"),
            line("Oct 2020 - Submitted to J. Made-Up Phys."),
        ])
        XCTAssertEqual(result.profile.publications.map(\.raw), [
            "Lovelace A., Hopper G., Turing A. Counting sheep with imaginary engines at scale. Mar 2021 - J. Made-Up Phys., 12, 34",
            "Hopper G. et al. (incl. Lovelace A.). A second study of sheep and engines. Oct 2020 - Submitted to J. Made-Up Phys.",
        ])
        XCTAssertEqual(result.profile.publications.map(\.block), [1, 4])
    }

    func testAPointerBesideTheListIsNotWarnedButAloneItIs() throws {
        let pointer = Block(.paragraph, text: "You can find all my papers on my scholar page.", provenance: .lines(2, 2))
        let beside = try split([heading("Publications"), pointer, heading("Journal Articles"), list(["Doe, J. (2020). A title. Journal, 1, 2-3."])])
        XCTAssertEqual(beside.profile.publications.count, 1)
        XCTAssertEqual(warnings(beside), [])
        let alone = try split([heading("Publications"), pointer, heading("Teaching"), list(["Course 101, 2020"])])
        XCTAssertEqual(warnings(alone), ["publications section 'Publications' yielded no publication"])
    }

    func testReferencesSetAsHeadingsAreReferencesNotSections() throws {
        let first = "[1] Ada Lovelace, Grace Hopper and Alan Turing, Counting sheep with imaginary engines. Journal of Made-Up Things, 2014, 48(3): 414-422."
        let second = "[2] G. Hopper, A. Lovelace, A second study of sheep and engines. Proceedings of the Imaginary Conference, 2012, 3063-3068."
        let result = try split([heading("Publications"), heading(first, level: 3), heading(second, level: 3), heading("Teaching"), list(["Course 101"])])
        XCTAssertEqual(result.profile.sections.map(\.title), ["Publications", "Teaching"])
        XCTAssertEqual(result.profile.publications.count, 2)
        XCTAssertTrue(result.profile.publications.first?.raw.hasPrefix("Ada Lovelace") == true)
    }

    func testAnEntryCutIntoParagraphsGoesOnWhereTheNextStartsInLowercase() throws {
        func line(_ text: String, page: Int = 1) -> Block { Block(.paragraph, text: text, provenance: Provenance(page: page, bbox: [90, 100, 500, 110])) }
        let result = try split([
            heading("Publications"),
            line("2019 Lovelace, A, Hopper, G. Counting sheep with imaginary engines"),
            line("and other machines. Journal of Made-Up Things. doi:10.1234/abc.1.", page: 2),
            line("2018 Hopper, G, Lovelace, A. A second study of sheep, Journal of Made-Up Things,"),
            line("Proceedings volume 3. doi:10.1234/abc.2."),
            line("2017 Grace Hopper, Alan Turing, Ada M."),
            line("Lovelace (2017). A third study. Journal of Made-Up Things, 2, 10.1234/abc.3"),
        ])
        XCTAssertEqual(result.profile.publications.map(\.raw), [
            "2019 Lovelace, A, Hopper, G. Counting sheep with imaginary engines and other machines. Journal of Made-Up Things. doi:10.1234/abc.1.",
            "2018 Hopper, G, Lovelace, A. A second study of sheep, Journal of Made-Up Things, Proceedings volume 3. doi:10.1234/abc.2.",
            "Grace Hopper, Alan Turing, Ada M. Lovelace (2017). A third study. Journal of Made-Up Things, 2, 10.1234/abc.3",
        ])
    }

    func testAnItemWhoseFieldsAreSmallHeadingsIsOneReference() throws {
        var item = Block(.item, text: "2021\nCounting Sheep with Imaginary Engines\nMade-Up Publishing (Sheep-2021)", provenance: .lines(1, 1))
        item.blocks = [Block(.paragraph, text: "2021", provenance: .lines(1, 1)),
                       Block(.heading, text: "Counting Sheep with Imaginary Engines", provenance: .lines(1, 1), level: 6),
                       Block(.heading, text: "Made-Up Publishing (Sheep-2021)", provenance: .lines(1, 1), level: 6)]
        var block = Block(.list, text: item.text, provenance: .lines(1, 1))
        block.items = [item, item]
        let result = try split([heading("Publications"), block])
        XCTAssertEqual(result.profile.publications.count, 2)
    }

    func testATitleFirstParagraphWithFewSignsIsStillAReference() throws {
        let text = "Sheep and Their Engines\nAda Lovelace, Grace Hopper and Alan Turing\nIn SheepConf’21. Nowhere, Utopia. May 2021.\n[pdf]"
        let result = try split([heading("Publications"), Block(.paragraph, text: text, provenance: .lines(2, 5))])
        XCTAssertEqual(result.profile.publications.map(\.raw), ["Ada Lovelace, Grace Hopper and Alan Turing. Sheep and Their Engines. In SheepConf’21. Nowhere, Utopia. May 2021."])
    }

    func testEntriesRunIntoOneItemAreCutAtTheirDateColumn() throws {
        let text = "2021 Lovelace, A. “Counting Sheep with Engines.” Journal of Made-Up Things 5, 12.\ndoi:10.1234/abc.1\n"
            + "2020 Hopper, G., and A. Lovelace. “A Second Study, in the Proceedings of the\n2020 Sheep Conference.” Made-Up Press. doi:10.1234/abc.2"
        let result = try split([heading("Publications"), list([text])])
        XCTAssertEqual(result.profile.publications.count, 2)
        XCTAssertTrue(result.profile.publications.last?.raw.contains("2020 Sheep Conference") == true)
    }

    func testAListNumberAfterTheDateColumnIsNotPartOfTheTitle() throws {
        let result = try split([heading("Publications"), list(["2021 J1 Counting sheep with imaginary engines? Journal of Made-Up Things 29 (3): 537–559",
                                                               "2019 [3] Lovelace, A. (2019). Another study. Journal of Made-Up Things, 2, 3-4."])])
        XCTAssertEqual(result.profile.publications.map(\.raw), ["2021 Counting sheep with imaginary engines? Journal of Made-Up Things 29 (3): 537–559",
                                                                "Lovelace, A. (2019). Another study. Journal of Made-Up Things, 2, 3-4."])
    }

    func testASingleAuthorLineAndASidebarUnderThePageTitle() throws {
        let result = try split([heading("Publications", level: 1), heading("Ada Lovelace", level: 3), list(["Nowhere, Utopia", "LinkedIn", "Google Scholar"]),
                                Block(.paragraph, text: "2- A. Lovelace\nCounting sheep with imaginary engines\nSubmitted (2020) arXiv", provenance: .lines(5, 7))])
        XCTAssertEqual(result.profile.publications.map(\.raw), ["A. Lovelace. Counting sheep with imaginary engines Submitted (2020) arXiv"])
    }

    func testAnIconLinkAtALineEndIsNotPartOfTheTitle() throws {
        var block = Block(.paragraph, text: "2016 Lovelace, A, Hopper, G. Counting sheep with engines a\nin spherical pens, Geophysics, doi:10.1234/abc.1.", provenance: .lines(2, 3))
        block.inlines = [.text("2016 Lovelace, A, Hopper, G. Counting sheep with engines "), Inline(.link, text: "a", url: "https://github.com/x/y"),
                         .text("\nin spherical pens, Geophysics, doi:"), Inline(.link, text: "10.1234/abc.1", url: "https://doi.org/10.1234/abc.1"), .text(".")]
        let result = try split([heading("Publications"), block])
        XCTAssertEqual(result.profile.publications.map(\.raw), ["2016 Lovelace, A, Hopper, G. Counting sheep with engines in spherical pens, Geophysics, doi:10.1234/abc.1."])
    }
}
