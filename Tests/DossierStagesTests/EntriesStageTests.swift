import DossierModel
import DossierPipeline
import DossierStages
import DossierText
import XCTest

final class EntriesStageTests: XCTestCase {
    func testDatesKeepTheirPrecision() {
        let cases: [(String, String?, String?, String)] = [
            ("PhD, Oxford, 2019", "2019", nil, "2019"),
            ("Sep 2015 – Jun 2019: PhD", "2015-09", "2019-06", "Sep 2015 – Jun 2019"),
            ("Postdoc, 2021–present", "2021", "..", "2021–present"),
            ("2021 - Present: Lecturer", "2021", "..", "2021 - Present"),
            ("BSc, Exp. Jun. 2017", "2017-06?", nil, "Exp. Jun. 2017"),
            ("Summer 2019: Intern", "2019-22", nil, "Summer 2019"),
            ("09/2015 - 06/2019", "2015-09", "2019-06", "09/2015 - 06/2019"),
            ("2022–: Associate Professor", "2022", "..", "2022–"),
            ("Profesora, desde octubre de 2016.", "2016-10", "..", "desde octubre de 2016"),
            ("seit März 2020 Professorin", "2020-03", "..", "seit März 2020"),
            ("Oct. 2012 to Dec. 2014", "2012-10", "2014-12", "Oct. 2012 to Dec. 2014"),
        ]
        for (text, start, end, raw) in cases {
            let found = DateExpressions.firstRange(in: text)?.range
            XCTAssertEqual(found?.start, start, text)
            XCTAssertEqual(found?.end, end, text)
            XCTAssertEqual(found?.raw, raw, text)
        }
        XCTAssertNil(DateExpressions.firstRange(in: "No dates here, 123 pages"))
    }

    private func document(_ blocks: [Block]) throws -> Document {
        let base = Document(source: Source(path: "t", format: .markdown, bytes: 0, sha256: ""), blocks: blocks)
        return try EntriesStage().run(try SectionsStage().run(base, context: StageContext()), context: StageContext())
    }

    private func list(_ items: [String]) -> Block {
        var block = Block(.list, text: items.joined(separator: "\n"), provenance: .lines(1, 1))
        block.items = items.map { Block(.item, text: $0, provenance: .lines(1, 1)) }
        return block
    }

    func testListItemsBecomeEntriesWithFields() throws {
        let result = try document([
            Block(.heading, text: "Education", provenance: .lines(1, 1), level: 2),
            list(["PhD in Physics, University of Oxford, Oxford, UK, 2015–2019", "MSc in Physics, ETH Zürich, 2014"]),
            Block(.heading, text: "Work Experience", provenance: .lines(3, 3), level: 2),
            list(["Jan 2020 – present: Research Scientist, DeepThought Labs, London"]),
        ])
        let entries = result.profile.entries
        XCTAssertEqual(entries.count, 3)
        XCTAssertEqual(entries[0].kind, .education)
        XCTAssertEqual(entries[0].title, "PhD in Physics")
        XCTAssertEqual(entries[0].organization, "University of Oxford")
        XCTAssertEqual(entries[0].place, "Oxford, UK")
        XCTAssertEqual(entries[0].dates?.edtf, "2015/2019")
        XCTAssertEqual(entries[1].organization, "ETH Zürich")
        XCTAssertEqual(entries[2].kind, .employment)
        XCTAssertEqual(entries[2].title, "Research Scientist")
        XCTAssertEqual(entries[2].organization, "DeepThought Labs")
        XCTAssertEqual(entries[2].dates?.edtf, "2020-01/..")
        XCTAssertEqual(entries[2].raw, "Jan 2020 – present: Research Scientist, DeepThought Labs, London")
    }

    func testTableRowsUseTheirHeaders() throws {
        var table = Block(.table, text: "", provenance: .lines(2, 4))
        func row(_ cells: [String], header: Bool) -> Block {
            var row = Block(.row, text: cells.joined(separator: "\t"), provenance: .lines(2, 2))
            row.cells = cells.map { text in
                var cell = Block(.cell, text: text, provenance: .lines(2, 2))
                if header { cell.header = true }
                return cell
            }
            return row
        }
        table.rows = [row(["Years", "Degree", "Institution", "Place"], header: true), row(["2015–2019", "PhD", "EPFL", "Lausanne"], header: false)]
        let result = try document([Block(.heading, text: "Education", provenance: .lines(1, 1), level: 2), table])
        XCTAssertEqual(result.profile.entries.count, 1)
        let entry = try XCTUnwrap(result.profile.entries.first)
        XCTAssertEqual([entry.title, entry.organization, entry.place], ["PhD", "EPFL", "Lausanne"])
        XCTAssertEqual(entry.dates?.edtf, "2015/2019")
    }

    func testAParagraphWithoutADateContinuesTheEntryBefore() throws {
        let result = try document([
            Block(.heading, text: "Education", provenance: .lines(1, 1), level: 2),
            Block(.paragraph, text: "PhD, University of Bonn, 2018", provenance: .lines(2, 2)),
            Block(.paragraph, text: "Thesis: On things", provenance: .lines(3, 3)),
            Block(.paragraph, text: "MSc, University of Bonn, 2014", provenance: .lines(4, 4)),
        ])
        XCTAssertEqual(result.profile.entries.map(\.raw), ["PhD, University of Bonn, 2018\nThesis: On things", "MSc, University of Bonn, 2014"])
    }

    func testUndatedBulletsUnderAnEntryAreItsDetails() throws {
        let result = try document([
            Block(.heading, text: "Experience", provenance: .page(1, bbox: [0, 0, 1, 1]), level: 2),
            Block(.paragraph, text: "Machine Learning Engineer\nShopify\nJun 2021 – present", provenance: .page(1, bbox: [0, 1, 1, 2])),
            list(["Built a forecasting service", "Led a migration to streaming"]),
            Block(.paragraph, text: "Research Assistant, Vector Institute, 2019 – 2021", provenance: .page(1, bbox: [0, 3, 1, 4])),
        ])
        XCTAssertEqual(result.profile.entries.count, 2)
        XCTAssertEqual(result.profile.entries.first?.raw, "Machine Learning Engineer\nShopify\nJun 2021 – present\nBuilt a forecasting service\nLed a migration to streaming")
        XCTAssertEqual(result.profile.entries.first?.dates?.edtf, "2021-06/..")
    }

    func testOtherSectionsGiveNoEntries() throws {
        let result = try document([Block(.heading, text: "Publications", provenance: .lines(1, 1), level: 2), list(["Doe J. A paper. 2020."])])
        XCTAssertTrue(result.profile.entries.isEmpty)
    }
}
