import DossierModel
import XCTest
@testable import ReferenceParser
@testable import DossierText

/// The rules that correct the model's labels, each on labels written by hand (so they do not depend on the model).
final class LabelRuleTests: XCTestCase {
    let known: Set<String> = ["author", "editor", "title", "journal", "container-title", "volume", "note", "date", "doi", "publisher"]

    /// The translators', Italian editors' and edited volume's rules, as the parser's list runs them.
    func editorRules(_ tokens: [ReferenceToken], labels: inout [String], known: Set<String>) {
        for rule in ReferenceParser.rules where ["translators", "italian-editors", "edited-volume"].contains(rule.name) {
            rule.apply(tokens, &labels, [], known)
        }
    }

    func labelled(_ text: String, _ labels: [String]) -> ([ReferenceToken], [String]) {
        let tokens = ReferenceTokenizer.tokenize(text)
        XCTAssertEqual(tokens.count, labels.count, "test data: one label per token")
        return (tokens, labels)
    }

    func testTheLastAuthorsFamilyNameReadAsTheTitleIsTheAuthors() {
        var (tokens, labels) = labelled("A. Smith, B. Jones and C. Brown Measurement of the mass",
                                        ["author", "author", "author", "author", "author", "author", "title", "title", "title", "title", "title"])
        DanglingAuthor.apply(tokens, labels: &labels, known: known)
        XCTAssertEqual(labels[6], "author")
        XCTAssertEqual(labels[7], "title")
        // A family-first list ends on an initial: its title stays.
        var (family, familyLabels) = labelled("Smith, A., Jones, B. Measurement of the mass",
                                              ["author", "author", "author", "author", "title", "title", "title", "title"])
        DanglingAuthor.apply(family, labels: &familyLabels, known: known)
        XCTAssertEqual(familyLabels[4], "title")
    }

    /// Without punctuation between a sentence-case title and the journal, the journal is the capitalised run before
    /// the volume; a proper noun after "in" and title-case titles are left as the model read them.
    func testAJournalAfterASentenceCaseTitleWithoutPunctuationStartsAtItsCapitalisedRun() {
        var (tokens, labels) = labelled("Doe J 2001 Social environments and health British Medical Journal 323 208–9",
                                        ["author", "author", "date", "title", "title", "title", "title", "title", "journal", "journal",
                                         "volume", "pages"])
        SentenceCaseVenue.apply(tokens, labels: &labels, known: known)
        XCTAssertEqual(Array(labels[3...9]), ["title", "title", "title", "title", "journal", "journal", "journal"])

        var (untitled, untitledLabels) = labelled("Doe J 2005 Bacterial small rna regulators Crit Rev Biochem Mol Biol 40 93–113",
                                                  ["author", "author", "date"] + Array(repeating: "journal", count: 9) + ["volume", "pages"])
        SentenceCaseVenue.apply(untitled, labels: &untitledLabels, known: known)
        XCTAssertEqual(Array(untitledLabels[3...7]), ["title", "title", "title", "title", "journal"])

        // With no title from the model, a venue of any capitalised words gives up a sentence-case phrase before it.
        var (plain, plainLabels) = labelled("Doe J 2010 Paleo-perspectives on ocean acidification Trends Ecol Evol 25 332–44",
                                            ["author", "author", "date"] + Array(repeating: "journal", count: 7) + ["volume", "pages"])
        SentenceCaseVenue.apply(plain, labels: &plainLabels, known: known)
        XCTAssertEqual(Array(plainLabels[3...9]), ["title", "title", "title", "title", "journal", "journal", "journal"])
        // A venue alone keeps its words: no phrase of lower-case words stands before it.
        var (venueOnly, venueOnlyLabels) = labelled("Doe J 2010 Annals of Human Genetics 25 332–44",
                                                    ["author", "author", "date", "journal", "journal", "journal", "journal", "volume", "pages"])
        let venueBefore = venueOnlyLabels
        SentenceCaseVenue.apply(venueOnly, labels: &venueOnlyLabels, known: known)
        XCTAssertEqual(venueOnlyLabels, venueBefore)

        var (proper, properLabels) = labelled("Doe J 2010 Fatigue syndromes in a centre in Norway In Vivo 24 185–8",
                                              ["author", "author", "date", "title", "title", "title", "title", "title", "title", "title",
                                               "title", "journal", "volume", "pages"])
        let before = properLabels
        SentenceCaseVenue.apply(proper, labels: &properLabels, known: known)
        XCTAssertEqual(properLabels, before)

        // A full stop ends the title: the venue after it is the model's to read.
        var (separated, separatedLabels) = labelled("Doe J 2001 Social environments in rural Britain. Medical Journal 323",
                                                    ["author", "author", "date", "title", "title", "title", "title", "title", "journal",
                                                     "journal", "volume"])
        let unchanged = separatedLabels
        SentenceCaseVenue.apply(separated, labels: &separatedLabels, known: known)
        XCTAssertEqual(separatedLabels, unchanged)
    }

