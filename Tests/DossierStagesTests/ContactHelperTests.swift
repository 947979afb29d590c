@testable import DossierStages
@testable import DossierText
import DossierModel
import ReferenceParser
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
            let name = PersonNames.split(literal)
            XCTAssertEqual(name.literal, literal)
            XCTAssertEqual(name.given, given, literal)
            XCTAssertEqual(name.family, family, literal)
        }
    }

    func testCleaningAndRecognizing() {
        XCTAssertEqual(PersonNames.name(in: "ADRIAN FORSYTHE Ph.D."), "Adrian Forsythe")
        XCTAssertEqual(PersonNames.name(in: "Prof. Dr. Jean-Luc O'BRIEN-SMITH"), "Jean-Luc O'BRIEN-SMITH")
        XCTAssertEqual(PersonNames.name(in: "JEAN-LUC O'BRIEN"), "Jean-Luc O'Brien")
        XCTAssertEqual(PersonNames.name(in: "Ali Ebrahimpour Boroojeny (he/him)"), "Ali Ebrahimpour Boroojeny")
        XCTAssertEqual(PersonNames.name(in: "Jane Doe, MD"), "Jane Doe")
        XCTAssertEqual(PersonNames.name(in: "👋 Jane Doe (PhD) ✉"), "Jane Doe")
        XCTAssertEqual(PersonNames.name(in: "Thomas M. Cover"), "Thomas M. Cover")
        XCTAssertEqual(PersonNames.name(in: "José da Silva Junior"), "José da Silva Junior")
        for notAName in ["Curriculum Vitae", "Leibniz Universität Hannover", "Research Statement", "Education",
                         "Partner Research Manager", "Max Planck Institute", "Jane Doe 2019", "jane doe", "Table of Contents",
                         "Otto von Guericke University", "Selected Publications", "Citation-informed Transformers"] {
            XCTAssertNil(PersonNames.name(in: notAName), notAName)
        }
        XCTAssertTrue(PersonNames.isVariant("Loqman Salamatian", of: "Loqman R. Salamatian"))
        XCTAssertFalse(PersonNames.isVariant("Loqman Salamatian", of: "Loqman Smith"))
    }

    func testPhoneFormats() {
        let cases: [(String, [String])] = [
            ("Phone: 617-555-0142", ["617 555 0142"]),
            ("Tel: 030 1234567", ["030 1234567"]),
            ("Mobile: 07700 900123", ["07700 900123"]),
            ("☎ +33 (0)1 23 45 67 89", ["+33 1 23 45 67 89"]),
            ("+86 10 6275 1234 / +86 138 0013 8000", ["+86 10 6275 1234", "+86 138 0013 8000"]),
            ("Born 1985-04-12, ISBN 0-306-40615-2, pages 1203-1219, grant 2019-2023", []),
            ("Fax: +49 30 555 0000", []),
            ("Tel. +49-(0)761/203-3747", ["+49 761 203 3747"]),
        ]
        for (line, expected) in cases {
            XCTAssertEqual(PhoneFinder.phones(in: line), expected, line)
        }
    }

    func testChecksums() {
        XCTAssertTrue(Identifiers.isValidORCID("0000-0002-1825-0097"))
        XCTAssertTrue(Identifiers.isValidORCID("0000-0002-1694-233X"))
        XCTAssertFalse(Identifiers.isValidORCID("0000-0002-1825-0098"))
        XCTAssertTrue(Identifiers.isValidISBN("978-0-306-40615-7"))
        XCTAssertTrue(Identifiers.isValidISBN("0-306-40615-2"))
        XCTAssertTrue(Identifiers.isValidISBN("0-8044-2957-X"))
        XCTAssertFalse(Identifiers.isValidISBN("978-0-306-40615-8"))
        XCTAssertFalse(Identifiers.isValidISBN("0-306-40615-3"))
    }
}
