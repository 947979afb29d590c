import XCTest
import Foundation
@testable import DossierText
@testable import ReferenceParser

final class FeatureTests: XCTestCase {
    func testTraitsOfTypicalTokens() {
        let year = TokenTraits("(2019).")
        XCTAssertTrue(year.isYear)
        XCTAssertEqual(year.numberClass, .year)
        XCTAssertEqual(year.word, "2019")
        XCTAssertEqual(year.trailing, ".")
        XCTAssertEqual(year.leading, "(")
        XCTAssertTrue(year.closesUnit)

        let initial = TokenTraits("J.-P.")
        XCTAssertTrue(initial.isInitial)
        XCTAssertFalse(initial.closesUnit)

        let word = TokenTraits("Journal")
        XCTAssertEqual(word.caseClass, .title)
        XCTAssertEqual(word.shapeHash, TokenTraits("Paper").shapeHash, "same shape, same hash")
        XCTAssertNotEqual(word.shapeHash, TokenTraits("JOURNAL").shapeHash)
        XCTAssertEqual(TokenTraits("1761–1800").numberClass, .range)
        XCTAssertEqual(Lexicon.keywordCategories[Int(TokenTraits("pp.").keyword) - 1], "pages")
        XCTAssertEqual(TokenTraits("XIV").numberClass, .roman)
        XCTAssertEqual(TokenTraits("Étude").word, "étude")
        XCTAssertEqual(TokenTraits("Étude").caseClass, .title)
        XCTAssertEqual(TokenTraits("10.1000/xyz").looksLikeDOI, true)
        XCTAssertEqual(TokenTraits("https://a.b").looksLikeURL, true)
        XCTAssertEqual(TokenTraits("WWW.a.b").looksLikeURL, true)
        XCTAssertEqual(TokenTraits("2019a").numberClass, .year)
        XCTAssertEqual(TokenTraits("42").numberClass, .digits2)
    }

    func testMarkersOfOtherScriptsAndGluedLabelsReadAsTheirKeywords() {
        func keyword(_ token: String) -> String? {
            let index = Int(TokenTraits(token).keyword)
            return index == 0 ? nil : Lexicon.keywordCategories[index - 1]
        }
        func glued(_ token: String) -> String? {
            let index = Int(TokenTraits(token).gluedKeyword)
            return index == 0 ? nil : Lexicon.keywordCategories[index - 1]
        }
        // GOST: "// Journal. 2001. Т. 5, № 3. С. 1–2."
        XCTAssertEqual(keyword("//"), "in")
        XCTAssertEqual(keyword("Т."), "volume")
        XCTAssertEqual(keyword("№"), "number")
        XCTAssertEqual(keyword("С."), "pages")
        XCTAssertEqual(keyword("&"), "and")
        XCTAssertEqual(keyword("Jg."), "volume")
        // A label glued to its value: the letters before the digits, or else after them.
        XCTAssertEqual(glued("Vol.7"), "volume")
        XCTAssertEqual(glued("pp.83-90"), "pages")
        XCTAssertEqual(glued("№3"), "number")
        XCTAssertEqual(glued("Т.5,"), "volume")
        XCTAssertEqual(glued("第12卷"), "volume")
        XCTAssertEqual(glued("제2호"), "number")
        XCTAssertNil(glued("2019a"))
        XCTAssertNil(glued("Vol."), "no digits: the token's own keyword says it")
        XCTAssertNotEqual(TokenTraits("Math.102(").gluedCategories & Lexicon.Category.journal, 0)
        XCTAssertNotEqual(TokenTraits("Nucl.").categories & Lexicon.Category.journal, 0)
        XCTAssertNotEqual(TokenTraits("Instrum.").categories & Lexicon.Category.journal, 0)
    }

