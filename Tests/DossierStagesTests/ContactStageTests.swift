import DossierModel
import DossierPipeline
import DossierStages
import DossierText
import XCTest

final class ContactStageTests: XCTestCase {
    /// Blocks from lines: "# x" is a heading of level 1, "## x" level 2…, anything else a paragraph.
    private func document(
        _ lines: [String], format: SourceFormat = .markdown, metadata: [String: JSONValue] = [:], sections: [Section] = []
    ) -> Document {
        let blocks = lines.enumerated().map { index, line -> Block in
            let hashes = line.prefix(while: { $0 == "#" }).count
            if hashes > 0 {
                return Block(.heading, text: String(line.dropFirst(hashes)).trimmingCharacters(in: .whitespaces),
                             provenance: .lines(index + 1, index + 1), level: hashes)
            }
            return Block(.paragraph, text: line, provenance: .lines(index + 1, index + 1))
        }
        var document = Document(source: Source(path: "t.md", format: format, bytes: 0, sha256: ""), metadata: metadata, blocks: blocks)
        document.profile.sections = sections
        return document
    }

    private func person(_ document: Document) throws -> Person {
        try ContactStage().run(document, context: StageContext()).profile.person
    }

    func testObfuscatedEmailsAreDecodedLowercasedAndDeduplicated() throws {
        let result = try person(document([
            "# Jane Doe",
            "jane [at] Example-Univ [dot] EDU · j.doe(at)cs.uni.de · jhc[at]ust.hk",
            "John.Smith AT lab DOT org, or smith at mit dot edu; not: I work at home dot today",
            "{alice,bob}@group.ac.uk and again jhc@UST.HK · carol @ chem . ox . ac . uk",
            "## Education",
        ]))
        XCTAssertEqual(result.emails, [
            "jane@example-univ.edu", "j.doe@cs.uni.de", "jhc@ust.hk", "John.Smith@lab.org", "smith@mit.edu",
            "alice@group.ac.uk", "bob@group.ac.uk", "carol@chem.ox.ac.uk",
        ])
    }

    func testLowercaseAtWithARealDomainNeedsAnAddressLikeLocalPartOrMailContext() throws {
        let result = try person(document([
            "# Jane Doe",
            "Applications to j.doe at cs.uni-bonn.de. I am at home.de for now.",
            "E-mail: jane at mit.edu · 李雷＠pku.edu.cn · lilei＠pku.edu.cn",
        ]))
        XCTAssertEqual(result.emails, ["j.doe@cs.uni-bonn.de", "jane@mit.edu", "lilei@pku.edu.cn"])
    }

    func testACallForApplicationsHasNoApplicant() throws {
        let call = document([
            "# PhD position in computational linguistics", "Prof. Dr. Anna Schmidt", "Contact: anna.schmidt (at) uni-potsdam (dot) de",
            "## Requirements", "A master's degree.",
        ])
        let result = try person(call)
        XCTAssertNil(result.name)
        XCTAssertEqual(result.emails, ["anna.schmidt@uni-potsdam.de"])
    }

    func testNameFromANameField() throws {
        let table = document(["## General Information", "Full Name\nLoqman Salamatian\nDate of Birth\n1995", "## Education"])
        XCTAssertEqual(try person(table).name?.literal, "Loqman Salamatian")
        let field = document(["Curriculum Vitae", "Name: Chen Wei", "## Education"])
        XCTAssertEqual(try person(field).name, PersonName(literal: "Chen Wei", given: "Chen", family: "Wei"))
        let chinese = document(["个人简历", "姓名：张伟", "## 教育背景"])
        XCTAssertEqual(try person(chinese).name, PersonName(literal: "张伟", given: "伟", family: "张"))
        XCTAssertNil(try person(document(["# 个人简历", "北京大学", "## 教育背景", "北京大学"])).name, "headings and universities are not names")
    }

