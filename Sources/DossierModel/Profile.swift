/// What the document means, filled by stages: the applicant, the sections, entries, publications, referees.
public struct Profile: Codable, Sendable, Hashable {
    public var person: Person
    public var sections: [Section]
    public var entries: [Entry]
    public var publications: [Publication]
    public var referees: [Referee]

    public init(
        person: Person = Person(), sections: [Section] = [], entries: [Entry] = [], publications: [Publication] = [],
        referees: [Referee] = []
    ) {
        self.person = person
        self.sections = sections
        self.entries = entries
        self.publications = publications
        self.referees = referees
    }
}

/// The applicant.
public struct Person: Codable, Sendable, Hashable {
    public var name: PersonName?
    public var emails: [String]
    public var phones: [String]
    public var links: [Link]
    /// Identifier scheme → value, e.g. `"orcid": "0000-0002-1825-0097"`.
    public var identifiers: [String: String]
    public var affiliation: String?
    public var address: String?

    public init(
        name: PersonName? = nil, emails: [String] = [], phones: [String] = [], links: [Link] = [],
        identifiers: [String: String] = [:], affiliation: String? = nil, address: String? = nil
    ) {
        self.name = name
        self.emails = emails
        self.phones = phones
        self.links = links
        self.identifiers = identifiers
        self.affiliation = affiliation
        self.address = address
    }
}

/// A person's name as written and split.
public struct PersonName: Codable, Sendable, Hashable {
    public var literal: String
    public var given: String?
    public var family: String?

    public init(literal: String, given: String? = nil, family: String? = nil) {
        self.literal = literal
        self.given = given
        self.family = family
    }
}

/// A web link of the applicant, by kind.
public struct Link: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, Hashable, CaseIterable {
        case orcid, scholar, github, linkedin, website, other
    }

    public var kind: Kind
    public var url: String

    public init(kind: Kind, url: String) {
        self.kind = kind
        self.url = url
    }
}

/// A section of the document: a heading's meaning and the top-level blocks it spans.
public struct Section: Codable, Sendable, Hashable {
    public var kind: SectionKind
    public var title: String
    /// Indices `[first, last]` into `Document.blocks`, inclusive.
    public var blocks: [Int]
    /// For a sub-heading: what it says more precisely ("journal articles" under publications).
    public var subkind: String?

    public init(kind: SectionKind, title: String, blocks: [Int], subkind: String? = nil) {
        self.kind = kind
        self.title = title
        self.blocks = blocks
        self.subkind = subkind
    }
}

/// What a section is about; the spellings are part of the JSON contract.
public enum SectionKind: String, Codable, Sendable, Hashable, CaseIterable {
    case summary, education, employment, publications, talks, grants, awards, teaching, service, skills, languages,
        projects, referees
    case researchStatement = "research-statement"
    case other
}

/// A referee (a person who writes a letter for the applicant).
public struct Referee: Codable, Sendable, Hashable {
    public var name: PersonName
    public var title: String?
    public var institution: String?
    public var email: String?
    public var phone: String?
    public var relation: String?
    public var raw: String?

    public init(
        name: PersonName, title: String? = nil, institution: String? = nil, email: String? = nil,
        phone: String? = nil, relation: String? = nil, raw: String? = nil
    ) {
        self.name = name
        self.title = title
        self.institution = institution
        self.email = email
        self.phone = phone
        self.relation = relation
        self.raw = raw
    }
}
