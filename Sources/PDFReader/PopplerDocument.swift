import DossierText
import CPoppler
import DossierModel
import DossierPipeline
import Foundation

/// The glyphs and links of one page, copied out of poppler into Swift values.
struct PageGlyphs: Sendable {
    var number: Int
    var width: Double
    var height: Double
    /// Every Unicode scalar of the page text in poppler's order, whitespace included.
    var glyphs: [Glyph]
    /// True when the page had more glyphs than the reader looks at.
    var truncated = false
}

/// One open poppler document. The only type that touches poppler: it owns the `PopplerDocument` and frees it.
/// Not `Sendable` on purpose: a document is opened, read and closed on one thread.
final class PopplerDocument {
    private let document: OpaquePointer

    /// Opens the PDF in `data`; throws a `ReadError` with the one-line reason the CLI prints.
    init(data: Data) throws {
        try PopplerDocument.loadLibraries()
        let bytes = data.withUnsafeBytes { buffer in g_bytes_new(buffer.baseAddress, gsize(buffer.count)) }
        defer { g_bytes_unref(bytes) }
        var error: UnsafeMutablePointer<GError>?
        guard let opened = poppler_document_new_from_bytes(bytes, nil, &error) else {
            throw PopplerDocument.readError(error)
        }
        document = opened
    }

    deinit { g_object_unref(gpointer(document)) }

    private var handle: OpaquePointer { document }

    /// The fonts met so far in this document by name, size and colour: every run of one font gets the same value
    /// (its strings one storage, so comparing the fonts of two glyphs is mostly a pointer check), and the style
    /// of a font name and the `#rrggbb` of a colour are worked out once per document, not once per run.
    private var fontCache: [FontKey: GlyphFont] = [:]

    private struct FontKey: Hashable {
        var name: String
        var size: Double
        var rgb: UInt64
    }

    var pageCount: Int { Int(poppler_document_get_n_pages(handle)) }

    /// The info dictionary: title, author, subject, keywords, creator, producer and dates (ISO 8601).
    var metadata: [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        let strings: [(String, (OpaquePointer) -> UnsafeMutablePointer<gchar>?)] = [
            ("title", poppler_document_get_title), ("author", poppler_document_get_author),
            ("subject", poppler_document_get_subject), ("keywords", poppler_document_get_keywords),
            ("creator", poppler_document_get_creator), ("producer", poppler_document_get_producer),
        ]
        for (key, getter) in strings {
            if let value = PopplerDocument.take(getter(handle)), !value.trimmingFast(in: .whitespaces).isEmpty {
                result[key] = .string(value)
            }
        }
        let dates: [(String, (OpaquePointer) -> OpaquePointer?)] = [
            ("created", poppler_document_get_creation_date_time), ("modified", poppler_document_get_modification_date_time),
        ]
        for (key, getter) in dates {
            guard let date = getter(handle) else { continue }
            if let text = PopplerDocument.take(g_date_time_format_iso8601(date)) { result[key] = .string(text) }
            g_date_time_unref(date)
        }
        return result
    }

    /// Copies the glyphs, fonts and link targets of page `index` (0-based); at most `glyphLimit` glyphs.
    func page(_ index: Int, glyphLimit: Int) -> PageGlyphs? {
        guard let page = poppler_document_get_page(handle, Int32(index)) else { return nil }
        defer { g_object_unref(gpointer(page)) }
        var width = 0.0
        var height = 0.0
        poppler_page_get_size(page, &width, &height)
        let text = PopplerDocument.take(poppler_page_get_text(page)) ?? ""
        var rectangles: UnsafeMutablePointer<PopplerRectangle>?
        var count: guint = 0
        var glyphs: [Glyph] = []
        var truncated = false
        if poppler_page_get_text_layout(page, &rectangles, &count) != 0, let rectangles {
            defer { g_free(rectangles) }
            let fonts = self.fonts(of: page)
            let scalars = Array(text.unicodeScalars)
            let usable = min(scalars.count, Int(count))
            truncated = usable > glyphLimit
            glyphs.reserveCapacity(min(usable, glyphLimit))
            var fontCursor = 0
            for i in 0..<min(usable, glyphLimit) {
                let r = rectangles[i]
                while fontCursor < fonts.count, fonts[fontCursor].end < i { fontCursor += 1 }
                let font = fontCursor < fonts.count && fonts[fontCursor].start <= i
                    ? fonts[fontCursor].font : GlyphFont(name: "", size: r.y2 - r.y1)
                let rect = Rect(x0: min(r.x1, r.x2), y0: min(r.y1, r.y2), x1: max(r.x1, r.x2), y1: max(r.y1, r.y2))
                glyphs.append(Glyph(scalars[i], rect, font))
            }
        }
        PopplerDocument.attach(links: PopplerDocument.links(of: page, pageHeight: height), to: &glyphs)
        return PageGlyphs(number: index + 1, width: width, height: height, glyphs: glyphs, truncated: truncated)
    }

