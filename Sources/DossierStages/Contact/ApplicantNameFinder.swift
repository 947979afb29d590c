import DossierText
import DossierModel
import Foundation

/// Finds the applicant's name, in order of trust: the metadata `author` (front matter, `<meta>`, PDF info),
/// a JSON-LD `Person`, a title that is a name once "— CV" and the like are removed, a "Name:" field, the
/// first heading of the contact block (for PDF: the largest text on page 1), else the first short line that
/// reads as a name.
///
/// A name from metadata is replaced by the way the document prints it when the document shows a variant
/// with initials or middle names added or left out ("Loqman R. Salamatian" printed "Loqman Salamatian").
/// Lines in referee and publication sections, institutions and section titles never count.
struct ApplicantNameFinder {
    let document: Document
    let area: ContactArea
    let lines: [DocumentLine]

    /// The applicant's name, cleaned ("Dr. JANE DOE, PhD" → "Jane Doe"), or nil.
    func find() -> String? {
        // A call for applications names its contact person, not an applicant.
        if isCallForApplications { return nil }
        // Referees' names, from the referees stage or read off referee sections, are never the applicant's.
        var forbidden = Set(document.profile.referees.map {
            PersonNames.comparisonTokens(PersonNames.cleaned($0.name.literal) ?? $0.name.literal)
        })
        for line in lines where area.kind(of: line.block) == .referees {
            let leading = line.text.split(separator: ",").first.map(String.init) ?? line.text
            for text in [line.text, leading] {
                if let name = PersonNames.name(in: text) { forbidden.insert(PersonNames.comparisonTokens(name)) }
            }
        }
        let allowed: (String) -> Bool = { !forbidden.contains(PersonNames.comparisonTokens($0)) }
        for candidates in [authorCandidates(), jsonLDCandidates(), titleCandidates()] {
            // Lazily: the first allowed name ends the search, the lines after it are never cleaned.
            if let name = candidates.lazy.compactMap(PersonNames.name(in:)).first(where: allowed) {
                return printedVariant(of: name) ?? name
            }
        }
        for candidates in [labelledCandidates(), headingCandidates(), fontCandidates(), lineCandidates()] {
            if let name = candidates.lazy.compactMap(PersonNames.name(in:)).first(where: allowed) { return name }
        }
        return nil
    }

    private func authorCandidates() -> [String] {
        guard let author = document.metadata["author"] else { return [] }
        return names(in: author)
    }

    private func names(in value: JSONValue) -> [String] {
        if let string = value.stringValue { return [string] }
        if let object = value.objectValue { return object["name"].map(names(in:)) ?? [] }
        if let array = value.arrayValue, let first = array.first { return names(in: first) }
        return []
    }

    private func jsonLDCandidates() -> [String] {
        guard let jsonLD = document.metadata["jsonld"] else { return [] }
        return JSONLDPerson.people(in: jsonLD).compactMap { $0["name"].flatMap(\.stringValue) }
    }

    private func titleCandidates() -> [String] {
        guard let title = document.metadata["title"]?.stringValue else { return [] }
        // "CV - Ali Ebrahimpour Boroojeny", "CV | Loqman Salamatian's Personal Website": try each part too, and the
        // owner a part names ("Boris Leroy's publications", "Publications of Boris Leroy").
        let parts = [title] + separatedParts(title)
        return parts + parts.compactMap { Self.owner.firstMatch(in: $0).flatMap { $0.group(1) ?? $0.group(2) } }
    }

