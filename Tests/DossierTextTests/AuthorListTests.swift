import DossierModel
import XCTest
@testable import DossierText

final class AuthorListTests: XCTestCase {
    func testContributionMarksAreNotPartOfNames() {
        XCTAssertEqual(PersonNames.authorList("K. Xu*, L. Fontaine*, and S. Nakamura†").names, [
            CSLName(family: "Xu", given: "K."), CSLName(family: "Fontaine", given: "L."), CSLName(family: "Nakamura", given: "S."),
        ])
    }

    /// Marks standing apart after the initials ("M. *.", "J. $") and a particle written after them ("F.B. de").
    func testMarksApartFromInitialsAndParticlesAfterThem() {
        XCTAssertEqual(PersonNames.authorList("Moraitou, M. *., Forsythe, A. *., Smith, J.").names, [
            CSLName(family: "Moraitou", given: "M."), CSLName(family: "Forsythe", given: "A."), CSLName(family: "Smith", given: "J."),
        ])
        XCTAssertEqual(PersonNames.authorList("Marcelli, J. $, Porto, A.").names, [
            CSLName(family: "Marcelli", given: "J."), CSLName(family: "Porto", given: "A."),
        ])
        XCTAssertEqual(PersonNames.authorList("Oliveira, F.B. de, Porto, A.").names, [
            CSLName(family: "Oliveira", given: "F.B.", particle: "de"), CSLName(family: "Porto", given: "A."),
        ])
    }

    func testDoubleFamilyNamesBeforeInitials() {
        XCTAssertEqual(PersonNames.authorList("Peñalver, I. G., Sá Müller, J., & Ødegård, K.").names, [
            CSLName(family: "Peñalver", given: "I. G."), CSLName(family: "Sá Müller", given: "J."), CSLName(family: "Ødegård", given: "K."),
        ])
        XCTAssertEqual(PersonNames.authorList("Ebrahimpour Boroojeny, A., Telgarsky, M. & Sundaram, H.").names.first, CSLName(family: "Ebrahimpour Boroojeny", given: "A."))
    }

    func testInvertedNamesWithInitialsAndParticles() {
        let (names, etAl) = PersonNames.authorList("Xu, K., Smith, J. A., & van der Berg, P.")
        XCTAssertFalse(etAl)
        XCTAssertEqual(names, [
            CSLName(family: "Xu", given: "K."), CSLName(family: "Smith", given: "J. A."),
            CSLName(family: "Berg", given: "P.", particle: "van der"),
        ])
    }

    func testGivenFirstNames() {
        XCTAssertEqual(PersonNames.authorList("K. Xu and J. Smith").names, [CSLName(family: "Xu", given: "K."), CSLName(family: "Smith", given: "J.")])
        XCTAssertEqual(PersonNames.authorList("A. Cau, R. Kuiper, and W.-P. de Roever.").names, [
            CSLName(family: "Cau", given: "A."), CSLName(family: "Kuiper", given: "R."),
            CSLName(family: "Roever", given: "W.-P.", particle: "de"),
        ])
    }

    func testVancouverNames() {
        XCTAssertEqual(PersonNames.authorList("Xu K, Smith JA").names, [CSLName(family: "Xu", given: "K"), CSLName(family: "Smith", given: "JA")])
        XCTAssertEqual(PersonNames.authorList("Pérez-Higueras JJ, Arias A, de la Macorra JC.").names, [
            CSLName(family: "Pérez-Higueras", given: "JJ"), CSLName(family: "Arias", given: "A"),
            CSLName(family: "Macorra", given: "JC", particle: "de la"),
        ])
    }

    func testFullNamesInvertedAndJoinedByAnd() {
        XCTAssertEqual(PersonNames.authorList("Smith, John and Doe, Jane").names, [CSLName(family: "Smith", given: "John"), CSLName(family: "Doe", given: "Jane")])
        XCTAssertEqual(PersonNames.authorList("Lee, L. L., W. E. Howard, and R. E. Marsh.").names, [
            CSLName(family: "Lee", given: "L. L."), CSLName(family: "Howard", given: "W. E."), CSLName(family: "Marsh", given: "R. E."),
        ])
    }

    func testEtAlSuffixesAndGroups() {
        let (names, etAl) = PersonNames.authorList("Xu K, Smith JA, et al.")
        XCTAssertTrue(etAl)
        XCTAssertEqual(names.count, 2)
        XCTAssertEqual(PersonNames.authorList("King, Martin L., Jr.").names, [CSLName(family: "King", given: "Martin L.", suffix: "Jr.")])
        XCTAssertEqual(PersonNames.authorList("The ATLAS Collaboration.").names, [CSLName(literal: "The ATLAS Collaboration")])
    }

    func testEditorMarksJoinedByARemovalAreDroppedToo() {
        XCTAssertEqual(PersonNames.stripEditorMarks(" Smith, J. (ed(EDS.).) and K. Xu "), " Smith, J. and K. Xu ")
        XCTAssertEqual(PersonNames.stripEditorMarks(" Müller, J. (ed(eds.).) and K. Xu "), " Müller, J. and K. Xu ")
    }

    func testEditorMarksAreDropped() {
        XCTAssertEqual(PersonNames.authorList("In J. Smith & K. Xu (Eds.),").names, [CSLName(family: "Smith", given: "J."), CSLName(family: "Xu", given: "K.")])
        XCTAssertEqual(PersonNames.authorList("edited by Jane Doe").names, [CSLName(family: "Doe", given: "Jane")])
    }

