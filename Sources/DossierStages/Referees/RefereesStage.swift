import DossierText
import DossierModel
import DossierPipeline
import Foundation

/// Reads referees sections: one referee per list item, table row or paragraph (consecutive paragraphs
/// that continue one person are joined): name, title, institution, e-mail, phone and relation.
/// "Available upon request" is reported, not turned into a referee.
public struct RefereesStage: Stage {
    /// What each comma-separated part of a referee line is trimmed of, made once rather than per part.
    private static let partEdges = CharacterSet.whitespaces.union(CharacterSet(charactersIn: ".:*"))

    public let name = "referees"
    public let summary = "referees: name, title, institution, e-mail, phone, relation"

    static let relationWords = ["supervisor", "advisor", "adviser", "mentor", "collaborator", "manager", "co-author", "coauthor",
                                "director", "host", "betreuer", "doktorvater", "doktormutter", "directeur", "directrice", "director de tesis",
                                "tutor", "relatore"]
    static let emailExpression = #"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"#
    static let phoneExpression = #"\+?\(?\d[\d ()./-]{6,}\d"#

    public init() {}

    public func run(_ document: Document, context: StageContext) throws -> Document {
        var document = document
        let map = SectionMap(document)
        var texts: [String] = []
        var lastParagraph = -2
        for index in map.blocks(of: [.referees], in: document) {
            let block = document.blocks[index]
            switch block.type {
            case .list:
                texts += (block.items ?? []).map(\.text)
            case .table:
                for row in (block.rows ?? []) where row.cells?.contains(where: { $0.header == true }) != true {
                    let cells = (row.cells ?? []).map(\.text).filter { !$0.isEmpty }
                    // Word exports lay referees side by side: one person per cell.
                    if cells.count >= 2, cells.allSatisfy({ Self.startsPerson($0.split(separator: "\n").first.map(String.init) ?? "") }) {
                        texts += cells
                    } else {
                        texts.append(cells.joined(separator: ", "))
                    }
                }
            case .paragraph, .quote:
                // Each line that starts a person starts a referee; other lines continue the one before,
                // also across paragraphs (one line per paragraph in PDFs).
                var continuing = index == lastParagraph + 1
                for line in block.text.split(separator: "\n").map(String.init) where !Self.isPageFooter(line) {
                    if continuing, !Self.startsPerson(line), let last = texts.popLast() {
                        texts.append(last + "\n" + line)
                    } else {
                        texts.append(line)
                    }
                    continuing = true
                }
                lastParagraph = index
            default:
                continue
            }
        }
        for text in texts {
            let lowered = text.lowercased()
            if lowered.contains("upon request") || lowered.contains("on request") || lowered.contains("auf anfrage") || lowered.contains("sur demande") {
                document.report(.info, stage: name, "referees available on request: none listed")
                continue
            }
            if let referee = Self.referee(text) {
                document.profile.referees.append(referee)
            } else {
                document.report(.warning, stage: name, "no referee name found in: \(text.prefix(80))")
            }
        }
        return document
    }

    /// A line that opens a new person: an honorific, or a name before the first separator.
    static func startsPerson(_ line: String) -> Bool {
        PersonNames.looksLikeName(segments(PersonNames.stripTitles(line).name).first ?? "")
    }

    /// "Updated: May 2, 2024", "Page last modified …", "© 2024 …": page furniture, not a referee.
    static func isPageFooter(_ line: String) -> Bool {
        Patterns.pageFooter.matches(line)
    }

    static func segments(_ text: String) -> [String] {
        var normalized = text
        for separator in [" — ", " – ", " - ", " | ", " · ", "\n", ";", "\t"] { normalized = normalized.replacingOccurrences(of: separator, with: ",") }
        return normalized.split(separator: ",").map { $0.trimmingFast(in: Self.partEdges) }.filter { !$0.isEmpty }
    }

    static func referee(_ raw: String) -> Referee? {
        var text = Patterns.listMarker.replacing(in: raw, with: "")
        let email = Patterns.email.firstMatch(in: text).map { String(text[$0.range]) }
        if let email { text = text.replacingOccurrences(of: email, with: "") }
        var phone: String?
        if let range = Patterns.phone.firstMatch(in: text)?.range {
            let candidate = String(text[range]).trimmingFast(in: .whitespaces)
            if candidate.filter(\.isNumber).count >= 7 {
                phone = candidate
                text.removeSubrange(range)
            }
        }
        let pieces = segments(text).filter { !["email", "e-mail", "phone", "tel", "telephone", "mail"].contains($0.lowercased()) }
            .map { Patterns.fieldLabel.replacing(in: $0, with: "") }
            .filter { !$0.isEmpty }
        guard let nameIndex = pieces.firstIndex(where: PersonNames.looksLikeName), nameIndex <= 1 else { return nil }
        let written = pieces[nameIndex]
        let stripped = PersonNames.stripTitles(written)
        var referee = Referee(name: PersonNames.split(stripped.name), email: email, phone: phone, raw: raw)
        let rest = pieces[(nameIndex + 1)...]
        referee.relation = rest.first { piece in
            let lowered = piece.lowercased()
            return relationWords.contains { lowered.mayMatch($0) && lowered.contains($0) }
        }
        referee.institution = rest.first { EntryFields.contains(any: EntryFields.organizationWords, in: $0) && !$0.lowercased().hasPrefix("department") }
            ?? rest.first { EntryFields.contains(any: EntryFields.organizationWords, in: $0) }
        let roles = rest.filter { EntryFields.contains(any: EntryFields.positionWords, in: $0) && $0 != referee.relation && $0 != referee.institution }
        referee.title = roles.isEmpty ? stripped.honorific : roles.joined(separator: ", ")
        return referee
    }

    /// The expressions of this stage, compiled once.
    enum Patterns {
        static let pageFooter = TextPattern(#"^\s*((page\s+)?(last\s+)?(updated|modified)\b|©|\(c\)\s*\d{4}|powered by)"#, caseInsensitive: true)
        static let listMarker = TextPattern(#"^\s*(\[?\d+[.)\]]|[•▪◦*-])\s+"#)
        static let email = TextPattern(RefereesStage.emailExpression)
        static let phone = TextPattern(RefereesStage.phoneExpression)
        static let fieldLabel = TextPattern(#"^(e-?mail|phone|tel\.?)\s*:?\s*"#, caseInsensitive: true)
    }
}
