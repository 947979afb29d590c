import DossierModel
import DossierPipeline
import DossierStages
import DossierText
import XCTest

final class SectionsStageTests: XCTestCase {
    private func heading(_ text: String, level: Int = 2) -> Block {
        Block(.heading, text: text, provenance: .lines(1, 1), level: level, inlines: [.text(text)])
    }

    private func paragraph(_ text: String, inlines: [Inline]? = nil) -> Block {
        Block(.paragraph, text: text, provenance: .lines(1, 1), inlines: inlines ?? [.text(text)])
    }

    private func list(_ items: [String]) -> Block {
        var block = Block(.list, text: items.joined(separator: "\n"), provenance: .lines(1, 1))
        block.items = items.map { Block(.item, text: $0, provenance: .lines(1, 1)) }
        return block
    }

    private func sections(_ blocks: [Block]) throws -> [Section] {
        let document = Document(source: Source(path: "t", format: .markdown, bytes: 0, sha256: ""), blocks: blocks)
        return try SectionsStage().run(document, context: StageContext()).profile.sections
    }

    /// moderncv's banking style sets sub-headings as a small title followed by a dotted leader across the line.
    func testASubHeadingWithADottedLeaderIsAHeading() throws {
        let found = try sections([
            heading("Publications"), paragraph("PEER-REVIEWED JOURNAL PAPERS" + String(repeating: " .", count: 40)),
            paragraph("2011: Lovelace A, Hopper G. Counting sheep. J Things 2011;1:2-3."),
            paragraph("Conference papers (archival)" + String(repeating: ". ", count: 30)),
            paragraph("1993: Lovelace A. Engines. In: Proc. Made-Up Conf.; 1993. p. 1-2."),
        ])
        XCTAssertEqual(found.map(\.title), ["Publications", "PEER-REVIEWED JOURNAL PAPERS", "Conference papers (archival)"])
        XCTAssertEqual(found.map(\.kind), [.publications, .publications, .publications])
    }

    /// A heading that names two kinds is the kind it names first, in Chinese as in English; a legend of the marks
    /// used in a list is not that list; schools attended are education.
    func testTheKindNamedFirstAndHeadingsThatAreNoList() {
        XCTAssertEqual(SectionHeadings.kind(of: "工作经历与教育背景"), .employment)
        XCTAssertEqual(SectionHeadings.kind(of: "教育背景与工作经历"), .education)
        XCTAssertEqual(SectionHeadings.kind(of: "Education and Employment"), .education)
        XCTAssertEqual(SectionHeadings.kind(of: "Publications Legend"), .other)
        XCTAssertEqual(SectionHeadings.kind(of: "Legend"), nil)
        XCTAssertEqual(SectionHeadings.kind(of: "Schools"), .education)
        XCTAssertEqual(SectionHeadings.kind(of: "Summer Schools and Workshops"), .education)
    }

    func testEnglishHeadingsAsPeopleWriteThem() {
        let expected: [String: SectionKind] = [
            "Papers": .publications, "Selected Publications": .publications, "Peer-reviewed journal articles": .publications,
            "Work Experience": .employment, "Appointments": .employment, "Honors & Awards": .awards, "Invited Talks": .talks,
            "Grants and Funding": .grants, "Teaching": .teaching, "Professional Service": .service, "Referees": .referees,
            "References": .referees, "Research Interests": .researchStatement, "About Me": .summary, "Education": .education,
            "Teaching Experience": .teaching, "Research Experience": .employment, "Technical Skills": .skills,
            "Languages": .languages, "Research Projects": .projects, "EDUCATION": .education, "3. Publications": .publications,
            "Career Objective": .summary,
        ]
        for (heading, kind) in expected {
            XCTAssertEqual(SectionHeadings.kind(of: heading), kind, heading)
        }
    }

