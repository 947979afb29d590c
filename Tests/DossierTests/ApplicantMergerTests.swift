import Dossier
import XCTest

/// The merge of one applicant's documents, on documents built in code.
final class ApplicantMergerTests: XCTestCase {
    static func document(_ path: String, name: String? = nil, emails: [String] = [], orcid: String? = nil,
                         publications: [Publication] = [], referees: [Referee] = []) -> Document {
        var document = Document(source: Source(path: path, format: .markdown, bytes: 10, sha256: String(repeating: "a", count: 64)))
        document.profile.person = Person(name: name.map { PersonNames.split($0) }, emails: emails,
                                         identifiers: orcid.map { ["orcid": $0] } ?? [:])
        document.profile.publications = publications
        document.profile.referees = referees
        return document
    }

    static func paper(_ id: String, title: String, year: Int?, doi: String? = nil, authors: [String] = ["Okafor, A.", "Lee, B."],
                      position: Int? = 1, confidence: [String: Double] = [:]) -> Publication {
        var publication = Publication(id: id, type: "article-journal", raw: "\(authors.joined(separator: ", ")) (\(year.map(String.init) ?? "n.d.")). \(title).")
        publication.title = title
        publication.issued = year.map { CSLDate(dateParts: [[$0]]) }
        publication.doi = doi
        publication.author = authors.map { author in
            let parts = author.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            return CSLName(family: parts[0], given: parts.count > 1 ? parts[1] : nil)
        }
        publication.applicantPosition = position
        publication.confidence = confidence
        return publication
    }

    func testSameDOIIsOnePaperWithBothSources() {
        let cv = Self.document("alice/cv.md", name: "Alice Okafor", publications: [
            Self.paper("p1", title: "Soil microbes in drought", year: 2021, doi: "10.1234/soil.2021"),
        ])
        let list = Self.document("alice/pubs.html", publications: [
            Self.paper("p1", title: "Soil Microbes under Drought Stress", year: 2021, doi: "https://doi.org/10.1234/SOIL.2021"),
        ])
        let record = ApplicantMerger().merge(key: "alice", documents: [cv, list])
        XCTAssertEqual(record.publications.count, 1)
        XCTAssertEqual(record.publications[0].sources.map(\.path), ["alice/cv.md", "alice/pubs.html"])
        XCTAssertEqual(record.publications[0].sources.map(\.matchedBy), [nil, "doi"])
        XCTAssertEqual(record.kind, "applicant")
    }

    func testNormalizedTitleAndYearMatch() {
        let cv = Self.document("a/cv.md", name: "Alice Okafor", publications: [
            Self.paper("p1", title: "Root exudates and nitrogen: a field study", year: 2019),
        ])
        var copy = Self.paper("p4", title: "Root Exudates and Nitrogen — A Field Study.", year: 2019)
        copy.raw = "A. Okafor and B. Lee. Root Exudates and Nitrogen — A Field Study. Plant and Soil, 2019."
        let site = Self.document("a/site.html", publications: [
            copy,
            Self.paper("p5", title: "Root exudates and nitrogen: a field study", year: 2017),
        ])
        let record = ApplicantMerger().merge(key: "a", documents: [cv, site])
        XCTAssertEqual(record.publications.count, 2, "a different year is a different paper")
        XCTAssertEqual(record.publications[0].sources.map(\.id), ["p1", "p4"])
        XCTAssertEqual(record.publications[0].sources[1].matchedBy, "title-year")
        XCTAssertEqual(record.publications[1].sources.map(\.id), ["p5"])
    }

    func testCloseTitleMatchNeedsAgreeingYears() {
        let cv = Self.document("a/cv.md", name: "Alice Okafor", publications: [
            Self.paper("p1", title: "Mycorrhizal networks buffer seedlings against drought in boreal forests", year: 2020),
            Self.paper("p2", title: "Mycorrhizal networks buffer seedlings against frost in alpine meadows", year: 2020),
        ])
        let list = Self.document("a/pubs.pdf", publications: [
            Self.paper("p1", title: "Mycorrhizal network buffer seedlings against drought in boreal forest", year: nil),
        ])
        let record = ApplicantMerger().merge(key: "a", documents: [cv, list])
        XCTAssertEqual(record.publications.count, 2)
        XCTAssertEqual(record.publications[0].sources.map(\.path), ["a/cv.md", "a/pubs.pdf"])
        XCTAssertEqual(record.publications[0].sources[1].matchedBy, "close-title")
        XCTAssertEqual(record.publications[1].sources.count, 1)
    }

