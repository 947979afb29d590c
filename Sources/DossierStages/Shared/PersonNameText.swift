import DossierText
import Foundation

/// Recognizes a person's name in a line of text and strips what surrounds it on CVs
/// ("Curriculum Vitae of", "— CV", "Dr.", ", PhD", "(he/him)"), title-casing names printed in capitals.
extension PersonNames {
    /// Brackets, quotes and full stops around a token, made once rather than per token.
    private static let tokenQuotes = CharacterSet(charactersIn: "()\"'“”‘’.")
    /// Full stops, brackets and quotes around a word, made once rather than per word.
    private static let wordQuotes = CharacterSet(charactersIn: ".()\"'“”")

    /// Whether a short piece of text (a referee line's first part, a PDF author) can be a person's name:
    /// 2–5 words once titles are stripped, capitalized, no digits or org words.
    public static func looksLikeName(_ text: String) -> Bool {
        let name = stripTitles(text).name
        let words = name.split(separator: " ")
        guard (2...5).contains(words.count), name.rangeOfCharacter(from: .decimalDigits) == nil, !name.contains("@") else { return false }
        guard !EntryFields.contains(any: EntryFields.organizationAndPositionWords, in: name) else { return false }
        return words.allSatisfy { word in
            guard let first = word.first else { return false }
            return first.isUppercase || particles.contains(word.lowercased())
        }
    }

    /// The name with decorations, honorifics and degrees removed; nil when nothing is left.
    static func cleaned(_ raw: String) -> String? {
        // Without a line feed byte there is nothing to replace (no other text is canonically equivalent to it).
        var text = raw.containsByte(10) ? raw.replacingOccurrences(of: "\n", with: " ") : raw
        var bytes = LineBytes(text)
        /// Removes the matches of `pattern`, unless `mayMatch` proves there are none.
        func remove(_ pattern: TextPattern, when mayMatch: (LineBytes) -> Bool) {
            guard mayMatch(bytes) else { return }
            let replaced = pattern.replacing(in: text, with: "")
            if replaced != text {
                text = replaced
                bytes = LineBytes(text)
            }
        }
        remove(pronouns, when: mayHoldPronouns)
        var previous = ""
        while previous != text {
            previous = text
            text = withoutEdgeSymbols(text.trimmingFast(in: edgeJunk))
            bytes = LineBytes(text)
            remove(parenthesizedDegree, when: mayHoldParenthesizedDegree)
            remove(cvPrefix, when: mayStartWithCVWord)
            remove(possessiveSuffix, when: mayHoldPossessive)
            remove(cvSuffix, when: mayEndWithCVWord)
            remove(honorific, when: mayHoldSpace)
            remove(commaDegree, when: mayHoldCommaDegree)
            remove(bareDegree, when: mayHoldSpace)
            remove(upperDegree, when: mayHoldSpace)
        }
        text = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !text.isEmpty else { return nil }
        return titleCasedIfShouting(text)
    }

    /// `pronouns` needs a "/".
    static func mayHoldPronouns(_ bytes: LineBytes) -> Bool { bytes.contains(UInt8(ascii: "/")) }

    /// `parenthesizedDegree` needs a "(".
    static func mayHoldParenthesizedDegree(_ bytes: LineBytes) -> Bool { bytes.contains(UInt8(ascii: "(")) }

    /// `possessiveSuffix` needs an apostrophe, straight or curly.
    static func mayHoldPossessive(_ bytes: LineBytes) -> Bool { bytes.contains(UInt8(ascii: "'")) || bytes.contains("’") }

    /// `commaDegree` needs a ",".
    static func mayHoldCommaDegree(_ bytes: LineBytes) -> Bool { bytes.contains(UInt8(ascii: ",")) }

    /// `honorific`, `bareDegree` and `upperDegree` need a `\s`: ASCII whitespace or a non-ASCII space.
    static func mayHoldSpace(_ bytes: LineBytes) -> Bool { bytes.hasASCIIWhitespace || !bytes.isASCII }

    /// `cvPrefix` starts, after `\s*`, with a CV word: "curriculum", "cv", "c.v.", "r[ée]sumé", "lebenslauf",
    /// "personal", "home", "website", "academic" (a non-ASCII space or letter there is always tried).
    static func mayStartWithCVWord(_ bytes: LineBytes) -> Bool {
        bytes.mayStart(withOneOf: ["cu", "cv", "c.", "re", "le", "pe", "ho", "we", "ac"], skippingWhitespace: true)
    }

