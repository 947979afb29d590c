import DossierModel
import DossierText

/// The applicant merged from every document of a packet, and what the documents disagree about.
///
/// The name is `--applicant` when given, else the one most documents give (the fuller on a tie); a document naming
/// someone with another family name is a warning. E-mails, phones and links are all kept; documents that give
/// disjoint e-mails, or different values of one identifier (two ORCIDs), are warnings naming both.
struct PersonMerge {
    private(set) var person = Person()
    private(set) var diagnostics: [Diagnostic] = []

    init(documents: [Document], applicantName: String?) {
        let named = documents.compactMap { document in document.profile.person.name.map { (document.source.path, $0) } }
        person.name = applicantName.map { PersonNames.split($0) } ?? Self.mostCommon(named.map(\.1))
        if let chosen = person.name { checkNames(named, against: chosen, given: applicantName != nil) }
        for document in documents {
            let other = document.profile.person
            for email in other.emails where !person.emails.contains(where: { $0.lowercased() == email.lowercased() }) {
                person.emails.append(email)
            }
            for phone in other.phones where !person.phones.contains(phone) { person.phones.append(phone) }
            for link in other.links where !person.links.contains(where: { $0.url == link.url }) { person.links.append(link) }
            for (scheme, value) in other.identifiers.sorted(by: { $0.key < $1.key }) {
                if let existing = person.identifiers[scheme] {
                    if existing.lowercased() != value.lowercased() {
                        warn("documents give different \(scheme) identifiers: \(existing) and \(value) (\(document.source.path)); kept \(existing)")
                    }
                } else {
                    person.identifiers[scheme] = value
                }
            }
            person.affiliation = person.affiliation ?? other.affiliation
            person.address = person.address ?? other.address
        }
        checkEmails(documents)
    }

    /// The name given most often, folded; on a tie the longer (fuller) one, then the earlier.
    private static func mostCommon(_ names: [PersonName]) -> PersonName? {
        var counts: [String: Int] = [:]
        for name in names { counts[TitleMatching.foldedName(name.literal), default: 0] += 1 }
        return names.enumerated().max { left, right in
            let a = counts[TitleMatching.foldedName(left.element.literal), default: 0]
            let b = counts[TitleMatching.foldedName(right.element.literal), default: 0]
            if a != b { return a < b }
            if left.element.literal.count != right.element.literal.count { return left.element.literal.count < right.element.literal.count }
            return left.offset > right.offset
        }?.element
    }

    /// A document naming someone else (another family name) is a warning; the same person written another way, info.
    private mutating func checkNames(_ named: [(String, PersonName)], against chosen: PersonName, given: Bool) {
        let chosenFamily = TitleMatching.foldedName(chosen.family ?? PersonNames.split(chosen.literal).family ?? chosen.literal)
        for (path, name) in named where TitleMatching.foldedName(name.literal) != TitleMatching.foldedName(chosen.literal) {
            let family = TitleMatching.foldedName(name.family ?? PersonNames.split(name.literal).family ?? name.literal)
            let source = given ? "--applicant" : "the other documents"
            if family != chosenFamily {
                warn("\(path) names '\(name.literal)', \(source) '\(chosen.literal)'; kept '\(chosen.literal)'")
            } else {
                diagnostics.append(Diagnostic(severity: .info, stage: ApplicantMerger.stageName,
                                              message: "\(path) writes the name '\(name.literal)'; kept '\(chosen.literal)'"))
            }
        }
    }

    /// Two documents whose e-mails have nothing in common: both kept, said out loud.
    private mutating func checkEmails(_ documents: [Document]) {
        let withEmails = documents.filter { !$0.profile.person.emails.isEmpty }
        guard let first = withEmails.first else { return }
        let firstSet = Set(first.profile.person.emails.map { $0.lowercased() })
        for other in withEmails.dropFirst() where firstSet.isDisjoint(with: other.profile.person.emails.map { $0.lowercased() }) {
            warn("documents give different e-mails: \(first.profile.person.emails.joined(separator: ", ")) (\(first.source.path)) and \(other.profile.person.emails.joined(separator: ", ")) (\(other.source.path)); all kept")
        }
    }

    private mutating func warn(_ message: String) {
        diagnostics.append(Diagnostic(severity: .warning, stage: ApplicantMerger.stageName, message: message))
    }
}
