import Dossier
import DossierModel
import DossierPipeline
import Foundation
import XCTest

/// The applicant's name and e-mails on real CVs with labels (../shared/corpus/dev/cv-labelled), and on small
/// Markdown documents with the traps real ones have, read by the real readers through the default stages.
final class ContactCorpusTests: XCTestCase {
    private var labelledDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/corpus/dev/cv-labelled")
    }

    private func converter() throws -> Converter {
        let wanted = ["normalize", "sections", "contact", "document-kind"]
        let known = Set(Registry.standard.stages.map(\.name))
        return try Converter(registry: .standard, stages: wanted.filter(known.contains))
    }

    private struct Label: Decodable {
        var name: String?
        var emails: [String]?
    }

    func testNameAndEmailsExactOnEveryLabelledCV() throws {
        let directory = labelledDirectory
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else {
            throw XCTSkip("corpus not present at \(directory.path)")
        }
        try checkLabelled(files.sorted(), in: directory)
    }

    func testNameAndEmailsExactOnEveryLabelledSample() throws {
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("samples")
        for format in ["markdown", "html", "pdf"] {
            let directory = samples.appendingPathComponent(format)
            let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            try checkLabelled(files.filter { $0.hasSuffix(".json") && !$0.contains(".expected.") }.sorted(), in: directory)
        }
    }

    /// Converts the document beside each `<file>.json` label and compares name and e-mails; prints what it got.
    private func checkLabelled(_ files: [String], in directory: URL) throws {
        let converter = try converter()
        var report: [String] = []
        var checked = 0
        for labelFile in files.filter({ $0.hasSuffix(".json") }) {
            let documentFile = String(labelFile.dropLast(5))
            let label = try JSONDecoder().decode(Label.self, from: Data(contentsOf: directory.appendingPathComponent(labelFile)))
            guard let data = try? Data(contentsOf: directory.appendingPathComponent(documentFile)) else { continue }
            let document: Document
            do {
                document = try converter.convert(data, path: documentFile)
            } catch {
                report.append("\(documentFile): not readable here (\(error))")
                continue
            }
            checked += 1
            let person = document.profile.person
            let kind = document.metadata["dossier:kind"]?.stringValue ?? "-"
            report.append("\(documentFile): name \(person.name?.literal ?? "nil"), emails \(person.emails), kind \(kind)")
            XCTAssertEqual(person.name?.literal, label.name, documentFile)
            XCTAssertEqual(person.emails, label.emails ?? [], documentFile)
        }
        print(report.joined(separator: "\n"))
        XCTAssertGreaterThan(checked, 0, "no labelled document could be read")
    }

    private func convert(_ markdown: String) throws -> Document {
        try converter().convert(Data(markdown.utf8), path: "test.md", format: .markdown)
    }

    func testObfuscatedEmailsInACallForApplications() throws {
        let document = try convert("""
            # Postdoctoral position in computational biology

            Send your application to Prof. Jia-Hui Chen, jhc[at]ust.hk, or to the office:
            bio-office (at) ust (dot) hk. Questions: hr AT ust DOT hk.
            """)
        XCTAssertEqual(document.profile.person.emails, ["jhc@ust.hk", "bio-office@ust.hk", "hr@ust.hk"])
        XCTAssertNil(document.profile.person.name, "a job title is not a name")
    }

    func testRefereeListedFirst() throws {
        let document = try convert("""
            ## References

            Prof. Alan Turing, University of Manchester, alan.turing@manchester.ac.uk

            # Grace Brewster Hopper

            grace.hopper@navy.mil

            ## Education

            PhD in Mathematics, Yale University, 1934
            """)
        XCTAssertEqual(document.profile.person.name, PersonName(literal: "Grace Brewster Hopper", given: "Grace Brewster", family: "Hopper"))
        XCTAssertEqual(document.profile.person.emails, ["grace.hopper@navy.mil"])
    }

    func testUniversityAsFirstHeading() throws {
        let document = try convert("""
            # Technische Universität München

            ## María José Fernández-Núñez

            Lehrstuhl für Informatik · maria.fernandez [at] tum [dot] de · +49 (0) 89 289 00000

            ## Berufserfahrung

            2019–heute: Wissenschaftliche Mitarbeiterin
            """)
        let person = document.profile.person
        XCTAssertEqual(person.name, PersonName(literal: "María José Fernández-Núñez", given: "María José", family: "Fernández-Núñez"))
        XCTAssertEqual(person.emails, ["maria.fernandez@tum.de"])
        XCTAssertEqual(person.phones, ["+49 89 289 00000"])
    }

    func testIndustryResume() throws {
        let document = try convert("""
            # JOHN Q. PUBLIC

            Senior Software Engineer
            San Francisco, CA 94105 | john.q.public@gmail.com | (415) 555-0199 | linkedin.com/in/johnqpublic | github.com/jqp

            ## Experience

            **Acme Corp** — Staff Engineer, 2019–present. Reach the team at team@acme.io.

            ## Education

            B.S. Computer Science, University of California, Berkeley, 2012
            """)
        let person = document.profile.person
        XCTAssertEqual(person.name, PersonName(literal: "John Q. Public", given: "John Q.", family: "Public"))
        XCTAssertEqual(person.emails, ["john.q.public@gmail.com"])
        XCTAssertEqual(person.phones, ["415 555 0199"])
        XCTAssertEqual(person.identifiers, ["linkedin": "johnqpublic", "github": "jqp"])
        XCTAssertEqual(person.address, "San Francisco, CA 94105")
        XCTAssertEqual(document.metadata["dossier:kind"], .string("cv"))
    }

    func testCurriculumVitaeAsTitle() throws {
        let document = try convert("""
            ---
            title: Curriculum Vitae
            ---

            # Curriculum Vitae

            **Dr. JAN VAN DER BERG, PhD**
            Email: <mailto:j.vanderberg@uva.nl> · ORCID: 0000-0002-1825-0097

            ## Education

            - 2015 PhD, Universiteit van Amsterdam
            - 2010 MSc, Universiteit Utrecht
            """)
        let person = document.profile.person
        XCTAssertEqual(person.name, PersonName(literal: "Jan van der Berg", given: "Jan", family: "van der Berg"))
        XCTAssertEqual(person.emails, ["j.vanderberg@uva.nl"])
        XCTAssertEqual(person.identifiers["orcid"], "0000-0002-1825-0097")
        XCTAssertEqual(document.metadata["dossier:kind"], .string("cv"))
    }
}
