/// Month and season names in every language Dossier reads, the one table every caller looks them up in
/// (dates in CV entries, dates in references, the reference model's word lists, a PDF's title block, BibTeX).
///
/// Each spelling is lowercase and says its language and form. Full names and the English abbreviations are
/// months wherever they stand ("March 2019", "Mar. 2019"); the short forms of other languages ("set", "out",
/// "ago", "gen", "mag") and words that are also names ("marco") are months only beside a year.
public enum Months {
    public enum Form: Sendable { case name, abbreviation, shortForm }

    public struct Spelling: Sendable {
        public let text: String
        /// 1 (January) … 12 (December).
        public let month: Int
        /// ISO 639-1 code.
        public let language: String
        public let form: Form
    }

    /// Every spelling, month by month: (month, language, names, abbreviations, short forms).
    public static let spellings: [Spelling] = {
        let rows: [(Int, String, [String], [String], [String])] = [
            (1, "en", ["january"], ["jan"], []), (1, "fr", ["janvier"], [], []), (1, "de", ["januar"], [], ["jän"]),
            (1, "es", ["enero"], [], ["ene"]), (1, "it", ["gennaio"], [], ["gen"]), (1, "pt", ["janeiro"], [], []),
            (1, "nl", ["januari"], [], []),
            (2, "en", ["february"], ["feb"], []), (2, "fr", ["février", "fevrier"], [], ["fév", "fev"]), (2, "de", ["februar"], [], []),
            (2, "es", ["febrero"], [], []), (2, "it", ["febbraio"], [], []), (2, "pt", ["fevereiro"], [], []), (2, "nl", ["februari"], [], []),
            (3, "en", ["march"], ["mar"], []), (3, "fr", ["mars"], [], []), (3, "de", ["märz", "maerz"], [], ["mär"]),
            (3, "es", ["marzo"], [], []), (3, "it", ["marzo"], [], []), (3, "pt", ["março"], [], ["marco"]), (3, "nl", ["maart"], [], ["mrt"]),
            (4, "en", ["april"], ["apr"], []), (4, "fr", ["avril"], [], ["avr"]), (4, "de", ["april"], [], []),
            (4, "es", ["abril"], [], ["abr"]), (4, "it", ["aprile"], [], []), (4, "pt", ["abril"], [], []), (4, "nl", ["april"], [], []),
            (5, "en", ["may"], [], []), (5, "fr", ["mai"], [], []), (5, "de", ["mai"], [], []), (5, "es", ["mayo"], [], []),
            (5, "it", ["maggio"], [], ["mag"]), (5, "pt", ["maio"], [], []), (5, "nl", ["mei"], [], []),
            (6, "en", ["june"], ["jun"], []), (6, "fr", ["juin"], [], []), (6, "de", ["juni"], [], []), (6, "es", ["junio"], [], []),
            (6, "it", ["giugno"], [], ["giu"]), (6, "pt", ["junho"], [], []), (6, "nl", ["juni"], [], []),
            (7, "en", ["july"], ["jul"], []), (7, "fr", ["juillet"], [], ["juil"]), (7, "de", ["juli"], [], []), (7, "es", ["julio"], [], []),
            (7, "it", ["luglio"], [], ["lug"]), (7, "pt", ["julho"], [], []), (7, "nl", ["juli"], [], []),
            (8, "en", ["august"], ["aug"], []), (8, "fr", ["août", "aout"], [], ["aoû"]), (8, "de", ["august"], [], []),
            (8, "es", ["agosto"], [], ["ago"]), (8, "it", ["agosto"], [], []), (8, "pt", ["agosto"], [], []), (8, "nl", ["augustus"], [], []),
            (9, "en", ["september"], ["sep", "sept"], []), (9, "fr", ["septembre"], [], []), (9, "de", ["september"], [], []),
            (9, "es", ["septiembre"], [], []), (9, "it", ["settembre"], [], ["set", "sett"]), (9, "pt", ["setembro"], [], []),
            (9, "nl", ["september"], [], []),
            (10, "en", ["october"], ["oct"], []), (10, "fr", ["octobre"], [], []), (10, "de", ["oktober"], [], ["okt"]),
            (10, "es", ["octubre"], [], []), (10, "it", ["ottobre"], [], ["ott"]), (10, "pt", ["outubro"], [], ["out"]), (10, "nl", ["oktober"], [], []),
            (11, "en", ["november"], ["nov"], []), (11, "fr", ["novembre"], [], []), (11, "de", ["november"], [], []),
            (11, "es", ["noviembre"], [], []), (11, "it", ["novembre"], [], []), (11, "pt", ["novembro"], [], []), (11, "nl", ["november"], [], []),
            (12, "en", ["december"], ["dec"], []), (12, "fr", ["décembre", "decembre"], [], ["déc"]), (12, "de", ["dezember"], [], ["dez"]),
            (12, "es", ["diciembre"], [], ["dic"]), (12, "it", ["dicembre"], [], []), (12, "pt", ["dezembro"], [], []), (12, "nl", ["december"], [], []),
        ]
        return rows.flatMap { month, language, names, abbreviations, shortForms in
            names.map { Spelling(text: $0, month: month, language: language, form: .name) }
                + abbreviations.map { Spelling(text: $0, month: month, language: language, form: .abbreviation) }
                + shortForms.map { Spelling(text: $0, month: month, language: language, form: .shortForm) }
        }
    }()