    func testMailtoLinksCountUnlessTheLinkShowsAnotherAddress() throws {
        var doc = document(["# Jane Doe", "Email", "armzn@cs.toronto.edu"])
        doc.blocks[1].inlines = [
            Inline(.link, text: "Email", url: "mailto:Jane.Doe@Uni.EDU?subject=Hi"),
            Inline(.link, text: "Mail", url: "mailto:jane%20%5Bat%5D%20uni%20%5Bdot%5D%20edu"),
            Inline(.link, text: "Site", url: "https://x.org/@jane.doe"),
        ]
        doc.blocks[2].inlines = [Inline(.link, text: "armzn@cs.toronto.edu", url: "mailto:old@mail.utoronto.ca")]
        XCTAssertEqual(try person(doc).emails, ["Jane.Doe@uni.edu", "jane@uni.edu", "armzn@cs.toronto.edu"])
    }

    /// A PDF breaks a long address at a line end with a hyphen ("athorvald-" / "sen@…"): the link under it says
    /// which hyphen is the typesetter's; an address that has a hyphen of its own keeps it.
    func testALineEndHyphenInAShownAddressIsDroppedWhenItsLinkHasNone() throws {
        var doc = document(["# Ada Lovelace", "E ada.love-lace@engines.org", "grace-hopper@navy.mil"])
        doc.blocks[1].inlines = [Inline(.link, text: "ada.love-lace@engines.org", url: "mailto:ada.lovelace@engines.org")]
        doc.blocks[2].inlines = [Inline(.link, text: "grace-hopper@navy.mil", url: "mailto:grace-hopper@navy.mil")]
        XCTAssertEqual(try person(doc).emails, ["ada.lovelace@engines.org", "grace-hopper@navy.mil"])
        // An icon's name glued before the address its link shows.
        var icon = document(["# Ada Lovelace", "Department of Engines Envelopeada@engines.org"])
        icon.blocks[1].inlines = [.text("Department of Engines Envelope"), Inline(.link, text: "ada@engines.org", url: "mailto:ada@engines.org")]
        XCTAssertEqual(try person(icon).emails, ["ada@engines.org"])
    }

    /// A page titled by whose it is ("Ada Lovelace's publications", "Publications of Ada Lovelace") names its owner.
    func testATitleNamingWhosePageItIsNamesTheApplicant() throws {
        for title in ["Ada Lovelace's publications", "Publications of Ada Lovelace", "CV | Ada Lovelace’s home page"] {
            let page = document(["### International journals", "Lovelace, A. (1843). Notes on the engine. Taylor's Memoirs, 3, 666–731."],
                                metadata: ["title": .string(title)])
            XCTAssertEqual(try person(page).name?.literal, "Ada Lovelace", title)
        }
    }

    /// CV templates that keep the address in the front matter (`email:`, `mail:`) and print it from there.
    func testAnAddressInTheFrontMatterIsTheApplicants() throws {
        let named = document(["# Ada Lovelace", "## Education"], metadata: ["mail": .string("ada@engines.org")])
        XCTAssertEqual(try person(named).emails, ["ada@engines.org"])
        let listed = document(["# Ada Lovelace"], metadata: ["email": .array([.string("ada@engines.org"), .string("not an address")])])
        XCTAssertEqual(try person(listed).emails, ["ada@engines.org"])
    }

    func testRefereeListedFirstIsNeverTheApplicant() throws {
        let lines = [
            "## Referees", "Prof. Alan Turing", "University of Manchester, alan@man.ac.uk, +44 161 555 0100",
            "# Grace Hopper", "grace@navy.mil", "## Education", "BA, Vassar College",
        ]
        let withSections = document(lines, sections: [
            Section(kind: .referees, title: "Referees", blocks: [0, 2]),
            Section(kind: .other, title: "Grace Hopper", blocks: [3, 4]),
            Section(kind: .education, title: "Education", blocks: [5, 6]),
        ])
        for doc in [withSections, document(lines)] {
            let result = try person(doc)
            XCTAssertEqual(result.name?.literal, "Grace Hopper")
            XCTAssertEqual(result.emails, ["grace@navy.mil"])
            XCTAssertEqual(result.phones, [])
        }
    }

