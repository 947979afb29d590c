import Foundation

/// Classes that the page's own `<style>` makes bold, italic or underlined (`.me { font-weight: bold }`), so that
/// an applicant's name highlighted by a class counts as strong, as a reader of the page sees it.
///
/// Only simple rules are read: `.name` or `tag.name` selectors (comma lists allowed); descendant and other
/// selectors, and external stylesheets, are not.
struct StyleSheetHints {
    /// No hints (a page without `<style>`).
    static let none = StyleSheetHints(classStyles: [:])

    /// ".class" or "tag.class" → the styles its rule gives.
    private var classStyles: [String: [InlineStyle]]

    private init(classStyles: [String: [InlineStyle]]) {
        self.classStyles = classStyles
    }

    init(_ root: HTMLNode) {
        classStyles = [:]
        for style in root.elements(named: ["style"]) { read(style.textContent) }
    }

    /// The styles the element's classes give it.
    func styles(for node: HTMLNode) -> [InlineStyle] {
        guard !classStyles.isEmpty, let classes = node.attributes["class"] else { return [] }
        var styles: [InlineStyle] = []
        for name in classes.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
            let rules = (classStyles["." + name] ?? []) + (classStyles[node.name + "." + name] ?? [])
            for style in rules where !styles.contains(style) { styles.append(style) }
        }
        return styles
    }

    private mutating func read(_ css: String) {
        let text = css.replacingOccurrences(of: #"/\*[\s\S]*?\*/"#, with: "", options: .regularExpression)
        guard let rule = try? NSRegularExpression(pattern: #"([^{}]+)\{([^{}]*)\}"#) else { return }
        let range = NSRange(text.startIndex..., in: text)
        for match in rule.matches(in: text, range: range) {
            guard let selectors = Range(match.range(at: 1), in: text), let body = Range(match.range(at: 2), in: text) else { continue }
            let styles = HTMLVocabulary.inlineStyles(inStyleAttribute: String(text[body]))
            guard !styles.isEmpty else { continue }
            for selector in text[selectors].split(separator: ",") {
                guard let name = Self.className(selector.trimmingCharacters(in: .whitespacesAndNewlines)) else { continue }
                classStyles[name, default: []] += styles.filter { !(classStyles[name] ?? []).contains($0) }
            }
        }
    }

    /// `.me` → ".me", `SPAN.me` → "span.me" (the rule applies to that element only); anything more complex → nil.
    private static func className(_ selector: String) -> String? {
        let parts = selector.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].allSatisfy({ $0.isLetter || $0.isNumber }) else { return nil }
        let name = parts[1]
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else { return nil }
        return parts[0].lowercased() + "." + name
    }
}
