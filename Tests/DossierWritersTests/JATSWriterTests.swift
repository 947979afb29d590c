import DossierModel
import DossierPipeline
@testable import DossierWriters
import Foundation
import XCTest

final class JATSWriterTests: XCTestCase {
    func testThePlainDocumentIsValidJATSArchiving13() throws {
        let options = WriterOptions()
        let xml = try JATSWriter().render([TestDocuments.plain], options: options)
        let dtd = try Validators.xmllintDTDValid(xml)
        XCTAssertEqual(dtd.status, 0, dtd.output)
        let catalog = try Validators.xmllintWithCatalog(xml)
        XCTAssertEqual(catalog.status, 0, catalog.output)
        XCTAssertEqual(options.session.takeNotes(), [], "nothing to drop in a clean document")
        let text = String(decoding: xml, as: UTF8.self)
        XCTAssert(text.hasPrefix("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD with MathML3 v1.3 20210610//EN" "https://jats.nlm.nih.gov/archiving/1.3/mathml3/JATS-archivearticle1-3-mathml3.dtd">
            <article xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:mml="http://www.w3.org/1998/Math/MathML" article-type="other" dtd-version="1.3">
            """), text)
    }

    func testFrontHoldsTheApplicant() throws {
        let xml = try JATSWriter().render([TestDocuments.plain])
        let expectations = [
            "string(//article-meta/title-group/article-title)": "Ada Lovelace — Curriculum vitae",
            "string(//contrib[@contrib-type='author']/contrib-id[@contrib-id-type='orcid'])": "https://orcid.org/0000-0002-1825-0097",
            "string(//contrib/contrib-id[@contrib-id-type='github'])": "ada",
            "string(//contrib/name/surname)": "Lovelace",
            "string(//contrib/name/given-names)": "Ada",
            "count(//contrib/email)": "2",
            "string(//contrib/aff)": "University of London",
            "string(//contrib/address/phone)": "+44 20 7946 0000",
            "string(//custom-meta[meta-name='dossier-source']/meta-value)": "cvs/ada-lovelace.md",
        ]
        for (expression, expected) in expectations {
            XCTAssertEqual(try Validators.xpath(xml, expression).trimmingCharacters(in: .newlines), expected, expression)
        }
    }

    func testBodyNestsSectionsByBlockRange() throws {
        let xml = try JATSWriter().render([TestDocuments.plain])
        let expectations = [
            "string(/article/body/p[1])": "Ada Lovelace",
            "string(/article/body/sec[1]/@sec-type)": "education",
            "string(/article/body/sec[1]/title)": "Education",
            "count(/article/body/sec[1]/list[@list-type='bullet']/list-item)": "2",
            "string(/article/body/sec[2]/sec[1]/title)": "Journal articles",
            "count(/article/body/sec[2]/sec[1]/list[@list-type='order']/list-item)": "1",
            "string(/article/body/sec[2]/sec[2]/p/bold)": "talks",
            "count(/article/body/sec[2]/sec[2]/table-wrap/table/thead/tr/th)": "2",
            "string(/article/body/sec[2]/sec[2]/disp-quote/p)": "Imagination is the discovering faculty.",
            "string(/article/body/sec[2]/sec[2]/code[@language='swift'])": "let x = 1",
            "string(/article/body/p[2]/ext-link/@*[local-name()='href'])": "https://ada.example.org",
        ]
        for (expression, expected) in expectations {
            XCTAssertEqual(try Validators.xpath(xml, expression).trimmingCharacters(in: .newlines), expected, expression)
        }
    }

    func testBackHasAnElementCitationPerPublication() throws {
        let xml = try JATSWriter().render([TestDocuments.plain])
        let expectations = [
            "count(//ref-list/ref)": "7",
            "string(//ref[1]/element-citation/@publication-type)": "journal",
            "string(//ref[1]//person-group[@person-group-type='author']/name[2]/surname)": "Babbage",
            "string(//ref[1]//article-title)": "Notes on the Analytical Engine of DNA",
            "string(//ref[1]//source)": "Scientific Memoirs",
            "string(//ref[1]//year/@iso-8601-date)": "1843-10",
            "string(//ref[1]//fpage)": "666",
            "string(//ref[1]//lpage)": "731",
            "string(//ref[1]//pub-id[@pub-id-type='doi'])": "10.1000/xyz123",
            "string(//ref[1]//pub-id[@pub-id-type='pmid'])": "12345678",
            "string(//ref[1]/mixed-citation)": TestDocuments.plainPublications[0].raw,
            "string(//ref[2]/element-citation/@publication-type)": "chapter",
            "string(//ref[2]//chapter-title)": "On numbers",
            "string(//ref[2]//person-group[@person-group-type='editor']/name/surname)": "Menabrea",
            "string(//ref[2]//publisher-loc)": "Geneva",
            "string(//ref[3]/element-citation/@publication-type)": "preprint",
            "string(//ref[3]//collab)": "The Analytical Engine Consortium",
            "count(//ref[3]//person-group/etal)": "1",
            "string(//ref[3]//pub-id[@pub-id-type='arxiv'])": "2101.00001",
            "string(//ref[3]//comment)": "submitted",
            "string(//ref[4]//surname)": "de Lovelace",
            "string(//ref[4]//source)": "On notes",
            "string(//ref[5]//isbn)": "978-3-16-148410-0",
            "string(//ref[6]//elocation-id)": "e12",
            "string(//ref[6]//ext-link/@*[local-name()='href'])": "https://example.org/notes?id=1&lang=en",
            "count(//ref[7]//year)": "0",
        ]
        for (expression, expected) in expectations {
            XCTAssertEqual(try Validators.xpath(xml, expression).trimmingCharacters(in: .newlines), expected, expression)
        }
    }

    func testAPublicationWithOnlyItsRawTextIsAMixedCitation() throws {
        var document = TestDocuments.plain
        document.profile.publications = [Publication(id: "r", type: "article-journal", raw: "Doe J. Something, 2020."),
                                         Publication(id: "s", type: "book", raw: "")]
        let xml = try JATSWriter().render([document])
        let result = try Validators.xmllintWithCatalog(xml)
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertEqual(try Validators.xpath(xml, "count(//element-citation)").trimmingCharacters(in: .newlines), "0")
        XCTAssertEqual(try Validators.xpath(xml, "string(//ref[1]/mixed-citation)").trimmingCharacters(in: .newlines), "Doe J. Something, 2020.")
    }

    func testAnEmptyDocumentIsStillAValidArticle() throws {
        let xml = try JATSWriter().render([Document(source: TestDocuments.source("empty.md"))])
        let result = try Validators.xmllintWithCatalog(xml)
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertEqual(try Validators.xpath(xml, "string(//article-title)").trimmingCharacters(in: .newlines), "empty.md")
    }

    func testTheEscaperDropsWhatXMLForbidsAndEscapesMarkup() {
        var renderer = XMLRenderer()
        XCTAssertEqual(renderer.escapeText("a<b>&c]]>\u{1}\u{FFFF}\r"), "a&lt;b&gt;&amp;c]]&gt;&#13;")
        XCTAssertEqual(renderer.escapeAttribute("\"x\"\t\n"), "&quot;x&quot;&#9;&#10;")
        XCTAssertEqual(renderer.dropped, ["\u{1}", "\u{FFFF}"])
    }
}
