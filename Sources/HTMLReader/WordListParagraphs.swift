import DossierText
import DossierModel
import Foundation

/// Word's "Save as Web Page" writes list items as paragraphs (`<p class=MsoListParagraph style='mso-list:l0
/// level1 lfo1'>`) whose marker sits in a `<span style='mso-list:Ignore'>`. A run of such paragraphs becomes a
/// `list` of `item`s with that marker ("1.", "a)", or "•" for Word's Symbol-font bullet "·"), ordered when the
/// markers are numbers or letters. Levels are not nested: every item of the run is one list.
extension HTMLBlockWalker {
    /// Whether a node is one of Word's list paragraphs.
    static func isWordListParagraph(_ node: HTMLNode) -> Bool {
        guard node.isElement, node.name == "p", let style = node.attributes["style"]?.lowercased() else { return false }
        return style.replacingOccurrences(of: " ", with: "").contains("mso-list:l")
    }

    /// The list made of a run of Word list paragraphs.
    func wordList(_ paragraphs: [HTMLNode]) -> Block? {
        var items: [Block] = []
        for paragraph in paragraphs {
            let marker = Self.wordMarker(paragraph)
            let content = Self.removingWordMarker(paragraph.children)
            guard let body = self.paragraph(content, provenance: Self.provenance(paragraph)) else { continue }
            var item = Block(.item, text: body.text, provenance: body.provenance)
            item.blocks = [body]
            item.inlines = body.inlines
            item.marker = marker
            items.append(item)
        }
        guard let first = items.first, let last = items.last else { return nil }
        var list = Block(.list, text: items.map(\.text).joined(separator: "\n"), provenance: Self.span(first.provenance, last.provenance))
        let ordered = items.allSatisfy { Self.isOrderedMarker($0.marker ?? "") }
        list.ordered = ordered
        if ordered, let number = items.first?.marker.flatMap({ Int($0.filter(\.isNumber)) }) { list.start = number }
        list.items = items
        return list
    }

    /// The text of the paragraph's `mso-list:Ignore` span, Word's bullet glyphs shown as the bullets they draw.
    private static func wordMarker(_ node: HTMLNode) -> String? {
        guard let span = firstMarkerSpan(node) else { return nil }
        let text = span.textContent.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{00A0}")))
        switch text {
        case "": return nil
        case "·", "\u{F0B7}": return "•"
        case "o": return "◦"
        case "§", "\u{F0A7}": return "▪"
        default: return text
        }
    }

    private static func firstMarkerSpan(_ node: HTMLNode) -> HTMLNode? {
        for child in node.children where child.isElement {
            if isMarkerSpan(child) { return child }
            if let found = firstMarkerSpan(child) { return found }
        }
        return nil
    }

    private static func isMarkerSpan(_ node: HTMLNode) -> Bool {
        (node.attributes["style"] ?? "").lowercased().replacingOccurrences(of: " ", with: "").contains("mso-list:ignore")
    }

    private static func removingWordMarker(_ nodes: [HTMLNode]) -> [HTMLNode] {
        nodes.compactMap { node in
            guard node.isElement else { return node }
            if isMarkerSpan(node) { return nil }
            var copy = node
            copy.children = removingWordMarker(node.children)
            return copy
        }
    }

    private static let orderedMarker = TextPattern(#"^[(\[]?([0-9]+|[A-Za-z]|[ivxlcdmIVXLCDM]+)[.)\]]?$"#)

    private static func isOrderedMarker(_ marker: String) -> Bool {
        orderedMarker.matches(marker)
    }
}
