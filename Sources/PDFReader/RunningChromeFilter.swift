import DossierText
import Foundation

/// Removes running headers and footers (the same text, digits aside, at the same place on most pages) and
/// page numbers from the page margins, and says what it removed. The first copy of a running header, and of a
/// running footer that holds an address, is kept.
enum RunningChromeFilter {
    /// The share of the page height at the top and at the bottom where headers and footers live.
    static let margin = 0.14

    /// What was removed, for a diagnostic: the text as printed and the pages.
    struct Removal: Equatable {
        var text: String
        var pages: [Int]
        var variants: Set<String> = []
    }

    /// `pages[i]` are the fragments of page i with its height; returns the pages without chrome.
    static func filter(_ pages: [(fragments: [TextLine], height: Double)]) -> (pages: [[TextLine]], removed: [Removal]) {
        var occurrences: [String: [(page: Int, y: Double)]] = [:]
        for (index, page) in pages.enumerated() {
            for fragment in page.fragments {
                guard let zone = zone(fragment, height: page.height) else { continue }
                let key = zone + "|" + normalized(fragment.text)
                occurrences[key, default: []].append((index, fragment.rect.midY))
            }
        }
        let needed = max(2, Int((Double(pages.count) * 0.5).rounded(.up)))
        var running = Set<String>()
        if pages.count >= 2 {
            for (key, places) in occurrences where Set(places.map(\.page)).count >= needed && !key.hasSuffix("|") {
                let ys = places.map(\.y).sorted()
                let median = ys[ys.count / 2]
                if places.filter({ abs($0.y - median) <= 6 }).count >= needed { running.insert(key) }
            }
        }
        var removed: [String: Removal] = [:]
        var order: [String] = []
        var keptHeaders = Set<String>()
        var result: [[TextLine]] = []
        for (index, page) in pages.enumerated() {
            var kept: [TextLine] = []
            let lowest = page.fragments.map(\.rect.y0).max() ?? 0
            let highest = page.fragments.map(\.rect.y1).min() ?? 0
            for fragment in page.fragments {
                let outermost = fragment.rect.y0 >= lowest - 1 || fragment.rect.y1 <= highest + 1
                if let zone = zone(fragment, height: page.height, scale: outermost ? 1.8 : 1) {
                    let key = zone + "|" + normalized(fragment.text)
                    let isPageNumber = outermost && looksLikePageNumber(fragment.text) && !opensText(fragment, on: page.fragments)
                    // The first copy of a running header stays: it often is the only place of the applicant's name;
                    // so does that of a running footer with an address in it (moderncv's name and e-mail footer).
                    if !isPageNumber, zone == "top" || fragment.text.contains("@"), running.contains(key), !keptHeaders.contains(key) {
                        keptHeaders.insert(key)
                        // A row of its own: "Jane Doe" and "Curriculum Vitae" at both ends of a header stay apart.
                        var header = fragment
                        header.row = keptHeaders.count - 1_000_000
                        kept.append(header)
                        continue
                    }
                    if running.contains(key) || isPageNumber {
                        let group = isPageNumber ? "page numbers" : key
                        if removed[group] == nil {
                            order.append(group)
                            removed[group] = Removal(text: "", pages: [])
                        }
                        removed[group]?.pages.append(index + 1)
                        // Each text as printed once ("1/4 2/4 …", "#468,246 #480,305"), at most 30.
                        let texts = removed[group]?.text ?? ""
                        let seen = removed[group]?.variants ?? []
                        if !seen.contains(fragment.text) {
                            if seen.count < 30 {
                                removed[group]?.text = texts.isEmpty ? fragment.text : texts + " " + fragment.text
                            } else if seen.count == 30 {
                                removed[group]?.text = texts + " …"
                            }
                            removed[group]?.variants.insert(fragment.text)
                        }
                        continue
                    }
                }
                kept.append(fragment)
            }
            result.append(kept)
        }
        return (result, order.compactMap { removed[$0] })
    }

    private static func zone(_ fragment: TextLine, height: Double, scale: Double = 1) -> String? {
        guard height > 0 else { return nil }
        if fragment.rect.y1 <= height * margin * scale { return "top" }
        if fragment.rect.y0 >= height * (1 - margin * scale) { return "bottom" }
        return nil
    }

    /// Lowercased, digits removed, whitespace collapsed: "Page 3 of 8" and "Page 4 of 8" are the same header.
    static func normalized(_ text: String) -> String {
        if text.isAllASCII, !text.utf8.contains(where: { $0 >= 0x1C && $0 <= 0x1F }) {
            // The same on the bytes: in ASCII the digits are 0–9, and the white space tab to carriage return and space.
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            var gap = false
            for byte in text.utf8 where byte < 0x30 || byte > 0x39 {
                if byte.isASCIIWhitespace {
                    gap = true
                    continue
                }
                if gap, !bytes.isEmpty { bytes.append(0x20) }
                gap = false
                bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        let scalars = text.lowercased().unicodeScalars.filter { !CharacterSet.decimalDigits.contains($0) }
        return String(String.UnicodeScalarView(scalars)).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static let pageNumberPattern = TextPattern(
        #"^\s*(page|seite|p\.)?\s*[-–—(\[]?\s*(\d{1,3})\s*[-–—)\]]?\s*((of|/|von)\s*\d{1,4})?\s*$"#, caseInsensitive: true)

    /// A number with text right after it on its row ("[3]" before "Nakashima A T, …" at the top of a page): a list's
    /// marker, not the page's number, which stands apart from any text beside it.
    static func opensText(_ fragment: TextLine, on fragments: [TextLine]) -> Bool {
        let reach = 3 * max(fragment.size, 1)
        return fragments.contains { other in
            other.rect.midY >= fragment.rect.y0 && other.rect.midY <= fragment.rect.y1
                && other.rect.x0 >= fragment.rect.x1 - 0.5 && other.rect.x0 - fragment.rect.x1 <= reach
        }
    }

    /// "3", "- 3 -", "Page 3 of 8", "3/8".
    static func looksLikePageNumber(_ text: String) -> Bool {
        pageNumberPattern.matches(text)
    }
}
