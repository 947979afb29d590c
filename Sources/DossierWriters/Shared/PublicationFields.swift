import DossierText
import Foundation
import DossierModel

/// Readings of model values that several writers share (names as text, page ranges, years), so that CSV, JATS,
/// BibTeX and JSON Resume spell the same publication the same way.
extension CSLName {
    /// "Given particle Family suffix", or the literal: how the name reads in running text.
    var displayName: String {
        if let literal, !literal.isEmpty { return literal }
        return [given, particle, family, suffix].compactMap { $0?.isEmpty == false ? $0 : nil }.joined(separator: " ")
    }

    /// "particle Family, Given": how the name sorts; the literal when there is no family name.
    var sortName: String {
        guard let family, !family.isEmpty else { return displayName }
        let surname = [particle, family].compactMap { $0?.isEmpty == false ? $0 : nil }.joined(separator: " ")
        guard let given, !given.isEmpty else { return surname }
        return "\(surname), \(given)"
    }
}

extension Publication {
    /// The year of the first issued date.
    var year: Int? { issued?.year }

    /// The month of the first issued date, when the source gave one.
    var month: Int? {
        guard let parts = issued?.dateParts.first, parts.count >= 2, (1...12).contains(parts[1]) else { return nil }
        return parts[1]
    }

    /// The issued date as ISO 8601 with the precision the source gave ("2019", "2019-10", "2019-10-03").
    var isoDate: String? {
        guard let parts = issued?.dateParts.first, let year = parts.first, (0...9999).contains(year) else { return nil }
        var text = String.padded(year)
        for part in parts.dropFirst().prefix(2) {
            guard (1...31).contains(part) else { break }
            text += part < 10 ? "-0\(part)" : "-\(part)"
        }
        return text
    }
}

/// A page field split at its dash: "123–145" → ("123", "145"); "e1002" → ("e1002", nil).
struct PageRange: Equatable {
    var first: String
    var last: String?

    init?(_ page: String?) {
        guard let page = page?.trimmingFast(in: .whitespaces), !page.isEmpty else { return nil }
        let parts = page.split(whereSeparator: { "-–—‐‑".contains($0) }).map { $0.trimmingFast(in: .whitespaces) }
        if parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty {
            first = parts[0]
            last = parts[1]
        } else {
            first = page
            last = nil
        }
    }
}

extension String {
    /// A year padded to four digits.
    static func padded(_ year: Int) -> String {
        let digits = String(year)
        return String(repeating: "0", count: Swift.max(0, 4 - digits.count)) + digits
    }

    /// nil when empty or only whitespace: writers never emit empty elements or fields.
    var nonBlank: String? {
        trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : self
    }
}
