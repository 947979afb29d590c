import Foundation
import XCTest

/// `dossier review` on the three applicants of samples/packets/, loaded in a real browser: headless Chromium prints
/// the DOM after the page's script ran, and the test checks it (every applicant in the index, the sort, every
/// publication and every warning on each applicant's page) and writes screenshots to `.build/review-screenshots/`.
/// Skipped, with a message, where Chromium is not installed (`apt-get install chromium`; `DOSSIER_CHROMIUM` names another).
final class ReviewSiteBrowserTests: XCTestCase {
    static let screenshots = CLIRunner.repository.appendingPathComponent(".build/review-screenshots")

    func chromium() throws -> String {
        if let chosen = ProcessInfo.processInfo.environment["DOSSIER_CHROMIUM"] { return chosen }
        for candidate in ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        throw XCTSkip("headless Chromium not found (apt-get install chromium, or set DOSSIER_CHROMIUM): the review site was not loaded in a browser")
    }

    /// Runs headless Chromium on a file:// URL with a throwaway profile; returns what it printed on stdout.
    func browse(_ url: String, _ arguments: [String], profile: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try chromium())
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                             "--user-data-dir=\(profile.path)", "--virtual-time-budget=2000"] + arguments + [url]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "chromium \(arguments) \(url)")
        return String(decoding: data, as: UTF8.self)
    }

    func testTheReviewSiteLoadsInChromiumWithEveryPublicationAndWarning() throws {
        _ = try chromium()
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let site = directory.appendingPathComponent("review")
        let profile = directory.appendingPathComponent("profile")
        let review = try CLIRunner.run(["review", "samples/packets/", "-o", site.path])
        XCTAssertEqual(review.status, 0, review.stderr)

        // What every page must show: the records themselves.
        let converted = try CLIRunner.run(["convert", "samples/packets/", "--group-by", "folder", "--to", "ndjson"])
        let records = try converted.stdout.split(separator: "\n").map { line in
            try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        XCTAssertEqual(records.count, 3)

        let index = try browse(site.appendingPathComponent("index.html").absoluteString + "#sort=3", ["--dump-dom"], profile: profile)
        XCTAssertEqual(index.components(separatedBy: "<tr class=\"applicant\"").count - 1, 3, index)
        // Sorted by publications, most first, by the page's own script.
        let counts = Dictionary(uniqueKeysWithValues: records.map { ($0["key"] as? String ?? "", ($0["publications"] as? [Any])?.count ?? 0) })
        let shown = counts.keys.sorted { (index.range(of: "<small>\($0)</small>")?.lowerBound ?? index.endIndex) < (index.range(of: "<small>\($1)</small>")?.lowerBound ?? index.endIndex) }
        let shownCounts = shown.map { counts[$0] ?? 0 }
        XCTAssertEqual(shownCounts, shownCounts.sorted(by: >), "rows sorted by publications, most first: \(shown)")
        XCTAssertTrue(index.contains("data-order=\"desc\""), "the sorted column is marked")

        var warningsShown = 0
        for record in records {
            let key = try XCTUnwrap(record["key"] as? String)
            let url = site.appendingPathComponent("applicants/\(key).html").absoluteString
            let dom = try browse(url, ["--dump-dom"], profile: profile)
            let publications = try XCTUnwrap(record["publications"] as? [[String: Any]])
            XCTAssertEqual(dom.components(separatedBy: "<article class=\"publication").count - 1, publications.count, key)
            for publication in publications {
                let id = try XCTUnwrap(publication["id"] as? String)
                XCTAssertTrue(dom.contains("id=\"\(id)\""), "\(key) \(id)")
                if let title = publication["title"] as? String { XCTAssertTrue(dom.contains(escaped(title)), "\(key): \(title)") }
                let sources = publication["sources"] as? [Any] ?? []
                XCTAssertTrue(dom.contains("id=\"\(id)\" data-sources=\"\(sources.count)\""), "\(key) \(id) sources")
            }
            XCTAssertTrue(dom.contains("<mark class=\"f-me\""), "\(key): the applicant is marked")
            let warnings = (record["diagnostics"] as? [[String: Any]] ?? []).filter { $0["severity"] as? String != "info" }
            XCTAssertEqual(dom.components(separatedBy: "<li class=\"warning").count - 1, warnings.count, key)
            for warning in warnings {
                let message = try XCTUnwrap(warning["message"] as? String)
                XCTAssertTrue(dom.contains(escaped(message)), "\(key): warning not shown: \(message)")
                warningsShown += 1
            }
            // Warnings come before the publications.
            if let warningsAt = dom.range(of: "id=\"warnings\""), let publicationsAt = dom.range(of: "id=\"publications\"") {
                XCTAssertLessThan(warningsAt.lowerBound, publicationsAt.lowerBound, key)
            } else {
                XCTFail("\(key): no warnings or publications section")
            }
        }
        XCTAssertGreaterThan(warningsShown, 0, "the samples hold at least one conflict to show")

        try FileManager.default.createDirectory(at: Self.screenshots, withIntermediateDirectories: true)
        for (page, fragment, name) in [("index.html", "#sort=3", "index.png"), ("applicants/jonas-lindqvist.html", "", "jonas-lindqvist.png"),
                                       ("applicants/amara-okafor.html", "", "amara-okafor.png")] {
            let shot = Self.screenshots.appendingPathComponent(name)
            try? FileManager.default.removeItem(at: shot)
            let size = page == "index.html" ? "1280,700" : "1280,2600"
            _ = try browse(site.appendingPathComponent(page).absoluteString + fragment, ["--window-size=\(size)", "--screenshot=\(shot.path)"], profile: profile)
            let bytes = (try? FileManager.default.attributesOfItem(atPath: shot.path)[.size] as? Int) ?? 0
            XCTAssertGreaterThan(bytes, 10_000, "screenshot \(shot.path)")
        }
        print("review screenshots: \(Self.screenshots.path)")
    }

    /// Text as the DOM serializer writes it inside an element.
    private func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