    func testARefereeNameIsRefusedEvenWhenItStandsInTheContactBlock() throws {
        // A two-column PDF read sidebar first: the referee's name comes before the applicant's, unmarked.
        let doc = document(["Alan Turing", "Grace Hopper", "## Referees", "Alan Turing, University of Manchester"])
        XCTAssertEqual(try person(doc).name?.literal, "Grace Hopper")
        var withRefereeStage = document(["Alan Turing", "Grace Hopper"])
        withRefereeStage.profile.referees = [Referee(name: PersonName(literal: "Prof. Alan Turing"))]
        XCTAssertEqual(try person(withRefereeStage).name?.literal, "Grace Hopper")
    }

    func testUniversityHeadingAndCurriculumVitaeTitleAreSkipped() throws {
        let university = document(["# Massachusetts Institute of Technology", "Department of Physics", "## Jane Q. Public", "## Education"])
        XCTAssertEqual(try person(university).name?.literal, "Jane Q. Public")
        let cv = document(["# Curriculum Vitae", "Ludwig van Beethoven", "Bonn, Germany", "## Education"],
                          metadata: ["title": .string("Curriculum Vitae")])
        let name = try person(cv).name
        XCTAssertEqual(name, PersonName(literal: "Ludwig van Beethoven", given: "Ludwig", family: "van Beethoven"))
        let sectionFirst = document(["# Education", "PhD, Universität Wien, 2019", "# Publications", "Doe, J. (2019). A title."])
        XCTAssertNil(try person(sectionFirst).name, "a section title or an entry is not a name")
    }

    func testMetadataAuthorJSONLDAndTitleInOrderOfTrust() throws {
        let author = document(["# Someone Else"], metadata: ["author": .object(["name": .string("Dr. Marie Curie, PhD")])])
        XCTAssertEqual(try person(author).name?.literal, "Marie Curie")
        let jsonLD = document(["Welcome"], format: .html, metadata: [
            "jsonld": .array([.object(["@type": .string("WebSite"), "name": .string("My Site")]),
                              .object(["@type": .string("Person"), "name": .string("Ada Lovelace"), "email": .string("mailto:ada@x.org")])]),
        ])
        let adaPerson = try person(jsonLD)
        XCTAssertEqual(adaPerson.name?.literal, "Ada Lovelace")
        XCTAssertEqual(adaPerson.emails, ["ada@x.org"])
        for title in ["Alexander Dockhorn – Curriculum Vitae", "Brandon Amos: CV", "Curriculum Vitae of Brandon Amos", "CV - Brandon Amos", "Brandon Amos's CV"] {
            let doc = document(["Page 1"], format: .pdf, metadata: ["title": .string(title)])
            XCTAssertEqual(try person(doc).name?.literal, title.contains("Dockhorn") ? "Alexander Dockhorn" : "Brandon Amos", title)
        }
        let notAName = document(["# Jane Doe"], format: .pdf, metadata: ["title": .string("Research Statement")])
        XCTAssertEqual(try person(notAName).name?.literal, "Jane Doe")
    }

    func testMetadataNameGivesWayToThePrintedVariant() throws {
        let doc = document(["Full Name", "Loqman Salamatian"], format: .html, metadata: ["author": .string("Loqman R. Salamatian")])
        XCTAssertEqual(try person(doc).name?.literal, "Loqman Salamatian")
        let inverted = document(["# John A. Smith"], format: .pdf, metadata: ["author": .string("Smith, John")])
        XCTAssertEqual(try person(inverted).name?.literal, "John A. Smith")
        let producer = document(["# Jane Doe"], format: .pdf, metadata: ["author": .string("Microsoft Office User")])
        XCTAssertEqual(try person(producer).name?.literal, "Jane Doe")
        let other = document(["# Andrew Yung Fong Li Yim"], metadata: ["title": .string("Andrew Li Yim's CV")])
        XCTAssertEqual(try person(other).name?.literal, "Andrew Yung Fong Li Yim")
    }