    /// A bracketed name closing the title of a reference dated before its title, with no venue, is the publisher.
    func testABracketedNameClosingTheTitleIsThePublisher() {
        var (tokens, labels) = labelled("Doe J 2009 Honte, culpabilité et traumatisme (Dunod)",
                                        ["author", "author", "date", "title", "title", "title", "title", "title"])
        ParenthesizedPublisher.apply(tokens, labels: &labels, known: known)
        XCTAssertEqual(labels.last, "publisher")
        XCTAssertEqual(labels[6], "title")

        // A bracket after the title with the year after it, or words in lower case, stay the title's.
        var (dated, datedLabels) = labelled("Cancer Research UK. About graft versus host disease (GVHD). 2014.",
                                            ["author", "author", "author", "title", "title", "title", "title", "title", "title", "date"])
        ParenthesizedPublisher.apply(dated, labels: &datedLabels, known: known)
        XCTAssertFalse(datedLabels.contains("publisher"))
        var (thesis, thesisLabels) = labelled("Doe J 2009 Deep learning for lakes (PhD thesis)",
                                              ["author", "author", "date", "title", "title", "title", "title", "title", "title"])
        ParenthesizedPublisher.apply(thesis, labels: &thesisLabels, known: known)
        XCTAssertFalse(thesisLabels.contains("publisher"))
    }

    func testACollaborationInBracketsAfterTheAuthorsIsANote() {
        var (tokens, labels) = labelled("S. Agostinelli et al. (GEANT4 Collaboration), Nucl. Instrum. Meth. A 506",
                                        ["author", "author", "author", "author", "title", "title", "journal", "journal", "journal", "journal", "volume"])
        Collaborations.apply(tokens, labels: &labels, known: known)
        XCTAssertEqual(labels, ["author", "author", "author", "author", "note", "note", "journal", "journal", "journal", "journal", "volume"])
        // A bracketed title that names no collaboration, and a collaboration the model already made an author, stay.
        var (other, otherLabels) = labelled("A. Smith (Some title here) Journal", ["author", "author", "title", "title", "title", "journal"])
        Collaborations.apply(other, labels: &otherLabels, known: known)
        XCTAssertEqual(otherLabels, ["author", "author", "title", "title", "title", "journal"])
        var (listed, listedLabels) = labelled("A. Smith [ATLAS Collaboration]", ["author", "author", "author", "author"])
        Collaborations.apply(listed, labels: &listedLabels, known: known)
        XCTAssertEqual(listedLabels, ["author", "author", "author", "author"])
    }

    func testAQuotedTitleEndsAtItsClosingQuoteAndTheRestIsTheJournal() {
        var (tokens, labels) = labelled("Lipp, A. ‘Source region geochemistry’. Geochemistry, Geophysics, Geosystems 22.10",
                                        ["author", "author", "title", "title", "title", "title", "title", "title", "title"])
        QuotedTitle.apply(tokens, labels: &labels, known: known)
        XCTAssertEqual(labels, ["author", "author", "title", "title", "title", "journal", "journal", "journal", "volume"])
    }

    func testAQuotedTitleIsLeftAloneWhenAVenueExistsOrNothingFollows() {
        let text = "Lipp, A. ‘Source region’. Subtitle here. Nature"
        var (tokens, labels) = labelled(text, ["author", "author", "title", "title", "title", "title", "journal"])
        let before = labels
        QuotedTitle.apply(tokens, labels: &labels, known: known)
        XCTAssertEqual(labels, before)
        var (shortTokens, shortLabels) = labelled("Lipp, A. ‘Source region’.", ["author", "author", "title", "title"])
        QuotedTitle.apply(shortTokens, labels: &shortLabels, known: known)
        XCTAssertEqual(shortLabels, ["author", "author", "title", "title"])
    }

