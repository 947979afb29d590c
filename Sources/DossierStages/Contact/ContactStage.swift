import DossierText
import DossierModel
import DossierPipeline
import Foundation

/// Fills `profile.person`: the applicant's name (split into given and family), e-mails (obfuscated forms
/// included), phones, links by kind (ORCID with a valid checksum, Google Scholar, GitHub, LinkedIn, the
/// personal website, others), the identifiers those links carry, and the affiliation and address of the
/// contact block.
///
/// Referee and publication sections are never read for the applicant's name, e-mails or phones.
/// Values already in the profile are kept; new ones are added after them.
public struct ContactStage: Stage {
    public let name = "contact"
    public let summary = "the applicant's name, e-mails, phones, links and identifiers"

    public init() {}

    public func run(_ document: Document, context: StageContext) throws -> Document {
        var document = document
        let area = ContactArea(document)
        let lines = DocumentLines.lines(of: document)
        let links = DocumentLines.links(of: document)
        var person = document.profile.person
        if person.name == nil {
            if let found = ApplicantNameFinder(document: document, area: area, lines: lines).find() {
                person.name = PersonNames.split(found)
            } else {
                document.report(.info, stage: name, "no applicant name found")
            }
        }
        let own = Scope(lines: lines.filter { !area.isOthersMaterial($0.block) }, links: links.filter { !area.isOthersMaterial($0.block) })
        let contact = own.restricted(to: area.contactBlocks)
        let details = own.restricted(to: area.detailBlocks)
        let memo = EmailMemo()
        addEmails(to: &person, contact: contact, details: details, own: own, metadata: document.metadata, memo: memo)
        addPhones(to: &person, contact: contact, details: details)
        addLinks(to: &person, contactLinks: contact.links, otherLinks: own.links, metadata: document.metadata, memo: memo)
        addLabelledProfiles(to: &person, lines: contact.lines)
        if person.affiliation == nil || person.address == nil {
            let contactLines = lines.filter { area.contactBlocks.contains($0.block) && $0.node.type != .heading }
            let byBlock = Dictionary(grouping: contactLines, by: \.block).sorted { $0.key < $1.key }.map { $0.value.map(\.text) }
            let block = ContactBlocks.read(byBlock, name: person.name?.literal)
            person.affiliation = person.affiliation ?? block.affiliation
            person.address = person.address ?? block.address
        }
        document.profile.person = person
        return document
    }

    /// Lines and links of some top-level blocks.
    private struct Scope {
        var lines: [DocumentLine]
        var links: [DocumentLink]

        func restricted(to blocks: Set<Int>) -> Scope {
            Scope(lines: lines.filter { blocks.contains($0.block) }, links: links.filter { blocks.contains($0.block) })
        }
    }

    /// The contact block's addresses; else those near the top or in a contact section; else, anywhere outside
    /// referee and publication sections, only those that carry the applicant's name or stand behind an "Email"
    /// link or icon (an advisor's address in an education entry or a signer's on an appended certificate is
    /// not the applicant's).
    private func addEmails(to person: inout Person, contact: Scope, details: Scope, own: Scope, metadata: [String: JSONValue], memo: EmailMemo) {
        var emails: [String] = []
        for scope in [contact, details] where emails.isEmpty {
            emails = findEmails(lines: scope.lines, links: scope.links, metadata: metadata, memo: memo)
        }
        if emails.isEmpty {
            // A sidebar at the end of a page: an "Email" link (or an icon) is the page owner's.
            let sidebarLinks = own.links.filter { Self.emailLabel.matches($0.text.trimmingFast(in: .whitespacesAndNewlines)) }
            let sidebar = findEmails(lines: [], links: sidebarLinks, metadata: [:], memo: memo)
            emails = findEmails(lines: own.lines, links: own.links, metadata: metadata, memo: memo).filter { carriesName($0, person.name) || sidebar.contains($0) }
        }
        var known = Set(person.emails.map { $0.lowercased() })
        for email in emails where known.insert(email.lowercased()).inserted {
            person.emails.append(email)
        }
    }

    /// The contact block's numbers; else labelled ones near the top or in a contact section; never others.
    private func addPhones(to person: inout Person, contact: Scope, details: Scope) {
        var phones = findPhones(lines: contact.lines, links: contact.links)
        if phones.isEmpty { phones = findPhones(lines: details.lines, links: details.links, labelledOnly: true) }
        var known = Set(person.phones.map(digits))
        for phone in phones where known.insert(digits(phone)).inserted {
            person.phones.append(phone)
        }
    }

