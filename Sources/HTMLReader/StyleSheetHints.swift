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

    /// Reads the rules of one style sheet in one pass, without a regular expression (the pattern
    /// `([^{}]+)\{([^{}]*)\}` took 15 s on a 40 KB style sheet without braces, trying every start). A rule is
    /// the text since the last brace (not empty), `{`, a body without braces, `}`; a `{` met inside a body (an
    /// `@media` block) starts over from there, so the rules inside `@media` are read, as the pattern did.
    private mutating func read(_ css: String) {
        let text = Self.withoutComments(Array(css.utf8))
        var segmentStart = 0
        var selectors: Range<Int>?
        for (index, byte) in text.enumerated() {
            if byte == UInt8(ascii: "{") {
                selectors = segmentStart < index ? segmentStart..<index : nil
                segmentStart = index + 1
            } else if byte == UInt8(ascii: "}") {
                if let selectors { addRule(selectors: text[selectors], body: text[segmentStart..<index]) }
                selectors = nil
                segmentStart = index + 1
            }
        }
    }

    private mutating func addRule(selectors: ArraySlice<UInt8>, body: ArraySlice<UInt8>) {
        let styles = HTMLVocabulary.inlineStyles(inStyleAttribute: String(decoding: body, as: UTF8.self))
        guard !styles.isEmpty else { return }
        for selector in String(decoding: selectors, as: UTF8.self).split(separator: ",") {
            guard let name = Self.className(selector.trimmingCharacters(in: .whitespacesAndNewlines)) else { continue }
            classStyles[name, default: []] += styles.filter { !(classStyles[name] ?? []).contains($0) }
        }
    }

    /// The bytes with every closed `/* … */` comment removed; an unclosed one is left as written (as the
    /// pattern `/\*[\s\S]*?\*/` left it). Linear: once a `/*` finds no `*/` after it, none after it will.
    static func withoutComments(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "*") {
                var close = index + 2
                while close + 1 < bytes.count, !(bytes[close] == UInt8(ascii: "*") && bytes[close + 1] == UInt8(ascii: "/")) { close += 1 }
                if close + 1 < bytes.count {
                    index = close + 2
                    continue
                }
                result += bytes[index...]
                break
            }
            result.append(bytes[index])
            index += 1
        }
        return result
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