    func testADoubtfulLastSentenceOfTheTitleBecomesTheJournal() {
        var (tokens, labels) = labelled("Forsythe, A. (2022). Isolates from bat wings. Scientific Reports.",
                                        ["author", "author", "date", "title", "title", "title", "title", "title", "title"])
        var confident = labels
        UncertainVenue.apply(tokens, labels: &labels, confidence: [1, 1, 1, 1, 1, 1, 1, 0.33, 0.33], known: known)
        XCTAssertEqual(Array(labels.suffix(2)), ["journal", "journal"])
        UncertainVenue.apply(tokens, labels: &confident, confidence: [1, 1, 1, 1, 1, 1, 1, 0.9, 0.9], known: known)
        XCTAssertEqual(Array(confident.suffix(2)), ["title", "title"], "a confident two-sentence title stays whole")
    }

    func testStatusWordsAndWithCreditsAreNeverAuthors() {
        var (tokens, labels) = labelled("Raman, P., Whitfield, G. (in press). Measuring attention.",
                                        ["author", "author", "author", "author", "author", "author", "title", "title"])
        AuthorGuards.apply(tokens, labels: &labels, known: known)
        XCTAssertEqual(labels, ["author", "author", "author", "author", "note", "note", "title", "title"])
        var (withTokens, withLabels) = labelled("\"Minimum wages\" (with A. Berg), 2025.",
                                                ["title", "title", "author", "author", "author", "date"])
        AuthorGuards.apply(withTokens, labels: &withLabels, known: known)
        XCTAssertEqual(withLabels, ["title", "title", "note", "note", "note", "date"])
    }

    func testAVenueTagOpeningAnEntryIsNeverAnAuthor() {
        // "InfVis'23. Title. Authors." — the tag is the venue when the model found none.
        var (tokens, labels) = labelled("InfVis'23. Seeing graphs. Raman, P., Whitfield, G.",
                                        ["author", "title", "title", "author", "author", "author", "author"])
        AuthorGuards.apply(tokens, labels: &labels, known: known)
        XCTAssertEqual(labels, ["container-title", "title", "title", "author", "author", "author", "author"])
        // Split from its year, and with a venue found elsewhere: a note.
        var (split, splitLabels) = labelled("CHI ’19 Raman, P. Seeing graphs. Proc. CHI.",
                                            ["author", "author", "author", "author", "title", "title", "container-title", "container-title"])
        AuthorGuards.apply(split, labels: &splitLabels, known: known)
        XCTAssertEqual(Array(splitLabels.prefix(4)), ["note", "note", "author", "author"])
        // Names with an apostrophe stay names.
        var (names, nameLabels) = labelled("O'Brien, D., D'Angelo, M. Seeing graphs.", ["author", "author", "author", "author", "title", "title"])
        AuthorGuards.apply(names, labels: &nameLabels, known: known)
        XCTAssertEqual(nameLabels, ["author", "author", "author", "author", "title", "title"])
        XCTAssertNil(AuthorGuards.venueTag(at: 0, ReferenceTokenizer.tokenize("McDonald's 23")))
    }

    func testAnAbbreviatedJournalIsNeverATitle() {
        // "I. Author, Nucl. Instrum. Methods A 123 (1999) 45": a title made of abbreviations before the volume.
        var (tokens, labels) = labelled("I. Lovelace, Nucl. Instrum. Methods A 123 (1999) 45",
                                        ["author", "author", "title", "title", "title", "title", "volume", "date", "pages"])
        AbbreviatedVenue.apply(tokens, labels: &labels, known: known.union(["pages"]))
        XCTAssertEqual(labels, ["author", "author", "journal", "journal", "journal", "journal", "volume", "date", "pages"])
        // A title in words stays a title.
        var (titled, titledLabels) = labelled("I. Lovelace, Quantum Engines. 123 (1999)",
                                              ["author", "author", "title", "title", "volume", "date"])
        AbbreviatedVenue.apply(titled, labels: &titledLabels, known: known)
        XCTAssertEqual(titledLabels, ["author", "author", "title", "title", "volume", "date"])
        // The first word of the abbreviation left to the title: "Nucl. | Phys. B".
        var (cut, cutLabels) = labelled("I. Lovelace, Quantum engines. Nucl. Phys. B 123 (1999)",
                                        ["author", "author", "title", "title", "title", "journal", "journal", "volume", "date"])
        AbbreviatedVenue.apply(cut, labels: &cutLabels, known: known)
        XCTAssertEqual(cutLabels, ["author", "author", "title", "title", "journal", "journal", "journal", "volume", "date"])
        // A title word that is a journal word but not cut short stays.
        var (whole, wholeLabels) = labelled("I. Lovelace, Quantum theory. Phys. Rev. B 123 (1999)",
                                            ["author", "author", "title", "title", "journal", "journal", "journal", "volume", "date"])
        AbbreviatedVenue.apply(whole, labels: &wholeLabels, known: known)
        XCTAssertEqual(wholeLabels, ["author", "author", "title", "title", "journal", "journal", "journal", "volume", "date"])
        var (capital, capitalLabels) = labelled("W. Kang, Tests part I: Theory. Journal of Systems 19",
                                                ["author", "author", "title", "title", "title", "title", "journal", "journal", "journal", "volume"])
        AbbreviatedVenue.apply(capital, labels: &capitalLabels, known: known)
        XCTAssertEqual(capitalLabels[5], "title", "a whole word ending the title is not an abbreviation")
        XCTAssertTrue(AbbreviatedVenue.isCutJournalWord("Nucl."))
        XCTAssertFalse(AbbreviatedVenue.isCutJournalWord("Theory."))
    }

