import CPoppler
import DossierModel
import Foundation

/// A box to draw on a PDF page: where a section, an entry or a publication was found.
public struct PageBox: Sendable, Hashable, Codable {
    /// What was found there; each kind has its colour.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        case section, entry, publication
    }

    public var kind: Kind
    /// 1-based page number.
    public var page: Int
    /// `[x0, y0, x1, y1]` in PDF points, origin top-left (as in `Provenance`).
    public var bbox: [Double]
    /// A short label drawn above the box (the section kind, a publication id).
    public var label: String

    public init(kind: Kind, page: Int, bbox: [Double], label: String = "") {
        self.kind = kind
        self.page = page
        self.bbox = bbox
        self.label = label
    }
}

/// Why pages could not be drawn.
public struct PageOverlayError: Error, CustomStringConvertible {
    public var description: String
}

/// PDF pages as PNG images with boxes drawn where things were found: poppler renders each page through cairo, then
/// the boxes are stroked on top. For reviewers, and for whoever tunes the PDF reader (`dossier inspect --overlay`).
public enum PageOverlay {
    /// One PNG per page (at most `maxPages`), `scale` pixels per PDF point.
    public static func render(pdf: Data, boxes: [PageBox], scale: Double = 1.5, maxPages: Int = 40) throws -> [Data] {
        // poppler and cairo are opened at the first PDF, not linked (start-up time).
        if let reason = dp_poppler_ensure() { throw PageOverlayError(description: "cannot draw PDFs: \(String(cString: reason))") }
        let bytes = pdf.withUnsafeBytes { buffer in g_bytes_new(buffer.baseAddress, gsize(buffer.count)) }
        defer { g_bytes_unref(bytes) }
        var error: UnsafeMutablePointer<GError>?
        guard let document = poppler_document_new_from_bytes(bytes, nil, &error) else {
            let message = error.map { String(cString: $0.pointee.message) } ?? "cannot open"
            if let error { g_error_free(error) }
            throw PageOverlayError(description: message)
        }
        defer { g_object_unref(UnsafeMutableRawPointer(document)) }
        var images: [Data] = []
        let count = min(Int(poppler_document_get_n_pages(document)), maxPages)
        for index in 0..<count {
            guard let page = poppler_document_get_page(document, Int32(index)) else { continue }
            defer { g_object_unref(UnsafeMutableRawPointer(page)) }
            images.append(try render(page, boxes: boxes.filter { $0.page == index + 1 }, scale: scale))
        }
        return images
    }

    private static func render(_ page: OpaquePointer, boxes: [PageBox], scale: Double) throws -> Data {
        var width = 0.0, height = 0.0
        poppler_page_get_size(page, &width, &height)
        let pixelsWide = Int32(max(1, min(4000, (width * scale).rounded(.up))))
        let pixelsHigh = Int32(max(1, min(6000, (height * scale).rounded(.up))))
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pixelsWide, pixelsHigh) else {
            throw PageOverlayError(description: "cannot make an image")
        }
        defer { cairo_surface_destroy(surface) }
        guard let context = cairo_create(surface) else { throw PageOverlayError(description: "cannot draw") }
        defer { cairo_destroy(context) }
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
        cairo_scale(context, scale, scale)
        poppler_page_render(page, context)
        for box in boxes where box.bbox.count == 4 {
            let (red, green, blue) = colour(box.kind)
            cairo_set_source_rgba(context, red, green, blue, 0.9)
            cairo_set_line_width(context, box.kind == .section ? 1.6 : 1.0)
            let inset = box.kind == .section ? -3.0 : -1.0
            cairo_rectangle(context, box.bbox[0] + inset, box.bbox[1] + inset,
                            box.bbox[2] - box.bbox[0] - 2 * inset, box.bbox[3] - box.bbox[1] - 2 * inset)
            cairo_stroke(context)
            if !box.label.isEmpty {
                cairo_select_font_face(context, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD)
                cairo_set_font_size(context, 6)
                cairo_move_to(context, box.kind == .publication ? box.bbox[0] - 20 : box.bbox[0] + inset, box.kind == .publication ? box.bbox[1] + 6 : box.bbox[1] + inset - 1)
                cairo_show_text(context, box.label)
            }
        }
        cairo_surface_flush(surface)
        let sink = PNGSink()
        let status = cairo_surface_write_to_png_stream(surface, { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<PNGSink>.fromOpaque(closure).takeUnretainedValue().bytes.append(data, count: Int(length))
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(sink).toOpaque())
        guard status == CAIRO_STATUS_SUCCESS else { throw PageOverlayError(description: "cannot write PNG") }
        return sink.bytes
    }

    /// Sections blue, entries green, publications red (as the review site's legend says).
    private static func colour(_ kind: PageBox.Kind) -> (Double, Double, Double) {
        switch kind {
        case .section: return (0.08, 0.40, 0.75)
        case .entry: return (0.18, 0.49, 0.20)
        case .publication: return (0.78, 0.16, 0.16)
        }
    }
}

/// Collects the bytes cairo writes.
private final class PNGSink {
    var bytes = Data()
}
