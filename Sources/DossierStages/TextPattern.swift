import Foundation

/// A compiled regular expression with the few operations the stages need, over Swift strings.
///
/// Patterns are literals of this module: one that does not compile matches nothing (and its tests fail),
/// so no stage ever traps on a pattern.
struct TextPattern: Sendable {
    let regex: NSRegularExpression?

    init(_ pattern: String, caseInsensitive: Bool = false) {
        var options: NSRegularExpression.Options = []
        if caseInsensitive { options.insert(.caseInsensitive) }
        regex = try? NSRegularExpression(pattern: pattern, options: options)
    }

    /// Every match, in order.
    func matches(in text: String) -> [TextMatch] {
        guard let regex else { return [] }
        let results = regex.matches(in: text, range: NSRange(text.startIndex..., in: text))
        return results.compactMap { result in
            guard let range = Range(result.range, in: text) else { return nil }
            let groups = (0..<result.numberOfRanges).map { index in
                Range(result.range(at: index), in: text).map { String(text[$0]) }
            }
            let groupRanges = (0..<result.numberOfRanges).map { Range(result.range(at: $0), in: text) }
            return TextMatch(range: range, groups: groups, groupRanges: groupRanges)
        }
    }

    /// The first match, if any.
    func firstMatch(in text: String) -> TextMatch? {
        guard let regex,
            let result = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let range = Range(result.range, in: text)
        else { return nil }
        let groups = (0..<result.numberOfRanges).map { index in
            Range(result.range(at: index), in: text).map { String(text[$0]) }
        }
        let groupRanges = (0..<result.numberOfRanges).map { Range(result.range(at: $0), in: text) }
        return TextMatch(range: range, groups: groups, groupRanges: groupRanges)
    }

    /// Whether the pattern matches anywhere in `text`.
    func matches(_ text: String) -> Bool { firstMatch(in: text) != nil }

    /// `text` with every match replaced by `template` (`$1` refers to groups).
    func replacing(in text: String, with template: String) -> String {
        guard let regex else { return text }
        return regex.stringByReplacingMatches(
            in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }
}

/// One match of a `TextPattern`: the whole range and the capture groups (nil when a group did not take part).
struct TextMatch: Sendable {
    let range: Range<String.Index>
    let groups: [String?]
    let groupRanges: [Range<String.Index>?]

    /// Capture group `index`, or nil.
    func group(_ index: Int) -> String? { index < groups.count ? groups[index] : nil }
}