    func testAChapterCitedWithoutItsTitleIsTheContainer() {
        // AIP/APS: "R. Maikowski, in Integrationspädagogik (Beltz, 1998), pp. 35–53."
        var (tokens, labels) = labelled("R. Maikowski, in Integrationspädagogik in der Schule (Beltz, 1998), pp. 35–53.",
                                        ["author", "author", "title", "title", "title", "title", "title", "publisher", "date", "pages", "pages"])
        UntitledChapter.apply(tokens, labels: &labels, known: known)
        XCTAssertEqual(Array(labels[2...6]), Array(repeating: "container-title", count: 5))
        // A title that starts with "In" in capitals is a title; so is one after a venue was found.
        var (titled, titledLabels) = labelled("R. Maikowski, In Search of Time. Nature 12.",
                                              ["author", "author", "title", "title", "title", "title", "journal", "volume"])
        UntitledChapter.apply(titled, labels: &titledLabels, known: known)
        XCTAssertEqual(Array(titledLabels[2...5]), ["title", "title", "title", "title"])
        var (proceedings, proceedingsLabels) = labelled("M. Boddy, In Proceedings AAAI-91 (AAAI, 1991).",
                                                        ["author", "author", "title", "title", "title", "publisher", "date"])
        UntitledChapter.apply(proceedings, labels: &proceedingsLabels, known: known)
        XCTAssertEqual(Array(proceedingsLabels[2...4]), ["container-title", "container-title", "container-title"])
    }

    func testTheBookAfterItsEditorsIsTheContainer() {
        // "Title’, in Editors (edd.), Book, Place Year": the book was read as a second title.
        var (tokens, labels) = labelled("M. Carlisle, ‘Homeric Fictions’, in M. Carlisle – O. Levaniouk (edd.), Nine Essays on Homer, Lanham 1999.",
                                        ["author", "author", "title", "title", "author", "author", "author", "author", "author", "author", "author",
                                         "title", "title", "title", "title", "location", "date"])
        EditedVolume.apply(tokens, labels: &labels, known: known)
        XCTAssertEqual(Array(labels[4...10]), Array(repeating: "editor", count: 7))
        XCTAssertEqual(Array(labels[11...14]), Array(repeating: "container-title", count: 4))
        // An edited book cited whole keeps its title.
        var (book, bookLabels) = labelled("J.M. Foley (ed.), Comparative Research, Columbus 1987.",
                                          ["editor", "editor", "editor", "title", "title", "location", "date"])
        EditedVolume.apply(book, labels: &bookLabels, known: known)
        XCTAssertEqual(bookLabels, ["editor", "editor", "editor", "title", "title", "location", "date"])
    }

    func testAYearEndingTheVenueIsTheDateWhenThereIsNone() {
        let all = known.union(["pages"])
        var (tokens, labels) = labelled("I. Titov. Few-shot translation. In Proceedings of ACL 2024, pages 2210–2224.",
                                        ["author", "author", "title", "title", "container-title", "container-title",
                                         "container-title", "container-title", "container-title", "pages", "pages"])
        IdentifierAndNumberRules.apply(tokens, labels: &labels, confidence: Array(repeating: 0.5, count: tokens.count), known: all)
        XCTAssertEqual(labels[8], "date")
        XCTAssertEqual(Array(labels[4...7]), Array(repeating: "container-title", count: 4))
        // a date elsewhere, a year inside the venue's name, a year alone as the venue: nothing moves
        let untouched: [(String, [String])] = [
            ("I. Titov. Few-shot. In Proceedings of ACL 2024, 2024.",
             ["author", "author", "title", "container-title", "container-title", "container-title", "container-title", "container-title", "date"]),
            ("I. Titov. Few-shot. In Proc. 2024 Workshop, pp. 1–2.",
             ["author", "author", "title", "container-title", "container-title", "container-title", "container-title", "pages", "pages"]),
            ("I. Titov. Few-shot. Nature 2024, 12.", ["author", "author", "title", "journal", "journal", "volume"]),
        ]
        for (text, expected) in untouched {
            var (tokens, labels) = labelled(text, expected)
            IdentifierAndNumberRules.apply(tokens, labels: &labels, confidence: Array(repeating: 0.5, count: tokens.count), known: all)
            XCTAssertEqual(labels, expected, text)
        }
    }

