import DossierModel
import DossierPipeline
@testable import DossierWriters
import Foundation
import XCTest

final class JSONResumeWriterTests: XCTestCase {
    private func object(_ data: Data) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func testTheResumeIsSchemaValidAndMapsTheProfile() throws {
        let json = try JSONResumeWriter().render([TestDocuments.plain])
        let schema = try Validators.jsonSchema(json, schema: "json-resume/schema.json")
        XCTAssertEqual(schema.status, 0, schema.output)
        let resume = try object(json)
        let basics = try XCTUnwrap(resume["basics"] as? [String: Any])
        XCTAssertEqual(basics["name"] as? String, "Ada Lovelace")
        XCTAssertEqual(basics["email"] as? String, "ada@example.org")
        XCTAssertEqual(basics["url"] as? String, "https://ada.example.org")
        XCTAssertEqual((basics["profiles"] as? [[String: String]])?.map { $0["network"] ?? "" }, ["ORCID", "GitHub"])
        XCTAssertEqual((basics["location"] as? [String: String])?["address"], "12 St James's Square, London")
        let work = try XCTUnwrap(resume["work"] as? [[String: String]])
        XCTAssertEqual(work, [["name": "Babbage & Co", "position": "Analyst", "startDate": "1843-09",
                               "summary": "Analyst, Babbage & Co, Sep 1843 – present"]], "an open end is a missing endDate")
        let education = try XCTUnwrap((resume["education"] as? [[String: String]])?.first)
        XCTAssertEqual(education["institution"], "University of London")
        XCTAssertEqual(education["startDate"], "1839")
        XCTAssertEqual(education["endDate"], "1843")
        let publications = try XCTUnwrap(resume["publications"] as? [[String: String]])
        XCTAssertEqual(publications.count, TestDocuments.plainPublications.count)
        XCTAssertEqual(publications[0], ["name": "Notes on the Analytical Engine of DNA", "publisher": "Scientific Memoirs",
                                         "releaseDate": "1843-10", "url": "https://doi.org/10.1000/xyz123",
                                         "summary": TestDocuments.plainPublications[0].raw])
        XCTAssertEqual((resume["references"] as? [[String: String]])?.first?["name"], "Charles Babbage")
    }

    func testWhatJSONResumeCannotHoldIsListedUnderMeta() throws {
        let options = WriterOptions()
        let resume = try object(try JSONResumeWriter().render([TestDocuments.plain], options: options))
        let dossier = try XCTUnwrap((resume["meta"] as? [String: Any])?["dossier"] as? [String: Any])
        XCTAssertEqual(dossier["source"] as? String, "cvs/ada-lovelace.md")
        let unmapped = try XCTUnwrap(dossier["unmapped"] as? [String: [[String: Any]]])
        let article = try XCTUnwrap(unmapped["publications"]?.first)
        XCTAssertEqual(article["authors"] as? [String], ["Lovelace, Ada", "Babbage, Charles"])
        XCTAssertEqual(article["doi"] as? String, "10.1000/xyz123")
        XCTAssertEqual(article["applicantPosition"] as? Int, 1)
        XCTAssertEqual(unmapped["entries"]?.first { $0["kind"] as? String == "talks" }?["raw"] as? String, "On engines, Royal Society, 1843")
        XCTAssertEqual(unmapped["person"]?.first?["emails"] as? [String], ["ada@cam.example.ac.uk"])
        XCTAssertEqual(unmapped["referees"]?.first?["email"] as? String, "cb@example.ac.uk")
        XCTAssertEqual((dossier["diagnostics"] as? [[String: String]])?.first?["message"], "one reference could not be split")
        let notes = options.session.takeNotes()
        XCTAssertEqual(notes.count, 1)
        XCTAssert(notes.first?.hasPrefix("json-resume: ") == true && notes.first?.hasSuffix("listed under meta.dossier.unmapped") == true, "\(notes)")
    }

    func testLanguagesAndSkillsComeFromTheirSectionsItems() throws {
        var document = Document(source: TestDocuments.source("languages.md"))
        document.blocks = [
            Block(.heading, text: "Languages", provenance: .lines(1, 1), level: 2),
            TestDocuments.table([["Language", "Level"], ["Mandarin", "native"], ["French", "professional (C1)"]], line: 3),
            Block(.heading, text: "Skills", provenance: .lines(8, 8), level: 2),
            TestDocuments.list(["Swift", "Python"], ordered: false, line: 10),
        ]
        document.profile.sections = [Section(kind: .languages, title: "Languages", blocks: [0, 1]), Section(kind: .skills, title: "Skills", blocks: [2, 3])]
        let json = try JSONResumeWriter().render([document])
        let resume = try object(json)
        XCTAssertEqual(resume["languages"] as? [[String: String]], [["language": "Mandarin", "fluency": "native"], ["language": "French", "fluency": "professional (C1)"]])
        XCTAssertEqual(resume["skills"] as? [[String: String]], [["name": "Swift"], ["name": "Python"]])
        let schema = try Validators.jsonSchema(json, schema: "json-resume/schema.json")
        XCTAssertEqual(schema.status, 0, schema.output)
    }

    func testABatchIsAnArrayOfResumes() throws {
        let json = try JSONResumeWriter().render([TestDocuments.plain, TestDocuments.hostile])
        let resumes = try XCTUnwrap(try JSONSerialization.jsonObject(with: json) as? [[String: Any]])
        XCTAssertEqual(resumes.count, 2)
        let schema = try Validators.jsonSchema(json, schema: "json-resume/schema.json")
        XCTAssertEqual(schema.status, 0, schema.output)
    }

    func testDatesAndURLsAreOnlyWrittenInTheFormsTheSchemaAllows() {
        XCTAssertEqual(JSONResumeMapping.isoDate("2019"), "2019")
        XCTAssertEqual(JSONResumeMapping.isoDate("2019-09-30"), "2019-09-30")
        XCTAssertNil(JSONResumeMapping.isoDate("2021-21"), "an EDTF season is no month")
        XCTAssertNil(JSONResumeMapping.isoDate(".."))
        XCTAssertNil(JSONResumeMapping.isoDate("201"))
        XCTAssertEqual(JSONResumeMapping.uri("https://de.example.org/wiki/Müller x"), "https://de.example.org/wiki/M%C3%BCller%20x")
        XCTAssertEqual(JSONResumeMapping.uri("https://e.org/a%20b%zz#x#y"), "https://e.org/a%20b%25zz#x%23y")
        XCTAssertNil(JSONResumeMapping.uri("www.example.org"))
        XCTAssertNil(JSONResumeMapping.uri("not a url"))
    }
}
