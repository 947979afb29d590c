import DossierModel
import Foundation

/// Guesses a document's format from its first bytes: `%PDF` is PDF, an HTML start tag is HTML, anything else Markdown.
public enum FormatSniffer {
    public static func sniff(_ data: Data) -> SourceFormat {
        let head = data.prefix(2048)
        if head.starts(with: Array("%PDF".utf8)) { return .pdf }
        // A PDF may have a little junk before its header; readers accept up to 1 KiB.
        if let range = head.range(of: Data("%PDF-".utf8)), range.lowerBound - head.startIndex < 1024 { return .pdf }
        var text = String(decoding: head, as: UTF8.self).lowercased()
        if text.hasPrefix("\u{feff}") { text.removeFirst() }
        let trimmed = text.drop { $0.isWhitespace }
        let htmlStarts = ["<!doctype html", "<html", "<head", "<body", "<?xml"]
        if htmlStarts.contains(where: { trimmed.hasPrefix($0) }) {
            return trimmed.hasPrefix("<?xml") && !text.contains("<html") ? .markdown : .html
        }
        if trimmed.hasPrefix("<!--"), text.contains("<html") { return .html }
        return .markdown
    }

    /// The format a file name claims, if its extension is one we read.
    public static func format(forExtension ext: String) -> SourceFormat? {
        switch ext.lowercased() {
        case "md", "markdown", "mdown", "mkd", "txt": return .markdown
        case "html", "htm", "xhtml": return .html
        case "pdf": return .pdf
        default: return nil
        }
    }
}
