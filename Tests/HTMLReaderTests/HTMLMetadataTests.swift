import DossierModel
import XCTest

/// `<title>`, `<meta>`, `<html lang>` and schema.org JSON-LD → `metadata`.
final class HTMLMetadataTests: XCTestCase {
    func testTitleMetaAndLang() throws {
        let document = try HTMLTestSupport.read("""
            <html lang="de"><head><title> Jane   Doe | CV </title>
            <meta name="author" content="Jane Doe"><meta name="description" content="Curriculum vitae">
            <meta name="keywords" content="ecology, statistics"><meta property="og:title" content="Jane Doe">
            <meta name="viewport" content="width=device-width"></head><body><p>x</p></body></html>
            """)
        XCTAssertEqual(document.metadata["title"], .string("Jane Doe | CV"))
        XCTAssertEqual(document.metadata["author"], .string("Jane Doe"))
        XCTAssertEqual(document.metadata["description"], .string("Curriculum vitae"))
        XCTAssertEqual(document.metadata["keywords"], .string("ecology, statistics"))
        XCTAssertEqual(document.metadata["og:title"], .string("Jane Doe"))
        XCTAssertEqual(document.metadata["lang"], .string("de"))
        XCTAssertNil(document.metadata["viewport"])
        XCTAssertEqual(document.blocks.map(\.text), ["x"], "head content is not body text")
    }

    func testJSONLDPersonGivesTheAuthor() throws {
        let document = try HTMLTestSupport.read("""
            <html><head><script type="application/ld+json">
            {"@context": "https://schema.org", "@type": "Person", "name": "Ana Sofía Ruiz", "affiliation": {"@type": "Organization", "name": "Uni"}, "age": 40}
            </script></head><body><p>x</p></body></html>
            """)
        XCTAssertEqual(document.metadata["author"], .string("Ana Sofía Ruiz"))
        let objects = try XCTUnwrap(document.metadata["jsonld"]?.arrayValue)
        XCTAssertEqual(objects.count, 1)
        XCTAssertEqual(objects.first?.objectValue?["age"], .int(40))
        XCTAssertEqual(objects.first?.objectValue?["affiliation"]?.objectValue?["name"], .string("Uni"))
    }

    func testMetaAuthorWinsOverJSONLD() throws {
        let document = try HTMLTestSupport.read("""
            <meta name="author" content="Meta Name"><script type="application/ld+json">{"@type":"Person","name":"LD Name"}</script><p>x</p>
            """)
        XCTAssertEqual(document.metadata["author"], .string("Meta Name"))
    }

    func testJSONLDGraphAndArrays() throws {
        let document = try HTMLTestSupport.read("""
            <script type="application/ld+json">[{"@type":"WebSite","name":"Site"},{"@graph":[{"@type":["Person"],"givenName":"Kai","familyName":"Wu"}]}]</script><p>x</p>
            """)
        XCTAssertEqual(document.metadata["jsonld"]?.arrayValue?.count, 2)
        XCTAssertEqual(document.metadata["author"], .string("Kai Wu"))
    }

    func testInvalidJSONLDIsAWarningNotAFailure() throws {
        let document = try HTMLTestSupport.read("<script type=\"application/ld+json\">{\"@type\": \"Person\",</script><p>x</p>")
        XCTAssertNil(document.metadata["jsonld"])
        XCTAssertEqual(document.diagnostics.map(\.severity), [.warning])
        XCTAssertEqual(document.blocks.map(\.text), ["x"])
    }
}
