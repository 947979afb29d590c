import DossierText
import DossierModel
import Foundation

/// Headings as people write them, in English, German, French, Spanish, Italian, Portuguese, Dutch and
/// Chinese, mapped to section kinds. Phrases are compared after `SectionHeadings.normalize` (lowercase,
/// no diacritics, no numbering or punctuation).
public enum SectionHeadings {
    /// Phrases of each kind. A heading takes the kind whose phrase starts earliest in it ("Awards, Grants &
    /// Honours" is awards, "Grants and Awards" grants); on a tie the kind listed first wins.
    static let containmentOrder: [(SectionKind, [String])] = [
        (.referees, ["referees", "references", "referenzen", "referencias", "referenze", "referenties", "letters of reference",
                     "letter writers", "recommenders", "recommendation letters", "reference letters", "推荐人", "证明人"]),
        (.researchStatement, ["research interests", "academic interests", "scientific interests", "research topics", "research interest", "research statement", "research summary", "research agenda",
                              "research focus", "areas of interest", "research areas", "forschungsinteressen", "forschungsschwerpunkte",
                              "interets de recherche", "thematiques de recherche", "themes de recherche", "axes de recherche", "intereses de investigacion", "lineas de investigacion",
                              "interessi di ricerca", "interesses de pesquisa", "areas de pesquisa", "onderzoeksinteresses", "研究兴趣",
                              "研究方向", "研究领域"]),
        (.teaching, ["teaching", "courses taught", "students", "advisees", "postdocs", "mentees", "interns", "supervision", "mentoring", "students supervised", "student supervision", "advising",
                     "lehre", "lehrtatigkeit", "lehrerfahrung", "betreuung", "enseignement", "enseignements", "encadrement", "docencia",
                     "experiencia docente", "direccion de tesis", "didattica", "insegnamento", "ensino", "orientacoes", "orientacao",
                     "onderwijs", "begeleiding", "教学", "授课"]),
        (.talks, ["talks", "talk", "presentations", "meetings", "papers presented", "conference activity", "conference activities", "seminars", "posters", "invited lectures", "keynotes", "vortrage", "vortraege",
                  "prasentationen", "communications", "exposes", "ponencias", "conferencias", "presentaciones", "comunicaciones",
                  "interventi", "relazioni", "presentazioni", "palestras", "apresentacoes", "comunicacoes", "lezingen", "presentaties",
                  "学术报告", "会议报告", "特邀报告", "报告"]),
        (.grants, ["grants", "grant", "funding", "drittmittel", "forschungsforderung", "financements", "subventions", "financiacion",
                   "financiamiento", "finanziamenti", "financiamentos", "subsidies", "financiering", "基金", "项目资助", "科研项目"]),
        (.awards, ["awards", "award", "honors", "honours", "prizes", "distinctions", "scholarships", "fellowships", "achievements",
                   "auszeichnungen", "preise", "ehrungen", "stipendien", "prix", "bourses", "premios", "distinciones", "reconocimientos",
                   "becas", "premi", "riconoscimenti", "premiacoes", "bolsas", "prijzen", "onderscheidingen", "获奖", "奖励", "荣誉"]),
        (.service, ["service", "services", "volunteering", "volunteer", "working groups", "consortia", "responsibilities",
                    "responsabilities", "responsability", "reviewing", "peer review", "reviewer", "dissemination", "refereeing", "review panels", "editorial", "committees", "committee", "outreach", "leadership",
                    "professional activities", "gutachtertatigkeit", "gremien", "selbstverwaltung", "responsabilites", "expertises",
                    "servicio", "gestion", "actividades de evaluacion", "servizio", "attivita editoriale", "servico", "atividades editoriais",
                    "nevenfuncties", "commissies", "学术服务", "学术兼职", "社会服务", "审稿"]),
        (.publications, ["publications", "publication", "published", "under review", "pending review", "in review", "in revision", "under revision", "preprint", "manuscript", "in prep", "in preparation", "submitted", "papers", "journal articles", "articles", "peer reviewed", "peer-reviewed",
                         "refereed", "proceedings", "preprints", "working papers", "manuscripts", "book chapters", "books", "monographs", "reports",
                         "bibliography", "publikationen", "veroffentlichungen", "schriften", "aufsatze", "publicaciones", "articulos",
                         "pubblicazioni", "publicacoes", "publicaties", "artikelen", "论文", "出版物", "发表文章", "预印本", "专著", "著作"]),
        (.projects, ["projects", "software", "research products", "open science", "open source", "repositories", "projekte", "projets", "proyectos", "progetti", "projetos", "projecten", "项目"]),
        (.education, ["education", "summer schools", "summer school", "schools", "doctoral schools", "academic background", "educational background", "qualifications", "degrees", "academic training",
                      "ausbildung", "studium", "bildungsweg", "formation", "etudes", "formacion", "estudios", "istruzione", "formazione",
                      "educacao", "formacao", "opleiding", "opleidingen", "教育", "学历"]),
        (.employment, ["experience", "experiences", "employment", "appointments", "positions", "work history", "career", "berufserfahrung",
                       "werdegang", "berufliche tatigkeit", "positionen", "parcours professionnel", "postes", "percurso profissional", "percurso", "experiencia",
                       "trayectoria", "esperienza", "esperienze", "experiencia profissional", "werkervaring", "loopbaan",
                       "工作经历", "工作经验", "任职", "职业经历"]),
        (.skills, ["skills", "competences", "competencies", "kenntnisse", "fahigkeiten", "competencias", "habilidades", "competenze",
                   "vaardigheden", "技能"]),
        (.languages, ["languages", "language", "sprachen", "sprachkenntnisse", "langues", "idiomas", "lenguas", "lingue", "linguas",
                      "talen", "talenkennis", "语言"]),
        (.summary, ["summary", "profile", "specialization", "specialisation", "areas of expertise", "about me", "about", "objective", "personal statement", "biography", "bio", "overview",
                    "zusammenfassung", "profil", "uber mich", "kurzprofil", "a propos", "perfil", "sobre mi", "resumen", "profilo",
                    "chi sono", "sobre mim", "over mij", "profiel", "个人简介", "简介", "自我评价"]),
    ]

