import ReferenceParser
import DossierText
import DossierModel
import Foundation

/// What a person wrote down about one document, in the format of the corpus's `cv-labelled/*.json`:
/// the applicant's name and e-mails, each heading's kind, the publications, the number of referees.
public struct DocumentLabels: Decodable, Sendable {
    public struct LabelledPublication: Decodable, Sendable {
        public var title: String
        public var year: Int?
        public var applicantPosition: Int?
        public var authors: Int?
        /// The publication's text as written, without its list number (generated labels give it; the corpus's
        /// do not): what `train-segmenter` aligns the lines with.
        public var raw: String?
    }

    public var name: String?
    public var nameAsPrinted: String?
    public var emails: [String]?
    public var sections: [String: String]?
    public var sectionsComplete: Bool?
    public var publications: [LabelledPublication]?
    public var publicationsTotal: Int?
    public var referees: Int?
    public var entries: Int?
    /// A note that only part of the publications is labelled (the corpus writes it as `publicationsLabelled`);
    /// without `publicationsTotal` the count is then not checked, only the labelled titles and positions.
    public var partialPublications: String?

    enum CodingKeys: String, CodingKey {
        case name, nameAsPrinted, emails, sections, sectionsComplete, publications, publicationsTotal, referees, entries
        case partialPublications = "publicationsLabelled"
    }
}

/// How a converted document scores against its labels.
public struct LabelScore: Sendable {
    public var document: String
    public var nameRight: Bool?
    public var emailsRight: Bool?
    public var sectionsRight = 0
    public var sectionsLabelled = 0
    public var publicationsFound = 0
    public var publicationsLabelled: Int?
    public var titlesRight = 0
    public var titlesLabelled = 0
    public var positionsRight = 0
    public var positionsLabelled = 0
    public var refereesRight: Bool?
    public var entriesRight: Bool?
    /// One line per miss, for the report.
    public var misses: [String] = []
    /// Fewer than half the labelled publications were found (none at all included).
    public var publicationsShort = false
    /// `publicationsShort` with no warning from `split-references` saying so: a list missed silently.
    public var publicationsShortSilently = false

    /// Scores `document` against `labels`.
    public init(_ document: Document, labels: DocumentLabels) {
        self.document = document.source.path
        let profile = document.profile
        if let name = labels.name {
            let found = profile.person.name?.literal ?? ""
            nameRight = [name, labels.nameAsPrinted].compactMap { $0 }.map(Self.fold).contains(Self.fold(found))
            if nameRight == false { misses.append("name: expected \(name), got \(found.isEmpty ? "nothing" : found)") }
        }
        if let emails = labels.emails {
            let found = Set(profile.person.emails.map { $0.lowercased() })
            emailsRight = found == Set(emails.map { $0.lowercased() })
            if emailsRight == false { misses.append("emails: expected \(emails.sorted()), got \(found.sorted())") }
        }
        for (title, kind) in (labels.sections ?? [:]).sorted(by: { $0.key < $1.key }) {
            sectionsLabelled += 1
            let candidates = profile.sections.filter { Self.fold($0.title) == Self.fold(title) }
            if candidates.contains(where: { $0.kind.rawValue == kind }) {
                sectionsRight += 1
            } else {
                misses.append("section '\(title)': expected \(kind), got \(candidates.map(\.kind.rawValue).joined(separator: "/").isEmpty ? "no section" : candidates.map(\.kind.rawValue).joined(separator: "/"))")
            }
        }
        publicationsFound = profile.publications.count
        if let labelled = labels.publications, !labelled.isEmpty || labels.publicationsTotal != nil {
            publicationsLabelled = labels.publicationsTotal ?? (labels.partialPublications == nil ? labelled.count : nil)
            if let expected = publicationsLabelled, publicationsFound != expected { misses.append("publications: expected \(expected), found \(publicationsFound)") }
            let labelledCount = publicationsLabelled ?? labelled.count
            publicationsShort = labelledCount > 0 && 2 * publicationsFound < labelledCount
            publicationsShortSilently = publicationsShort
                && !document.diagnostics.contains { $0.severity != .info && $0.stage == "split-references" }
            if publicationsShortSilently { misses.append("publications: fewer than half found and no warning said so") }
            for expected in labelled {
                titlesLabelled += 1
                let key = Self.fold(expected.title)
                guard let match = profile.publications.first(where: { Self.fold($0.title ?? "") == key }) ?? profile.publications.first(where: { Self.fold($0.raw).contains(key) }) else {
                    misses.append("publication not found: \(expected.title.prefix(60))")
                    continue
                }
                if Self.fold(match.title ?? "") == key {
                    titlesRight += 1
                } else {
                    misses.append("title: expected '\(expected.title.prefix(50))', got '\((match.title ?? "").prefix(50))'")
                }
                if let position = expected.applicantPosition {
                    positionsLabelled += 1
                    if match.applicantPosition == position {
                        positionsRight += 1
                    } else {
                        misses.append("position in '\(expected.title.prefix(40))': expected \(position), got \(match.applicantPosition.map(String.init) ?? "none")")
                    }
                }
            }
        }
        if let referees = labels.referees {
            refereesRight = profile.referees.count == referees
            if refereesRight == false { misses.append("referees: expected \(referees), got \(profile.referees.count)") }
        }
        if let entries = labels.entries {
            entriesRight = profile.entries.count == entries
            if entriesRight == false { misses.append("entries: expected \(entries), got \(profile.entries.count)") }
        }
    }

