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
        // Abbreviations of physics, astronomy and engineering journals ("Nucl. Instrum. Methods A", "Astrophys. J.",
        // "J. High Energy Phys.", "Zh. Eksp. Teor. Fiz."), which physics styles print without a title before them.
        "nucl", "instrum", "meth", "methods", "astrophys", "astron", "opt", "mater", "condens", "math", "mod",
        "nuovo", "cim", "prog", "theor", "jetp", "sov", "fiz", "usp", "nauk", "quant", "grav", "cosmol", "nat",
        "photon", "photonics", "surf", "vac", "technol", "instr", "plasma", "mol", "jpn", "europhys", "epl", "jhep",
        "jcap", "mnras", "apj", "aj", "mech", "electron", "biophys", "geophys", "atmos", "planet", "rept", "lect",
        "ser", "suppl", "dokl", "izv", "zh", "eksp", "teor", "helv", "polon", "chin", "semicond", "magn",
        "supercond", "cryst", "crystallogr", "spectrosc", "microsc", "acoust", "radiat", "meas", "metrol",
        "nanotechnol", "fluids", "stat", "statist", "bioinform", "neurosci", "genet", "ecol", "evol", "geol",
        "environ", "mathematik", "zhurnal", "vestn", "vestnik", "trudy", "izvestiya", "doklady", "журн", "журнал",
        "вестн", "вестник", "изв", "известия", "докл", "доклады", "труды", "физ", "хим", "мат", "наук", "техн",
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
        "м", "спб", "л", "москва", "новосибирск", "киев",
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
        // Volume, issue and page markers of other languages and scripts (GOST's "Т. 5, № 3. С. 1–2", German "Jg.",
        // "Heft", Spanish "núm.", "pág.", the CJK volume and issue characters of "第12卷", "제9권 제2호", "12巻3号"),
        // so that a style never trained on reads them as what "vol.", "no." and "pp." are.
        "т": "volume", "том": "volume", "jg": "volume", "jahrgang": "volume", "tom": "volume", "卷": "volume",
        "巻": "volume", "권": "volume", "вып": "number", "heft": "number", "hft": "number", "núm": "number",
        "fasc": "number", "期": "number", "号": "number", "호": "number", "с": "pages", "стр": "pages",
        "pág": "pages", "págs": "pages", "页": "pages", "頁": "pages", "쪽": "pages", "ред": "editor",
        "под": "editor", "сост": "editor", "др": "etal", "и": "and", "изд": "edition", "дис": "thesis",
        "автореф": "thesis", "канд": "thesis", "ресурс": "access", "режим": "access", "доступа": "access",
        "обращения": "access", "препринт": "preprint", "пер": "translator",
    ]

    /// Tokens with no letter that stand for a keyword: ISBD's and GOST's "//" before the container is "In:", "№"
    /// is "No.", "&" is "and". Looked up by the whole token when it has no word.
    static let symbols: [String: String] = [
        "//": "in", "№": "number", "&": "and", "#": "number",
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

    /// `entries` keyed by the FNV-1a hash of each word's UTF-8 (`FeatureHash.Accumulator`, the hash `TokenTraits`
    /// makes of every token's word anyway): an open-addressing table whose lookup hashes nothing again and compares
    /// the word's bytes once, where the `String` dictionary hashed each word with SipHash (about 400 instructions a
    /// token).
    struct HashedEntries: Sendable {
        private var hashes: [UInt64]
        private var words: [[UInt8]]
        private var values: [(categories: UInt8, keyword: UInt8)]
        private let mask: Int

        init(_ entries: [String: (categories: UInt8, keyword: UInt8)]) {
            var capacity = 16
            while capacity < entries.count * 2 { capacity <<= 1 }
            mask = capacity - 1
            hashes = Array(repeating: 0, count: capacity)
            words = Array(repeating: [], count: capacity)
            values = Array(repeating: (0, 0), count: capacity)
            for (word, value) in entries {
                var hasher = FeatureHash.Accumulator()
                hasher.mix(word)
                var slot = Int(truncatingIfNeeded: hasher.value) & mask
                while !words[slot].isEmpty { slot = (slot + 1) & mask }
                hashes[slot] = hasher.value
                words[slot] = Array(word.utf8)
                values[slot] = value
            }
        }

        /// The entry of the word whose UTF-8 is `length` bytes that `byte(i)` gives, and whose FNV-1a hash is `hash`.
        @inline(__always)
        func entry(hash: UInt64, length: Int, byte: (Int) -> UInt8) -> (categories: UInt8, keyword: UInt8)? {
            guard length > 0 else { return nil }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let word = words[slot]
                if word.isEmpty { return nil }
                if hashes[slot] == hash, word.count == length, (0..<length).allSatisfy({ word[$0] == byte($0) }) { return values[slot] }
                slot = (slot + 1) & mask
            }
        }
    }

    /// `entries` by word hash (see `HashedEntries`).
    static let hashedEntries = HashedEntries(entries)

    /// The keyword index (as in `entries`) of a token without letters or digits ("//", "№", "&"), or 0.
    static func symbolKeyword(_ text: String) -> UInt8 {
        guard let category = symbols[text], let index = keywordCategories.firstIndex(of: category) else { return 0 }
        return UInt8(index + 1)
    }

    /// The keyword categories, in a fixed order (their index is part of the feature keys).
    static let keywordCategories = [
        "in", "pages", "volume", "number", "editor", "etal", "and", "doi", "isbn", "access", "thesis", "report",
        "edition", "press", "status", "review", "preprint", "patent", "translator",
    ]
}