    /// Seasons as EDTF level-1 codes (21 spring, 22 summer, 23 autumn, 24 winter), with their language.
    public static let seasons: [(text: String, code: Int, language: String)] = [
        ("spring", 21, "en"), ("summer", 22, "en"), ("autumn", 23, "en"), ("fall", 23, "en"), ("winter", 24, "en"),
        ("frühling", 21, "de"), ("sommer", 22, "de"), ("herbst", 23, "de"),
        ("printemps", 21, "fr"), ("été", 22, "fr"), ("automne", 23, "fr"), ("hiver", 24, "fr"),
    ]

    private static let months: [String: Int] = table { $0.form != .shortForm }
    private static let monthsBesideYear: [String: Int] = table { _ in true }

    private static func table(_ include: (Spelling) -> Bool) -> [String: Int] {
        var result: [String: Int] = [:]
        for spelling in spellings where include(spelling) { result[spelling.text] = spelling.month }
        return result
    }

    /// The month a lowercase word names wherever it stands: a full name in any language or an English abbreviation.
    public static func number(of word: String) -> Int? { months[word] }

    /// The month a lowercase word names when a year stands beside it: also the short forms ("set 2019", "out. 2020").
    public static func numberBesideYear(_ word: String) -> Int? { monthsBesideYear[word] }

    /// Every spelling, longest first (for an alternation in a pattern, where the longer must win).
    public static let allSpellingsLongestFirst: [String] = Set(monthsBesideYear.keys).sorted { $0.count > $1.count || $0.count == $1.count && $0 < $1 }

    /// The full names in `languages` and the English abbreviations: the word list a trained model was built with
    /// (the reference model's month feature uses en, fr, de, es, it; a change of languages there is a retraining).
    public static func names(in languages: Set<String>) -> Set<String> {
        Set(spellings.filter { languages.contains($0.language) && ($0.form == .name || $0.form == .abbreviation) }.map(\.text))
    }

    /// The season code of a lowercase word ("summer" → 22).
    public static func seasonCode(_ word: String) -> Int? { seasons.first { $0.text == word }?.code }

    /// The English three-letter abbreviation of month 1…12 ("jan"), as BibTeX's month macros name them.
    public static func englishAbbreviation(_ month: Int) -> String? {
        spellings.first { $0.month == month && $0.language == "en" && $0.form == .abbreviation }?.text
    }
}
