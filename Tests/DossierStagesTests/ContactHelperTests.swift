@testable import DossierStages
import DossierModel
import XCTest

final class ContactHelperTests: XCTestCase {
    func testSplitsAsPeopleWriteNames() {
        let cases: [(String, String?, String?)] = [
            ("Jane Q. Doe", "Jane Q.", "Doe"),
            ("Doe, Jane Q.", "Jane Q.", "Doe"),
            ("María José Fernández-Núñez", "María José", "Fernández-Núñez"),
            ("Vincent van der Berg", "Vincent", "van der Berg"),
            ("Maria De Souza", "Maria", "De Souza"),
            ("José Ortega y Gasset", "José", "Ortega y Gasset"),
            ("van Beethoven, Ludwig", "Ludwig", "van Beethoven"),
            ("Xu Kai", "Xu", "Kai"),
            ("Adam (Xinlai) Liu", "Adam", "Liu"),
            ("Martin Luther King Jr.", "Martin Luther", "King"),
            ("王小明", "小明", "王"),
        ]
        for (literal, given, family) in cases {
            let name = PersonNameSplitter.split(literal)
            XCTAssertEqual(name.literal, literal)
            XCTAssertEqual(name.given, given, literal)
            XCTAssertEqual(name.family, family, literal)
        }
    }

    func testCleaningAndRecognizing() {
        XCTAssertEqual(PersonNameText.name(in: "ADRIAN FORSYTHE Ph.D."), "Adrian Forsythe")
        XCTAssertEqual(PersonNameText.name(in: "Prof. Dr. Jean-Luc O'BRIEN-SMITH"), "Jean-Luc O'BRIEN-SMITH")
        XCTAssertEqual(PersonNameText.name(in: "JEAN-LUC O'BRIEN"), "Jean-Luc O'Brien")
        XCTAssertEqual(PersonNameText.name(in: "Ali Ebrahimpour Boroojeny (he/him)"), "Ali Ebrahimpour Boroojeny")
        XCTAssertEqual(PersonNameText.name(in: "Jane Doe, MD"), "Jane Doe")
        for notAName in ["Curriculum Vitae", "Leibniz Universität Hannover", "Research Statement", "Education",
                         "Partner Research Manager", "Max Planck Institute", "Jane Doe 2019", "jane doe", "Table of Contents",
                         "Otto von Guericke University", "Selected Publications", "Citation-informed Transformers"] {
            XCTAssertNil(PersonNameText.name(in: notAName), notAName)
        }
        XCTAssertTrue(PersonNameText.isVariant("Loqman Salamatian", of: "Loqman R. Salamatian"))
        XCTAssertFalse(PersonNameText.isVariant("Loqman Salamatian", of: "Loqman Smith"))
    }

    func testChecksums() {
        XCTAssertTrue(IdentifierChecksum.isValidORCID("0000-0002-1825-0097"))
        XCTAssertTrue(IdentifierChecksum.isValidORCID("0000-0002-1694-233X"))
        XCTAssertFalse(IdentifierChecksum.isValidORCID("0000-0002-1825-0098"))
        XCTAssertTrue(IdentifierChecksum.isValidISBN("978-0-306-40615-7"))
        XCTAssertTrue(IdentifierChecksum.isValidISBN("0-306-40615-2"))
        XCTAssertTrue(IdentifierChecksum.isValidISBN("0-8044-2957-X"))
        XCTAssertFalse(IdentifierChecksum.isValidISBN("978-0-306-40615-8"))
        XCTAssertFalse(IdentifierChecksum.isValidISBN("0-306-40615-3"))
    }
}