    func testLargestTextOnPageOneForPDF() throws {
        var doc = document(["Curriculum Vitae", "JANE ROE-SMITH Ph.D.", "jane@x.org", "Education"], format: .pdf)
        let sizes: [Double] = [12, 20, 10, 14]
        for index in doc.blocks.indices {
            doc.blocks[index].provenance = .page(1, bbox: [0, Double(index) * 20, 100, Double(index) * 20 + 10])
            doc.blocks[index].font = FontInfo(size: sizes[index])
        }
        XCTAssertEqual(try person(doc).name, PersonName(literal: "Jane Roe-Smith", given: "Jane", family: "Roe-Smith"))
        var split = document(["Claud D.", "Park", "Software Architect", "Education"], format: .pdf)
        for (index, size) in [30.0, 30, 10, 14].enumerated() {
            split.blocks[index].provenance = .page(1, bbox: [Double(index) * 50, 0, Double(index) * 50 + 40, 30])
            split.blocks[index].font = FontInfo(size: size)
        }
        XCTAssertEqual(try person(split).name?.literal, "Claud D. Park", "a name set in two runs is joined")
    }

    func testPhonesAreNormalizedAndLookalikesIgnored() throws {
        let result = try person(document([
            "# Jane Doe",
            "Tel.: (+1) 607-227-8040 · Mobile +44 (0) 20 7946 0958 · 0049 30 1234567 · (617) 555-0142",
            "Fax: +1 617 555 9999 · 2015-2019 · ISBN 978-0-306-40615-7 · pp. 1234-1256 · 2019-05-12 · ORCID 0000-0002-1825-0097",
        ]))
        XCTAssertEqual(result.phones, ["+1 607 227 8040", "+44 20 7946 0958", "+49 30 1234567", "617 555 0142"])
    }

    func testLinksByKindAndTheirIdentifiers() throws {
        var doc = document([
            "# Jane Doe", "links", "ORCID: 0000-0002-1825-0097 · bad orcid.org/0000-0002-1825-0098", "## Projects", "repo",
        ])
        doc.blocks[1].inlines = [
            Inline(.link, text: "Home", url: "https://janedoe.net/"),
            Inline(.link, text: "Scholar", url: "https://scholar.google.de/citations?user=AbC123xyzAAJ&hl=en"),
            Inline(.link, text: "GitHub", url: "https://github.com/janedoe"),
            Inline(.link, text: "LinkedIn", url: "https://www.linkedin.com/in/jane-doe-42/"),
            Inline(.link, text: "Twitter", url: "https://twitter.com/jane"),
        ]
        doc.blocks[4].inlines = [Inline(.link, text: "code", url: "https://github.com/janedoe/project")]
        let result = try person(doc)
        XCTAssertEqual(result.identifiers, [
            "orcid": "0000-0002-1825-0097", "scholar": "AbC123xyzAAJ", "github": "janedoe", "linkedin": "jane-doe-42",
        ])
        XCTAssertEqual(result.links.first, Link(kind: .website, url: "https://janedoe.net/"))
        XCTAssertTrue(result.links.contains(Link(kind: .orcid, url: "https://orcid.org/0000-0002-1825-0097")))
        XCTAssertTrue(result.links.contains(Link(kind: .other, url: "https://twitter.com/jane")))
        XCTAssertFalse(result.links.contains { $0.url.hasSuffix("0098") || $0.url.contains("/project") })
    }

    func testCoAuthorProfilesOutsideTheContactBlockAreNotTheApplicants() throws {
        var doc = document(["# Jane Doe", "## Positions", "Intern (with David Tompkins)"])
        doc.blocks[2].inlines = [Inline(.link, text: "David Tompkins", url: "https://www.linkedin.com/in/davidtompkins")]
        XCTAssertEqual(try person(doc).identifiers, [:])
    }

    func testPublicationAndRefereeSectionsAreNotRead() throws {
        let doc = document([
            "# Jane Doe", "jane@uni.edu", "## Publications", "Doe, J., Roe, R. (2020). Title. Contact: roe@other.org",
            "## References", "Prof. Max Planck, planck@kwi.de, Tel. +49 30 555 0000",
        ])
        let result = try person(doc)
        XCTAssertEqual(result.emails, ["jane@uni.edu"])
        XCTAssertEqual(result.phones, [])
    }

