import Dossier
import Foundation
import XCTest

/// The library's batch engine: results in input order, one failure costs one input, stopping early works.
final class BatchConversionTests: XCTestCase {
    private func input(_ label: String, _ text: String) -> BatchInput {
        BatchInput(label: label) { Data(text.utf8) }
    }

    func testResultsComeBackInInputOrderWithFailuresInPlace() throws {
        var inputs = (0..<23).map { input("doc\($0).md", "# Title \($0)\n\ntext \($0)\n") }
        inputs.insert(BatchInput(label: "broken.md") { throw ReadError("cannot open") }, at: 5)
        inputs.insert(input("empty.md", ""), at: 11)
        let batch = BatchConversion(converter: try Converter(stages: []), jobs: 2)
        var labels: [String] = []
        var failures: [String] = []
        batch.run(inputs) { input, result in
            labels.append(input.label)
            switch result {
            case .success(let document): XCTAssertEqual(document.source.path, input.label)
            case .failure(let error): failures.append("\(input.label): \(error)")
            }
            return true
        }
        XCTAssertEqual(labels, inputs.map(\.label))
        XCTAssertEqual(failures, ["broken.md: cannot open", "empty.md: empty input"])
    }

    func testTheHandlerCanStopTheBatch() throws {
        let inputs = (0..<50).map { input("doc\($0).md", "text \($0)\n") }
        let batch = BatchConversion(converter: try Converter(stages: []), jobs: 2)
        var seen = 0
        let handed = batch.run(inputs) { _, _ in
            seen += 1
            return seen < 3
        }
        XCTAssertEqual(handed, 3)
        XCTAssertEqual(seen, 3)
    }

    func testConvertAllRunsTheDefaultStages() throws {
        let results = BatchConversion(converter: try Converter(), jobs: 1).convertAll([input("cv.md", "# Jane Roe\n\njane@example.org\n")])
        XCTAssertEqual(try results[0].get().profile.person.emails, ["jane@example.org"])
    }

    func testSizesReadAsPeopleReadThem() {
        XCTAssertEqual(ByteSize.describe(1), "1 byte")
        XCTAssertEqual(ByteSize.describe(900), "900 bytes")
        XCTAssertEqual(ByteSize.describe(4096), "4 KB")
        XCTAssertEqual(ByteSize.describe(5000), "4.9 KB")
        XCTAssertEqual(ByteSize.describe(256 << 20), "256 MB")
        XCTAssertEqual(ByteSize.describe(412_000_000), "393 MB")
        XCTAssertEqual(ByteSize.describe(3 << 30), "3 GB")
        XCTAssertEqual(InputTooLarge(bytes: 412_000_000, limit: 256 << 20).description,
                       "393 MB is over the limit of 256 MB (--max-bytes); not read")
        // Sizes that would read the same keep their exact counts.
        XCTAssertEqual(InputTooLarge(bytes: (256 << 20) + 1, limit: 256 << 20).description,
                       "256 MB (268435457 bytes) is over the limit of 256 MB (268435456 bytes) (--max-bytes); not read")
    }
}
