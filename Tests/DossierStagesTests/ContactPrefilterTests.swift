@testable import DossierStages
@testable import DossierText
import Foundation
import XCTest

/// Each byte prefilter of the contact stage says "cannot match" only where its regular expression finds
/// nothing, on random and edge-case strings; and the prefiltered finders give what the full scans give.
final class ContactPrefilterTests: XCTestCase {
    /// Pieces that build near-misses: the characters each pattern needs, their non-ASCII look-alikes and
    /// case-folding traps ("K" Kelvin, "ſ", "ß", ligatures), non-ASCII spaces and digits.
    private let pieces = [
        "a", "b", "x", "Z", "c", "h", "n", "f", "e", "r", "1", "7", "0", "00", "12", "617", "555-0142", "12345", "٣", "０",
        "@", "＠", ".", ",", ":", "：", ";", "/", "\\", "|", "•", "·", "(", ")", "[", "]", "{", "}", "<", ">", "'", "’",
        "-", "–", "—", "+", "_", " ", "  ", "\t", "\n", "\r\n", "\u{A0}", "\u{2009}", "\u{3000}", "\u{85}", "\u{1C}",
        "at", "AT", " at ", " AT ", "[at]", "(at)", "{dot}", " dot ", " DOT ", "dot", "edu", "com", "uni", "j.doe",
        "\u{212A}", "ſ", "ß", "é", "e\u{301}", "İ", "ﬁ", "ﬆ", "姓名", "王", "😀",
        "Dr", "Dr. ", "Prof ", "PhD", ", PhD", " MD", "(PhD)", "he/him", "'s", "’s", "CV", "cv", "c.v.", "Curriculum Vitae",
        "résumé", "Resume", "Lebenslauf", "personal website", "Home page", "website", "academic cv", " - ",
        "Name", "name", "Full Name", "nombre", "naam", "orcid", "ORCID iD", "GitHub", "github:", "linkedin:", "lin\u{212A}edin:",
        "Street", "St", "str.", "Hauptstr.", "strasse", "weg", "Allee", "platz", "gasse", "rue", "Room", "P.O. Box",
        "SW1A 1AA", "CA 94305", "D-", "Berlin", "Germany", "London, UK", "Address", "address:", "Mail", "e-mail", "Phone",
        "Tel.", "tel", "mobile", "web", "www.", "http", "https://", "updated", "born", "follow", "twitter", "youtube",
    ]

