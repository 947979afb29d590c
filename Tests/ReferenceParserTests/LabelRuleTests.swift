import DossierModel
import XCTest
@testable import ReferenceParser
@testable import DossierText

/// The rules that correct the model's labels, each on labels written by hand (so they do not depend on the model).
final class LabelRuleTests: XCTestCase {
    let known: Set<String> = ["author", "editor", "title", "journal", "container-title", "volume", "note", "date", "doi", "publisher"]

    func labelled(_ text: String, _ labels: [String]) -> ([ReferenceToken], [String]) {
        let tokens = ReferenceTokenizer.tokenize(text)
        XCTAssertEqual(tokens.count, labels.count, "test data: one label per token")
        return (tokens, labels)
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
}
