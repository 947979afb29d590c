import XCTest
@testable import ReferenceParser

final class TrailingVenueTests: XCTestCase {
    func testATitleThatRunsIntoItsVenueIsCutAfterTheQuestionMark() {
        let (title, venue) = FieldCleaning.splitTrailingVenue("Why do interneurons remap? Invited talk at the Gordon Research Conference")
        XCTAssertEqual(title, "Why do interneurons remap?")
        XCTAssertEqual(venue, "Invited talk at the Gordon Research Conference")
    }

    func testAQuestionInsideATitleStays() {
        let text = "What is a gene? A history of the concept"
        XCTAssertEqual(FieldCleaning.splitTrailingVenue(text).title, text)
        XCTAssertNil(FieldCleaning.splitTrailingVenue(text).venue)
    }
}