    func testHeadingTablePerLanguage() {
        let languages: [String: [String: SectionKind]] = [
            "de": ["Ausbildung": .education, "Berufserfahrung": .employment, "Veröffentlichungen": .publications, "Vorträge": .talks,
                   "Lehre": .teaching, "Auszeichnungen": .awards, "Sprachkenntnisse": .languages, "Referenzen": .referees,
                   "Drittmittel": .grants, "Forschungsinteressen": .researchStatement],
            "fr": ["Formation": .education, "Expérience professionnelle": .employment, "Publications": .publications,
                   "Enseignement": .teaching, "Langues": .languages, "Prix et distinctions": .awards, "Références": .referees,
                   "Intérêts de recherche": .researchStatement],
            "es": ["Formación académica": .education, "Experiencia profesional": .employment, "Publicaciones": .publications,
                   "Docencia": .teaching, "Idiomas": .languages, "Premios": .awards, "Referencias": .referees, "Ponencias": .talks],
            "fr-hal": ["Communications dans des congrès": .publications, "Communications orales": .talks, "Thèmes de recherche": .researchStatement],
            "it": ["Istruzione": .education, "Esperienza lavorativa": .employment, "Pubblicazioni": .publications,
                   "Didattica": .teaching, "Lingue": .languages, "Premi": .awards, "Referenze": .referees],
            "pt": ["Formação acadêmica": .education, "Experiência profissional": .employment, "Publicações": .publications,
                   "Ensino": .teaching, "Idiomas": .languages, "Prêmios": .awards, "Palestras": .talks],
            "nl": ["Opleiding": .education, "Werkervaring": .employment, "Publicaties": .publications, "Onderwijs": .teaching,
                   "Talen": .languages, "Prijzen": .awards, "Referenties": .referees],
            "zh": ["教育背景": .education, "工作经历": .employment, "发表论文": .publications, "教学经历": .teaching,
                   "获奖情况": .awards, "语言能力": .languages, "研究兴趣": .researchStatement, "学术报告": .talks,
                   "预印本": .publications, "专著": .publications],
        ]
        for (language, table) in languages {
            for (heading, kind) in table {
                XCTAssertEqual(SectionHeadings.kind(of: heading), kind, "\(language): \(heading)")
            }
        }
    }

    /// German and Dutch compounds and inflected Romance head nouns that no whole phrase names.
    func testCompoundAndInflectedHeadingsByTheirStems() {
        let expected: [String: SectionKind] = [
            "Fachzeitschriftenbeiträge": .publications, "Konferenzbeiträge": .publications, "Buchkapitel": .publications,
            "Sammelbände": .publications, "Publikationsverzeichnis": .publications, "Tijdschriftartikelen": .publications,
            "Ouvrages collectifs": .publications, "Actas de congresos internacionales": .publications,
            "Capítulos de libro": .publications, "Artigos em periódicos": .publications, "Monografías": .publications,
            "Prépublications": .publications, "Diplômes et qualifications": .education, "Förderungen": .grants,
            "Forschungsmittel": .grants, "Lehrveranstaltungen": .teaching, "Gastvorträge": .talks,
            "Personnes de référence": .referees, "Pending review": .publications,
        ]
        for (heading, kind) in expected {
            XCTAssertEqual(SectionHeadings.kind(of: heading), kind, heading)
        }
        // A long line is not a heading because a word in it starts like one.
        XCTAssertNil(SectionHeadings.kind(of: "Actes in this line go on and on with many things nobody writes as a heading here"))
    }

    func testUnknownHeadingIsOtherWithItsTitleKept() throws {
        let result = try sections([heading("Hobbies and Pets"), paragraph("Cats")])
        XCTAssertEqual(result, [Section(kind: .other, title: "Hobbies and Pets", blocks: [0, 1])])
    }

    func testAnUnknownHeadingOverServiceRolesIsService() throws {
        let result = try sections([heading("Commitment"), paragraph("Chair of the IEEE CIS Website Sub-Committee, since 2021"),
                                   paragraph("Member of the Student Activities Committee, since 2020"), heading("Hobbies"), paragraph("Chess"), paragraph("Running")])
        XCTAssertEqual(result.map(\.kind), [.service, .other])
    }

