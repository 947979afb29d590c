import DossierModel
import DossierPipeline
import DossierStages
import DossierText
import XCTest

final class AuthorshipStageTests: XCTestCase {
    private func publication(_ authors: [CSLName], raw: String = "x", block: Int? = nil) -> Publication {
        var publication = Publication(id: "p", type: "article-journal", raw: raw)
        publication.author = authors
        publication.block = block
        return publication
    }

    private func run(_ publications: [Publication], applicant: PersonName?, blocks: [Block] = []) throws -> [Publication] {
        var document = Document(source: Source(path: "t", format: .markdown, bytes: 0, sha256: ""), blocks: blocks)
        document.profile.person.name = applicant
        document.profile.publications = publications
        return try AuthorshipStage().run(document, context: StageContext()).profile.publications
    }

    /// A publications page with no name on it: the author in nearly every list is the applicant; a list shared
    /// by two frequent co-authors names no one.
    func testWithoutANameTheAuthorOfNearlyEveryListIsTheApplicant() throws {
        let ada = { CSLName(family: "Lovelace", given: $0) }
        let lists: [[CSLName]] = [
            [ada("A."), CSLName(family: "Hopper", given: "G.")],
            [CSLName(family: "Turing", given: "A."), ada("A. A.")],
            [CSLName(family: "Babbage", given: "C."), CSLName(family: "Hopper", given: "G."), ada("Ada")],
            [CSLName(family: "Noether", given: "E.")],
            [ada("A.")],
        ]
        let positions = try run(lists.map { publication($0) }, applicant: nil).map(\.applicantPosition)
        XCTAssertEqual(positions, [1, 2, 3, nil, 1])
        let shared: [[CSLName]] = [
            [ada("A."), CSLName(family: "Hopper", given: "G.")], [ada("A."), CSLName(family: "Hopper", given: "G.")],
            [CSLName(family: "Hopper", given: "G."), ada("A.")], [ada("A.")],
        ]
        XCTAssertEqual(try run(shared.map { publication($0) }, applicant: nil).map(\.applicantPosition), [nil, nil, nil, nil])
    }

    /// The applicant's name written in full among initials, where the parser ended the author list early: the
    /// list runs up to the name and the title starts after it. Nothing moves when the applicant was read, when
    /// what comes before the name is not only names, or when no separator follows it.
    func testTheApplicantsWrittenNameEndsAnAuthorListTheParserCutShort() throws {
        let bastian = PersonName(literal: "Bastian de la Fuente", given: "Bastian", family: "de la Fuente")
        let raw = "Z. J. Tan, S-J. Chen and Bastian de la Fuente. Predicting ion binding properties. Biophys J 99 (2010)."
        var cut = publication([CSLName(family: "Tan", given: "Z. J."), CSLName(family: "S-J.")], raw: raw)
        cut.title = "Chen and Bastian de la Fuente. Predicting ion binding properties"
        let repaired = try XCTUnwrap(try run([cut], applicant: bastian).first)
        XCTAssertEqual(repaired.title, "Predicting ion binding properties")
        XCTAssertEqual(repaired.author?.count, 3)
        XCTAssertEqual(repaired.applicantPosition, 3)

        let lea = PersonName(literal: "Léa Jankowski", given: "Léa", family: "Jankowski")
        let din = "Graup, B. P. ; Jankowski, Léa: The petrography of the crystalline rocks. In: Geologica Bavarica Bd. 75 (1977)"
        var colon = publication([CSLName(family: "Graup", given: "B. P."), CSLName(family: "Jankowski")], raw: din)
        colon.title = "Léa: The petrography of the crystalline rocks"
        let fixed = try XCTUnwrap(try run([colon], applicant: lea).first)
        XCTAssertEqual(fixed.title, "The petrography of the crystalline rocks")
        XCTAssertEqual(fixed.author?.last?.given, "Léa")
        XCTAssertEqual(fixed.applicantPosition, 2)

        // Not only names before the applicant's: left as read.
        let prose = "Z. J. Tan, on the work of Bastian de la Fuente. Predicting ion binding. Biophys J 99 (2010)."
        var unchanged = publication([CSLName(family: "Tan", given: "Z. J.")], raw: prose)
        unchanged.title = "on the work of Bastian de la Fuente. Predicting ion binding"
        XCTAssertEqual(try run([unchanged], applicant: bastian).first?.title, unchanged.title)
        // The applicant read among the authors: left as read.
        var read = publication([CSLName(family: "Tan", given: "Z. J."), CSLName(family: "de la Fuente", given: "Bastian")], raw: raw)
        read.title = "Chen and Bastian de la Fuente. Predicting ion binding properties"
        XCTAssertEqual(try run([read], applicant: bastian).first?.title, read.title)
    }