    func testItalianEditorsAfterACuraDi() {
        // "in Book, a cura di Names, Journal": the names (read as title and authors) are the editors, with the mark.
        var (tokens, labels) = labelled("M. Cantilena, ‘Approccio metrico’, in Atti del colloquio, a cura di R.M. Danese, F. Gori, Ludus philologiae 3 (1990).",
                                        ["author", "author", "title", "title", "title", "title", "title", "title",
                                         "title", "title", "title", "title", "author", "author", "author", "journal", "journal", "volume", "date"])
        editorRules(tokens, labels: &labels, known: known)
        XCTAssertEqual(Array(labels[8...14]), Array(repeating: "editor", count: 7))
        XCTAssertEqual(Array(labels[15...]), ["journal", "journal", "volume", "date"])
        // "(a c. di)" is an editors' mark like "(eds.)": the title after it is the book
        var (mark, markLabels) = labelled("A. Pignani, ‘NOSTOS’, in S. Cerasuolo (a c. di), Mathesis e Philia, Napoli 1995.",
                                          ["author", "author", "title", "editor", "editor", "editor", "editor", "editor", "editor",
                                           "title", "title", "title", "location", "date"])
        editorRules(mark, labels: &markLabels, known: known)
        XCTAssertEqual(Array(markLabels[9...11]), Array(repeating: "container-title", count: 3))
        // no author after "a cura di" within reach: nothing moves; nor without a title before it
        let untouched: [(String, [String])] = [
            ("Rossi, M. Storia, a cura di Einaudi, Torino 1990.",
             ["author", "author", "title", "title", "title", "title", "publisher", "location", "date"]),
            ("a cura di M. Rossi, Storia, 1990.", ["editor", "editor", "editor", "author", "author", "title", "date"]),
        ]
        for (text, expected) in untouched {
            var (tokens, labels) = labelled(text, expected)
            editorRules(tokens, labels: &labels, known: known)
            XCTAssertEqual(labels, expected, text)
        }
    }

    func testTranslatorsAfterTheTitleAreNotEditors() {
        let all = known.union(["translator", "location", "publisher"])
        // "Title. Trans. Names." and "Translated by Names.": the run read as editors is the translators, mark and all.
        var (tokens, labels) = labelled("Group μ 1981. A General Rhetoric. Trans. Paul B. Burrell and Edgar M. Slotkin. Baltimore: Johns Hopkins UP.",
                                        ["author", "author", "date", "title", "title", "title"] + Array(repeating: "editor", count: 8)
                                            + ["location", "publisher", "publisher", "publisher"])
        Translators.apply(tokens, labels: &labels, known: all)
        XCTAssertEqual(Array(labels[6...13]), Array(repeating: "translator", count: 8))
        XCTAssertEqual(Array(labels[14...]), ["location", "publisher", "publisher", "publisher"])
        var (by, byLabels) = labelled("Deleuze, G. A Thousand Plateaus. Translated by Brian Massumi. London: Athlone, 1988.",
                                      ["author", "author", "title", "title", "title", "editor", "editor", "editor", "editor",
                                       "location", "publisher", "date"])
        Translators.apply(by, labels: &byLabels, known: all)
        XCTAssertEqual(Array(byLabels[5...8]), Array(repeating: "translator", count: 4))
        // "tr." and a language between "Trad." and "par"; a bracketed mark after the names
        var (short, shortLabels) = labelled("Habermas, J. Between Facts and Norms, tr. W. Rehg (Cambridge, Mass.: MIT Press).",
                                            ["author", "author", "title", "title", "title", "title", "editor", "editor", "editor",
                                             "location", "location", "publisher", "publisher"])
        Translators.apply(short, labels: &shortLabels, known: all)
        XCTAssertEqual(Array(shortLabels[6...8]), ["translator", "translator", "translator"])
        var (french, frenchLabels) = labelled("Trad. fr. par Maurice de Gandillac.", Array(repeating: "editor", count: 6))
        Translators.apply(french, labels: &frenchLabels, known: all)
        XCTAssertEqual(frenchLabels, Array(repeating: "translator", count: 6))
        var (after, afterLabels) = labelled("Blanchot, M. The infinite conversation. Hanson, S. (trans.). Minneapolis:",
                                            ["author", "author", "title", "title", "title", "editor", "editor", "editor", "location"])
        Translators.apply(after, labels: &afterLabels, known: all)
        XCTAssertEqual(Array(afterLabels[5...8]), ["translator", "translator", "translator", "location"])
    }