    private func samples() -> [String] {
        var generator = SystemRandomNumberGenerator()
        let random = (0..<6000).map { _ in
            (0..<Int.random(in: 0...7, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
        }
        return random + pieces + [
            "", "jane@uni.edu", "jane [at] uni [dot] edu", "jane＠uni.cn", "{alice,bob}@x.edu", "jhc[at]ust.hk",
            "jane AT uni DOT org", "j.doe at cs.uni.edu", "Mail: jane at uni.edu", "jane @ uni . edu",
            "Phone: +1 (617) 555-0142", "(617) 555-0142", "0049 30 1234567", "+٣٣ ١٢٣ ٤٥٦ ٧٨٩", "Tel. ０１２３４５６７",
            "Dr. Jane Doe, PhD", "JANE DOE", "Curriculum Vitae of Jane Doe", "Jane Doe's CV", "Jane Doe — CV",
            "Name: Jane Doe", "姓名：张三", "Full Name", "ORCID: 0000-0002-1825-0097", "GitHub: jdoe",
            "Westufer 12", "Hauptstr.5", "12 Main Street", "SW1A 1AA", "Cambridge, MA 02139", "Berlin, Germany",
            "Address: 1 Rue X", "c17", "h0", "|c1|c2|", "curriculum vitae", "e-mail me", "date of birth: 1990",
        ]
    }

    /// Asserts the prefilter never rules out a string the pattern matches, and that the pattern matches some
    /// samples (so the check is not empty).
    private func check(_ name: String, _ pattern: TextPattern, _ mayMatch: (LineBytes) -> Bool, _ texts: [String],
                       file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNotNil(pattern.regex, name, file: file, line: line)
        var matched = 0
        for text in texts where pattern.matches(text) {
            matched += 1
            XCTAssertTrue(mayMatch(LineBytes(text)), "\(name) ruled out \(text.debugDescription)", file: file, line: line)
        }
        XCTAssertGreaterThan(matched, 0, "\(name) matched no sample", file: file, line: line)
    }

    func testPrefiltersNeverRuleOutAMatch() {
        let texts = samples()
        check("pronouns", PersonNames.pronouns, PersonNames.mayHoldPronouns, texts)
        check("parenthesizedDegree", PersonNames.parenthesizedDegree, PersonNames.mayHoldParenthesizedDegree, texts)
        check("cvPrefix", PersonNames.cvPrefix, PersonNames.mayStartWithCVWord, texts)
        check("possessiveSuffix", PersonNames.possessiveSuffix, PersonNames.mayHoldPossessive, texts)
        check("cvSuffix", PersonNames.cvSuffix, PersonNames.mayEndWithCVWord, texts)
        check("honorific", PersonNames.honorific, PersonNames.mayHoldSpace, texts)
        check("commaDegree", PersonNames.commaDegree, PersonNames.mayHoldCommaDegree, texts)
        check("bareDegree", PersonNames.bareDegree, PersonNames.mayHoldSpace, texts)
        check("upperDegree", PersonNames.upperDegree, PersonNames.mayHoldSpace, texts)
        check("forbiddenCharacters", PersonNames.forbiddenCharacters, PersonNames.mayHoldForbiddenCharacters, texts)
        check("cjkName", PersonNames.cjkName, PersonNames.mayBeCJKName, texts)
        check("nameLabel", ApplicantNameFinder.nameLabel, ApplicantNameFinder.mayHoldLabel, texts)
        check("nameLabelAlone", ApplicantNameFinder.nameLabelAlone, ApplicantNameFinder.mayBeLabelAlone, texts)
        check("labelledProfile", ContactStage.labelledProfile, ContactStage.mayHoldLabelledProfile, texts)
        check("label", ContactBlocks.label, { $0.contains(UInt8(ascii: ":")) }, texts)
        check("detailLabel", ContactBlocks.detailLabel, { $0.contains(UInt8(ascii: ":")) }, texts)
        check("domainOnly", ContactBlocks.domainOnly, ContactBlocks.mayBeDomain, texts)
        check("noise", ContactBlocks.noise, ContactBlocks.mayBeNoise, texts)
        check("street", ContactBlocks.street, ContactBlocks.mayBeStreet, texts)
        check("postcode", ContactBlocks.postcode, ContactBlocks.mayBePostcode, texts)
        check("cityCountry", ContactBlocks.cityCountry, ContactBlocks.mayBeCityCountry, texts)
    }

    /// `mayHoldWhitespace` never rules out a string where `spacedAt` or `spacedDot` matches.
    func testWhitespacePrefilterNeverRulesOutASpacedAddress() {
        var matched = 0
        for text in samples() + ["jane @ uni . edu", "jane@uni\u{A0}.\u{A0}edu", "jane\u{1C}@\u{1C}uni.edu", "j AT uni.edu"] {
            for pattern in [EmailFinder.spacedAt, EmailFinder.spacedDot] where pattern.matches(text) {
                matched += 1
                XCTAssertTrue(EmailFinder.mayHoldWhitespace(text), text.debugDescription)
            }
        }
        XCTAssertGreaterThan(matched, 0)
        XCTAssertFalse(EmailFinder.mayHoldWhitespace("jane@uni.edu"))
    }

    /// `mayHoldSpacedAt` and `mayHoldSpacedDot` never rule out a string where their pattern matches, and rule out a
    /// line of addresses separated by spaces.
    func testSpacedPrefiltersNeverRuleOutASpacedAddress() {
        var matched = 0
        let extra = ["jane @ uni . edu", "jane@ uni.edu", "jane @uni.edu", "j AT uni.edu", "jane@uni\t.\nedu", "jane\u{1C}@\u{1C}uni.edu",
                     "jane@uni\u{A0}.\u{A0}edu", "a@b.c x@y .z", "x AT\ty.org"]
        for text in samples() + extra {
            if EmailFinder.spacedAt.matches(text) {
                matched += 1
                XCTAssertTrue(EmailFinder.mayHoldSpacedAt(text), text.debugDescription)
            }
            if EmailFinder.spacedDot.matches(text) {
                matched += 1
                XCTAssertTrue(EmailFinder.mayHoldSpacedDot(text), text.debugDescription)
            }
        }
        XCTAssertGreaterThan(matched, 0)
        XCTAssertFalse(EmailFinder.mayHoldSpacedAt("jane@uni.edu bob@x.org c.d@e.fr"))
        XCTAssertFalse(EmailFinder.mayHoldSpacedDot("jane@uni.edu bob@x.org c.d@e.fr"))
    }

    /// The byte scanner finds what `plain` finds, on random ASCII strings of the characters that decide a match.
    func testPlainAddressScannerAgreesWithTheExpression() {
        let pieces = [
            "a", "Z", "x9", "0", "-", ".", "..", "_", "%", "+", "'", "{", "}", ",", "@", "@@", " ", "\n", "com", "edu", "uk",
            "org.", "c0m", "x-y", "abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXY", "jane", "j.doe", "mail:", "<", ">",
            "(", ")", "/", ":", "#",
        ]
        var generator = SystemRandomNumberGenerator()
        func randomText(_ count: ClosedRange<Int>) -> String {
            (0..<Int.random(in: count, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
        }
        let labels = ["com", "edu", "uk", "x", "a1", "b-c", "co1", "-", "abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXY", "9"]
        // Shaped like addresses (something, "@", labels joined by dots, something), and anything at all.
        var texts = (0..<20000).map { _ in
            randomText(0...3) + randomText(1...2) + "@"
                + (0..<Int.random(in: 1...4, using: &generator)).map { _ in labels.randomElement(using: &generator) ?? "" }.joined(separator: ".")
                + randomText(0...3)
        }
        texts += (0..<20000).map { _ in randomText(0...10) }
        texts += [
            "", "jane@uni.edu", "x@y@b.com", "a@b.com.", "a@.com", "a@b.c", "a@b.co1", "a@b.com-x", "{a,b}@x.edu", "a@b.cc.dd.e",
            "a@b." + String(repeating: "x", count: 24), "a@b." + String(repeating: "x", count: 25), "a.b@c.de f.g@h.ij", "'a'@b.cd",
        ]
        var found = 0
        for text in texts {
            let expected = EmailFinder.plain.matches(in: text).map { [$0.group(1) ?? "", $0.group(2) ?? ""] }
            guard let scanned = PlainAddressScanner.addresses(in: text) else {
                XCTFail("ASCII text refused: \(text.debugDescription)")
                continue
            }
            found += expected.count
            XCTAssertEqual(scanned.map { [$0.local, $0.domain] }, expected, text.debugDescription)
        }
        XCTAssertGreaterThan(found, 1000)
        XCTAssertNil(PlainAddressScanner.addresses(in: "jo\u{308}e@uni.edu"))
        // ASCII text is scanned whatever its line ends, as before.
        XCTAssertNotNil(PlainAddressScanner.addresses(in: "jane@uni.edu\r\n"))
        // Scalars that stand alone, between and around the pieces: the scanner must agree with the expression.
        let accents = ["ö", "é", "ü.", "ß", "–", "Ł", "\u{A0}", "ö@", "@é", ".ü"]
        for _ in 0..<20000 {
            let text = randomText(0...3) + (accents.randomElement(using: &generator) ?? "") + randomText(1...4) + "@"
                + (0..<Int.random(in: 1...3, using: &generator)).map { _ in labels.randomElement(using: &generator) ?? "" }.joined(separator: ".")
                + (accents.randomElement(using: &generator) ?? "") + randomText(0...3)
            let expected = EmailFinder.plain.matches(in: text).map { [$0.group(1) ?? "", $0.group(2) ?? ""] }
            guard let scanned = PlainAddressScanner.addresses(in: text) else {
                if FoundationPrecheck.allStandAlone(text) { XCTFail("text refused: \(text.debugDescription)") }
                continue
            }
            XCTAssertEqual(scanned.map { [$0.local, $0.domain] }, expected, text.debugDescription)
        }
    }

    func testPrefilteredFindersAgreeWithFullScans() {
        var emails = 0, phones = 0
        for text in samples() {
            let found = EmailFinder.emailsScanned(in: text)
            emails += found.count
            XCTAssertEqual(EmailFinder.emails(in: text), found, text.debugDescription)
            for labelledOnly in [false, true] {
                let numbers = PhoneFinder.phonesScanned(in: text, labelledOnly: labelledOnly)
                phones += numbers.count
                XCTAssertEqual(PhoneFinder.phones(in: text, labelledOnly: labelledOnly), numbers, text.debugDescription)
            }
        }
        XCTAssertGreaterThan(emails, 0)
        XCTAssertGreaterThan(phones, 0)
    }

    func testPrefilteredNameAgreesWithFullScan() {
        var names = 0
        for text in samples() + ["Jane Doe", "Doe,Jane", "JANE\nDOE", "Jane\u{A0}Doe", "王小明", "Dr.Jane", "Jane_Doe"] {
            let name = PersonNames.nameScanned(in: text)
            if name != nil { names += 1 }
            XCTAssertEqual(PersonNames.name(in: text), name, text.debugDescription)
        }
        XCTAssertGreaterThan(names, 0)
    }

    /// `hasASCIIWhitespace` covers every ASCII character that ICU's `\s` matches.
    func testASCIIWhitespaceCoversRegexSpace() throws {
        let space = try NSRegularExpression(pattern: #"\s"#)
        for value in UInt8(0)..<128 {
            let text = String(UnicodeScalar(value))
            let isSpace = space.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            if isSpace { XCTAssertTrue(LineBytes(text).hasASCIIWhitespace, "\(value)") }
        }
    }

    func testLineBytesReadsTheBytes() {
        let bytes = LineBytes("Tel: 555-0142 ＠ é")
        XCTAssertEqual(bytes.asciiDigits, 7)
        XCTAssertEqual(bytes.nonASCIIScalars, 2)
        XCTAssertTrue(bytes.contains(UInt8(ascii: ":")) && bytes.contains("＠") && bytes.hasASCIIUppercase && bytes.hasASCIIWhitespace)
        XCTAssertFalse(bytes.contains(UInt8(ascii: "@")) || bytes.contains("tel") || bytes.isASCII)
        XCTAssertTrue(bytes.containsIgnoringASCIICase("tel"))
        XCTAssertFalse(LineBytes("c17").hasASCIIUppercase || LineBytes("c17").hasASCIIWhitespace)
        XCTAssertTrue(LineBytes("  Curriculum").mayStart(withOneOf: ["cu"], skippingWhitespace: true))
        XCTAssertFalse(LineBytes("  Curriculum").mayStart(withOneOf: ["cu"], skippingWhitespace: false))
        XCTAssertFalse(LineBytes("c").mayStart(withOneOf: ["cu"], skippingWhitespace: true))
        XCTAssertTrue(LineBytes("cé").mayStart(withOneOf: ["cu"], skippingWhitespace: true))
    }
}