    func testAffiliationAndAddressFromTheContactBlock() throws {
        let doc = document([
            "# Dr Alex G. Lipp",
            "Department of Earth Sciences Mail: a.lipp@ucl.ac.uk\nUniversity College London ORCID: 0000-0003-2130-8576\nLondon, UK\nWC1E 6BT",
            "Partner Research Manager",
            "## Education",
        ])
        let result = try person(doc)
        XCTAssertEqual(result.name?.literal, "Alex G. Lipp")
        XCTAssertEqual(result.affiliation, "Department of Earth Sciences, University College London")
        XCTAssertEqual(result.address, "London, UK, WC1E 6BT")
        XCTAssertEqual(result.identifiers["orcid"], "0000-0003-2130-8576")
    }

    /// The date under a title ("January 2025") is shaped like a street ("Westufer 12") but is no address.
    func testADateLineIsNoStreet() throws {
        let dated = document(["# Jonas Feldhaus-Mbeki", "January 2025", "jonas@example.org", "## Education"])
        XCTAssertNil(try person(dated).address)
        let street = document(["# Jonas Feldhaus-Mbeki", "Institut für Meereskunde", "Westufer 12", "## Education"])
        XCTAssertEqual(try person(street).address, "Westufer 12")
    }

    func testAddressesFarFromTheContactBlockNeedTheApplicantsName() throws {
        let advisor = document(["# Jane Doe", "jane@uni.edu", "## Education", "PhD, advisor Prof. Roe (roe@uni.edu, +1 617 555 0100)"])
        XCTAssertEqual(try person(advisor).emails, ["jane@uni.edu"])
        XCTAssertEqual(try person(advisor).phones, [], "no number in the contact block, none taken from an entry")
        var appendix = document(["# Jane Doe", "## Education", "PhD"] + Array(repeating: "Certificate text", count: 40)
                                + ["Signed: florian.hartig@uni-freiburg.de", "Write to jane.doe@gmail.com"])
        appendix.blocks = appendix.blocks.map { block in var block = block; block.level = block.type == .heading ? 2 : nil; return block }
        XCTAssertEqual(try person(appendix).emails, ["jane.doe@gmail.com"])
        var sidebar = document(["# Jane Doe", "## Education", "PhD"] + Array(repeating: "Text", count: 40) + ["Email", "Contact x@y.org"])
        sidebar.blocks[43].inlines = [Inline(.link, text: "Email", url: "mailto:jd@lab.org")]
        XCTAssertEqual(try person(sidebar).emails, ["jd@lab.org"], "an Email link far down is the page owner's; a bare address is not")
    }

    func testEmptyDocumentsAndSectionsOutOfRangeAreHarmless() throws {
        let empty = try ContactStage().run(document([]), context: StageContext())
        XCTAssertEqual(empty.profile.person, Person())
        XCTAssertEqual(empty.diagnostics.map(\.message), ["no applicant name found"])
        let bogus = document(["# Jane Doe", "jane@uni.edu"], sections: [
            Section(kind: .referees, title: "x", blocks: [7, 9]), Section(kind: .other, title: "y", blocks: [1, 0]),
            Section(kind: .publications, title: "z", blocks: [-3, -1]),
        ])
        XCTAssertEqual(try person(bogus).emails, ["jane@uni.edu"])
        for stage in [IdentifiersStage(), DocumentKindStage()] as [any Stage] {
            XCTAssertNoThrow(try stage.run(bogus, context: StageContext()))
        }
    }

    func testExistingValuesAreKept() throws {
        var doc = document(["# Jane Doe", "jane@uni.edu"])
        doc.profile.person = Person(name: PersonName(literal: "J. Doe"), emails: ["j@x.org"])
        let result = try person(doc)
        XCTAssertEqual(result.name?.literal, "J. Doe")
        XCTAssertEqual(result.emails, ["j@x.org", "jane@uni.edu"])
    }
}