    /// Addresses in document order, deduplicated; a JSON-LD `Person`'s e-mail last.
    private func findEmails(lines: [DocumentLine], links: [DocumentLink], metadata: [String: JSONValue], memo: EmailMemo) -> [String] {
        var ordered: [(block: Int, email: String)] = []
        // A PDF's line-end hyphen inside a shown address ("athorvald-" / "sen@eit.edu") is the typesetter's when the
        // link under it has the address without it.
        // An icon's name glued before an address the link shows ("Envelope" + "boeing@usc.edu", a symbol font whose
        // glyph carries its name as text) is not part of it.
        // Each link read once: the address of its target and those its text shows.
        let targetOfLink = links.map { memo.email(inLinkTarget: $0.url) }
        let shownByLink = links.map { memo.emails(in: $0.text) }
        let targets = targetOfLink.compactMap { $0 }
        let shown = shownByLink.flatMap { $0 }
        // Indexed once, so that thousands of addresses cost linear time: a shown address by its lower-case form
        // (the first shown wins), a link target by its lower-case form without hyphens (the first in order kept).
        var shownIndex: [String: (order: Int, email: String)] = [:]
        for (order, email) in shown.enumerated() where shownIndex[email.lowercased()] == nil {
            shownIndex[email.lowercased()] = (order, email)
        }
        var targetsByBareForm: [String: [String]] = [:]
        for target in targets { targetsByBareForm[target.replacingAll("-", with: "").lowercasedFast(), default: []].append(target) }
        func unbroken(_ email: String) -> String {
            // The shown address that ends this one after a prefix of letters only; the first shown if several do.
            var best: (order: Int, email: String)?
            var rest = Substring(email)
            while let first = rest.first, first.isLetter {
                rest = rest.dropFirst()
                if let found = shownIndex[rest.lowercasedFast()], found.order < (best?.order ?? .max) { best = found }
            }
            if let best { return best.email }
            guard email.containsText("-"), !targets.isEmpty else { return email }
            let bare = email.replacingAll("-", with: "").lowercasedFast()
            return targetsByBareForm[bare]?.first { $0.count < email.count } ?? email
        }
        for line in lines {
            ordered += memo.emails(in: line.text).map { (line.block, unbroken($0)) }
        }
        for (position, link) in links.enumerated() where shownByLink[position].isEmpty {
            // A link that shows an address is read as shown: its target may be an older, hidden one.
            if let email = targetOfLink[position] { ordered.append((link.block, email)) }
        }
        var emails = ordered.enumerated().sorted { ($0.element.block, $0.offset) < ($1.element.block, $1.offset) }.map(\.element.email)
        // Front matter that names the address (Jekyll and R Markdown CV templates: `email:`, `mail:`).
        for key in ["email", "e-mail", "mail"] {
            guard let value = metadata[key] else { continue }
            let values = value.arrayValue?.compactMap(\.stringValue) ?? value.stringValue.map { [$0] } ?? []
            emails += values.flatMap { EmailFinder.emails(in: $0) }
        }
        if let jsonLD = metadata["jsonld"] {
            emails += JSONLDPerson.people(in: jsonLD).prefix(1).compactMap { $0["email"]?.stringValue }
                .compactMap { EmailFinder.email(inLinkTarget: $0) }
        }
        var seen: Set<String> = []
        return emails.filter { seen.insert($0.lowercased()).inserted }
    }

    private func findPhones(lines: [DocumentLine], links: [DocumentLink], labelledOnly: Bool = false) -> [String] {
        lines.flatMap { PhoneFinder.phones(in: $0.text, labelledOnly: labelledOnly) } + links.compactMap { PhoneFinder.phone(inLinkTarget: $0.url) }
    }

    private func digits(_ phone: String) -> String { phone.filter(\.isNumber) }

    /// Whether the address contains the applicant's family name or first given name (accents folded).
    private func carriesName(_ email: String, _ name: PersonName?) -> Bool {
        guard let name else { return false }
        let address = email.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        let parts = [name.family, name.given?.split(separator: " ").first.map(String.init)].compactMap { $0 }
        return parts.contains { part in
            let folded = part.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
                .filter(\.isLetter)
            return folded.count >= 3 && address.contains(folded)
        }
    }

    private func addLinks(to person: inout Person, contactLinks: [DocumentLink], otherLinks: [DocumentLink], metadata: [String: JSONValue], memo: EmailMemo) {
        var website: String? = person.links.first { $0.kind == .website }?.url
        for key in ["url", "website", "homepage"] {
            if website == nil, let url = metadata[key]?.stringValue, ProfileLinkKinds.classify(url)?.kind == .other {
                website = ProfileLinkKinds.withScheme(url)
            }
        }
        var sameAs: [String] = []
        if let jsonLD = metadata["jsonld"], let first = JSONLDPerson.people(in: jsonLD).first {
            sameAs = (first["sameAs"]?.arrayValue ?? [first["sameAs"]].compactMap { $0 }).compactMap(\.stringValue)
        }
        var classified: [(ClassifiedLink, text: String)] = []
        for link in contactLinks {
            guard let kind = ProfileLinkKinds.classify(link.url), memo.email(inLinkTarget: link.url) == nil else { continue }
            classified.append((kind, link.text))
        }
        for url in sameAs {
            if let kind = ProfileLinkKinds.classify(url) { classified.append((kind, url)) }
        }
        for link in otherLinks where namesTheService(link.text) {
            guard let kind = ProfileLinkKinds.classify(link.url), kind.kind != .other else { continue }
            classified.append((kind, link.text))
        }
        if website == nil {
            let candidates = classified.filter { $0.0.kind == .other && !ProfileLinkKinds.isThirdPartySite($0.0.url) }
            let personal = candidates.first { Self.personalWord.matches($0.text) } ?? candidates.first { Self.homepageWords.matches($0.text) }
            website = (personal ?? candidates.first)?.0.url
        }
        if let website { append(Link(kind: .website, url: website), to: &person) }
        for (link, _) in classified {
            let kind: Link.Kind = link.url == website ? .website : link.kind
            append(Link(kind: kind, url: link.url), to: &person)
            if let identifier = link.identifier, person.identifiers[identifier.scheme] == nil {
                person.identifiers[identifier.scheme] = identifier.value
            }
        }
    }

