import DossierModel
import Foundation

/// Guesses a document's format from its first bytes: `%PDF` is PDF, an HTML start tag is HTML, anything else Markdown.
public enum FormatSniffer {
    public static func sniff(_ data: Data) -> SourceFormat {
        let head = data.prefix(2048)
        if head.starts(with: Array("%PDF".utf8)) { return .pdf }
        // A PDF may have a little junk before its header; readers accept up to 1 KiB.
        if let range = head.range(of: Data("%PDF-".utf8)), range.lowerBound - head.startIndex < 1024 { return .pdf }
        var text = (utf16Text(head) ?? String(decoding: head, as: UTF8.self)).lowercased()
        if text.hasPrefix("\u{feff}") { text.removeFirst() }
        let trimmed = text.drop { $0.isWhitespace }
        let htmlStarts = ["<!doctype html", "<html", "<head", "<body", "<?xml"]
        if htmlStarts.contains(where: { trimmed.hasPrefix($0) }) {
            return trimmed.hasPrefix("<?xml") && !text.contains("<html") ? .markdown : .html
        }
        if trimmed.hasPrefix("<!--"), text.contains("<html") { return .html }
        return .markdown
    }

    /// The text of bytes that start with a UTF-16 byte-order mark (as Windows' Notepad saves "Unicode"), else nil.
    static func utf16Text(_ bytes: Data) -> String? {
        let bigEndian: Bool
        if bytes.starts(with: [0xFF, 0xFE]) { bigEndian = false } else if bytes.starts(with: [0xFE, 0xFF]) { bigEndian = true } else { return nil }
        let body = [UInt8](bytes.dropFirst(2))
        let units = stride(from: 0, to: body.count - 1, by: 2).map { index -> UInt16 in
            let first = UInt16(body[index]), second = UInt16(body[index + 1])
            return bigEndian ? first << 8 | second : second << 8 | first
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// The format of an input named `path`: `%PDF` always means PDF; otherwise the extension decides when it
    /// is one we read, and the bytes when it is not. Throws for what we cannot read at all (a Word or ZIP
    /// file, an image, a `.pdf` that is not a PDF), with a reason that completes "FILE: …".
    public static func format(of data: Data, path: String) throws -> SourceFormat {
        let sniffed = sniff(data)
        if sniffed == .pdf { return .pdf }
        if let binary = binaryKind(data) { throw ReadError("\(binary), not Markdown, HTML or PDF") }
        let claimed = format(forExtension: (path as NSString).pathExtension)
        if claimed == .pdf { throw ReadError("not a PDF (no %PDF header): mislabelled or not a PDF at all") }
        return claimed ?? sniffed
    }

    /// What a binary file is, by its magic number, when it is one people send by mistake.
    static func binaryKind(_ data: Data) -> String? {
        let head = [UInt8](data.prefix(8))
        let magic: [([UInt8], String)] = [
            ([0x50, 0x4B, 0x03, 0x04], "a ZIP container (Word .docx, OpenDocument?)"),
            ([0xD0, 0xCF, 0x11, 0xE0], "an old Word/Office document (.doc)"),
            ([0x7B, 0x5C, 0x72, 0x74, 0x66], "an RTF document"),
            ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
            ([0xFF, 0xD8, 0xFF], "a JPEG image"),
            ([0x47, 0x49, 0x46, 0x38], "a GIF image"),
            ([0x1F, 0x8B], "a gzip archive"),
        ]
        if let match = magic.first(where: { head.starts(with: $0.0) }) { return match.1 }
        // Text has no NUL bytes in its first kilobyte, unless it is UTF-16 that says so with its byte-order mark
        // (both readers decode it); UTF-16 without one is not something we read.
        if utf16Text(data.prefix(2)) == nil, data.prefix(1024).contains(0) { return "a binary file" }
        return nil
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
