import Dossier
import XCTest

/// `--stages` spellings resolved against the standard registry.
final class StageSelectionTests: XCTestCase {
    private let defaults = Registry.standard.defaultStages
    private let known = Registry.standard.stages.map(\.name)

    private func names(_ spelling: String?) throws -> [String] {
        try StageSelection(spelling).names(defaults: defaults, known: known)
    }

    func testDefaultNoneAndLists() throws {
        XCTAssertEqual(try names(nil), defaults)
        XCTAssertEqual(try names("default"), defaults)
        XCTAssertEqual(try names(""), [])
        XCTAssertEqual(try names("none"), [])
        XCTAssertEqual(try names(" sections , contact "), ["sections", "contact"])
    }

    func testEditsApplyToTheDefaultList() throws {
        XCTAssertEqual(try names("-authorship"), defaults.filter { $0 != "authorship" })
        XCTAssertEqual(try names("-authorship,+authorship"), defaults.filter { $0 != "authorship" } + ["authorship"])
        XCTAssertEqual(try names("+my-check"), defaults + ["my-check"])
        XCTAssertEqual(try names("none,+sections,+contact"), ["sections", "contact"])
        XCTAssertEqual(try names("+sections"), defaults, "adding a stage already selected changes nothing")
    }

    func testBadEditsAreErrorsNamingTheKnownStages() {
        XCTAssertThrowsError(try names("-nope")) { error in
            XCTAssertEqual(error as? StageSelectionError, .unknown("nope", known: known))
            XCTAssertTrue("\(error)".contains("known: normalize, sections"), "\(error)")
        }
        XCTAssertThrowsError(try names("none,-sections")) { error in
            XCTAssertEqual(error as? StageSelectionError, .notSelected("sections", selected: []))
        }
        XCTAssertThrowsError(try names("+")) { error in XCTAssertEqual(error as? StageSelectionError, .emptyName("+")) }
    }

    func testThePipelineFindsRegisteredStagesAndRefusesUnknownOnes() throws {
        let pipeline = try StageSelection("-authorship").pipeline(registry: .standard, filters: ["cat"], searchPath: "")
        XCTAssertEqual(pipeline.stages.map(\.name), defaults.filter { $0 != "authorship" } + ["filter"])
        XCTAssertThrowsError(try StageSelection("+nope").pipeline(registry: .standard, searchPath: "")) { error in
            XCTAssertEqual(error as? StageSelectionError, .unknown("nope", known: known))
        }
    }
}
