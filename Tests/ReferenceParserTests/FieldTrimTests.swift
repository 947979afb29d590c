import DossierModel
import XCTest
@testable import ReferenceParser

final class FieldTrimTests: XCTestCase {
    /// The byte path of `FieldCleaning.trim` (ASCII text) gives what the Character path gives.
    func testASCIITrimAgreesWithCharacterTrim() {
        let pieces = [" ", "  ", "\t", "\n", ",", ";", ":", ".", "(", ")", "[", "]", "A", "b", "Univ", "J", "xy", "1", "?", "Ab.", "ABCD", "Smith"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20000 {
            let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            var bytes = text
            let fast = bytes.withUTF8(FieldCleaning.trimASCII)
            XCTAssertEqual(fast, FieldCleaning.trimCharacters(text), "\(text.debugDescription)")
        }
    }

    func testTextThatIsNotPlainASCIIIsLeftToTheCharacterPath() {
        for text in ["é.", "a\r\n.", "Müller, J."] {
            var bytes = text
            XCTAssertNil(bytes.withUTF8(FieldCleaning.trimASCII))
        }
        XCTAssertEqual(FieldCleaning.trim(" (Univ. Press), "), "Univ. Press")
        XCTAssertEqual(FieldCleaning.trim("Smith J."), "Smith J.")
        XCTAssertEqual(FieldCleaning.trim("Nature (London)."), "Nature (London)")
    }

    func testPagesVolumesDatesAndStatus() {
        XCTAssertEqual(FieldCleaning.pages("pp. 1761–1800)."), "1761-1800")
        XCTAssertEqual(FieldCleaning.pages("p. 182 - 196."), "182-196")
        XCTAssertEqual(FieldCleaning.pages("e1003316."), "e1003316")
        XCTAssertEqual(FieldCleaning.volumeAndIssue("20(3),").volume, "20")
        XCTAssertEqual(FieldCleaning.volumeAndIssue("20(3),").issue, "3")
        XCTAssertEqual(FieldCleaning.volumeAndIssue("Vol. 9, No. 2,").volume, "9")
        XCTAssertEqual(FieldCleaning.volumeAndIssue("Vol. 9, No. 2,").issue, "2")
        XCTAssertEqual(FieldCleaning.volumeAndIssue("Vol.60, No.3,").volume, "60")
        XCTAssertEqual(FieldCleaning.volumeAndIssue("Vol.60, No.3,").issue, "3")
        XCTAssertEqual(FieldCleaning.pages("pp.123-130"), "123-130")
        XCTAssertEqual(FieldCleaning.volumeAndIssue("v1.2").volume, "v1.2", "a version is no label and its number")
        for (text, volume, issue) in [("第12卷 第3期", "12", "3"), ("제9권 제2호,", "9", "2"), ("12巻3号", "12", "3"), ("第1期:", nil, "1"),
                                      ("Т. 450, № 2.", "450", "2")] as [(String, String?, String?)] {
            XCTAssertEqual(FieldCleaning.volumeAndIssue(text).volume, volume, text)
            XCTAssertEqual(FieldCleaning.volumeAndIssue(text).issue, issue, text)
        }
        XCTAssertEqual(DateParsing.date("(2019)."), CSLDate(dateParts: [[2019]], raw: "2019"))
        XCTAssertEqual(DateParsing.date("March 2019,")?.dateParts, [[2019, 3]])
        XCTAssertEqual(DateParsing.date("3 Oct. 2012")?.dateParts, [[2012, 10, 3]])
        XCTAssertNil(DateParsing.date("n.d."))
        XCTAssertEqual(DateParsing.status("Manuscript submitted for publication."), "submitted")
        XCTAssertEqual(DateParsing.status("Nature (in press)"), "in press")
        XCTAssertEqual(FieldCleaning.title("“A Spanish Romanticist Parodies Himself,”"), "A Spanish Romanticist Parodies Himself")
        XCTAssertEqual(FieldCleaning.container("In: Proceedings of the IEEE,"), "Proceedings of the IEEE")
    }

    /// Dates' words and years read as bytes are what the character paths read, on seeded made-up dates.
    func testDateWordsAndYearsByBytesAnswerAsByCharacters() {
        let pieces = ["2019", "2019a", "1499", "2040", "0123", "12", "March", " ", "\t", "\r\n", "\r", "\u{1C}", ",", "(", ")", ".", "/", "[", "]",
                      ";", ":", "-", "é", "\u{00A0}", "Mär", "x", "A", "2", "0", "1", "9", "٢٠١٩", "\u{0301}", "Z"]
        var generator = SplitMix(seed: 63)
        var texts = ["", " ", "March 3, 2019", "(2019a).", "2019\r\n", "20\r\n19", "2019\r\na", "Mar. 2019", "3–5 May 2021"]
        for _ in 0..<4000 {
            texts.append((0..<Int.random(in: 1...6, using: &generator)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined())
        }
        for text in texts {
            XCTAssertEqual(DateParsing.dateWords(text), DateParsing.dateWordsByCharacters(text), text.debugDescription)
            XCTAssertEqual(DateParsing.yearValue(text), DateParsing.yearValueByCharacters(text), text.debugDescription)
            for word in DateParsing.dateWordsByCharacters(text) {
                XCTAssertEqual(DateParsing.yearValue(String(word)), DateParsing.yearValueByCharacters(String(word)), word.debugDescription)
            }
        }
    }

    /// The title's quote handling with its byte prechecks reads as it did asking every mark of the characters.
    func testTitleQuotesWithBytePrechecksAsWithout() {
        func titleAskingEveryMark(_ text: String) -> String {
            var result = FieldCleaning.trim(text)
            let quotes: [(Character, Character)] = [("“", "”"), ("\"", "\""), ("«", "»"), ("‘", "’"), ("'", "'"), ("„", "“")]
            for (open, close) in quotes where result.first == open {
                result.removeFirst()
                if let index = result.lastIndex(of: close) {
                    if result[result.index(after: index)...].allSatisfy({ $0.isPunctuation }) {
                        result.removeSubrange(index...)
                    } else {
                        result.remove(at: index)
                    }
                }
                break
            }
            if let last = result.last, last == "”" || last == "\"" || last == "»" || last == "’" { result.removeLast() }
            return FieldCleaning.trim(result)
        }
        let pieces = ["“", "”", "\"", "«", "»", "‘", "’", "'", "„", "Title", " ", ".", ",", "é", "\u{0301}", "™", "—", "A", "b"]
        var generator = SplitMix(seed: 7)
        var texts = ["“Title”.", "‘Title’, ", "\"A\" b", "«Titre»", "„Titel“", "'T'", "Title”", "”"]
        for _ in 0..<4000 {
            texts.append((0..<Int.random(in: 1...6, using: &generator)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined())
        }
        for text in texts { XCTAssertEqual(FieldCleaning.title(text), titleAskingEveryMark(text), text.debugDescription) }
    }
}
