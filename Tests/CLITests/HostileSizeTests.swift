import Foundation
import XCTest

/// The large hostile inputs of issue 12, made at run time (nothing big is committed): a one-line Markdown file of
/// many megabytes in its shapes, long publication tables (Markdown and HTML) and reference lists, and 20,000 e-mail
/// addresses in one paragraph. Each converts with its expected lines on stderr and exit code, in a time bounded
/// generously for a loaded CI machine running a debug build; the long lists grow linearly in CPU time.
final class HostileSizeTests: XCTestCase {
    private func write(_ text: String, _ name: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    private func ndjson(_ output: String) -> [String: [String: Any]] {
        var documents: [String: [String: Any]] = [:]
        for line in output.split(separator: "\n") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let source = object["source"] as? [String: Any], let path = source["path"] as? String else { continue }
            documents[(path as NSString).lastPathComponent] = object
        }
        return documents
    }

    private func publications(_ document: [String: Any]?) -> Int {
        ((document?["profile"] as? [String: Any])?["publications"] as? [Any])?.count ?? -1
    }

    /// A 3 MB line (the 100 MB file behaves the same: only the first MiB of a line is read) and 2 MB lines of
    /// other shapes: each reads its first MiB, makes no autolinks, and the stages see 64 KiB of the line.
    func testHugeOneLineMarkdownFilesEndEarlyAndSaySo() throws {
        let directory = try makeTemporaryDirectory()
        let shapes: [(name: String, piece: String, bytes: Int)] = [
            ("words.md", "word ", 3_000_000), ("no-spaces.md", "x", 2_000_000), ("emphasis.md", "*emph* word ", 2_000_000),
            ("addresses.md", "j.doe@example.org ", 2_000_000), ("urls.md", "https://example.org/a?b=1 ", 2_000_000),
        ]
        var paths: [String: String] = [:]
        for shape in shapes {
            let line = String(repeating: shape.piece, count: shape.bytes / shape.piece.utf8.count)
            paths[shape.name] = try write("# Jane Roe\n\n" + line + "\n", shape.name, in: directory)
        }
        let started = Date()
        let output = try CLIRunner.run(["convert", directory.path, "--to", "ndjson"])
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertEqual(output.status, 0, output.stderr)
        let documents = ndjson(output.stdout)
        XCTAssertEqual(documents.count, shapes.count, output.stderr)
        let lines = output.stderr.split(separator: "\n").map(String.init)
        for shape in shapes {
            let path = try XCTUnwrap(paths[shape.name])
            let size = String(format: "%.1f", Double(shape.bytes) / 1_048_576)
            let expected = [
                "\(path): warning: [read-markdown] line 3 is \(size) MB long; only its first 1.0 MB were read",
                "\(path): warning: [read-markdown] line 3 is longer than 64 KB; bare web and e-mail addresses in the document were left as text, not made links",
            ]
            for line in expected { XCTAssertTrue(lines.contains(line), "\(line)\n\(output.stderr)") }
            XCTAssertTrue(lines.contains { $0.hasPrefix("\(path): warning: [reader] a line of text is ") && $0.hasSuffix("; only its first 64 KB were kept for the stages") },
                          output.stderr)
            XCTAssertEqual(lines.filter { $0.hasPrefix(path + ":") }.count, 3, output.stderr)
        }
        XCTAssertEqual(lines.last, "dossier: \(shapes.count) converted, 0 failed, \(3 * shapes.count) warnings")
        XCTAssertLessThan(elapsed, 90, "a release build takes well under a second a file")
    }

    /// The long inputs of a shape at `count` items: a Markdown table, an HTML table and a numbered reference list.
    private func longInputs(_ count: Int) -> [(name: String, text: String)] {
        var table = "# Jane Roe\n\njane@example.org\n\n# Publications\n\n| Year | Authors | Title | Venue |\n|---|---|---|---|\n"
        var html = "<html><body><h1>Jane Roe</h1><p>jane@example.org</p><h2>Publications</h2><table>\n<tr><th>Year</th><th>Authors</th><th>Title</th><th>Venue</th></tr>\n"
        var list = "# Jane Roe\n\n## Publications\n\n"
        for index in 0..<count {
            let venue = "Journal of Things \(index % 40), 12(3):\(index)-\(index + 10), doi:10.1000/x\(index)"
            table += "| \(2000 + index % 25) | Roe, J., Doe, A. and Lee, K. | A study of thing number \(index) in systems | \(venue) |\n"
            html += "<tr><td>\(2000 + index % 25)</td><td>Roe, J., Doe, A. and Lee, K.</td><td>A study of thing number \(index) in systems</td><td>\(venue)</td></tr>\n"
            list += "\(index + 1). Roe, J., Doe, A., and Lee, K. (\(2000 + index % 25)). A study of thing number \(index) in systems. *Journal of Things*, \(index % 40)(3), \(index)-\(index + 10). https://doi.org/10.1000/x\(index)\n"
        }
        html += "</table></body></html>\n"
        // One address a line: each line's address was compared with every linked address (20,000 took 49 s).
        let addresses = "# Jane Roe\n\n" + (0..<count).map { "user\($0)@example\($0 % 97).org" }.joined(separator: "\n") + "\n"
        return [("table.md", table), ("table.html", html), ("references.md", list), ("addresses.md", addresses)]
    }

