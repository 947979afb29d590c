import DossierModel
import Foundation
import XCTest

final class DocumentCodingTests: XCTestCase {
    private func sampleDocument() -> Document {
        var document = Document(source: Source(path: "cv.md", format: .markdown, bytes: 10, sha256: String(repeating: "a", count: 64)))
        document.metadata = ["title": .string("CV"), "year": .int(2024), "tags": .array([.string("a")])]
        var heading = Block(.heading, text: "Publications", provenance: .lines(3, 3), level: 2)
        heading.inlines = [.text("Publications")]
        document.blocks = [heading]
        var publication = Publication(id: "p1", type: "article-journal", raw: "Doe J. A title. 2020.")
        publication.author = [CSLName(family: "Doe", given: "J.", particle: "van")]
        publication.containerTitle = "Journal"
        publication.doi = "10.1000/xyz"
        publication.issued = CSLDate(dateParts: [[2020]], raw: "2020")
        publication.applicantPosition = 1
        document.profile.publications = [publication]
        document.profile.sections = [Section(kind: .researchStatement, title: "Research", blocks: [0, 0])]
        document.report(.warning, stage: "test", "something")
        return document
    }

    func testJSONUsesTheContractSpellings() throws {
        let json = String(decoding: try sampleDocument().encoded(pretty: false), as: UTF8.self)
        for key in ["\"dossier\":\"1\"", "\"container-title\":\"Journal\"", "\"DOI\":\"10.1000/xyz\"", "\"date-parts\":[[2020]]",
                    "\"non-dropping-particle\":\"van\"", "\"kind\":\"research-statement\"", "\"lines\":[3,3]",
                    "\"applicantPosition\":1", "\"severity\":\"warning\""] {
            XCTAssertTrue(json.contains(key), "missing \(key) in \(json)")
        }
        XCTAssertFalse(json.contains("\"level\":null"), "absent optionals are omitted, not null")
    }

    func testRoundTripKeepsEverything() throws {
        let document = sampleDocument()
        XCTAssertEqual(try Document.decode(document.encoded()), document)
    }

    func testEncodingIsStable() throws {
        XCTAssertEqual(try sampleDocument().encoded(), try sampleDocument().encoded())
    }

    func testJSONValueKeepsScalarKinds() throws {
        let data = Data(#"{"a":1,"b":1.5,"c":true,"d":null,"e":"x","f":[1,"y"],"g":{"h":2}}"#.utf8)
        let value = try JSONDecoder().decode(JSONValue.self, from: data)
        XCTAssertEqual(value, .object(["a": .int(1), "b": .double(1.5), "c": .bool(true), "d": .null, "e": .string("x"),
                                       "f": .array([.int(1), .string("y")]), "g": .object(["h": .int(2)])]))
        XCTAssertEqual(value.objectValue?["e"]?.stringValue, "x")
        XCTAssertEqual(value.mapStrings { $0.uppercased() }.objectValue?["f"], .array([.int(1), .string("Y")]))
    }

    func testDateRangeBuildsEDTF() {
        XCTAssertEqual(DateRange(start: "2015-09", end: "2019-06", raw: "Sep 2015 – Jun 2019").edtf, "2015-09/2019-06")
        XCTAssertEqual(DateRange(start: "2021", end: "..", raw: "2021–present").edtf, "2021/..")
        XCTAssertEqual(DateRange(start: "2019", end: nil, raw: "2019").edtf, "2019")
    }

    func testSchemaFileMatchesTheEmbeddedSchema() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = try String(contentsOf: root.appendingPathComponent("schema/dossier.schema.json"), encoding: .utf8)
        XCTAssertEqual(file.trimmingCharacters(in: .newlines), DocumentSchema.json.trimmingCharacters(in: .newlines))
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(DocumentSchema.json.utf8)))
    }

    func testSectionKindSpellings() {
        XCTAssertEqual(SectionKind.allCases.map(\.rawValue), [
            "summary", "education", "employment", "publications", "talks", "grants", "awards", "teaching", "service",
            "skills", "languages", "projects", "referees", "research-statement", "other",
        ])
    }
}

/// JSON values nested past `JSONValue.maximumDepth` (hostile front matter or JSON-LD) throw instead of overflowing the stack.
final class JSONValueDepthTests: XCTestCase {
    private func nested(_ levels: Int) -> JSONValue {
        var value = JSONValue.string("x")
        for level in 0..<levels { value = level.isMultiple(of: 2) ? .array([value]) : .object(["k": value]) }
        return value
    }

    func testDepthIsCountedPerLevel() {
        XCTAssertEqual(JSONValue.string("x").depth, 0)
        XCTAssertEqual(nested(1).depth, 1)
        XCTAssertEqual(nested(64).depth, 64)
    }

    func testValuesUpToTheLimitRoundTrip() throws {
        let value = nested(JSONValue.maximumDepth)
        let data = try JSONEncoder().encode(value)
        XCTAssertEqual(try JSONDecoder().decode(JSONValue.self, from: data), value)
        var document = Document(source: Source(path: "t.md", format: .markdown, bytes: 0, sha256: ""))
        document.metadata = ["deep": value]
        XCTAssertNoThrow(try document.encoded(pretty: false))
    }

    func testDeeperValuesThrowWhenEncoded() {
        XCTAssertThrowsError(try JSONEncoder().encode(nested(JSONValue.maximumDepth + 1))) { error in
            XCTAssertTrue("\(error)".contains("nested deeper than 64 levels"), "\(error)")
        }
        XCTAssertThrowsError(try JSONEncoder().encode(nested(5_000)))
    }

    func testDeeplyNestedJSONThrowsWhenDecoded() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        XCTAssertThrowsError(try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)))
    }
}