    func testEditorsStayEditorsAndAJournalTransStaysTheJournal() {
        let all = known.union(["translator", "pages"])
        // editors first ("Ed. and trans."), editors with "(eds.)", a lone "Trans." with no name after it
        let cases: [(String, [String])] = [
            ("Smith, J. Letters. Ed. and trans. A. Brown. Oxford, 1990.",
             ["author", "author", "title", "editor", "editor", "editor", "editor", "editor", "publisher", "date"]),
            ("Smith, J. Letters. In A. Brown (eds.), Book, 1990.",
             ["author", "author", "title", "editor", "editor", "editor", "editor", "container-title", "date"]),
            ("Smith, J. Letters. Trans. 1990.", ["author", "author", "title", "editor", "date"]),
            ("J. Smith, Graphs, IEEE Trans. Softw. Eng. 12 (1990) 3.",
             ["author", "author", "title", "journal", "journal", "journal", "journal", "volume", "date", "pages"]),
        ]
        for (text, expected) in cases {
            var (tokens, labels) = labelled(text, expected)
            Translators.apply(tokens, labels: &labels, known: all)
            XCTAssertEqual(labels, expected, text)
        }
        // a model without the translator label: nothing changes
        var (tokens, labels) = labelled("Letters. Translated by A. Brown.", ["title", "editor", "editor", "editor", "editor"])
        Translators.apply(tokens, labels: &labels, known: known)
        XCTAssertEqual(labels, ["title", "editor", "editor", "editor", "editor"])
    }

    func testISBDSeparatorsEndTheTitleAndMarkTheVolume() {
        let all = known.union(["pages", "date"])
        // "Title // Journal. 2007. Т. 450. С. 1214–1217.": the journal read as title, the volume as pages.
        var (tokens, labels) = labelled("Del’Haye P. Optical combs // Nature. 2007. Т. 450. С. 1214–1217.",
                                        ["author", "author", "title", "title", "title", "title", "date", "pages", "pages", "pages", "pages"])
        ISBDSeparators.apply(tokens, labels: &labels, known: all)
        XCTAssertEqual(labels, ["author", "author", "title", "title", "title", "journal", "date", "volume", "volume", "pages", "pages"])
        // A book: no volume marker after it; and the year read as volume when nothing else is the date.
        var (book, bookLabels) = labelled("Eyre A. Remembering // Handbook of Research. Springer, 2007. С. 441–455.",
                                          ["author", "author", "title", "title", "title", "title", "title", "publisher", "date", "pages", "pages"])
        ISBDSeparators.apply(book, labels: &bookLabels, known: all)
        XCTAssertEqual(Array(bookLabels[4...6]), ["container-title", "container-title", "container-title"])
        var (year, yearLabels) = labelled("Stanford W.B. Homeric Formulae // Hermathena. 1969. Т. 108.",
                                          ["author", "author", "title", "title", "title", "journal", "volume", "volume", "volume"])
        ISBDSeparators.apply(year, labels: &yearLabels, known: all)
        XCTAssertEqual(Array(yearLabels.suffix(3)), ["date", "volume", "volume"])
        // Without "//" nothing moves.
        var (plain, plainLabels) = labelled("Eyre A. Remembering disaster. Handbook. 2007.", ["author", "author", "title", "title", "title", "date"])
        ISBDSeparators.apply(plain, labels: &plainLabels, known: all)
        XCTAssertEqual(plainLabels, ["author", "author", "title", "title", "title", "date"])
    }

    func testTitleCleaningDropsTheQuotesAndThePunctuationAfterThem() {
        XCTAssertEqual(FieldCleaning.title("‘River sediment geochemistry: the Cairngorms, UK’."), "River sediment geochemistry: the Cairngorms, UK")
        XCTAssertEqual(FieldCleaning.title("“It’s a title” revisited"), "It’s a title revisited")
    }

