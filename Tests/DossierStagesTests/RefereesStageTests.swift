import DossierModel
import DossierPipeline
import DossierStages
import DossierText
import XCTest

final class RefereesStageTests: XCTestCase {
    private func run(_ blocks: [Block]) throws -> Document {
        let base = Document(source: Source(path: "t", format: .markdown, bytes: 0, sha256: ""), blocks: [Block(.heading, text: "Referees", provenance: .lines(1, 1), level: 2)] + blocks)
        return try RefereesStage().run(try SectionsStage().run(base, context: StageContext()), context: StageContext())
    }

    func testOneRefereePerItemWithItsFields() throws {
        var list = Block(.list, text: "", provenance: .lines(2, 3))
        list.items = [
            Block(.item, text: "Prof. Graham Whitfield — Professor of Psychology, University of Edinburgh — g.whitfield@ed.ac.uk — PhD supervisor", provenance: .lines(2, 2)),
            Block(.item, text: "Dr. Ana de la Cruz, Senior Scientist, Karolinska Institutet, +46 8 524 800 00", provenance: .lines(3, 3)),
        ]
        let referees = try run([list]).profile.referees
        XCTAssertEqual(referees.count, 2)
        XCTAssertEqual(referees[0].name, PersonName(literal: "Graham Whitfield", given: "Graham", family: "Whitfield"))
        XCTAssertEqual(referees[0].title, "Professor of Psychology")
        XCTAssertEqual(referees[0].institution, "University of Edinburgh")
        XCTAssertEqual(referees[0].email, "g.whitfield@ed.ac.uk")
        XCTAssertEqual(referees[0].relation, "PhD supervisor")
        XCTAssertEqual(referees[1].name.family, "de la Cruz")
        XCTAssertEqual(referees[1].phone, "+46 8 524 800 00")
        XCTAssertEqual(referees[1].institution, "Karolinska Institutet")
    }

    func testParagraphLinesOfOnePersonAreJoined() throws {
        let result = try run([
            Block(.paragraph, text: "Jane Roe", provenance: .lines(2, 2)),
            Block(.paragraph, text: "Professor, University of Leeds", provenance: .lines(3, 3)),
            Block(.paragraph, text: "John Poe", provenance: .lines(4, 4)),
        ])
        XCTAssertEqual(result.profile.referees.map(\.name.literal), ["Jane Roe", "John Poe"])
        XCTAssertEqual(result.profile.referees.first?.institution, "University of Leeds")
    }

    func testSeveralPeopleOnTheLinesOfOneParagraphAndNoFooter() throws {
        let result = try run([
            Block(.paragraph, text: "Prof. Hélène Marchetti, Université du Lac — h@lac.ch\nDr.ª Anaïs Lefèvre, Institut d'Optique — a@io.fr", provenance: .lines(2, 3)),
            Block(.paragraph, text: "Updated: May 2, 2024", provenance: .lines(4, 4)),
        ])
        XCTAssertEqual(result.profile.referees.map(\.name.literal), ["Hélène Marchetti", "Anaïs Lefèvre"])
        XCTAssertEqual(result.profile.referees.map(\.email), ["h@lac.ch", "a@io.fr"])
        XCTAssertEqual(result.profile.referees.last?.raw, "Dr.ª Anaïs Lefèvre, Institut d'Optique — a@io.fr")
    }

    func testPeopleSideBySideInOneTableRow() throws {
        var table = Block(.table, text: "", provenance: .lines(2, 4))
        var row = Block(.row, text: "", provenance: .lines(2, 4))
        row.cells = ["Prof. Margit Lindahl\nLund Coastal University\nm@lcu.se", "Prof. Jens Østergaard\nAarhus Nordic University\n+45 87 55 02 11"]
            .map { Block(.cell, text: $0, provenance: .lines(3, 3)) }
        table.rows = [row]
        let referees = try run([table]).profile.referees
        XCTAssertEqual(referees.map(\.name.literal), ["Margit Lindahl", "Jens Østergaard"])
        XCTAssertEqual(referees.map(\.institution), ["Lund Coastal University", "Aarhus Nordic University"])
    }

    func testAvailableOnRequestIsADiagnostic() throws {
        let result = try run([Block(.paragraph, text: "Available upon request.", provenance: .lines(2, 2))])
        XCTAssertTrue(result.profile.referees.isEmpty)
        XCTAssertEqual(result.diagnostics.map(\.stage), ["referees"])
    }

    func testNamesSplitWithParticlesAndCommas() {
        XCTAssertEqual(PersonNames.split("Ludwig van Beethoven"), PersonName(literal: "Ludwig van Beethoven", given: "Ludwig", family: "van Beethoven"))
        XCTAssertEqual(PersonNames.split("Doe, Jane Q."), PersonName(literal: "Doe, Jane Q.", given: "Jane Q.", family: "Doe"))
        let stripped = PersonNames.stripTitles("Prof. Dr. Klaus Müller")
        XCTAssertEqual(stripped.honorific, "Prof. Dr.")
        XCTAssertEqual(PersonNames.split(stripped.name), PersonName(literal: "Klaus Müller", given: "Klaus", family: "Müller"))
        XCTAssertEqual(PersonNames.stripTitles("Amara N. Okafor, MD, PhD").name, "Amara N. Okafor")
        XCTAssertEqual(PersonNames.split(PersonNames.stripTitles("Amara N. Okafor, MD, PhD").name).family, "Okafor")
        XCTAssertEqual(PersonNames.split("José da Silva Junior").family, "da Silva Junior", "the first particle starts the family name")
        XCTAssertFalse(PersonNames.looksLikeName("University of Edinburgh"))
        XCTAssertFalse(PersonNames.looksLikeName("Available upon request"))
    }
}
