import DossierModel
import DossierText
@testable import DossierStages
import Foundation
import XCTest

/// The byte prechecks in front of the authorship searches change no answer: `AuthorMarks.find` and
/// `ApplicantAnchoredAuthors.repair` against their code before the prechecks, kept here as the reference.
final class AuthorshipPrechecksTests: XCTestCase {
    /// `AuthorMarks.find` as it was: every author's name searched for and the characters after it read.
    private func findAsBefore(in raw: String, authors: [CSLName]) -> (equal: [Int], corresponding: [Int]) {
        var marked: [Character: [Int]] = [:]
        for (offset, author) in authors.enumerated() {
            guard let family = author.family, let range = raw.rangeOfText(family) else { continue }
            let tail = raw[range.upperBound...].prefix(12)
            let stop = tail.firstIndex { $0 == "," || $0 == ";" || $0 == "(" } ?? tail.endIndex
            for mark in tail[..<stop] where "*†‡#✉".contains(mark) { marked[mark, default: []].append(offset + 1) }
        }
        var equal: [Int] = [], corresponding: [Int] = []
        for (mark, positions) in marked {
            if mark == "✉" || positions.count == 1 { corresponding += positions } else { equal += positions }
        }
        let lowered = raw.lowercasedFast()
        if lowered.containsText("equal contribution") || lowered.containsText("contributed equally"), equal.isEmpty {
            equal = marked.values.flatMap { $0 }
            corresponding.removeAll { equal.contains($0) }
        }
        return (equal.sorted(), corresponding.sorted())
    }

    func testMarksAgreeWithTheSearchBefore() {
        let pieces = ["Tanaka", "Li", "Smith", ", ", " ", "E.", "*", "†", "‡", "#", "✉", "(", ";", "equal contribution", "é", "2019", "Title words"]
        let authors = [CSLName(family: "Tanaka", given: "E."), CSLName(family: "Li", given: "X."), CSLName(family: "Smith", given: "J.")]
        var generator = SplitMix(seed: 2037)
        var marked = 0
        for _ in 0..<10000 {
            let raw = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            let found = AuthorMarks.find(in: raw, authors: authors)
            let expected = findAsBefore(in: raw, authors: authors)
            XCTAssertEqual(found.equal, expected.equal, raw.debugDescription)
            XCTAssertEqual(found.corresponding, expected.corresponding, raw.debugDescription)
            if !found.equal.isEmpty || !found.corresponding.isEmpty { marked += 1 }
        }
        XCTAssertGreaterThan(marked, 1000)
    }

    /// `ApplicantAnchoredAuthors.repair` as it was, without the precheck on the written names.
    private func repairAsBefore(_ publication: inout Publication, matches: (CSLName) -> Bool, written: [String]) -> Bool {
        guard let title = publication.title, let authors = publication.author, let first = authors.first,
              !authors.contains(where: { author in author.given?.isEmpty == false && matches(author) }) else { return false }
        let raw = publication.raw
        guard let titleRange = raw.rangeOfText(title) else { return false }
        let starts = [first.given, first.family, first.literal].compactMap { $0 }.filter { !$0.isEmpty }
            .compactMap { raw.rangeOfText($0)?.lowerBound }.filter { $0 < titleRange.lowerBound }
        guard let start = starts.min() else { return false }
        for name in written {
            var searchFrom = start
            while let found = raw.rangeOfText(name, in: searchFrom..<titleRange.upperBound) {
                searchFrom = found.upperBound
                guard found.upperBound > titleRange.lowerBound,
                      raw.distance(from: titleRange.lowerBound, to: found.upperBound) <= 80 else { continue }
                var after = raw[found.upperBound...]
                while let mark = after.first, "*†‡§¶#".contains(mark) { after = after.dropFirst() }
                guard let separator = after.first, ".:,".contains(separator), after.dropFirst().first == " " else { continue }
                let span = String(raw[start..<found.upperBound])
                let rest = after.dropFirst().drop { $0 == " " }
                let titleEnd = titleRange.upperBound
                guard ApplicantAnchoredAuthors.isNamesOnly(span), rest.startIndex < titleEnd else { continue }
                let names = PersonNames.authorList(span).names
                guard names.count >= authors.count, !names.isEmpty else { continue }
                let newTitle = String(raw[rest.startIndex..<titleEnd]).trimmingFast(in: CharacterSet(charactersIn: " .,;:"))
                guard newTitle.split(separator: " ").count >= 2 else { continue }
                publication.author = names
                publication.title = newTitle
                return true
            }
        }
        return false
    }

    /// References with and without the applicant's written name before or inside the title read: the same answer, the
    /// same authors and title after.
    func testRepairAgreesWithTheSearchBefore() {
        let heads = ["Tanaka, E., ", "Tanaka, E., Example, J. ", "Tanaka, E., and J. Example: ", "Li, X., Example, J.: ", ""]
        let titles = ["Example, J.: A study of things in places", "A study of things", "Gene networks. Example, J., more words", "Título"]
        let tails = [" Nature 12, 1–3 (2019).", ". Cell, 2020.", ""]
        var generator = SplitMix(seed: 2038)
        var repaired = 0
        for _ in 0..<3000 {
            let head = heads.randomElement(using: &generator) ?? "", title = titles.randomElement(using: &generator) ?? ""
            var publication = Publication(id: "p", type: "article", raw: head + title + (tails.randomElement(using: &generator) ?? ""))
            publication.title = Bool.random(using: &generator) ? title : String(title.prefix(12))
            publication.author = [CSLName(family: "Tanaka", given: "E."), CSLName(family: "Example", given: Bool.random(using: &generator) ? "" : nil)]
            var before = publication
            let written = Bool.random(using: &generator) ? ["Example", "J. Example"] : ["Nobody"]
            let matches: (CSLName) -> Bool = { $0.family == "Example" }
            let answer = ApplicantAnchoredAuthors.repair(&publication, matches: matches, written: written)
            XCTAssertEqual(answer, repairAsBefore(&before, matches: matches, written: written), publication.raw)
            XCTAssertEqual(publication.title, before.title, publication.raw)
            XCTAssertEqual(publication.author, before.author, publication.raw)
            if answer { repaired += 1 }
        }
        XCTAssertGreaterThan(repaired, 50)
    }
}