    /// Whole headings whose meaning differs from what a phrase inside them says.
    static let exact: [String: SectionKind] = [
        "research experience": .employment, "research positions": .employment, "research appointments": .employment,
        "research": .researchStatement, "keywords": .researchStatement, "current position": .employment, "consulting": .employment,
        "software skills": .skills, "research projects": .projects, "research funding": .grants, "research grants": .grants,
        "conference papers": .publications, "job market paper": .publications,
        // HAL's and French CVs' name for conference papers (talks are "communications orales", "exposés").
        "communications dans des congres": .publications, "communications dans un congres": .publications,
        "communication dans un congres": .publications, "communications avec actes": .publications, "referee reports": .service, "review reports": .service, "relecture d articles": .service, "book": .publications, "invited talks and seminars": .talks, "memberships": .other, "professional memberships": .other,
        "patents": .other, "patent": .other, "press": .other, "media": .other, "contact": .other, "contact information": .other, "personal information": .other,
        "personal details": .other, "persönliche daten": .other, "persoenliche daten": .other, "datos personales": .other,
        "informations personnelles": .other, "resume": .summary, "curriculum vitae": .other, "cv": .other,
        "fellowships and grants": .grants, "honors and fellowships": .awards, "languages and skills": .skills,
        "skills and languages": .skills, "teaching and mentoring": .teaching, "service and outreach": .service,
        "professional experience": .employment, "work experience": .employment, "teaching experience": .teaching,
        "computer languages": .skills, "programming languages": .skills, "doctoral committees": .teaching,
        "thesis committees": .teaching, "career objective": .summary, "career summary": .summary, "publications and talks": .publications, "papers and talks": .publications, "个人信息": .other, "联系方式": .other,
    ]

    /// Sub-headings of a publication list → the CSL type of the references under them.
    static let publicationSubtypes: [(String, String)] = [
        ("book chapters", "chapter"), ("chapters", "chapter"), ("chapter", "chapter"), ("buchkapitel", "chapter"),
        ("journal", "article-journal"), ("articles", "article-journal"), ("artikel", "article-journal"), ("aufsatze", "article-journal"),
        ("articulos", "article-journal"), ("articoli", "article-journal"), ("artigos", "article-journal"),
        ("conference", "paper-conference"), ("proceedings", "paper-conference"), ("workshop", "paper-conference"),
        ("tagungsband", "paper-conference"), ("congresos", "paper-conference"), ("congres", "paper-conference"), ("conferences", "paper-conference"),
        ("preprints", "article"), ("preprint", "article"), ("working papers", "article"), ("submitted", "article"),
        ("under review", "article"), ("in preparation", "article"), ("manuscripts", "article"), ("in progress", "article"),
        ("books", "book"), ("monographs", "book"), ("bucher", "book"), ("libros", "book"), ("libri", "book"), ("livros", "book"),
        ("theses", "thesis"), ("thesis", "thesis"), ("dissertation", "thesis"), ("tesis", "thesis"), ("these", "thesis"),
        ("patents", "patent"), ("patent", "patent"), ("technical reports", "report"), ("reports", "report"),
        ("software", "software"), ("datasets", "dataset"), ("data sets", "dataset"), ("posters", "poster"), ("abstracts", "abstract"),
    ]