    /// `cvSuffix` needs a separator before the CV word: a `\s`, one of "-|:,", or a non-ASCII one ("–—·•").
    static func mayEndWithCVWord(_ bytes: LineBytes) -> Bool {
        bytes.hasASCIIWhitespace || bytes.containsAny(of: "-|:,") || !bytes.isASCII
    }

    /// `forbiddenCharacters` needs one of its ASCII characters, "•", "·", "http" or "www.".
    static func mayHoldForbiddenCharacters(_ bytes: LineBytes) -> Bool {
        bytes.containsAny(of: "0123456789@/\\:|;!?&+=<>[]{}#%$*_") || bytes.contains("•") || bytes.contains("·")
            || bytes.contains("http") || bytes.contains("www.")
    }

    /// `cjkName` needs non-ASCII characters.
    static func mayBeCJKName(_ bytes: LineBytes) -> Bool { !bytes.isASCII }

    /// Whether `text` (already cleaned) reads as a person's name and not as an institution, a section title,
    /// a job title or a sentence.
    static func looksLikeCleanedName(_ text: String) -> Bool {
        let bytes = LineBytes(text)
        if mayBeCJKName(bytes), cjkName.matches(text) {
            return SectionHeadings.kind(of: text) == nil && !cjkNonNames.contains(text)
                && !cjkInstitutionParts.contains { text.contains($0) }
        }
        guard text.count <= 60, text.count >= 3 else { return false }
        let commaParts = text.split(separator: ",")
        guard commaParts.count <= 2 else { return false }
        let spaced = text.containsByte(UInt8(ascii: ",")) ? text.replacingOccurrences(of: ",", with: " ") : text
        let tokens = spaced.split(whereSeparator: \.isWhitespace).map(String.init)
        guard (2...6).contains(tokens.count) else { return false }
        // After the cheaper tests: each of these only rejects, so their order does not change the answer.
        guard !(mayHoldForbiddenCharacters(bytes) && forbiddenCharacters.matches(text)) else { return false }
        var nameTokens = 0
        for token in tokens {
            let bare = token.trimmingFast(in: tokenQuotes).lowercased()
            if nonNameWords.contains(bare) { return false }
            if particles.contains(token) { continue }
            guard nameToken.matches(token) else { return false }
            nameTokens += 1
        }
        if let first = tokens.first, particles.contains(first), commaParts.count == 1 { return false }
        if let last = tokens.last, particles.contains(last) { return false }
        if commaParts.count == 1, let last = tokens.last, last.filter(\.isLetter).count == 1 { return false }
        let longTokens = tokens.filter { $0.filter(\.isLetter).count >= 2 }
        return nameTokens >= 2 && !longTokens.isEmpty
    }

    /// The cleaned name if `text` is one, else nil.
    static func name(in text: String) -> String? {
        guard mayHoldName(LineBytes(text)) else { return nil }
        return nameScanned(in: text)
    }

    /// False only when `text` cannot be a name: an ASCII text without whitespace or comma stays one token once
    /// cleaned (cleaning only removes characters and turns line feeds into spaces), and a name outside CJK
    /// script has two to six tokens.
    static func mayHoldName(_ bytes: LineBytes) -> Bool {
        !bytes.isASCII || bytes.hasASCIIWhitespace || bytes.contains(UInt8(ascii: ","))
    }

    /// `name(in:)` without the prefilter.
    static func nameScanned(in text: String) -> String? {
        guard let cleaned = cleaned(text), looksLikeCleanedName(cleaned) else { return nil }
        return cleaned
    }

    /// Lowercased, accent-free tokens without dots, for comparing two spellings of a name.
    static func comparisonTokens(_ name: String) -> [String] {
        let parts = name.split(separator: ",", maxSplits: 1)
        // "Family, Given" compares as "Given Family".
        let ordered = parts.count == 2 ? "\(parts[1]) \(parts[0])" : name
        return ordered.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split(whereSeparator: { $0.isWhitespace || $0 == "-" })
            .map { $0.trimmingFast(in: wordQuotes) }
            .filter { !$0.isEmpty }
    }