    private static let owner = TextPattern(#"^(?:(\p{Lu}[^'’]{2,60}?)['’]s?\s+\p{L}.*|(?i:publications|curriculum vitae|cv|résumé|resume|homepage)\s+(?i:of|by)\s+(\p{Lu}.{2,60}))$"#)

    private var candidateLines: [DocumentLine] {
        lines.filter { area.contactBlocks.contains($0.block) && !area.isOthersMaterial($0.block) }
    }

    private var isCallForApplications: Bool {
        let title = document.metadata["title"]?.stringValue ?? ""
        let firstHeading = lines.first { $0.node.type == .heading }?.text ?? lines.first?.text ?? ""
        return Self.callForApplications.matches(title) || Self.callForApplications.matches(firstHeading)
    }

    /// "Name: Jane Doe", "姓名：张三", or a "Full Name" cell followed by the name in the next cell.
    private func labelledCandidates() -> [String] {
        let own = lines.filter { !area.isOthersMaterial($0.block) }
        var result: [String] = []
        for (index, line) in own.enumerated() {
            let bytes = LineBytes(line.text)
            if Self.mayHoldLabel(bytes), let value = Self.nameLabel.firstMatch(in: line.text)?.group(1) {
                result.append(value)
            } else if Self.mayBeLabelAlone(bytes), Self.nameLabelAlone.matches(line.text), index + 1 < own.count,
                own[index + 1].block == line.block
            {
                result.append(own[index + 1].text)
            }
        }
        return result
    }

    /// False only when `nameLabel` cannot match: it needs a colon, ASCII or full-width.
    static func mayHoldLabel(_ bytes: LineBytes) -> Bool {
        bytes.contains(UInt8(ascii: ":")) || bytes.contains("：")
    }

    /// False only when `nameLabelAlone` cannot match: it starts with "f", "n" (either case) or "姓"; a line
    /// starting with a non-ASCII character is always tried.
    static func mayBeLabelAlone(_ bytes: LineBytes) -> Bool {
        guard let first = bytes.bytes.first else { return false }
        return first >= 0x80 || "fFnN".utf8.contains(first)
    }

    /// Headings of the contact block, then the document's first heading even when it opens a section
    /// ("Publications — Kai Xu"), each also cut at its separators.
    private func headingCandidates() -> [String] {
        var headings = candidateLines.filter { $0.node.type == .heading && ($0.node.level ?? 1) <= 2 }
        if let first = lines.first(where: { $0.node.type == .heading }), area.kind(of: first.block) != .referees {
            headings.append(first)
        }
        return withJoinedBlocks(headings).flatMap { [$0] + separatedParts($0) }
    }

    private func separatedParts(_ text: String) -> [String] {
        let parts = Self.titleSeparator.replacing(in: text, with: "\u{1F}").split(separator: "\u{1F}")
        return parts.count > 1 ? parts.map { $0.trimmingFast(in: .whitespaces) } : []
    }

    /// Each line, preceded by its whole block on one line when the block is short: a PDF may break a big
    /// name over two lines ("Dr. Björn C." / "Rall").
    private func withJoinedBlocks(_ lines: [DocumentLine]) -> [String] {
        var result: [String] = []
        var previous: Block?
        for line in lines {
            if line.node != previous {
                previous = line.node
                let parts = line.node.text.split(separator: "\n")
                if parts.count > 1, parts.count <= 3 { result.append(parts.joined(separator: " ")) }
            }
            result.append(line.text)
        }
        return result
    }

    private func fontCandidates() -> [String] {
        let firstPage = lines.filter { $0.node.provenance.page == 1 && !area.isOthersMaterial($0.block) }
        // Each block's text on one line, flattened once rather than once per candidate.
        let flattened = firstPage.map { (text: FastText.replacingASCII(0x0A, with: " ", in: $0.node.text), line: $0) }
        let sized = withJoinedBlocks(firstPage).compactMap { text in
            flattened.first { $0.text.containsText(text) }?.line.node.font?.size.map { (text, $0) }
        }
        guard let largest = sized.map(\.1).max() else { return [] }
        let sizes = Set(sized.map(\.1))
        guard sizes.count > 1 else { return [] }
        let large = sized.filter { $0.1 >= largest * 0.8 }
        // A name set in two runs ("Claud D." light, "Park" bold) may come as two blocks: try them joined.
        let pairs = zip(large, large.dropFirst()).filter { pair in
            PersonNames.name(in: pair.0.0) == nil
                && pair.0.0.split(separator: " ").count <= 3 && pair.1.0.split(separator: " ").count <= 3
        }.map { ($0.0.0 + " " + $0.1.0, max($0.0.1, $0.1.1)) }
        return (pairs + large).sorted { $0.1 > $1.1 }.map(\.0)
    }

    private func lineCandidates() -> [String] {
        withJoinedBlocks(candidateLines).filter { $0.split(separator: " ").count <= 8 }
    }

    /// The document's own spelling of `name`: the first short line outside others' material that is a variant.
    private func printedVariant(of name: String) -> String? {
        let usable = candidateLines + lines.filter { !area.isOthersMaterial($0.block) }
        for line in usable where line.text.count <= 80 {
            for text in [line.text] + separatedParts(line.text) {
                if let printed = PersonNames.name(in: text), PersonNames.isVariant(printed, of: name) {
                    return printed
                }
            }
        }
        return nil
    }

    static let nameLabel = TextPattern(
        #"^(?:full\s+name|name|nombre(?:\s+completo)?|nom(?:\s+complet)?|nome(?:\s+completo)?|naam|姓名)\s*[:：]\s*(.+)$"#,
        caseInsensitive: true)
    static let nameLabelAlone = TextPattern(
        #"^(?:full\s+name|name|nombre(?:\s+completo)?|nom(?:\s+complet)?|nome(?:\s+completo)?|naam|姓名)\s*[:：]?$"#,
        caseInsensitive: true)
    private static let callForApplications = TextPattern(
        #"\b(?:call for applications|positions? (?:available|open)|open positions?|vacanc(?:y|ies)|job (?:opening|offer|posting|advert)|we are hiring|(?:phd|ph\.d\.|doctoral|postdoc(?:toral)?|faculty|tenure[- ]track|research(?:er)?|assistant|associate)\s+(?:student\s+)?(?:position|opening|fellowship|vacancy)s?|stellenausschreibung|stellenangebot|offre de (?:thèse|poste|postdoc)|convocatoria|bando di)\b"#,
        caseInsensitive: true)
    private static let titleSeparator = TextPattern(#"\s*[|–—:·•]\s*|\s+-\s+"#)
}

/// Finds `Person` objects in JSON-LD as the HTML reader stores it (one object, an array, or an `@graph`).
enum JSONLDPerson {
    /// Every object whose `@type` is or includes "Person".
    static func people(in value: JSONValue) -> [[String: JSONValue]] {
        if let array = value.arrayValue { return array.flatMap(people(in:)) }
        guard let object = value.objectValue else {
            if let text = value.stringValue, let data = text.data(using: .utf8),
                let decoded = try? JSONDecoder().decode(JSONValue.self, from: data), decoded.stringValue == nil
            {
                return people(in: decoded)
            }
            return []
        }
        var found: [[String: JSONValue]] = []
        let type = object["@type"]
        let types = type?.arrayValue?.compactMap(\.stringValue) ?? [type?.stringValue].compactMap { $0 }
        if types.contains("Person") { found.append(object) }
        for key in ["@graph", "mainEntity", "author"] {
            if let nested = object[key] { found += people(in: nested) }
        }
        return found
    }
}
