import DossierModel
import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Provenance, broken pages, hostile pages, big pages, parallel reads.
final class HTMLRobustnessTests: XCTestCase {
    func testProvenanceLinesSpanEachBlock() throws {
        let html = """
            <html>
            <body>
            <h1>Jane Doe</h1>
            <p>First line
            second line
            third line</p>
            <ul>
              <li>One</li>
              <li>Two
                  continued</li>
            </ul>
            Loose text
            <table>
              <tr><td>a</td><td>b</td></tr>
            </table>
            </body>
            </html>
            """
        let blocks = try HTMLTestSupport.read(html).blocks
        XCTAssertEqual(blocks.map(\.type), [.heading, .paragraph, .list, .paragraph, .table])
        XCTAssertEqual(blocks.map(\.provenance.lines), [[3, 3], [4, 6], [7, 11], [12, 12], [13, 15]])
        XCTAssertEqual(blocks[2].items?.map(\.provenance.lines), [[8, 8], [9, 10]])
        XCTAssertEqual(blocks[4].rows?.first?.provenance.lines, [14, 14])
    }

    func testImpliedEndTagsEndAtTheLastContent() throws {
        let html = "<ul>\n<li>One\n\n\n<li>Two\n</ul>"
        let items = try XCTUnwrap(try HTMLTestSupport.read(html).blocks.first?.items)
        XCTAssertEqual(items.map(\.provenance.lines), [[2, 2], [5, 5]])
    }

    func testUnclosedHeadingDoesNotSwallowTheNextOne() throws {
        let blocks = try HTMLTestSupport.read("<body><h1>Jane Doe\n<h2>Education</h2>\n<p>PhD 2010</p></body>").blocks
        XCTAssertEqual(blocks.map(\.type), [.heading, .heading, .paragraph])
        XCTAssertEqual(blocks.map(\.text), ["Jane Doe", "Education", "PhD 2010"])
        XCTAssertEqual(blocks.compactMap(\.level), [1, 2])
        XCTAssertEqual(blocks.map(\.provenance.lines), [[1, 1], [2, 2], [3, 3]])
    }

    func testEveryLineIsAtLeastOne() throws {
        let blocks = try HTMLTestSupport.read("<p>a</p><div><span>b</span></div><hr><table><tr><td>c</td><td>d</td></tr></table>").blocks
        for block in blocks {
            let lines = try XCTUnwrap(block.provenance.lines)
            XCTAssertGreaterThanOrEqual(lines[0], 1)
            XCTAssertGreaterThanOrEqual(lines[1], lines[0])
        }
    }

    func testMalformedPagesDoNotCrash() throws {
        let pages = [
            "<h1>Unclosed heading<h2>Next",
            "<p><b><i>crossed</b></i></p></div></span></table>",
            "<table><td>cell without row<tr>text in table</table>",
            "<ul><li>one<li>two</ol>",
            "</p></p><<<>>>&&&;<!-- unclosed comment",
            "<html><body><p>text</body></html><p>after the end</p>",
            "<\u{0}p>nul</p>",
            "",
            "   ",
            "<!DOCTYPE",
        ]
        for page in pages {
            XCTAssertNoThrow(try HTMLTestSupport.read(page), page)
        }
        let recovered = try HTMLTestSupport.read("<h1>Unclosed heading<h2>Next")
        XCTAssertTrue(recovered.blocks.map(\.text).joined().contains("Next"), "recovery keeps the text")
    }

    func testPageWithoutTextSaysSo() throws {
        let document = try HTMLTestSupport.read("<html><body><div id=\"root\"></div><script src=\"/app.js\"></script></body></html>")
        XCTAssertTrue(document.blocks.isEmpty)
        XCTAssertEqual(document.diagnostics.map(\.severity), [.warning])
        XCTAssertTrue(document.diagnostics.first?.message.contains("JavaScript") ?? false)
    }

    func testDeepNestingDoesNotExhaustTheStack() throws {
        let depth = 20_000
        let html = String(repeating: "<div><span>", count: depth) + "deep" + String(repeating: "</span></div>", count: depth)
        let result = ResultBox(count: 1)
        let done = expectation(description: "parsed on a small stack")
        let thread = Thread {
            result.set(0, try? HTMLTestSupport.read(html))
            done.fulfill()
        }
        // A small worker-thread stack (debug frames are large; release ones far smaller).
        thread.stackSize = 1024 * 1024
        thread.start()
        wait(for: [done], timeout: 120)
        let text = result.get(0)?.blocks.map(\.text).joined() ?? ""
        XCTAssertEqual(text, "deep")
    }