    /// True when one name is the other with middle names or initials added or left out
    /// ("Loqman R. Salamatian" and "Loqman Salamatian"; "Andrew Li Yim" and "Andrew Yung Fong Li Yim").
    static func isVariant(_ one: String, of other: String) -> Bool {
        let a = comparisonTokens(one), b = comparisonTokens(other)
        guard let aFirst = a.first, let bFirst = b.first, let aLast = a.last, let bLast = b.last,
            aFirst == bFirst, aLast == bLast
        else { return false }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        var position = long.startIndex
        for token in short {
            guard let found = long[position...].firstIndex(of: token) else { return false }
            position = long.index(after: found)
        }
        return true
    }

    /// Icons and emoji around a name ("👋 Jane Doe", "Jane Doe ✉") go; brackets, quotes and dots stay.
    /// One scan from each end (dropping one character at a time from a long run of symbols was quadratic).
    private static func withoutEdgeSymbols(_ text: String) -> String {
        guard let start = text.firstIndex(where: { $0.isLetter || $0.isNumber || "(\"“‘".contains($0) }) else { return "" }
        let rest = text[start...]
        guard let last = rest.lastIndex(where: { $0.isLetter || $0.isNumber || ").\"”’".contains($0) }) else { return "" }
        return String(rest[...last])
    }

    private static func titleCasedIfShouting(_ text: String) -> String {
        let letters = text.filter(\.isLetter)
        guard letters.count >= 4, letters.allSatisfy({ $0.isUppercase || !$0.isCased }), letters.contains(where: \.isCased)
        else { return text }
        return text.split(separator: " ").enumerated().map { index, token in
            let lower = token.lowercased()
            if index > 0, particles.contains(lower) { return lower }
            var result = ""
            var capitalizeNext = true
            for character in lower {
                result += capitalizeNext ? character.uppercased() : String(character)
                capitalizeNext = !character.isLetter
            }
            return result
        }.joined(separator: " ")
    }