    func testSectionsSpanUntilTheNextHeadingOfTheSameLevel() throws {
        let result = try sections([heading("Jane Doe", level: 1), paragraph("jane@x.org"), heading("Education"), list(["PhD, 2019"]),
                                   heading("Publications"), heading("Journal Articles", level: 3), list(["A. 2020."]),
                                   heading("Conference Papers", level: 3), list(["B. 2021."]), heading("Teaching"), paragraph("X")])
        XCTAssertEqual(result.map(\.kind), [.education, .publications, .publications, .publications, .teaching], "the lone title is not a section")
        XCTAssertEqual(result.map(\.blocks), [[2, 3], [4, 8], [5, 6], [7, 8], [9, 10]])
        XCTAssertEqual(result.map(\.subkind), [nil, nil, "article-journal", "paper-conference", nil])
    }

    func testSubHeadingNamingAnotherKindKeepsItsOwn() throws {
        let result = try sections([heading("Experience"), heading("Teaching", level: 3), paragraph("x"), heading("Industry", level: 3), paragraph("y")])
        XCTAssertEqual(result.map(\.kind), [.employment, .teaching, .employment])
        XCTAssertEqual(result.last?.subkind, "industry")
    }

    func testBoldOrCapitalParagraphIsAHeading() throws {
        let result = try sections([paragraph("Jane Doe"), paragraph("Education", inlines: [Inline(.strong, text: "Education")]),
                                   paragraph("PhD"), paragraph("PUBLICATIONS"), paragraph("A paper. 2020."), paragraph("Skills:"), paragraph("R")])
        XCTAssertEqual(result.map(\.kind), [.education, .publications, .skills])
        XCTAssertEqual(result.map(\.title), ["Education", "PUBLICATIONS", "Skills"])
        XCTAssertTrue(try sections([paragraph("I love teaching and writing about education.")]).isEmpty, "prose is not a heading")
        let wrapped = paragraph("Diversity and Integration Award]", inlines: [Inline(.strong, text: "Diversity and Integration Award]")])
        XCTAssertTrue(try sections([wrapped]).isEmpty, "the bold tail of a wrapped line is not a heading")
    }

    func testReferencesHoldingPeopleAreReferees() throws {
        let result = try sections([heading("References"), list(["Prof. Jane Roe, University of X, jane@x.edu", "Dr. John Poe, Y Institute, +1 555 0100"])])
        XCTAssertEqual(result.first?.kind, .referees)
        XCTAssertEqual(try sections([heading("References"), paragraph("Available upon request.")]).first?.kind, .referees)
    }

    func testReferencesHoldingCitationsArePublications() throws {
        let result = try sections([heading("References"), list([
            "Doe, J. (2020). A title. Journal of Things, 12(3), 45-67. doi:10.1/x",
            "Roe, J., & Doe, J. (2019). Another. In: Proc. of Stuff, pp. 1-10.",
        ])])
        XCTAssertEqual(result.first?.kind, .publications)
    }

    func testYearSubHeadingsAtTheLevelOfAnEmptyParentAreItsChildren() throws {
        let result = try sections([
            heading("Publications"), heading("2024"), list(["Doe, J. (2024). A title. Journal, 1, 2-3."]),
            heading("2019 - 2021"), list(["Doe, J. (2020). Other. Journal, 1, 2-3."]),
            heading("Teaching"), list(["Course 101"]),
        ])
        XCTAssertEqual(result.map(\.title), ["Publications", "2024", "2019 - 2021", "Teaching"])
        XCTAssertEqual(result.map(\.kind), [.publications, .publications, .publications, .teaching])
        XCTAssertEqual(result[0].blocks, [0, 4])
    }

    func testATopicHeadingOverCitationsUnderAnEmptyPublicationsHeadingIsItsChild() throws {
        let result = try sections([
            heading("Publications"), heading("Sheep Counting"),
            list(["Doe, J. (2024). A title. Journal of Sheep, 1(2), 2-3.", "Roe, R. (2023). Other. Journal of Sheep, 4(1), 5-6."]),
            heading("Hobbies"), list(["Knitting"]),
        ])
        XCTAssertEqual(result.map(\.kind), [.publications, .publications, .other])
        XCTAssertEqual(result[0].blocks, [0, 2])
    }