    func testDifferentDOIsAreNeverMerged() {
        let cv = Self.document("a/cv.md", name: "Alice Okafor", publications: [
            Self.paper("p1", title: "A model of soil carbon", year: 2020, doi: "10.1234/one"),
            Self.paper("p2", title: "A model of soil carbon", year: 2020, doi: "10.1234/two"),
        ])
        XCTAssertEqual(ApplicantMerger().merge(key: "a", documents: [cv]).publications.count, 2)
    }

    func testBestFieldsWinByConfidenceAndSayWhereTheyCameFrom() {
        var weak = Self.paper("p1", title: "Soil microbes in drought", year: 2021, doi: "10.1234/x", confidence: ["container-title": 0.4])
        weak.containerTitle = "Soil Biol"
        var strong = Self.paper("p9", title: "Soil microbes in drought", year: 2021, doi: "10.1234/x", confidence: ["container-title": 0.97])
        strong.containerTitle = "Soil Biology and Biochemistry"
        strong.volume = "12"
        let record = ApplicantMerger().merge(key: "a", documents: [
            Self.document("a/cv.md", name: "Alice Okafor", publications: [weak]),
            Self.document("a/site.html", publications: [strong]),
        ])
        let merged = record.publications[0]
        XCTAssertEqual(merged.publication.containerTitle, "Soil Biology and Biochemistry")
        XCTAssertEqual(merged.publication.confidence["container-title"], 0.97)
        XCTAssertEqual(merged.fieldSources["container-title"], 1)
        XCTAssertEqual(merged.publication.volume, "12")
        XCTAssertEqual(merged.publication.id, "p1")
    }

    func testConflictingNamesEmailsAndIdentifiersAreReported() {
        let record = ApplicantMerger().merge(key: "a", documents: [
            Self.document("a/cv.md", name: "Alice Okafor", emails: ["alice@uni.example"], orcid: "0000-0002-1825-0097"),
            Self.document("a/site.html", name: "Alice Okafor", emails: ["a.okafor@lab.example"], orcid: "0000-0001-5109-3700"),
            Self.document("a/statement.md", name: "Bernard Quist"),
        ])
        XCTAssertEqual(record.person.name?.literal, "Alice Okafor")
        XCTAssertEqual(record.person.emails, ["alice@uni.example", "a.okafor@lab.example"])
        XCTAssertEqual(record.person.identifiers["orcid"], "0000-0002-1825-0097")
        let messages = record.warnings.map(\.diagnostic.message)
        XCTAssertTrue(messages.contains { $0.contains("Bernard Quist") && $0.contains("kept 'Alice Okafor'") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("different e-mails") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("different orcid") && $0.contains("0000-0001-5109-3700") }, "\(messages)")
        XCTAssertTrue(record.warnings.allSatisfy { $0.diagnostic.stage == "packets" && $0.document == nil })
    }

    func testApplicantNameFindsTheApplicantInAListThatNamesNobody() {
        let list = Self.document("list.md", publications: [
            Self.paper("p1", title: "Soil microbes in drought", year: 2021, authors: ["Lee, B.", "Okafor, Alice"], position: nil),
        ])
        let record = ApplicantMerger(applicantName: "Alice Okafor").merge(key: "Alice Okafor", documents: [list])
        XCTAssertEqual(record.person.name?.family, "Okafor")
        XCTAssertEqual(record.publications[0].publication.applicantPosition, 2)
    }

    func testRefereesOnceEachWithTheirDocuments() {
        let referee = Referee(name: PersonName(literal: "Dr. Mara Jensen", given: "Mara", family: "Jensen"), email: "mjensen@uni.example")
        var fuller = referee
        fuller.institution = "University of Elsewhere"
        let record = ApplicantMerger().merge(key: "a", documents: [
            Self.document("a/cv.md", name: "Alice Okafor", referees: [referee]),
            Self.document("a/referees.md", referees: [fuller]),
        ])
        XCTAssertEqual(record.referees.count, 1)
        XCTAssertEqual(record.referees[0].documents, [0, 1])
        XCTAssertEqual(record.referees[0].referee.institution, "University of Elsewhere")
    }

