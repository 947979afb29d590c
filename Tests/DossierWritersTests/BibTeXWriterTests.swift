import DossierModel
import DossierPipeline
@testable import DossierWriters
import Foundation
import XCTest

final class BibTeXWriterTests: XCTestCase {
    func testEntriesReadBackWithTypesKeysAndFields() throws {
        let bibtex = try BibTeXWriter().render([TestDocuments.plain])
        let entries = try Validators.bibtexEntries(bibtex)
        XCTAssertEqual(entries.map { $0["ID"] ?? "" }, [
            "lovelace1843notes", "lovelace1842numbers", "lovelace2021engine", "lovelace1843notesa", "lovelace1843notesb",
            "lovelace1843notesc", "anonndreport",
        ])
        XCTAssertEqual(entries.map { $0["ENTRYTYPE"] ?? "" }, ["article", "incollection", "misc", "phdthesis", "book", "inproceedings", "techreport"])
        let article = entries[0]
        XCTAssertEqual(article["author"], "Lovelace, Ada and Babbage, Charles")
        XCTAssertEqual(article["title"], "Notes on the {Analytical} {Engine} of {DNA}")
        XCTAssertEqual(article["journal"], "Scientific Memoirs")
        XCTAssertEqual(article["year"], "1843")
        XCTAssertEqual(article["month"], "October")
        XCTAssertEqual(article["volume"], "3")
        XCTAssertEqual(article["number"], "2")
        XCTAssertEqual(article["pages"], "666--731")
        XCTAssertEqual(article["doi"], "10.1000/xyz123")
        XCTAssertEqual(entries[1]["booktitle"], "Sketch of the Analytical Engine", "styles do not lowercase container titles")
        XCTAssertEqual(entries[1]["editor"], "Menabrea, Luigi")
        XCTAssertEqual(entries[1]["address"], "Geneva")
        XCTAssertEqual(entries[2]["author"], "Lovelace, Ada and {The Analytical Engine Consortium} and others")
        XCTAssertEqual(entries[2]["eprint"], "2101.00001")
        XCTAssertEqual(entries[2]["archiveprefix"], "arXiv")
        XCTAssertEqual(entries[2]["note"], "submitted")
        XCTAssertEqual(entries[3]["author"], "de Lovelace, Ada")
        XCTAssertEqual(entries[3]["school"], "University of London")
        XCTAssertEqual(entries[4]["isbn"], "978-3-16-148410-0")
        XCTAssertEqual(entries[5]["url"], "https://example.org/notes?id=1&lang=en")
        XCTAssertEqual(entries[5]["pages"], "e12")
    }

    func testAPublicationWithOnlyItsRawTextIsStillAnEntry() throws {
        var document = TestDocuments.plain
        document.profile.publications = [Publication(id: "r", type: "article-journal", raw: "Doe J. Something, 2020."),
                                         Publication(id: "s", type: "book", raw: "")]
        let entries = try Validators.bibtexEntries(try BibTeXWriter().render([document]))
        XCTAssertEqual(entries.map { $0["ID"] ?? "" }, ["anonnd", "anonnda"])
        XCTAssertEqual(entries.first?["note"], "Doe J. Something, 2020.")
    }

    func testKeysStayUniqueAcrossABatch() throws {
        let bibtex = try BibTeXWriter().render([TestDocuments.plain, TestDocuments.plain])
        let keys = try Validators.bibtexEntries(bibtex).compactMap { $0["ID"] }
        XCTAssertEqual(keys.count, 2 * TestDocuments.plainPublications.count)
        XCTAssertEqual(Set(keys).count, keys.count)
        XCTAssert(keys.contains("lovelace1843notesd"))
        XCTAssertEqual(try BibTeXWriter().render([TestDocuments.plain]), try BibTeXWriter().render([TestDocuments.plain]), "stable")
    }

    func testLaTeXSpecialsAreEscapedAndBracesAlwaysBalance() {
        var text = BibTeXText()
        XCTAssertEqual(text.escaped("a & b % c $ d # e _ f { g } h ~ i ^ j \\ k"),
                       "a \\& b \\% c \\$ d \\# e \\_ f \\textbraceleft{} g \\textbraceright{} h \\textasciitilde{} i \\textasciicircum{} j \\textbackslash{} k")
        XCTAssertEqual(text.escaped("Ünal\tand\nemoji 🧬 עברית"), "Ünal and emoji 🧬 עברית")
        XCTAssertEqual(text.escaped("bell\u{7}\u{FFFF}"), "bell")
        XCTAssertEqual(text.dropped, 2)
        XCTAssertEqual(text.verbatim("https://e.org/a_b%20{x}\\ y"), "https://e.org/a_b%20%7Bx%7D%5C%20y")
        XCTAssertEqual(text.title("Deep learning for DNA in Europe"), "Deep learning for {DNA} in {Europe}")
        XCTAssertEqual(text.names([CSLName(family: "Smith and Sons"), CSLName(family: "Doe", given: "J.", suffix: "Jr."), CSLName(literal: "WHO")], etAl: true),
                       "{Smith and Sons} and Doe, Jr., J. and {WHO} and others")
    }

    func testCitationKeysFoldToASCII() {
        XCTAssertEqual(CitationKey.folded("Müller-Ærø Иванов"), "mulleraeroivanov")
        XCTAssertEqual((0...3).map(CitationKey.suffix) + [CitationKey.suffix(26), CitationKey.suffix(27)], ["", "a", "b", "c", "z", "aa"])
        var publication = Publication(id: "p", type: "article-journal", raw: "")
        publication.author = [CSLName(family: "Ñúñez", given: "José")]
        publication.title = "The 3D structure of a protein"
        publication.issued = CSLDate(dateParts: [[2020]])
        XCTAssertEqual(CitationKey.base(publication), "nunez20203d")
    }
}