    func testAHeadingWithACounterIsAHeading() throws {
        let result = try sections([heading("Research"), paragraph("Peer-reviewed research articles (21)"), list(["Doe, J. (2024). A title. Journal, 1, 2-3."])])
        XCTAssertEqual(result.last?.title, "Peer-reviewed research articles (21)")
        XCTAssertEqual(result.last?.kind, .publications)
    }

    func testALongSubHeadingUnderPublicationsIsAPaperTitleNotAKind() throws {
        let result = try sections([heading("Publications", level: 1), heading("Counting Sheep in Imaginary Language Models at Scale"),
                                   paragraph("Ada Lovelace, Grace Hopper"), heading("Languages", level: 1), list(["English"])])
        XCTAssertEqual(result.map(\.kind), [.publications, .publications, .languages])
    }

    func testPublicationHeadingsInTheSingular() {
        for title in ["Manuscript in review/revision/preprint", "Book", "Job Market Paper", "Preprint", "Expert reports", "Technical Reports"] {
            XCTAssertEqual(SectionHeadings.kind(of: title), .publications, title)
        }
    }

    func testDisseminationIsServiceAndRefereeReportsAreNotPublications() {
        XCTAssertEqual(SectionHeadings.kind(of: "Dissemination of research"), .service)
        XCTAssertEqual(SectionHeadings.kind(of: "Referee reports"), .service)
    }

    func testPapersPresentedAreTalks() {
        XCTAssertEqual(SectionHeadings.kind(of: "Conference Papers Presented"), .talks)
        XCTAssertEqual(SectionHeadings.kind(of: "Conference Activity"), .talks)
        XCTAssertEqual(SectionHeadings.kind(of: "Conference Papers"), .publications)
    }

    func testMoreHeadingsAsPeopleWriteThem() {
        let expected: [String: SectionKind] = [
            "PhD Advisees": .teaching, "Postdocs": .teaching, "Refereeing": .service, "Review Panels": .service,
            "Research Products": .projects, "Open Science": .projects, "International Meetings": .talks, "Keywords": .researchStatement,
            "Current position": .employment, "Consulting": .employment, "Software skills": .skills,
        ]
        for (title, kind) in expected { XCTAssertEqual(SectionHeadings.kind(of: title), kind, title) }
    }

    func testAStatusSubHeadingQualifiesItsParent() throws {
        let result = try sections([heading("Conference Talks"), list(["Doe, J. A talk. Meeting X, 2020."]), heading("Submitted", level: 3), list(["Doe, J. Another talk. Meeting Y, 2026."]),
                                   heading("Publications"), heading("Submitted", level: 3), list(["Doe, J. (2026). A paper. Journal, 1, 2-3."])])
        XCTAssertEqual(result.map(\.kind), [.talks, .talks, .publications, .publications])
        let bold = try sections([heading("Conference Talks"), list(["Doe, J. A talk. Meeting X, 2020."]),
                                 paragraph("Submitted", inlines: [Inline(.strong, text: "Submitted")]), list(["Doe, J. Another talk. Meeting Y, 2026."]),
                                 heading("Teaching"), list(["Course 101"])])
        XCTAssertEqual(bold.map(\.kind), [.talks, .talks, .teaching])
    }

    func testPatentsUnderPublicationsAreNotPublications() throws {
        let result = try sections([heading("Publications"), heading("Journal Articles", level: 3), list(["Doe, J. (2026). A paper. Journal, 1, 2-3."]),
                                   heading("Patents", level: 3), list(["Doe, J. A sheep counter. US Patent 1,234,567, 2020."])])
        XCTAssertEqual(result.map(\.kind), [.publications, .publications, .other])
        XCTAssertEqual(SectionHeadings.kind(of: "Patent"), .other)
    }