    /// Whether every labelled thing came out right.
    public var perfect: Bool { misses.isEmpty }

    private static let nonAlphanumeric = TextPattern(#"[^\p{L}\p{N}]+"#)

    /// Case, accents, punctuation and spacing folded, for comparing titles and names.
    static func fold(_ text: String) -> String {
        nonAlphanumeric.replacing(in: text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased(), with: " ")
            .trimmingCharacters(in: .whitespaces)
    }
}

/// The report table of `dossier eval`.
public enum LabelReport {
    public static func render(_ scores: [LabelScore]) -> String {
        func mark(_ value: Bool?) -> String { value.map { $0 ? "ok" : "MISS" } ?? "-" }
        var lines = ["document\tname\temails\tsections\tpublications\ttitles\tpositions\treferees\tentries"]
        for score in scores {
            lines.append([
                score.document, mark(score.nameRight), mark(score.emailsRight), "\(score.sectionsRight)/\(score.sectionsLabelled)",
                "\(score.publicationsFound)/\(score.publicationsLabelled.map(String.init) ?? "-")", "\(score.titlesRight)/\(score.titlesLabelled)",
                "\(score.positionsRight)/\(score.positionsLabelled)", mark(score.refereesRight), mark(score.entriesRight),
            ].joined(separator: "\t"))
        }
        func rate(_ right: Int, _ total: Int) -> String { total == 0 ? "-" : String(format: "%d/%d (%.0f%%)", right, total, 100 * Double(right) / Double(total)) }
        let names = scores.compactMap(\.nameRight), emails = scores.compactMap(\.emailsRight), referees = scores.compactMap(\.refereesRight)
        let publicationCounts = scores.filter { $0.publicationsLabelled != nil }
        lines.append("")
        lines.append("names exact: \(rate(names.filter { $0 }.count, names.count))")
        lines.append("e-mails exact: \(rate(emails.filter { $0 }.count, emails.count))")
        lines.append("section kinds right: \(rate(scores.map(\.sectionsRight).reduce(0, +), scores.map(\.sectionsLabelled).reduce(0, +)))")
        lines.append("publication counts exact: \(rate(publicationCounts.filter { $0.publicationsFound == $0.publicationsLabelled }.count, publicationCounts.count))")
        lines.append("titles right: \(rate(scores.map(\.titlesRight).reduce(0, +), scores.map(\.titlesLabelled).reduce(0, +)))")
        lines.append("applicant positions right: \(rate(scores.map(\.positionsRight).reduce(0, +), scores.map(\.positionsLabelled).reduce(0, +)))")
        lines.append("referee counts right: \(rate(referees.filter { $0 }.count, referees.count))")
        let short = scores.filter(\.publicationsShort)
        lines.append("publication lists under half found: \(short.count), of them silently (no warning): \(short.filter(\.publicationsShortSilently).count)")
        for score in scores where !score.misses.isEmpty {
            lines.append("")
            lines.append("\(score.document):")
            lines += score.misses.map { "  " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