    func testATalkVenueAfterAPeriodIsCutFromTheTitle() {
        let (title, venue) = FieldCleaning.splitTrailingVenue("Dendritic calcium imaging. Talk at the FENS Forum, Paris")
        XCTAssertEqual(title, "Dendritic calcium imaging.")
        XCTAssertEqual(venue, "Talk at the FENS Forum, Paris")
    }

    func testAGroupEndingTheAuthorListIsNotTheStartOfAQuotedTitle() {
        var (tokens, labels) = labelled("Sperling, E., and Geochemistry Project Team. ‘The composition of continents’. Letters 17",
                                        ["author", "author", "title", "title", "title", "title", "title", "title", "title", "title",
                                         "journal", "volume"])
        QuotedTitle.apply(tokens, labels: &labels, known: known)
        XCTAssertEqual(labels, ["author", "author", "author", "author", "author", "author", "title", "title", "title", "title",
                                "journal", "volume"])
        XCTAssertEqual(PersonNames.authorList("Sperling, E., and Geochemistry Project Team.").names.last,
                       CSLName(literal: "Geochemistry Project Team"), "the group is one literal author")
        var (plainTokens, plainLabels) = labelled("Sperling, E. and the ‘big data’ turn.", ["author", "author", "title", "title", "title", "title", "title"])
        QuotedTitle.apply(plainTokens, labels: &plainLabels, known: known)
        XCTAssertEqual(plainLabels, ["author", "author", "title", "title", "title", "title", "title"], "no sentence end before the quote")
    }

    func testAReferenceEndingWithItsTitleGetsItBackFromTheNote() {
        var (tokens, labels) = labelled("Drucker, S. M. 2009. LiveLabs ThumbTack. Product.",
                                        ["author", "author", "author", "date", "note", "note", "note"])
        TitleFromNote.apply(tokens, labels: &labels, known: known)
        XCTAssertEqual(labels, ["author", "author", "author", "date", "title", "title", "note"])
        var (titled, titledLabels) = labelled("Drucker, S. M. 2009. ThumbTack. Product.", ["author", "author", "author", "date", "title", "note"])
        TitleFromNote.apply(titled, labels: &titledLabels, known: known)
        XCTAssertEqual(titledLabels, ["author", "author", "author", "date", "title", "note"], "a title already found is kept")
    }

    func testAContainerRightAfterTheAuthorsOfAnUntitledReferenceIsTheTitle() {
        var (tokens, labels) = labelled("Dominic Culver, Irina Belousova. Credit Assignment in Diffusion Models. arXiv, 2026",
                                        ["author", "author", "author", "author", "container-title", "container-title", "container-title",
                                         "container-title", "container-title", "publisher", "date"])
        TitleFromNote.apply(tokens, labels: &labels, known: known)
        XCTAssertEqual(Array(labels[4...8]), Array(repeating: "title", count: 5))
        var (chapter, chapterLabels) = labelled("Dominic Culver. In Proceedings of Things, 2026",
                                                ["author", "author", "container-title", "container-title", "container-title", "container-title", "date"])
        TitleFromNote.apply(chapter, labels: &chapterLabels, known: known)
        XCTAssertEqual(chapterLabels[2], "container-title", "a chapter cited without its title keeps its container")
        var (edited, editedLabels) = labelled("Dominic Culver (ed.), Credit Assignment, 2026", ["editor", "editor", "editor", "container-title", "container-title", "date"])
        TitleFromNote.apply(edited, labels: &editedLabels, known: known)
        XCTAssertEqual(editedLabels[3], "container-title", "after editors: AnyStyle's edited book")
    }
    /// A bracket the model opened as title, or one between two title runs, is the title's when the model read only a
    /// place and a date inside it and the reference has a date outside it.
    func testABracketInsideTheTitleKeepsItsPlaceAndDate() {
        var (tokens, labels) = labelled("A. Author, Le roman antique (actes du colloque de Paris, 2-3 mai 1997), Nanterre 1999.",
                                        ["author", "author", "title", "title", "title", "title", "title", "title", "title",
                                         "location", "date", "date", "date", "location", "date"])
        BracketInTitle.apply(tokens, labels: &labels, known: known)
        XCTAssertEqual(Array(labels[2...12]), Array(repeating: "title", count: 11))
        XCTAssertEqual(Array(labels[13...]), ["location", "date"])

        var (between, betweenLabels) = labelled("Rover Report (August 2015): Three Years on Mars. NASA, 30 July 2015.",
                                                ["title", "title", "date", "date", "title", "title", "title", "title",
                                                 "publisher", "date", "date", "date"])
        BracketInTitle.apply(between, labels: &betweenLabels, known: known)
        XCTAssertEqual(Array(betweenLabels[0...7]), Array(repeating: "title", count: 8))

        // APA's bracketed date after an author read as title is the reference's only date: left alone.
        var (only, onlyLabels) = labelled("Mission permanente. (2008, mai 27). Discours de l'ambassadeur.",
                                          ["title", "title", "date", "date", "date", "title", "title", "title"])
        let onlyBefore = onlyLabels
        BracketInTitle.apply(only, labels: &onlyLabels, known: known)
        XCTAssertEqual(onlyLabels, onlyBefore)

        // A bracket that holds another field (a genre, a publisher) is not the title's.
        var (thesis, thesisLabels) = labelled("A. Author, The title (Doctoral dissertation, Harvard University), 1999.",
                                              ["author", "author", "title", "title", "title", "note", "publisher", "publisher", "date"])
        let thesisBefore = thesisLabels
        BracketInTitle.apply(thesis, labels: &thesisLabels, known: known)
        XCTAssertEqual(thesisLabels, thesisBefore)
    }