    private static let edgeJunk = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "*_#|•·–—-:,;~=>"))
    private static let cvWords = #"(?:curriculum\s+vit(?:ae|æ)|cv|c\.v\.|r[ée]sum[ée]|lebenslauf|personal\s+(?:home\s*page|web\s*site|website|page)|home\s*page|website|academic\s+cv)"#
    static let cvPrefix = TextPattern(#"^\s*"# + cvWords + #"(?:\s+of|\s+von|\s+de|\s*[-–—|:·•]|\s*$)\s*"#, caseInsensitive: true)
    static let cvSuffix = TextPattern(#"(?:\s*[-–—|:·•,]\s*|\s+)"# + cvWords + #"\s*$"#, caseInsensitive: true)
    static let possessiveSuffix = TextPattern(#"['’]s(?:\s+"# + cvWords + #")?\s*$"#, caseInsensitive: true)
    static let honorific = TextPattern(
        #"^(?:dr|prof|professor|mr|mrs|ms|mx|sir|dame|herr|frau|mme|mlle|sr|sra|dott|dott\.ssa|dipl\.-ing)\.?\s+(?=\S)"#,
        caseInsensitive: true)
    static let commaDegree = TextPattern(
        #",\s*(?:ph\.?\s?d|m\.?\s?d|d\.?\s?phil|m\.?\s?sc|b\.?\s?sc|m\.?\s?a|b\.?\s?a|m\.?\s?s|m\.?\s?eng|mba|jd|j\.d|llm|frs|facs|p\.?\s?e|cpa|rn|dr\.?\s?rer\.?\s?nat|habil)\.?\s*$"#,
        caseInsensitive: true)
    static let bareDegree = TextPattern(
        #"\s+(?:ph\.\s?d|phd|d\.\s?phil|dphil|m\.d|m\.\s?sc|b\.\s?sc|mba|dr\.\s?rer\.\s?nat)\.?\s*$"#, caseInsensitive: true)
    static let parenthesizedDegree = TextPattern(
        #"\s*\((?:ph\.?\s?d|m\.?d|m\.?sc|mba|dphil|dr)\.?\)"#, caseInsensitive: true)
    static let upperDegree = TextPattern(#"\s+(?:MD|MSc|BSc|JD|FRS)\.?\s*$"#)
    static let pronouns = TextPattern(#"\(?\b(?:he|she|they)\s*/\s*(?:him|her|them|his|hers|theirs)\b\)?"#, caseInsensitive: true)
    static let forbiddenCharacters = TextPattern(#"[0-9@/\\:|•·;!?&+=<>\[\]{}#%$*_]|https?|www\."#)
    private static let cjkNonNames: Set<String> = ["个人简历", "简历", "履历", "個人簡歷", "簡歷", "联系方式", "個人資料", "个人信息"]
    private static let cjkInstitutionParts = ["大学", "大學", "学院", "學院", "研究", "公司", "中心", "医院", "醫院", "实验室", "實驗室", "系", "所", "局", "部"]
    static let cjkName = TextPattern(#"^[\p{Han}]{2,4}$"#)
    private static let nameToken = TextPattern(
        #"^(?:\(\p{Lu}[\p{L}'’.\- ]*\)|["“‘]\p{Lu}[\p{L}'’.\-]*["”’]|\p{Lu}[\p{L}\p{M}'’]*(?:-\p{Lu}[\p{L}\p{M}'’]*)*\.?|\p{Lu}\.(?:-?\p{Lu}\.)*)$"#)

    /// Words that never appear in a person's name: institutions, section titles, CV words, job titles.
    static let nonNameWords: Set<String> = [
        // institutions
        "university", "universität", "universitat", "université", "universite", "universidad", "universidade",
        "università", "universita", "universiteit", "uniwersytet", "univ", "institute", "institut", "instituto",
        "istituto", "college", "school", "laboratory", "laboratories", "laboratoire", "laboratorio", "lab", "labs",
        "department", "dept", "departamento", "dipartimento", "département", "faculty", "fakultät", "center", "centre",
        "centro", "hospital", "clinic", "klinikum", "academy", "akademie", "inc", "gmbh", "ltd", "llc", "corp",
        "corporation", "company", "foundation", "society", "association", "group", "research", "team", "program",
        "programme", "division", "unit", "museum", "library", "ministry", "agency", "council", "hochschule",
        "fachhochschule", "école", "ecole", "polytechnique", "politecnico", "technische", "technology", "sciences",
        "science", "engineering", "medicine", "medical", "consortium", "network", "national", "international",
        "state", "federal", "campus", "graduate", "studies",
        // sections
        "education", "experience", "employment", "publications", "publication", "papers", "talks", "presentations",
        "awards", "honors", "honours", "grants", "funding", "teaching", "service", "skills", "languages", "projects",
        "referees", "references", "interests", "summary", "profile", "contact", "information", "about",
        "biography", "appointments", "positions", "activities", "memberships", "certifications", "courses",
        "software", "patents", "selected", "journal", "articles", "conference", "proceedings", "preprints", "news",
        "blog", "overview", "details", "background", "qualifications", "achievements", "work", "history",
        // CV words
        "curriculum", "vitae", "vita", "cv", "resume", "résumé", "lebenslauf", "statement", "letter",
        "website", "homepage", "personal", "updated", "contents", "welcome", "dear", "sincerely", "regards",
        "recommendation", "table", "email", "e-mail", "phone", "address", "google", "scholar", "github", "linkedin",
        "orcid", "twitter",
        // job titles
        "professor", "assistant", "associate", "postdoctoral", "postdoc", "fellow", "student", "candidate",
        "lecturer", "researcher", "scientist", "engineer", "manager", "director", "developer", "analyst",
        "consultant", "partner", "senior", "chair", "principal", "intern", "officer", "president",
        "data", "machine", "learning", "phd", "ph.d", "bioinformatician", "designer", "architect",
        // page titles of personal sites
        "open", "source", "gallery", "posts", "recent", "portfolio", "members", "people", "join", "events",
        "resources", "notes", "thesis", "talk", "course", "courses", "lecture", "lectures", "seminar", "workshop",
        "tutorial", "tutorials", "datasets", "media", "photos", "home", "welcome", "archive", "index", "misc",
        // what PDF producers put in the author field
        "user", "owner", "admin", "administrator", "office", "microsoft", "windows", "author", "unknown",
        "anonymous", "authors",
    ]
}
