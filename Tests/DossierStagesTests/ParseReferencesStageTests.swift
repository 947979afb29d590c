import DossierModel
import DossierPipeline
import DossierStages
import DossierText
import XCTest

final class ParseReferencesStageTests: XCTestCase {
    private func parsed(_ raw: String) throws -> Publication? {
        var document = Document(source: Source(path: "t", format: .pdf, bytes: 0, sha256: ""), blocks: [])
        document.profile.publications = [Publication(id: "ref1", type: SplitReferencesStage.untyped, raw: raw)]
        return try ParseReferencesStage().run(document, context: StageContext()).profile.publications.first
    }

    func testATypesetEllipsisInTheAuthorsKeepsTheTitle() throws {
        let raw = "Forsythe, A., Fontaine, N., Bissonnette, J., Hayashi, B., Insuk, C., Ghosh, S., . . . Cheeptham, N. (2022). "
            + "Microbial isolates with antifungal activities from western canadian bat wings. Scientific Reports."
        let publication = try XCTUnwrap(try parsed(raw))
        XCTAssertEqual(publication.title, "Microbial isolates with antifungal activities from western canadian bat wings")
        XCTAssertEqual(publication.raw, raw, "the raw reference stays as written")
        XCTAssertEqual(publication.author?.first?.family, "Forsythe")
    }
}