    /// The kind of a heading, or nil when nothing in it is known (the caller makes that `other`).
    public static func kind(of heading: String) -> SectionKind? {
        kind(normalized: normalize(heading))
    }

    /// `kind(of:)` of a heading already normalised.
    static func kind(normalized: String) -> SectionKind? {
        guard !normalized.isEmpty else { return nil }
        if let kind = exact[normalized] { return kind }
        let words = normalized.splitFast(0x20).map(String.init)
        var best: (kind: SectionKind, position: Int, order: Int)?
        for (position, word) in words.enumerated() {
            for candidate in phraseIndex[word] ?? [] where position + candidate.words.count <= words.count {
                guard words[position..<(position + candidate.words.count)].elementsEqual(candidate.words) else { continue }
                if best == nil || (position, candidate.order) < (best?.position ?? .max, best?.order ?? .max) {
                    best = (candidate.kind, position, candidate.order)
                }
            }
        }
        if best == nil, normalized.unicodeScalars.contains(where: { $0.value >= 0x3000 }) {
            // Chinese headings have no spaces between words: substring search; as with words, the kind named first
            // wins ("工作经历与教育背景", work and education, is employment), then table order.
            var first: (kind: SectionKind, offset: Int, order: Int)?
            for (order, entry) in containmentOrder.enumerated() {
                for phrase in entry.1 where phrase.unicodeScalars.contains(where: { $0.value >= 0x3000 }) {
                    guard let range = normalized.range(of: phrase) else { continue }
                    let offset = normalized.distance(from: normalized.startIndex, to: range.lowerBound)
                    if first == nil || (offset, order) < (first?.offset ?? .max, first?.order ?? .max) { first = (entry.0, offset, order) }
                }
            }
            return first?.kind
        }
        // "Publications Legend", "Key to the marks": what the marks in a list mean, not a list.
        if let last = words.last, ["legend", "legende", "leyenda"].contains(last), words.count >= 2 { return .other }
        return best?.kind ?? stemKind(of: words)
    }

    /// Word stems for headings no phrase matches: German and Dutch compounds ("Publikationsliste",
    /// "Zeitschriftenartikel", "Tagungsbände", "Fördermittel") and the inflected head nouns of Romance headings
    /// ("Diplômes", "Actas de congresos", "Chapitres d'ouvrages", "Prépublications"). A word matches when it starts
    /// with a prefix or (compounds) ends with a suffix; the first word that matches decides, then the table order.
    static let stems: [(kind: SectionKind, prefixes: [String], suffixes: [String])] = [
        (.referees, ["referenzperson", "personnes de reference", "referent"], []),
        (.talks, ["vortrag", "vortrage", "vortraege", "konferenzteilnahm", "gastvortr"], ["vortrage", "vortrag"]),
        (.grants, ["forderung", "fordermittel", "drittmittel", "subvencion", "sovvenzion"], ["forderung", "fordermittel", "mittel"]),
        (.awards, ["auszeichnung", "preistrag", "stipendi", "premiacao"], ["preise", "stipendien"]),
        (.publications, ["publica", "publika", "pubblica", "prepublica", "veroffentlich", "zeitschrift", "tagungsb",
                         "konferenzbeitr", "manuskript", "manuscri", "monograph", "monografi", "buchkapitel", "aufsatz",
                         "sammelband", "fachartikel", "chapitres", "ouvrages", "capitulos", "capitoli", "libros", "livres",
                         "actas", "actes", "articul", "artigo", "artikel", "tijdschrift"],
         ["artikel", "beitrage", "beitraege", "kapitel", "publikationen", "schriften"]),
        (.education, ["diplom", "abschlus", "titulos", "titoli di studio", "hochschul"], ["studium"]),
        (.employment, ["berufserfahr", "beschaftigung", "anstellung", "taetigkeit", "tatigkeit"], ["tatigkeiten", "laufbahn"]),
        (.teaching, ["lehrveranstalt", "lehrtatig", "lehrerfahr"], ["betreuung"]),
        (.skills, ["competenc", "competenz", "habilidad", "kompetenz"], ["kenntnisse", "kompetenzen"]),
    ]