    func testRecordRoundTripsThroughJSON() throws {
        let record = ApplicantMerger().merge(key: "a", documents: [
            Self.document("a/cv.md", name: "Alice Okafor", publications: [Self.paper("p1", title: "Soil", year: 2021)]),
        ])
        let data = try record.encoded(pretty: false)
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(text.contains(#""kind":"applicant""#))
        XCTAssertTrue(text.contains(#""sources":[{"document":0"#))
        XCTAssertEqual(try JSONDecoder().decode(ApplicantRecord.self, from: data), record)
    }

    func testTitleMeasures() {
        XCTAssertEqual(TitleMatching.normalizedTitle("Élan: the  Vital—Force!"), "elan the vital force")
        XCTAssertEqual(TitleMatching.normalizedDOI("https://doi.org/10.1000/ABC."), "10.1000/abc")
        XCTAssertEqual(TitleMatching.editRatio("abcd", "abcd"), 1)
        XCTAssertEqual(TitleMatching.editRatio("abcd", "abce"), 0.75)
        XCTAssertEqual(TitleMatching.tokenJaccard("a b c", "a b d"), 0.5)
        XCTAssertFalse(TitleMatching.closeTitles("short one", "short two"))
    }
}

extension ApplicantMergerTests {
    func testTwoItemsOfOneDocumentWithOneTitleStayTwo() {
        var book = Self.paper("p1", title: "Notes", year: 1843)
        book.raw = "Lovelace A. Notes. London: Taylor; 1843."
        var talk = Self.paper("p2", title: "Notes", year: 1843)
        talk.raw = "Lovelace A. Notes. In: Proc. Engines; 1843."
        let record = ApplicantMerger().merge(key: "a", documents: [
            Self.document("a/cv.md", name: "Ada Lovelace", publications: [book, talk]),
            Self.document("a/site.html", publications: [book, talk]),
        ])
        XCTAssertEqual(record.publications.map { $0.sources.map(\.id) }, [["p1", "p1"], ["p2", "p2"]])
    }
}

extension ApplicantMergerTests {
    func testADOICutAtALineEndDoesNotKeepCopiesApartAndTheWholeDOIWins() {
        let record = ApplicantMerger().merge(key: "a", documents: [
            Self.document("a/cv.pdf", name: "Jonas Lindqvist", publications: [
                Self.paper("p1", title: "Verified compilation of probabilistic programs", year: 2023, doi: "10.5555/pacmpl"),
            ]),
            Self.document("a/site.html", publications: [
                Self.paper("p1", title: "Verified compilation of probabilistic programs", year: 2023, doi: "10.5555/PACMPL.2023.0201"),
            ]),
        ])
        XCTAssertEqual(record.publications.count, 1)
        XCTAssertEqual(record.publications[0].publication.doi, "10.5555/PACMPL.2023.0201")
        XCTAssertEqual(record.publications[0].fieldSources["DOI"], 1)
    }
}

extension ApplicantMergerTests {
    func testAVenueWrittenOutBeatsItsAbbreviationOnANearTie() {
        var short = Self.paper("p1", title: "Verified compilation of probabilistic programs", year: 2023, confidence: ["container-title": 0.99])
        short.containerTitle = "Proc. ACM Program. Lang"
        var long = Self.paper("p1", title: "Verified compilation of probabilistic programs", year: 2023, confidence: ["container-title": 0.97])
        long.containerTitle = "Proceedings of the ACM on Programming Languages"
        let record = ApplicantMerger().merge(key: "a", documents: [
            Self.document("a/site.html", name: "Jonas Lindqvist", publications: [short]),
            Self.document("a/cv.pdf", publications: [long]),
        ])
        XCTAssertEqual(record.publications[0].publication.containerTitle, "Proceedings of the ACM on Programming Languages")
        XCTAssertEqual(record.publications[0].fieldSources["container-title"], 1)
    }
}

extension ApplicantMergerTests {
    func testCopiesThatGiveDifferentYearsAreAWarning() {
        let record = ApplicantMerger().merge(key: "a", documents: [
            Self.document("a/cv.md", name: "Alice Okafor", publications: [Self.paper("p1", title: "Soil microbes in drought", year: 2022, doi: "10.1234/x")]),
            Self.document("a/site.html", publications: [Self.paper("p1", title: "Soil microbes in drought", year: 2023, doi: "10.1234/x")]),
        ])
        XCTAssertEqual(record.publications.count, 1)
        XCTAssertEqual(record.warnings.map(\.diagnostic.message),
                       ["copies of \"Soil microbes in drought\" give different years: 2022 (a/cv.md), 2023 (a/site.html); kept 2022"])
    }
}
