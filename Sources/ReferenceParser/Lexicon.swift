import DossierText

/// Small word lists the features look words up in (lowercased, without punctuation).
package enum Lexicon {
    /// Month names (English, French, German, Spanish, Italian) and English abbreviations and seasons, from `Months`:
    /// the languages the model's month feature was trained with.
    static let months: Set<String> = Months.names(in: ["en", "fr", "de", "es", "it"])
        .union(Months.seasons.filter { $0.language == "en" }.map(\.text))

    /// Family-name particles, from `NameParticles`.
    static let particles: Set<String> = NameParticles.referenceFeatureWords

    /// Words typical of journal and proceedings names.
    static let journalWords: Set<String> = [
        "j", "journal", "jour", "proc", "proceedings", "trans", "transactions", "rev", "review", "reviews", "lett",
        "letters", "ann", "annals", "acta", "bull", "bulletin", "quarterly", "magazine", "mag", "res", "research",
        "sci", "science", "sciences", "nature", "int", "international", "am", "american", "soc", "society",
        "conference", "conf", "symposium", "symp", "workshop", "congress", "meeting", "annual", "ieee", "acm",
        "chem", "phys", "biol", "med", "natl", "acad", "comput", "eng", "appl", "studies", "zeitschrift",
        "revue", "rivista", "archives", "arch", "clin", "plos", "one", "physical", "advances", "adv", "theory",
        "communications", "commun", "ecology", "economics", "econ", "psychology", "psychol", "history",
    ]

    /// Words typical of publisher names and institutions.
    static let publisherWords: Set<String> = [
        "press", "publishers", "publisher", "publishing", "publications", "verlag", "books", "university", "univ",
        "universidad", "université", "universität", "springer", "elsevier", "wiley", "routledge", "sage", "blackwell",
        "academic", "pergamon", "macmillan", "mcgraw-hill", "prentice", "hall", "addison-wesley", "taylor", "francis",
        "kluwer", "birkhäuser", "dover", "penguin", "norton", "harper", "random", "house", "gallimard", "seuil",
        "institute", "institut", "inc", "ltd", "co", "company", "gmbh", "editions", "éditions", "editora", "editorial",
        "presses", "puf", "cambridge", "oxford", "mit", "cup", "oup", "ed", "eds", "verlags",
    ]

    /// Places that often stand as publisher-place.
    static let places: Set<String> = [
        "new", "york", "london", "paris", "berlin", "oxford", "cambridge", "boston", "chicago", "amsterdam",
        "heidelberg", "dordrecht", "tokyo", "washington", "philadelphia", "princeton", "stuttgart", "münchen",
        "munich", "frankfurt", "leipzig", "wien", "vienna", "montreal", "montréal", "toronto", "sydney", "madrid",
        "barcelona", "roma", "rome", "milano", "torino", "bologna", "firenze", "lyon", "bruxelles", "brussels",
        "genève", "geneva", "zürich", "basel", "leiden", "hoboken", "ny", "ma", "ca", "uk", "usa", "nj", "oh", "pa",
        "berkeley", "québec", "quebec", "ottawa", "baltimore", "new-york", "singapore", "beijing", "moscow",
    ]

    /// Keywords whose presence says much about the field around them, with the category each falls in.
    static let keywords: [String: String] = [
        "in": "in", "dans": "in", "im": "in", "en": "in", "pp": "pages", "p": "pages", "pages": "pages", "s": "pages",
        "vol": "volume", "volume": "volume", "v": "volume", "bd": "volume", "tome": "volume", "t": "volume",
        "no": "number", "nr": "number", "num": "number", "n": "number", "issue": "number", "iss": "number", "h": "number",
        "ed": "editor", "eds": "editor", "editor": "editor", "editors": "editor", "edited": "editor", "hrsg": "editor",
        "hg": "editor", "dir": "editor", "éd": "editor", "éds": "editor", "et": "etal", "al": "etal",
        "and": "and", "&": "and", "und": "and", "y": "and", "e": "and", "doi": "doi", "isbn": "isbn", "issn": "isbn",
        "retrieved": "access", "available": "access", "accessed": "access", "online": "access", "from": "access",
        "url": "access", "thesis": "thesis", "dissertation": "thesis", "phd": "thesis", "ph": "thesis", "master's": "thesis",
        "report": "report", "technical": "report", "tech": "report", "rep": "report", "working": "report", "paper": "report",
        "edition": "edition", "edn": "edition", "ed.": "edition", "rev.": "edition", "press": "press", "forthcoming": "status",
        "submitted": "status", "accepted": "status", "preparation": "status", "review": "review", "arxiv": "preprint",
        "preprint": "preprint", "biorxiv": "preprint", "patent": "patent", "trad": "translator", "transl": "translator",
        "translated": "translator", "trans": "translator",
    ]
}

extension Lexicon {
    /// Bits of `entries`: which word lists a word is in.
    enum Category {
        static let month: UInt8 = 1, particle: UInt8 = 2, journal: UInt8 = 4, publisher: UInt8 = 8, place: UInt8 = 16
    }

    /// Per word: the lists it is in (`Category` bits) and the index of its keyword category plus one (0: none).
    /// One lookup per token instead of six.
    static let entries: [String: (categories: UInt8, keyword: UInt8)] = {
        var table: [String: (categories: UInt8, keyword: UInt8)] = [:]
        for (list, bit) in [(months, Category.month), (particles, Category.particle), (journalWords, Category.journal),
                            (publisherWords, Category.publisher), (places, Category.place)] {
            for word in list { table[word, default: (0, 0)].categories |= bit }
        }
        for (word, category) in keywords {
            table[word, default: (0, 0)].keyword = UInt8((keywordCategories.firstIndex(of: category) ?? 0) + 1)
        }
        return table
    }()

    /// The keyword categories, in a fixed order (their index is part of the feature keys).
    static let keywordCategories = [
        "in", "pages", "volume", "number", "editor", "etal", "and", "doi", "isbn", "access", "thesis", "report",
        "edition", "press", "status", "review", "preprint", "patent", "translator",
    ]
}