    /// `stems` with each prefix marked when it holds a space (then it is compared with the words from there on) and
    /// each suffix's length: asked once, not (through Foundation's `contains`) for every prefix of every word of every
    /// heading.
    private static let stemTable: [(kind: SectionKind, prefixes: [(text: String, spaced: Bool)], suffixes: [(text: String, length: Int)])] =
        stems.map { entry in (entry.kind, entry.prefixes.map { ($0, $0.containsByte(0x20)) }, entry.suffixes.map { ($0, $0.count) }) }

    /// The kind whose stem one of `words` starts (or, for compounds of eight letters or more, ends) with.
    static func stemKind(of words: [String]) -> SectionKind? {
        guard words.count <= 8 else { return nil }
        for (index, word) in words.enumerated() {
            // The words from here on, joined only when a prefix with a space asks for them; the length counted once.
            var rest: String?
            let length = word.count
            for entry in stemTable {
                if entry.prefixes.contains(where: { prefix in
                    guard prefix.spaced else { return word.hasPrefix(prefix.text) }
                    let joined = rest ?? words[index...].joined(separator: " ")
                    rest = joined
                    return joined.hasPrefix(prefix.text)
                }) { return entry.kind }
                if length >= 8, entry.suffixes.contains(where: { word.hasSuffix($0.text) && length > $0.length + 2 }) {
                    return entry.kind
                }
            }
        }
        return nil
    }

    /// Alphabetic phrases by their first word, with their kind and the kind's place in `containmentOrder`
    /// (word lookups: Foundation's substring search was most of the pipeline's time).
    static let phraseIndex: [String: [(kind: SectionKind, order: Int, words: [String])]] = {
        var index: [String: [(kind: SectionKind, order: Int, words: [String])]] = [:]
        for (order, entry) in containmentOrder.enumerated() {
            for phrase in entry.1 where !phrase.unicodeScalars.contains(where: { $0.value >= 0x3000 }) {
                let words = phrase.split(separator: " ").map(String.init)
                guard let first = words.first else { continue }
                index[first, default: []].append((entry.0, order, words))
            }
        }
        return index
    }()

    /// Every phrase, for whole-heading comparisons.
    static let allPhrases: Set<String> = Set(containmentOrder.flatMap(\.1)).union(exact.keys)

    /// Whether the whole of `line` is one known heading phrase ("In Preparation", "Education"), not just contains one.
    public static func isWholePhrase(_ line: String) -> Bool {
        let normalized = normalize(line)
        return allPhrases.contains(normalized)
    }

    /// The CSL type a publication sub-heading names ("Journal Articles" → article-journal), if any.
    public static func publicationSubtype(of heading: String) -> String? {
        publicationSubtype(normalized: normalize(heading))
    }

    /// `publicationSubtype(of:)` of a heading already normalised: `contains(_:phrase:)` of each phrase with the text
    /// padded once (every phrase is ASCII, so whole-word containment, Foundation's answer as `containsText` gives it).
    static func publicationSubtype(normalized: String) -> String? {
        var padded = " " + normalized + " "
        // In ASCII a byte match is Foundation's match (`containsText` answers so too, one phrase at a time).
        guard padded.isAllASCII else { return paddedSubtypes.first { padded.containsText($0.phrase) }?.type }
        return padded.withUTF8 { hay in
            paddedSubtypes.first { entry in
                var phrase = entry.phrase
                return phrase.withUTF8 { ByteSearch.contains($0, in: hay) }
            }?.type
        }
    }

    /// `publicationSubtypes` with each phrase between spaces.
    private static let paddedSubtypes: [(phrase: String, type: String)] = publicationSubtypes.map { (" " + $0.0 + " ", $0.1) }

    /// What the heading finder asks of a block's first line: its kind, whether it is a whole known phrase and whether
    /// it names a kind of publication, the line normalised once for all three.
    static func knownKindTraits(of line: String) -> (kind: SectionKind?, wholePhrase: Bool, publicationSubtype: Bool) {
        let normalized = normalize(line)
        return (kind(normalized: normalized), allPhrases.contains(normalized), publicationSubtype(normalized: normalized) != nil)
    }

    /// Every word of the phrases above, normalised: what a heading word split by hyphenation is checked against.
    static let phraseWords: Set<String> = {
        var words = Set<String>()
        for (_, phrases) in containmentOrder { for phrase in phrases { words.formUnion(phrase.split(separator: " ").map(String.init)) } }
        for phrase in exact.keys { words.formUnion(phrase.split(separator: " ").map(String.init)) }
        return words
    }()

