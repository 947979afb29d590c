import DossierModel
import Foundation
import XCTest

/// The real CV pages of the shared corpus (skipped when `../shared/corpus` is absent): every `h1`–`h6` with
/// text comes out as a heading block, and no page yields a warning.
final class HTMLCorpusTests: XCTestCase {
    private static let corpus = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/corpus/dev")

    private func pages() throws -> [URL] {
        guard let walker = FileManager.default.enumerator(at: Self.corpus, includingPropertiesForKeys: nil) else {
            throw XCTSkip("no corpus at \(Self.corpus.path)")
        }
        let pages = walker.compactMap { $0 as? URL }.filter { ["html", "htm"].contains($0.pathExtension.lowercased()) }
        if pages.isEmpty { throw XCTSkip("no HTML pages in \(Self.corpus.path)") }
        return pages.sorted { $0.path < $1.path }
    }

    func testEveryHeadingOfTheCorpusPagesIsAHeadingBlock() throws {
        var missing: [String] = []
        var total = 0
        for page in try pages() {
            let data = try Data(contentsOf: page)
            let document = try HTMLTestSupport.read(data)
            let headings = Set(Self.headingTexts(document.blocks))
            for expected in Self.sourceHeadings(String(decoding: data, as: UTF8.self)) {
                total += 1
                if !headings.contains(expected) { missing.append("\(page.lastPathComponent): \(expected)") }
            }
            XCTAssertFalse(document.diagnostics.contains { $0.severity != .info }, "\(page.lastPathComponent): \(document.diagnostics)")
        }
        XCTAssertGreaterThan(total, 0)
        XCTAssert(missing.isEmpty, "headings not read as headings:\n" + missing.joined(separator: "\n"))
    }

    private static func headingTexts(_ blocks: [Block]) -> [String] {
        blocks.flatMap { block -> [String] in
            (block.type == .heading ? [squeeze(block.text)] : []) + headingTexts(block.children)
        }
    }

    /// Parts of a page a browser never shows as content, so no heading is expected from them: comments, inert
    /// `<template>`s, navigation, and a `role="banner"` site header (the reader keeps its title only when the
    /// content has none).
    private static let neverContent = [
        #"<!--[\s\S]*?-->"#, #"<template\b[\s\S]*?</template\s*>"#, #"<nav\b[\s\S]*?</nav\s*>"#,
        #"<header\b[^>]*role=["']?banner[\s\S]*?</header\s*>"#,
    ]

    /// The text of every `<hN>…</hN>` in the source outside `neverContent`, except those marked visually hidden
    /// (`sr-only`, `screen-reader-text`, `visually-hidden`), tags stripped, common entities decoded, spaces squeezed.
    private static func sourceHeadings(_ source: String) -> [String] {
        var html = source
        for pattern in neverContent {
            html = html.replacingOccurrences(of: pattern, with: "", options: [.regularExpression, .caseInsensitive])
        }
        guard let expression = try? NSRegularExpression(pattern: #"<h([1-6])\b([^>]*)>([\s\S]*?)</h\1\s*>"#, options: [.caseInsensitive]) else {
            return []
        }
        return expression.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { match in
            guard let attributes = Range(match.range(at: 2), in: html), let range = Range(match.range(at: 3), in: html) else { return nil }
            let hidden = ["sr-only", "screen-reader-text", "visually-hidden"]
            if hidden.contains(where: { html[attributes].lowercased().contains($0) }) { return nil }
            var text = String(html[range]).replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
            for (entity, character) in ["&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&nbsp;": " "] {
                text = text.replacingOccurrences(of: entity, with: character)
            }
            let squeezed = squeeze(text)
            return squeezed.isEmpty ? nil : squeezed
        }
    }

    private static func squeeze(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