    /// The byte loop over ASCII spans drops and keeps the same words as the general loop, joined the same way.
    func testASCIIEditorWordLoopMatchesTheGeneralOne() {
        let spans = [
            " In J. Smith & K. Xu (Eds.), ", " edited by Jane Doe ", " J. Smith, ed. ", " Hrsg. von K. Xu ", " by  Dan Brown, Eds ",
            " Edited  by H. Hall and E. Evans, editors. ", " (ed.) ", " , ; ", " in ", "  ", "", " Dir. B. Dupont ", " I. Ide, D. Dee, B. Bee ",
            " editor ", " The editors ", " Herausgegeben von E. Eder ", " by ", " hg ed eds edited ",
        ]
        for span in spans {
            XCTAssertEqual(PersonNames.stripEditorWordsASCII(span), PersonNames.stripEditorWords(span), "\"\(span)\"")
        }
        XCTAssertNil(PersonNames.stripEditorWordsASCII(" Éd. J. Müller "), "non-ASCII text takes the general loop")
        XCTAssertNil(PersonNames.stripEditorWordsASCII(" In\r\nJ. Smith "), "a carriage return joins a line feed in one character")
    }

    /// Names trimmed as bytes come out as trimmed character by character.
    func testASCIINameTrimMatchesTheCharacterOne() {
        let names = [
            "Xu*", " Nakamura, ", "M. *.", "J. $", "Smith.", "J.", "Jr.", "Smith J. A.", "  (Doe)  ", "A. B. *", "*", "", ".", "$ .",
            "van der Berg, P.", "Smith ** .", "Ab.", "Abc.", "O'Neil;", "[1] Smith", "Doe\t", "Lee #", "K. Xu *, ", "Smith III.",
        ]
        for name in names {
            XCTAssertEqual(PersonNames.trimNameASCII(name), PersonNames.trimNameCharacters(name), "\"\(name)\"")
        }
        XCTAssertNil(PersonNames.trimNameASCII("Nakamura†"))
    }

    /// The one-pass marker scan finds exactly the markers a byte search for each finds, on made-up spans.
    func testEtAlMarkerScanFindsWhatEachSearchFinds() {
        let pieces = [" et al.", " et al", " et. al.", " and others", " u. a.", " u.a.", " et coll.", " …", " ...", " et", " e", " a", " u",
                      " .", ".", " ", "al", "Smith", ", ", " and", " ét al.", "…", " et coll", "  "]
        var generator = SplitMix(seed: 8)
        var spans = [" et al.", " ...", "", " ", " Xu, K. et al", " J. Smith and others "]
        for _ in 0..<3000 {
            spans.append((0..<Int.random(in: 1...6, using: &generator)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined())
        }
        for span in spans {
            let held = PersonNames.etAlMarkersHeld(in: span)
            for (number, marker) in PersonNames.etAlMarkers.enumerated() {
                XCTAssertEqual(held & (1 << number) != 0, span.containsBytes(marker), "\"\(span)\" \(marker)")
            }
        }
    }

    /// The one-pass bracket scan finds exactly the editor marks a byte search for each finds.
    func testEditorMarkScanFindsWhatEachSearchFinds() {
        let pieces = ["(eds.)", "(eds)", "(ed.)", "(ed)", "(hrsg.)", "(hg.)", "(dir.)", "(éd.)", "(éds.)", "(editors)", "(editor)", "(coord.)",
                      "(comp.)", "(trans.)", "(trad.)", "(", ")", "(e", "ds.)", "(ed", "(hg", " ", "Smith", "(tr", "ans.)", "((", "é"]
        var generator = SplitMix(seed: 15)
        var texts = ["(ed(eds.).)", "", "(", " J. Smith (Eds.) "]
        for _ in 0..<3000 {
            texts.append((0..<Int.random(in: 1...6, using: &generator)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined())
        }
        let markBytes = PersonNames.editorMarks.map { Array($0.utf8) }
        for text in texts {
            let held = PersonNames.markersHeld(in: text, opening: 0x28, markers: markBytes)
            for (number, mark) in PersonNames.editorMarks.enumerated() {
                XCTAssertEqual(held & (1 << number) != 0, text.containsBytes(mark), "\"\(text)\" \(mark)")
            }
        }
    }

    /// A group word is recognised as bytes exactly when the lowered, trimmed string is in the set.
    func testGroupWordBytesAnswerAsTheSet() {
        var words = Array(PersonNames.groupWords) + PersonNames.groupWords.map { "(" + $0.uppercased() + ")." } + ["", ".", "()", "Group,", "groups",
                     "WHO", "Ltd.", "Inc", "Úniversity", "Group\r", "tea", "teams", "(team", "Smith", "Network;", "ınc"]
        var generator = SplitMix(seed: 21)
        let pieces = ["gr", "oup", "G", "ROUP", "team", "(", ")", ".", ",", "inc", "x", "é", "\r"]
        for _ in 0..<2000 {
            words.append((0..<Int.random(in: 1...4, using: &generator)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined())
        }
        for word in words {
            XCTAssertEqual(PersonNames.isGroupWord(word), PersonNames.groupWords.contains(word.lowercasedFast().trimmingASCII(".,()")), "\"\(word)\"")
        }
    }
}
