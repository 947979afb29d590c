import Foundation

/// A compiled regular expression with the few operations the stages need, over Swift strings.
///
/// The one regular-expression wrapper in Dossier. Patterns are literals of the code: one that does not compile matches nothing (and its tests fail),
/// so no stage ever traps on a pattern.
package struct TextPattern: Sendable {
    let regex: NSRegularExpression?

    package init(_ pattern: String, caseInsensitive: Bool = false) {
        var options: NSRegularExpression.Options = []
        if caseInsensitive { options.insert(.caseInsensitive) }
        regex = try? NSRegularExpression(pattern: pattern, options: options)
    }

    /// `text` with every pattern metacharacter escaped, to match itself.
    public static func escaped(_ text: String) -> String { NSRegularExpression.escapedPattern(for: text) }

    /// Every match, in order.
    public func matches(in text: String) -> [TextMatch] {
        guard let regex else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { TextMatch($0, in: text) }
    }

    /// The first match, if any.
    public func firstMatch(in text: String) -> TextMatch? { firstMatch(in: text, from: text.startIndex) }

    /// The first match in `text` at or after `start` (`^` matches at `start`; nothing before it is seen).
    public func firstMatch(in text: String, from start: String.Index) -> TextMatch? {
        guard let regex, let result = regex.firstMatch(in: text, range: NSRange(start..., in: text)) else { return nil }
        return TextMatch(result, in: text)
    }

    /// For every match, the first capture group that took part and the range of the whole match.
    public func firstGroups(in text: String) -> [(String, Range<String.Index>)] {
        guard let regex else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { result in
            guard let whole = Range(result.range, in: text) else { return nil }
            for group in 1..<max(result.numberOfRanges, 1) {
                if let range = Range(result.range(at: group), in: text) { return (String(text[range]), whole) }
            }
            return nil
        }
    }

    /// Whether the pattern matches anywhere in `text`: whether `firstMatch(in:)` finds one (its first match falls
    /// on character boundaries), without copying out its groups.
    package func matches(_ text: String) -> Bool {
        guard let regex, let result = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return false }
        return Range(result.range, in: text) != nil
    }

    /// `text` with every match replaced by `template` (`$1` refers to groups).
    package func replacing(in text: String, with template: String) -> String {
        guard let regex else { return text }
        return regex.stringByReplacingMatches(
            in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }
}

/// One match of a `TextPattern`: the whole range and the capture groups (nil when a group did not take part).
package struct TextMatch: Sendable {
    package let range: Range<String.Index>
    let groups: [String?]
    let groupRanges: [Range<String.Index>?]

    /// The match `result` found in `text`, nil if its range does not fall on character boundaries.
    init?(_ result: NSTextCheckingResult, in text: String) {
        guard let range = Range(result.range, in: text) else { return nil }
        self.range = range
        groupRanges = (0..<result.numberOfRanges).map { Range(result.range(at: $0), in: text) }
        groups = groupRanges.map { $0.map { String(text[$0]) } }
    }

    /// Capture group `index`, or nil.
    package func group(_ index: Int) -> String? { index < groups.count ? groups[index] : nil }
}
