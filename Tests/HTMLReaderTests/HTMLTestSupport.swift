import DossierModel
import DossierPipeline
import Foundation
import HTMLReader
import XCTest

/// Reads HTML built in a test.
enum HTMLTestSupport {
    static func read(_ html: String) throws -> Document {
        try read(Data(html.utf8))
    }

    static func read(_ data: Data) throws -> Document {
        try HTMLReader().read(data, source: Source(path: "t.html", format: .html, bytes: data.count, sha256: ""))
    }

    /// Reads a body fragment wrapped in a minimal page.
    static func body(_ fragment: String) throws -> Document {
        try read("<!DOCTYPE html><html><head><title>T</title></head><body>\(fragment)</body></html>")
    }
}