    /// A heading whose word was hyphenated at a line end when it wrapped ("PEER-REVIEWED RESEARCH ARTI-CLES",
    /// "PRIX ET DIS-TINCTIONS") with that word whole again: only where the joined word is a heading word and the
    /// pieces are not (so "Peer-reviewed" keeps its hyphen).
    public static func dehyphenated(_ heading: String) -> String {
        guard heading.containsText("-") else { return heading }
        let words = heading.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            let pieces = word.split(separator: "-", omittingEmptySubsequences: false)
            guard pieces.count == 2, let first = pieces.first, let second = pieces.last,
                  first.last?.isLetter == true, second.first?.isLetter == true else { return String(word) }
            let key = { (text: String) in normalize(text).replacingOccurrences(of: "-", with: "") }
            let joined = key(String(first) + String(second))
            guard phraseWords.contains(joined), !phraseWords.contains(key(String(first))) || !phraseWords.contains(key(String(second))) else {
                return String(word)
            }
            return String(first) + String(second)
        }
        return words.joined(separator: " ")
    }

    /// Lowercase, diacritics folded, list numbering ("1.", "II.", "A)") and punctuation removed, "&" → "and".
    public static func normalize(_ heading: String) -> String {
        if heading.isAllASCII {
            var heading = heading
            return heading.withUTF8(normalizeASCII)
        }
        return normalizeScalars(heading)
    }

    /// `normalize` through Foundation's folding and Characters: the way for any text (`normalizeASCII` gives the same
    /// for ASCII).
    static func normalizeScalars(_ heading: String) -> String {
        var text = heading.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        text = text.replacingOccurrences(of: "&", with: " and ")
        text = stripNumbering(text)
        text = String(text.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : " " })
        return text.split(separator: " ").joined(separator: " ")
    }

    /// `normalize` of an ASCII text, byte by byte: there every character is one byte (but CR LF, which no step below
    /// keeps apart from two bytes), folding is lowercasing, and the letters and numbers are A–Z, a–z and 0–9. The
    /// Character version was most of the heading finder's time on PDF paragraphs.
    static func normalizeASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count + 8)
        for byte in bytes {
            if byte == UInt8(ascii: "&") {
                text.append(contentsOf: [0x20, 0x61, 0x6E, 0x64, 0x20])
            } else {
                text.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            }
        }
        // As `stripNumbering`: "1. ", "ii) ", "a. " at the start.
        var from = 0
        var start = 0
        while start < text.count, text[start] == 0x20 { start += 1 }
        var marker = start
        while marker < text.count, text[marker] != UInt8(ascii: "."), text[marker] != UInt8(ascii: ")") { marker += 1 }
        if marker < text.count, marker > start {
            let label = text[start..<marker]
            let isNumber = label.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            let isRoman = label.allSatisfy { [UInt8(ascii: "i"), UInt8(ascii: "v"), UInt8(ascii: "x"), UInt8(ascii: "l"), UInt8(ascii: "c")].contains($0) }
            let isLetter = label.count == 1 && label.allSatisfy { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "h") }
            if isNumber || isRoman || isLetter, marker + 1 < text.count, text[marker + 1] == 0x20 { from = marker + 1 }
        }
        // Letters, digits and "-" kept, every other run of bytes one space, none at the ends.
        var result: [UInt8] = []
        result.reserveCapacity(text.count - from)
        var gap = false
        for byte in text[from...] {
            let kept = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-")
            guard kept else {
                gap = true
                continue
            }
            if gap, !result.isEmpty { result.append(0x20) }
            gap = false
            result.append(byte)
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// "1. ", "II) ", "a. " at the start of a heading removed.
    static func stripNumbering(_ text: String) -> String {
        let trimmed = text.drop { $0 == " " }
        guard let marker = trimmed.firstIndex(where: { $0 == "." || $0 == ")" }), marker > trimmed.startIndex else { return text }
        let label = trimmed[..<marker]
        let isNumber = label.allSatisfy(\.isNumber)
        let isRoman = label.allSatisfy { "ivxlc".contains($0) }
        let isLetter = label.count == 1 && label.allSatisfy { ("a"..."h").contains($0) }
        let rest = trimmed[trimmed.index(after: marker)...]
        guard isNumber || isRoman || isLetter, rest.first == " " else { return text }
        return String(rest.drop { $0 == " " })
    }

    /// Whole-word containment for alphabetic scripts, substring containment for CJK.
    static func contains(_ text: String, phrase: String) -> Bool {
        if phrase.unicodeScalars.contains(where: { $0.value >= 0x3000 }) { return text.contains(phrase) }
        return " \(text) ".containsText(" \(phrase) ")
    }
}
