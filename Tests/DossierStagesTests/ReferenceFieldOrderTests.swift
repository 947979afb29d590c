import DossierModel
@testable import DossierStages
import XCTest

/// Where an author line ends when a reference wraps: the line break is the boundary only when the line holds names
/// and nothing else.
final class ReferenceFieldOrderTests: XCTestCase {
    func testAVancouverListThatRunsIntoTheTitleIsNotSeparatedByTheLineBreak() {
        // The title's first word sits on the authors' line; a full stop at the break would cut the title in two.
        let wrapped = "Grünewald EB, Kopp RE, Simons FJ, Oppenheimer M. Probabilistic\nassessment of sea level. Nature. 2009;462:863–7."
        XCTAssertEqual(ReferenceFieldOrder.separatingAuthorLine(wrapped), wrapped)
        XCTAssertFalse(ReferenceFieldOrder.looksLikeAuthorList("Casciola-Rosen LA, Anhalt G, Rosen A, Moreau L. Autoantigens"))
        // Initials without full stops everywhere else: "L." closed the list and "A" opens the title ("A role for …").
        XCTAssertFalse(ReferenceFieldOrder.looksLikeAuthorList("Kim SK, Berdichevsky A, Guarente L. A"))
        XCTAssertTrue(ReferenceFieldOrder.looksLikeAuthorList("Kim SK, Berdichevsky A, Guarente L A"))
    }

    func testNamesGivenFirstWithAMiddleInitialAreStillAuthorLists() {
        XCTAssertTrue(ReferenceFieldOrder.looksLikeAuthorList("John M. Smith, Ada Lovelace and Grace B. Hopper"))
        XCTAssertTrue(ReferenceFieldOrder.looksLikeAuthorList("Kopp RE, Simons FJ, Oppenheimer M"))
        let separate = "Kopp RE, Simons FJ, Oppenheimer M\nProbabilistic assessment of sea level. Nature. 2009."
        XCTAssertEqual(ReferenceFieldOrder.separatingAuthorLine(separate),
                       "Kopp RE, Simons FJ, Oppenheimer M.\nProbabilistic assessment of sea level. Nature. 2009.")
    }

    func testATitleCaseTitleWrappedAfterTheAuthorsCommaIsNotCutAtTheBreak() {
        // The American Physical Society's style: a comma after the authors, the title in title case; its first words
        // read as one more name, but every real name has an initial with a full stop.
        let wrapped = "P. Fillard, C. Poupon, and J. F. Mangin, A Novel Global\nTractography Algorithm Based on a Spin Glass Model, Med Image Comput 12, 927 (2009)."
        XCTAssertEqual(ReferenceFieldOrder.separatingAuthorLine(wrapped), wrapped)
        let german = "W. Jantzen, J. Steffens, and U. Zimmermann-Roth, Inklusion Und Das Problem\nDer Grenze, Behinderte Menschen 4, 48 (2014)."
        XCTAssertEqual(ReferenceFieldOrder.separatingAuthorLine(german), german)
        // The authors alone on their line still end there.
        let separate = "P. Fillard, C. Poupon, and J. F. Mangin\nA Novel Global Tractography Algorithm, Med Image Comput 12, 927 (2009)."
        XCTAssertEqual(ReferenceFieldOrder.separatingAuthorLine(separate),
                       "P. Fillard, C. Poupon, and J. F. Mangin.\nA Novel Global Tractography Algorithm, Med Image Comput 12, 927 (2009).")
    }

    func testInitialsWords() {
        for word in ["M.", "EB", "J.-P.", "R.E.", "A"] { XCTAssertTrue(ReferenceFieldOrder.isInitialsWord(word), word) }
        for word in ["Moreau", "IEEE", "de", "Eb"] { XCTAssertFalse(ReferenceFieldOrder.isInitialsWord(word), word) }
    }

    /// A bold title wrapped over two lines (a PDF gives each line its own run) gets no full stop at the wrap; a bold
    /// title line followed by authors in plain text does.
    func testAWrappedStyledFieldIsNotCutAtTheWrap() {
        let strong = { (text: String) in Inline(.strong, text: text, children: [Inline(.text, text: text)]) }
        let wrapped = [strong("Geometric cue for protein localization in"), Inline(.softbreak, text: "\n"), strong("a bacterium"),
                       Inline(.text, text: ". K. S. Ramamurthi. Science, 2009.")]
        let text = "Geometric cue for protein localization in\na bacterium. K. S. Ramamurthi. Science, 2009."
        XCTAssertEqual(ReferenceFieldOrder.endingStyledLines(text, inlines: wrapped), text)
        let title = [strong("Geometric cue for protein localization"), Inline(.softbreak, text: "\n"),
                     Inline(.text, text: "K. S. Ramamurthi. Science, 2009.")]
        XCTAssertEqual(ReferenceFieldOrder.endingStyledLines("Geometric cue for protein localization\nK. S. Ramamurthi. Science, 2009.", inlines: title),
                       "Geometric cue for protein localization.\nK. S. Ramamurthi. Science, 2009.")
        // Authors linked one by one, as the title is: the first name opens the next field (a CV's publication page).
        let link = { (text: String) in Inline(.link, text: text, url: "https://example.org", children: [Inline(.text, text: text)]) }
        let linked = [link("Imitation Learning from Pixel Observations for Continuous Control"), Inline(.softbreak, text: "\n"),
                      link("Samuel Cohen"), Inline(.text, text: ", "), link("Brandon Amos"), Inline(.text, text: ". NeurIPS 2021")]
        XCTAssertEqual(ReferenceFieldOrder.endingStyledLines("Imitation Learning from Pixel Observations for Continuous Control\nSamuel Cohen, Brandon Amos. NeurIPS 2021", inlines: linked),
                       "Imitation Learning from Pixel Observations for Continuous Control.\nSamuel Cohen, Brandon Amos. NeurIPS 2021")
    }
}