    /// Headings as narrow columns and other languages set them: a heading word hyphenated where the heading wrapped
    /// ("ARTI-CLES") is whole again while a real compound keeps its hyphen; a bold heading wrapped over two lines of
    /// a margin is one heading; a bold French heading of seven words is a heading; a bold paper title is not.
    func testWrappedHyphenatedAndLongerBoldHeadings() throws {
        let bold = FontInfo(size: 10, bold: true)
        let found = try sections([
            heading("PEER-REVIEWED RESEARCH ARTI-CLES (8)"),
            paragraph("2011: Lovelace A, Hopper G. Counting sheep. J Things 2011;1:2-3."),
            Block(.paragraph, text: "Grants and\nFellowships", provenance: .lines(1, 1), inlines: [.text("Grants and\nFellowships")], font: bold),
            paragraph("2020-2022: A grant of the Made-Up Foundation, CHF 80,000"),
            Block(.paragraph, text: "Articles dans des revues à comité de lecture", provenance: .lines(1, 1),
                  inlines: [.text("Articles dans des revues à comité de lecture")], font: bold),
            paragraph("Lovelace A. Engines. J Things 2012;2:3-4."),
            Block(.paragraph, text: "Counting sheep in the hills with\nmany articles", provenance: .lines(1, 1),
                  inlines: [.text("Counting sheep in the hills with\nmany articles")], font: bold),
        ])
        XCTAssertEqual(found.map(\.title), ["PEER-REVIEWED RESEARCH ARTICLES (8)", "Grants and Fellowships", "Articles dans des revues à comité de lecture"])
        XCTAssertEqual(found.map(\.kind), [.publications, .grants, .publications])
        XCTAssertEqual(SectionHeadings.dehyphenated("PEER-REVIEWED PRIX ET DIS-TINCTIONS"), "PEER-REVIEWED PRIX ET DISTINCTIONS")
        XCTAssertEqual(SectionHeadings.dehyphenated("Peer-reviewed Co-authored"), "Peer-reviewed Co-authored")
    }

    /// Sub-lists of publications or talks headed by a topic or a kind of venue, which no heading list can know, are
    /// sub-sections of their parent's kind when set apart as headings are (a list right after, a dotted leader, set
    /// left of the entries below); a bold paper title of a list written one field per paragraph is not, nor is a bold
    /// line under another kind.
    func testTopicSubheadingsUnderPublicationsAndTalks() throws {
        let bold = FontInfo(size: 10, bold: true)
        func boldParagraph(_ text: String, bbox: [Double]? = nil) -> Block {
            Block(.paragraph, text: text, provenance: bbox.map { .page(1, bbox: $0) } ?? .lines(1, 1), inlines: [.text(text)], font: bold)
        }
        func placed(_ text: String, _ bbox: [Double]) -> Block {
            Block(.paragraph, text: text, provenance: .page(1, bbox: bbox), inlines: [.text(text)])
        }
        let found = try sections([
            heading("Publications"),
            boldParagraph("Soil Ecology"), list(["Doe J. Worms in soil. J Soil 2011;1:2-3.", "Roe R. Roots. J Soil 2012;2:3-4."]),
            Block(.paragraph, text: "Methoden" + String(repeating: " .", count: 30), provenance: .lines(1, 1),
                  inlines: [Inline(.strong, text: "Methoden"), .text(String(repeating: " .", count: 30))]),
            list(["Doe J. A method. J Methods 2013;3:4-5."]),
            heading("Presentations"),
            boldParagraph("International Conferences", bbox: [85, 100, 240, 110]),
            placed("“Mpemba effects” (Poster), STATPHYS29, Jul. 13–18, 2025, Florence, Italy.", [95, 115, 550, 125]),
            heading("Selected papers"),
            boldParagraph("Counting sheep in hills"),
            paragraph("Doe J, Roe R"), paragraph("Journal of Sheep, 2011"),
            heading("Education"),
            boldParagraph("Research Fellow"), list(["Thing one", "Thing two"]),
        ])
        XCTAssertEqual(found.map(\.title), ["Publications", "Soil Ecology", "Methoden", "Presentations", "International Conferences", "Selected papers", "Education"])
        XCTAssertEqual(found.map(\.kind), [.publications, .publications, .publications, .talks, .talks, .publications, .education])
    }
}