    func testInitialsAccentsHyphensAndParticlesMatch() throws {
        let kai = PersonName(literal: "Kai Xu", given: "Kai", family: "Xu")
        let maria = PersonName(literal: "María José Fernández-Núñez", given: "María José", family: "Fernández-Núñez")
        let cases: [(PersonName, [CSLName], Int?)] = [
            (kai, [CSLName(family: "Nakamura", given: "S."), CSLName(family: "Xu", given: "K.")], 2),
            (kai, [CSLName(family: "Xu", given: "K"), CSLName(family: "Li", given: "Y")], 1),
            (kai, [CSLName(family: "Xu", given: "Kai")], 1),
            (kai, [CSLName(family: "Xu", given: "L.")], nil),
            (maria, [CSLName(family: "Iglesias", given: "Á."), CSLName(family: "Fernandez-Nunez", given: "M. J.")], 2),
            (maria, [CSLName(family: "Fernández Núñez", given: "MJ")], 1),
            (PersonName(literal: "Rik de Vries", given: "Rik", family: "de Vries"), [CSLName(family: "Vries", given: "R.", particle: "de")], 1),
            (PersonName(literal: "Rik de Vries", given: "Rik", family: "de Vries"), [CSLName(family: "Vries", given: "R.")], 1),
            (PersonName(literal: "Inês Gonçalves Peñalver", given: "Inês Gonçalves", family: "Peñalver"),
             [CSLName(family: "Ødegård", given: "K."), CSLName(family: "Gonçalves Peñalver", given: "I.")], 2),
            (PersonName(literal: "Inês Gonçalves Peñalver", given: "Inês Gonçalves", family: "Peñalver"), [CSLName(family: "Gonçalves", given: "I.")], nil),
        ]
        for (applicant, authors, expected) in cases {
            XCTAssertEqual(try run([publication(authors)], applicant: applicant).first?.applicantPosition, expected, "\(applicant.literal) in \(authors)")
        }
    }

    func testTwoMatchesAreNotGuessed() throws {
        let result = try run([publication([CSLName(family: "Xu", given: "K."), CSLName(family: "Xu", given: "Kun")])],
                             applicant: PersonName(literal: "Kai Xu", given: "Kai", family: "Xu"))
        XCTAssertNil(result.first?.applicantPosition)
    }

    func testABoldNameInTheSourceWins() throws {
        var item = Block(.item, text: "Raman, P., & Raman, A. (2020). Title.", provenance: .lines(2, 2))
        item.inlines = [.text("Raman, P., & "), Inline(.strong, text: "Raman, A."), .text(" (2020). Title.")]
        var list = Block(.list, text: item.text, provenance: .lines(2, 2))
        list.items = [item]
        let result = try run([publication([CSLName(family: "Raman", given: "P."), CSLName(family: "Raman", given: "A.")], raw: item.text, block: 0)],
                             applicant: nil, blocks: [list])
        XCTAssertEqual(result.first?.applicantPosition, 2)
    }

