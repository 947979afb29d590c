@testable import DossierStages
import ReferenceParser
import XCTest

/// The segmenter's keys hashed once (`PublicationSegmenter.FixedKeys`) are the keys of the strings the features spelled:
/// "name=1" for a flag, "name=" for the bias and the first line, "name=true/open" … for two flags, "last=…".
final class FixedKeysTests: XCTestCase {
    private func key(_ name: String, _ value: String) -> UInt32 { GeneralSequences.key(201, name + "=" + value) }

    func testFixedKeysAreTheSpelledOnes() {
        let fixed = PublicationSegmenter.FixedKeys.shared
        XCTAssertEqual(fixed.bias, key("bias", ""))
        XCTAssertEqual(fixed.first, key("first", ""))
        let flags: [(UInt32, String)] = [
            (fixed.section, "section"), (fixed.bold, "bold"), (fixed.numbered, "numbered"), (fixed.dated, "dated"),
            (fixed.leadingYear, "leadingYear"), (fixed.labelled, "labelled"), (fixed.authors, "authors"), (fixed.nameFirst, "nameFirst"),
            (fixed.lower, "lower"), (fixed.quoted, "quoted"), (fixed.year, "year"), (fixed.doi, "doi"), (fixed.url, "url"),
            (fixed.pages, "pages"), (fixed.legend, "legend"), (fixed.applicant, "applicant"), (fixed.previousYear, "previousYear"),
            (fixed.previousDOI, "previousDOI"), (fixed.goesOn, "goesOn"), (fixed.previousBold, "previousBold"), (fixed.sameOpening, "sameOpening"),
        ]
        for (value, name) in flags { XCTAssertEqual(value, key(name, "1"), name) }
        for first in [false, true] {
            for second in [false, true] {
                let index = PublicationSegmenter.FixedKeys.index(first, second)
                let opens = second ? "open" : "wrap"
                XCTAssertEqual(fixed.numberedOpens[index], key("numbered|opens", "\(first)/" + opens))
                XCTAssertEqual(fixed.nameFirstOpens[index], key("nameFirst|opens", "\(first)/" + opens))
                XCTAssertEqual(fixed.goesOnOpens[index], key("goesOn|opens", "\(first)/" + opens))
                XCTAssertEqual(fixed.boldPreviousBold[index], key("bold|previousBold", "\(first)/\(second)"))
            }
        }
        XCTAssertEqual(fixed.lastBlockEnds, key("last", "blockEnds"))
        XCTAssertEqual(fixed.lastGoesOn, key("last", "goesOn"))
        XCTAssertEqual(fixed.lastDocumentEnds, key("last", "documentEnds"))
    }
}