    func testFeaturesAreDeterministicAndPositional() {
        let tokens = ReferenceTokenizer.tokenize("Smith, J. (2019). A title. Nature 12, 1-2.")
        let first = FeatureExtractor.features(of: tokens)
        let second = FeatureExtractor.features(of: tokens)
        XCTAssertEqual(first.keys, second.keys)
        XCTAssertEqual(first.count, tokens.count)
        XCTAssertEqual(first.gaps.count, tokens.count)
        XCTAssertEqual(first.gaps[1], 1, "the boundary after 'Smith,' is a comma")
        XCTAssertEqual(first.gaps[2], 8, "the boundary after 'J.' is the dot of an initial")
        // The year token carries the year feature; the first token the 'first' feature, and not the others.
        XCTAssertTrue(first.keys(of: 2).contains(FeatureHash.key(11, FeatureHash.value(Int(TokenTraits.NumberClass.year.rawValue)))))
        XCTAssertTrue(first.keys(of: 0).contains(FeatureHash.key(18, FeatureHash.value(0))))
        XCTAssertFalse(first.keys(of: 1).contains(FeatureHash.key(18, FeatureHash.value(0))))
        XCTAssertNotEqual(FeatureHash.key(1, "smith"), FeatureHash.key(2, "smith"), "templates keep equal values apart")
    }

    func testScalarHashingEqualsHashingTheUTF8OfTheString() {
        let text = "Müller—日本🙂"
        var accumulator = FeatureHash.Accumulator()
        for scalar in text.unicodeScalars { accumulator.mix(scalar) }
        XCTAssertEqual(accumulator.value, FeatureHash.value(text))
        XCTAssertNotEqual(FeatureHash.key(1, 5, 6), FeatureHash.key(1, 6, 5), "pairs are ordered")
    }

    func testQuotesCloseOnClosingMarks() {
        XCTAssertTrue(FeatureExtractor.closesQuote("learning,”"))
        XCTAssertTrue(FeatureExtractor.closesQuote("learning.\""))
        XCTAssertTrue(FeatureExtractor.closesQuote("apprentissage»"))
        XCTAssertTrue(FeatureExtractor.closesQuote("compositions’."), "a single closing quote before the period")
        XCTAssertFalse(FeatureExtractor.closesQuote("learning,"))
        XCTAssertFalse(FeatureExtractor.closesQuote(""))
    }

    /// The lexicon looked up by word hash answers as the dictionary for every ASCII word of it and for words not in
    /// it; no word of it that is not ASCII is canonically an ASCII one (which `String` equality would find and bytes
    /// would not).
    func testHashedLexiconAnswersAsTheDictionary() {
        func lookup(_ word: String) -> (categories: UInt8, keyword: UInt8)? {
            var hasher = FeatureHash.Accumulator()
            hasher.mix(word)
            let bytes = Array(word.utf8)
            return Lexicon.hashedEntries.entry(hash: hasher.value, length: bytes.count) { bytes[$0] }
        }
        XCTAssertGreaterThan(Lexicon.entries.count, 100)
        for (word, entry) in Lexicon.entries where word.utf8.allSatisfy({ $0 < 0x80 }) {
            XCTAssertEqual(lookup(word)?.categories, entry.categories, word)
            XCTAssertEqual(lookup(word)?.keyword, entry.keyword, word)
        }
        for word in ["", "smithson", "journals", "pp2", "x"] where Lexicon.entries[word] == nil {
            XCTAssertNil(lookup(word), word)
        }
        for word in Lexicon.entries.keys where !word.utf8.allSatisfy({ $0 < 0x80 }) {
            XCTAssertFalse(word.decomposedStringWithCanonicalMapping.utf8.allSatisfy { $0 < 0x80 }, word)
        }
    }

    /// The byte test for a DOI's "10." answers as the general search.
    func testTenDotTestMatchesTheSearch() {
        for text in ["10.1000/xyz", "doi:10.1", "(10.", "1.0", "10", "x10.y", "", "201", "٣10.", "110.5"] {
            XCTAssertEqual(PatternOverrides.holdsTenDot(text), text.containsBytes("10."), text)
        }
    }

    /// Needles grouped by first byte answer as the search for each needle in turn.
    func testNeedlesMatchTheSearch() {
        let words = ["ph.d.", "thesis", "mémoire", "tech. rep", "a", "proc."]
        let needles = PublicationType.Needles(words)
        for text in ["", "a", "phd", "ph.d. thesis", "mémoire de master", "memoire", "tech. re", "x tech. rep.", "proc", "the proc.", "ph.d", "zzz"] {
            XCTAssertEqual(needles.occur(in: text), text.containsAnyBytes(words), text)
        }
        XCTAssertFalse(PublicationType.Needles([]).occur(in: "anything"))
    }
}
