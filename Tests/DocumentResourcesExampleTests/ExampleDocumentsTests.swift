import DocumentResourcesExample
import XCTest

/// The DocumentResources plugin converted the example target's Markdown CV at build time.
final class ExampleDocumentsTests: XCTestCase {
    func testTheBuildToolPluginShipsTheConvertedDocument() throws {
        let document = try ExampleDocuments.exampleCV()
        XCTAssertEqual(document.source.format, .markdown)
        XCTAssertEqual(document.profile.person.name?.literal, "Ines Okafor-Lindqvist")
        XCTAssertEqual(document.profile.publications.map(\.title), [
            "Snowmelt timing in small alpine catchments", "Groundwater recharge under shrinking glaciers",
        ])
        XCTAssertEqual(document.profile.publications.map(\.applicantPosition), [1, 2])
        XCTAssertEqual(document.profile.publications.first?.doi, "10.1016/j.jhydrol.2021.126141")
    }
}