    /// A run of punctuation alone (GOST's ". : Publisher" without a place) joins the field before it; a leading
    /// "---." (the author of the entry before) stays.
    func testPunctuationAloneJoinsTheFieldBeforeIt() {
        var (tokens, labels) = labelled("Aho A. V. The Design of Algorithms. : Addison-Wesley, 1974.",
                                        ["author", "author", "author", "title", "title", "title", "title", "location", "publisher", "date"])
        LonePunctuation.apply(tokens, labels: &labels)
        XCTAssertEqual(labels[7], "title")
        XCTAssertEqual(Array(labels[8...]), ["publisher", "date"])

        var (dash, dashLabels) = labelled("---. The Design. Addison-Wesley, 1974.", ["author", "title", "title", "publisher", "date"])
        LonePunctuation.apply(dash, labels: &dashLabels)
        XCTAssertEqual(dashLabels, ["author", "title", "title", "publisher", "date"])
        // Punctuation inside a field, or a word of another script, is left where it is.
        var (inner, innerLabels) = labelled("Smith, J. & Jones, K. Title. Москва, 1974.",
                                            ["author", "author", "author", "author", "author", "title", "location", "date"])
        let innerBefore = innerLabels
        LonePunctuation.apply(inner, labels: &innerLabels)
        XCTAssertEqual(innerLabels, innerBefore)
    }

    /// In an initials-first author list every author has an initial: a chunk without one that the model ran the names
    /// into is the title, and with no title found, the chunk right before the year is the place. Names without
    /// initials before a quoted title, and a venue after the names, are left alone.
    func testAChunkWithoutAnInitialEndsAnInitialsFirstAuthorList() {
        let all = ["author", "author", "author", "author", "author", "author", "date"]
        var (book, bookLabels) = labelled("B. Hall, Epic Singers, Gloucester Mass. 1972.", all)
        InitialsFirstAuthors.apply(book, labels: &bookLabels, known: known.union(["location"]))
        XCTAssertEqual(bookLabels, ["author", "author", "title", "title", "location", "location", "date"])

        var (run, runLabels) = labelled("K.C. King, Achilles. Paradigms of the Hero, Berkeley 1987.",
                                        ["author", "author", "author", "title", "title", "title", "title", "location", "date"])
        InitialsFirstAuthors.apply(run, labels: &runLabels, known: known.union(["location"]))
        XCTAssertEqual(Array(runLabels[..<4]), ["author", "author", "title", "title"])

        let quoted = ["author", "author", "author", "author", "author", "title", "title", "date"]
        var (names, nameLabels) = labelled("J. B. Smith, Forrest Smith. \u{201C}ABC Systems.\u{201D} 1991.", quoted)
        InitialsFirstAuthors.apply(names, labels: &nameLabels, known: known.union(["location"]))
        XCTAssertEqual(nameLabels, quoted)

        let venue = ["author", "author", "author", "author", "date"]
        var (paper, paperLabels) = labelled("D. Drezner, Washington Post (2016).", venue)
        InitialsFirstAuthors.apply(paper, labels: &paperLabels, known: known.union(["location"]))
        XCTAssertEqual(paperLabels, venue)
    }
}