    /// CPU seconds (user + system) of the child processes this test process has waited for.
    private func childCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// Long tables and lists: every row and item is one publication (every line of the address list one e-mail), and
    /// no step is super-linear. Four times the items must cost at most six times the CPU time (linear costs at most
    /// four times, start-up included; the quadratic steps this guards against cost sixteen, and took tens of seconds
    /// at 4,000 items). CPU time, not wall time, so that the other builds on a loaded machine do not count; sizes
    /// small enough for a debug build.
    func testLongTablesAndListsGrowLinearly() throws {
        let (small, large) = (400, 1_600)
        var seconds: [Int: [String: Double]] = [:]
        for count in [small, large] {
            let directory = try makeTemporaryDirectory()
            for input in longInputs(count) {
                let path = try write(input.text, input.name, in: directory)
                let before = childCPUSeconds()
                let output = try CLIRunner.run(["convert", path, "--isolation", "none", "--to", "json", "-q"])
                seconds[count, default: [:]][input.name] = childCPUSeconds() - before
                XCTAssertEqual(output.status, 0, output.stderr)
                let document = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
                if input.name == "addresses.md" {
                    let person = (document?["profile"] as? [String: Any])?["person"] as? [String: Any]
                    XCTAssertEqual((person?["emails"] as? [Any])?.count, count, "addresses at \(count)")
                } else {
                    XCTAssertEqual(publications(document), count, "\(input.name) at \(count)")
                }
            }
        }
        for name in ["table.md", "table.html", "references.md", "addresses.md"] {
            let (few, many) = (seconds[small]?[name] ?? 0, seconds[large]?[name] ?? 0)
            XCTAssertLessThan(many, 6 * max(few, 0.05), "\(name): \(small) items \(few) s of CPU, \(large) items \(many) s")
            XCTAssertLessThan(many, 60, "\(name): a release build takes under a second")
        }
    }

    /// A 2,000-page PDF: its first 400 pages are read, and the cut is a warning on stderr (it was only inside the
    /// JSON).
    func testAPDFOfTwoThousandPagesIsCutWithAWarningOnStandardError() throws {
        let pages = 2_000
        var objects = ["<< /Type /Catalog /Pages 2 0 R >>",
                       "<< /Type /Pages /Kids [\((0..<pages).map { "\(3 + 2 * $0) 0 R" }.joined(separator: " "))] /Count \(pages) >>"]
        for index in 0..<pages {
            let content = "BT /F1 12 Tf 72 720 Td (Page \(index + 1) of the long list of Jane Roe) Tj ET"
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents \(4 + 2 * index) 0 R /Resources << /Font << /F1 \(3 + 2 * pages) 0 R >> >> >>")
            objects.append("<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream")
        }
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let table = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n" + offsets.map { String(format: "%010d 00000 n \n", $0) }.joined()
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(table)\n%EOF\n"
        let path = try write(pdf, "long.pdf", in: try makeTemporaryDirectory())
        let started = Date()
        let output = try CLIRunner.run(["convert", path, "--to", "json"])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertEqual(output.stderr, "\(path): warning: [read-pdf] only the first 400 of 2000 pages read\n")
        XCTAssertLessThan(Date().timeIntervalSince(started), 60)
    }

    /// 20,000 addresses in one paragraph: one 455 KB line, of which the stages see the first 64 KB, and two warnings
    /// say why.
    func testTwentyThousandAddressesInOneParagraph() throws {
        let directory = try makeTemporaryDirectory()
        let addresses = "# Jane Roe\n\n" + (0..<20_000).map { "user\($0)@example\($0 % 97).org" }.joined(separator: " ") + "\n"
        let paragraph = try write(addresses, "addresses.md", in: directory)
        let started = Date()
        let output = try CLIRunner.run(["convert", paragraph, "--to", "ndjson"])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertEqual(output.stderr.split(separator: "\n").map(String.init), [
            "\(paragraph): warning: [read-markdown] line 3 is longer than 64 KB; bare web and e-mail addresses in the document were left as text, not made links",
            "\(paragraph): warning: [reader] a line of text is 455 KB long; only its first 64 KB were kept for the stages",
        ])
        XCTAssertLessThan(Date().timeIntervalSince(started), 60, "a release build takes 0.15 s")
    }
}