    /// Font runs as character ranges (inclusive) of the page text.
    private func fonts(of page: OpaquePointer) -> [(start: Int, end: Int, font: GlyphFont)] {
        guard let list = poppler_page_get_text_attributes(page) else { return [] }
        defer { poppler_page_free_text_attributes(list) }
        var runs: [(Int, Int, GlyphFont)] = []
        var cell: UnsafeMutablePointer<GList>? = list
        while let node = cell {
            if let raw = node.pointee.data {
                let attributes = raw.assumingMemoryBound(to: PopplerTextAttributes.self).pointee
                let name = attributes.font_name.map { String(cString: $0) } ?? ""
                let c = attributes.color
                let size = (attributes.font_size * 10).rounded() / 10
                let key = FontKey(name: name, size: size, rgb: UInt64(c.red >> 8) << 16 | UInt64(c.green >> 8) << 8 | UInt64(c.blue >> 8))
                let font: GlyphFont
                if let known = fontCache[key] {
                    font = known
                } else {
                    let color = String(format: "#%02x%02x%02x", Int(c.red >> 8), Int(c.green >> 8), Int(c.blue >> 8))
                    font = GlyphFont(name: name, size: size, color: color)
                    fontCache[key] = font
                }
                runs.append((Int(attributes.start_index), Int(attributes.end_index), font))
            }
            cell = node.pointee.next
        }
        return runs.sorted { $0.0 < $1.0 }
    }

    /// URI and mailto link areas, converted to top-left origin.
    private static func links(of page: OpaquePointer, pageHeight: Double) -> [(Rect, String)] {
        guard let list = poppler_page_get_link_mapping(page) else { return [] }
        defer { poppler_page_free_link_mapping(list) }
        var result: [(Rect, String)] = []
        var cell: UnsafeMutablePointer<GList>? = list
        while let node = cell {
            if let raw = node.pointee.data {
                let mapping = raw.assumingMemoryBound(to: PopplerLinkMapping.self).pointee
                if let action = mapping.action, action.pointee.type == POPPLER_ACTION_URI, let uri = action.pointee.uri.uri {
                    let a = mapping.area
                    let rect = Rect(x0: min(a.x1, a.x2), y0: pageHeight - max(a.y1, a.y2),
                                    x1: max(a.x1, a.x2), y1: pageHeight - min(a.y1, a.y2))
                    result.append((rect, String(cString: uri)))
                }
            }
            cell = node.pointee.next
        }
        return result
    }

    /// Marks each glyph that lies inside a link area (across, and by its middle up and down) with its target.
    private static func attach(links: [(Rect, String)], to glyphs: inout [Glyph]) {
        guard !links.isEmpty else { return }
        for i in glyphs.indices where !glyphs[i].isWhitespace {
            let r = glyphs[i].rect
            if let hit = links.first(where: { r.x0 >= $0.0.x0 - 1 && r.x1 <= $0.0.x1 + 1
                && r.midY >= $0.0.y0 - 1 && r.midY <= $0.0.y1 + 1 }) {
                glyphs[i].link = hit.1
            }
        }
    }

    /// poppler-glib is opened at the first PDF, not linked (start-up time); a missing library is this file's error.
    static func loadLibraries() throws {
        if let reason = dp_poppler_ensure() { throw ReadError("cannot read PDFs: \(String(cString: reason))") }
    }

    /// The reason `dp_poppler_load` gives for these library names, or nil when they load (for the failure test).
    static func loadFailure(popplerGlib: String, glib: String = "libglib-2.0.so.0", gobject: String = "libgobject-2.0.so.0",
                            cairo: String = "libcairo.so.2") -> String? {
        var message = [CChar](repeating: 0, count: 256)
        let status = message.withUnsafeMutableBufferPointer { buffer in
            dp_poppler_load(popplerGlib, glib, gobject, cairo, buffer.baseAddress, buffer.count)
        }
        return status == 0 ? nil : String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// A Swift string from a `gchar *` that we own, freeing it.
    private static func take(_ pointer: UnsafeMutablePointer<gchar>?) -> String? {
        guard let pointer else { return nil }
        defer { g_free(pointer) }
        return String(cString: pointer)
    }

    /// The reason a document could not be opened, from poppler's GError (which it frees).
    private static func readError(_ error: UnsafeMutablePointer<GError>?) -> ReadError {
        guard let error else { return ReadError("damaged PDF (poppler could not open it)") }
        defer { g_error_free(error) }
        let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
        if error.pointee.domain == poppler_error_quark(), error.pointee.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
            return ReadError("encrypted; Dossier reads only PDFs that open without a password")
        }
        return ReadError("damaged PDF (poppler: \(message))")
    }
}