    /// A long list (read in chunks on several threads, the highlighted names in order on one): every publication gets
    /// the position, marks and bold name it would get alone.
    func testALongListGetsWhatEachPublicationGetsAlone() throws {
        let ada = PersonName(literal: "Ada Lovelace", given: "Ada", family: "Lovelace")
        var items: [Block] = [], publications: [Publication] = []
        for number in 0..<300 {
            let others = [CSLName(family: "Hopper", given: "G."), CSLName(family: "Turing", given: "A.")]
            var authors = others
            authors.insert(number % 7 == 0 ? CSLName(family: "Raman", given: "P.") : CSLName(family: "Lovelace", given: "A."), at: number % 3)
            let names = authors.map { "\($0.family ?? "") \($0.given ?? "")" + ($0.family == "Turing" && number % 5 == 0 ? "*" : "") }
            let raw = "[\(number + 1)] " + names.joined(separator: ", ") + " (\(1990 + number % 30)). Study number \(number). J Things \(number)."
            var item = Block(.item, text: raw, provenance: .lines(number + 2, number + 2))
            if number % 7 == 0 {
                // The bold name is the applicant's where no name matches.
                let bold = names[number % 3]
                let parts = raw.components(separatedBy: bold)
                item.inlines = [.text(parts[0]), Inline(.strong, text: bold), .text(parts.dropFirst().joined(separator: bold))]
            }
            items.append(item)
            var publication = publication(authors, raw: raw, block: 0)
            publication.id = "ref\(number + 1)"
            publications.append(publication)
        }
        var list = Block(.list, text: items.map(\.text).joined(separator: "\n"), provenance: .lines(2, 301))
        list.items = items
        let result = try run(publications, applicant: ada, blocks: [list])
        XCTAssertEqual(result.count, 300)
        for (number, publication) in result.enumerated() {
            XCTAssertEqual(publication.applicantPosition, number % 3 + 1, "publication \(number)")
            let turing = publication.author?.firstIndex { $0.family == "Turing" }.map { $0 + 1 }
            XCTAssertEqual(publication.corresponding, number % 5 == 0 ? turing.map { [$0] } : nil, "publication \(number)")
            let alone = try run([publications[number]], applicant: ada, blocks: [list]).first
            XCTAssertEqual(publication, alone, "publication \(number)")
        }
    }

    func testAGivenNameInParenthesesIsAlsoTheApplicant() throws {
        let adam = PersonName(literal: "Adam (Xinlai) Liu", given: "Adam", family: "Liu")
        let authors = [CSLName(family: "Ruan", given: "S."), CSLName(family: "Liu", given: "X."), CSLName(family: "Gao", given: "H. O.")]
        XCTAssertEqual(try run([publication(authors)], applicant: adam).first?.applicantPosition, 2)
        XCTAssertEqual(try run([publication([CSLName(family: "Liu", given: "A.")])], applicant: adam).first?.applicantPosition, 1)
        XCTAssertNil(try run([publication([CSLName(family: "Liu", given: "Y.")])], applicant: adam).first?.applicantPosition)
        XCTAssertNil(try run([publication([CSLName(family: "Liu", given: "A."), CSLName(family: "Liu", given: "X.")])], applicant: adam).first?.applicantPosition,
                     "both forms in one list: not guessed")
    }

    func testNoApplicantNameNoPosition() throws {
        XCTAssertNil(try run([publication([CSLName(family: "Xu", given: "K.")])], applicant: nil).first?.applicantPosition)
    }

    func testEqualContributionAndCorrespondingMarks() throws {
        let raw = "K. Xu*, L. Fontaine*, and S. Nakamura†, \"Sparse attention,\" 2023."
        let result = try run([publication([CSLName(family: "Xu", given: "K."), CSLName(family: "Fontaine", given: "L."), CSLName(family: "Nakamura", given: "S.")], raw: raw)],
                             applicant: PersonName(literal: "Kai Xu", given: "Kai", family: "Xu"))
        XCTAssertEqual(result.first?.equalContribution, [1, 2])
        XCTAssertEqual(result.first?.corresponding, [3])
        XCTAssertEqual(result.first?.applicantPosition, 1)
    }

    func testAMarkKeyedAsCoFirstByALegendIsEqualContribution() throws {
        let raw = "Lovelace A*, Hopper G, Turing A. Counting sheep. J Made-Up Things. 2021."
        let authors = [CSLName(family: "Lovelace", given: "A"), CSLName(family: "Hopper", given: "G"), CSLName(family: "Turing", given: "A")]
        let ada = PersonName(literal: "Ada Lovelace", given: "Ada", family: "Lovelace")
        let unkeyed = try run([publication(authors, raw: raw)], applicant: ada).first
        XCTAssertEqual(unkeyed?.corresponding, [1], "a lone mark without a key reads as corresponding")
        var legend = Block(.list, text: "Indicates co-first author", provenance: .lines(1, 1))
        legend.items = [Block(.item, text: "Indicates co-first author", provenance: .lines(1, 1))]
        let keyed = try run([publication(authors, raw: raw)], applicant: ada, blocks: [legend]).first
        XCTAssertEqual(keyed?.equalContribution, [1])
        XCTAssertNil(keyed?.corresponding)
        let dagger = try run([publication(authors, raw: raw.replacingOccurrences(of: "*", with: "†"))], applicant: ada,
                             blocks: [Block(.paragraph, text: "† corresponding author", provenance: .lines(1, 1))]).first
        XCTAssertEqual(dagger?.corresponding, [1])
    }
}
