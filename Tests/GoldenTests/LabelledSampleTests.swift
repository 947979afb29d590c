import Dossier
import DossierModel
import Foundation
import XCTest

/// Every sample that has a label file (`NAME.md.json` beside `NAME.md`) scores right on what the labels say:
/// the applicant's name and e-mails, each heading's kind, the number of publications, referees and entries,
/// and each publication's title and applicant position.
final class LabelledSampleTests: XCTestCase {
    func testEveryLabelledSampleScoresAsLabelled() throws {
        let converter = try Converter()
        var scores: [LabelScore] = []
        for sample in Repository.samples() {
            let labelFile = URL(fileURLWithPath: sample.path + ".json")
            guard let data = try? Data(contentsOf: labelFile) else { continue }
            let labels = try JSONDecoder().decode(DocumentLabels.self, from: data)
            let document = try converter.convert(Data(contentsOf: sample), path: Repository.relativePath(sample))
            scores.append(LabelScore(document, labels: labels))
        }
        XCTAssertGreaterThanOrEqual(scores.count, 17, "labels for the Markdown, HTML and PDF samples")
        let misses = scores.flatMap { score in score.misses.map { "\(score.document): \($0)" } }
        XCTAssert(misses.isEmpty, "\n" + misses.joined(separator: "\n"))
    }
}