    func testEntitiesAndExternalDTDsAreNeverExpandedNorFetched() throws {
        #if canImport(Glibc)
        let listener = try XCTUnwrap(LocalListener())
        defer { listener.close() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("html-dtd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let dtd = directory.appendingPathComponent("cv.dtd")
        try "<!ENTITY fromfile \"SECRET-FROM-FILE\">".write(to: dtd, atomically: true, encoding: .utf8)
        let html = """
            <!DOCTYPE html SYSTEM "http://127.0.0.1:\(listener.port)/cv.dtd" [
              <!ENTITY inline "EXPANDED-INLINE">
              <!ENTITY remote SYSTEM "http://127.0.0.1:\(listener.port)/remote.txt">
              <!ENTITY % file SYSTEM "\(dtd.absoluteString)"> %file;
            ]>
            <html><head><link rel="stylesheet" href="http://127.0.0.1:\(listener.port)/style.css"></head>
            <body><p>a &inline; b &remote; c &fromfile;</p><img src="http://127.0.0.1:\(listener.port)/x.png"></body></html>
            """
        let document = try HTMLTestSupport.read(html)
        let text = document.blocks.map(\.text).joined(separator: "\n")
        XCTAssertFalse(text.contains("EXPANDED-INLINE"))
        XCTAssertFalse(text.contains("SECRET-FROM-FILE"))
        XCTAssertFalse(listener.hadConnection(), "the reader must never touch the network")
        #else
        throw XCTSkip("needs Glibc sockets")
        #endif
    }

    func testFiveMegabytePageParsesInReasonableTime() throws {
        var html = "<html><head><title>Big</title></head><body>\n"
        var index = 0
        while html.utf8.count < 5_000_000 {
            html += "<h2>Section \(index)</h2>\n<p>Doe, J., <b>Roe, R.</b> (2020). A title of a paper number \(index). <i>Journal</i>, 1(2), 3–4. https://doi.org/10.1000/\(index)</p>\n"
            html += "<ul><li>item one \(index)</li><li>item two</li></ul><table><tr><td>2019</td><td>Award \(index)</td></tr></table>\n"
            index += 1
        }
        html += "</body></html>"
        let start = Date()
        let document = try HTMLTestSupport.read(html)
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertEqual(document.blocks.filter { $0.type == .heading }.count, index)
        XCTAssertLessThan(elapsed, 60, "5 MB took \(elapsed) s")
        print("5 MB HTML page: \(index) sections in \(String(format: "%.2f", elapsed)) s")
    }

    func testFiveMegabytesOfTextInOneElementIsLinear() throws {
        let line = "Doe, J. (2020). A long preformatted bibliography line with words.\n"
        let body = String(repeating: line, count: 5_000_000 / line.utf8.count)
        let start = Date()
        let document = try HTMLTestSupport.read("<pre>\(body)</pre><p>after</p>")
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertEqual(document.blocks.map(\.type), [.code, .paragraph])
        XCTAssertEqual(document.blocks.first?.provenance.lines, [1, body.filter { $0 == "\n" }.count + 1], "ends on the </pre> line")
        XCTAssertLessThan(elapsed, 30, "one 5 MB text node took \(elapsed) s")
    }

    func testParallelReadsAgree() throws {
        let html = (0..<200).map { "<h2>S\($0)</h2><p>Text <b>\($0)</b> é</p>" }.joined()
        let expected = try HTMLTestSupport.read(html)
        let results = ResultBox(count: 16)
        DispatchQueue.concurrentPerform(iterations: 16) { slot in
            results.set(slot, try? HTMLTestSupport.read(html))
        }
        for slot in 0..<16 { XCTAssertEqual(results.get(slot), expected) }
    }
}

/// Results written from several threads.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Document?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Document?) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    func get(_ index: Int) -> Document? {
        lock.lock()
        defer { lock.unlock() }
        return values[index]
    }
}

#if canImport(Glibc)
/// A TCP socket listening on 127.0.0.1 that only records whether anyone connected.
private final class LocalListener {
    private let descriptor: Int32
    let port: UInt16

    init?() {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(descriptor, generic, length) == 0 && listen(descriptor, 8) == 0
                    && getsockname(descriptor, generic, &length) == 0
            }
        }
        guard bound else {
            Glibc.close(descriptor)
            return nil
        }
        self.descriptor = descriptor
        port = UInt16(bigEndian: address.sin_port)
        _ = fcntl(descriptor, F_SETFL, O_NONBLOCK)
    }

    func hadConnection() -> Bool {
        let connection = accept(descriptor, nil, nil)
        if connection >= 0 { Glibc.close(connection) }
        return connection >= 0
    }

    func close() { Glibc.close(descriptor) }
}
#endif