    /// "ORCID: 0000-0002-1825-0097", "GitHub: login", "LinkedIn: handle" written without a link.
    private func addLabelledProfiles(to person: inout Person, lines: [DocumentLine]) {
        for line in lines where ContactStage.mayHoldLabelledProfile(LineBytes(line.text)) {
            for match in ContactStage.labelledProfile.matches(in: line.text) {
                guard let label = match.group(1)?.lowercased(), let value = match.group(2) else { continue }
                let url: String
                if label.contains("orcid") {
                    url = "https://orcid.org/\(value)"
                } else if label.contains("github"), Self.githubLogin.matches(value) {
                    url = "https://github.com/\(value)"
                } else if label.contains("linkedin"), Self.linkedInHandle.matches(value) {
                    url = "https://www.linkedin.com/in/\(value)"
                } else {
                    continue
                }
                guard let link = ProfileLinkKinds.classify(url), let identifier = link.identifier else { continue }
                if person.identifiers[identifier.scheme] == nil {
                    person.identifiers[identifier.scheme] = identifier.value
                    append(Link(kind: link.kind, url: link.url), to: &person)
                }
            }
        }
    }

    /// False only when `labelledProfile` cannot match: each of its labels spells "orcid", "github" or "linkedin"
    /// (either case); a non-ASCII line is always tried, as a character like "K" (Kelvin) folds to ASCII.
    static func mayHoldLabelledProfile(_ bytes: LineBytes) -> Bool {
        !bytes.isASCII || bytes.containsIgnoringASCIICase("orcid") || bytes.containsIgnoringASCIICase("github")
            || bytes.containsIgnoringASCIICase("linkedin")
    }

    /// Outside the contact block a profile link counts only when its text names the service or is the address
    /// itself ("GitHub", "orcid.org/…", an icon) — not a co-author's name linked to their own profile.
    private func namesTheService(_ text: String) -> Bool {
        let trimmed = text.trimmingFast(in: Self.serviceEdges)
        if trimmed.isEmpty || ByteSearch.mayHoldFoldingASCII(trimmed, anyOf: Self.serviceLiterals) && Self.serviceWords.matches(trimmed) { return true }
        if trimmed.containsText(" ") { return false }
        return !(trimmed.first?.isUppercase ?? false && trimmed.allSatisfy(\.isLetter))
    }

    private func append(_ link: Link, to person: inout Person) {
        guard !person.links.contains(where: { $0.url.lowercased() == link.url.lowercased() }) else { return }
        person.links.append(link)
    }


    private static let emailLabel = TextPattern(#"^(?:e-?mail(?: me)?|mail|contact(?: me)?|\W*)$"#, caseInsensitive: true)
    /// What `namesTheService` trims off a link's text, built once.
    private static let serviceEdges = CharacterSet.whitespacesAndNewlines.union(.punctuationCharacters)
    private static let serviceWords = TextPattern(#"github|scholar|orcid|linkedin|profile"#, caseInsensitive: true)
    /// The literals of `serviceWords`, for its byte prefilter.
    private static let serviceLiterals: [StaticString] = ["github", "scholar", "orcid", "linkedin", "profile"]
    private static let personalWord = TextPattern(#"\bpersonal\b|\bown\b"#, caseInsensitive: true)
    private static let homepageWords = TextPattern(#"homepage|home page|website|web site|\bweb\b|\bsite\b"#, caseInsensitive: true)
    static let labelledProfile = TextPattern(
        #"(orcid(?:\s*i[dD])?\s*:?|\\faOrcid\s*:?|github\s*:|\\faGithub\s*:?|linkedin\s*:|\\faLinkedin\s*:?)\s*((?:\d{4}-){3}\d{3}[\dXx]|[A-Za-z0-9-]+(?![\w./@]))"#,
        caseInsensitive: true)
    private static let githubLogin = TextPattern(#"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$"#)
    private static let linkedInHandle = TextPattern(#"^[A-Za-z0-9-]{3,100}$"#)
}
