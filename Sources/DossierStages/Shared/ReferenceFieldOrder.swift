import DossierText
import DossierModel
import Foundation

/// References written one field per line, title first, as publication pages set them: a title (often bold or a
/// link, sometimes a heading of its own), the authors on the next line, then the venue and year, link words and an
/// abstract. The parser reads references author first, so the fields are put back in that order:
/// "Authors. Title. Venue, year." Badges ("AFT2024"), lines of link words ("Abs DOI PDF") and abstracts are left out.
enum ReferenceFieldOrder {
    /// What `isNameLike` trims from each word, made once rather than per word.
    private static let nameMarks = CharacterSet(charactersIn: ",;*†‡")
    /// What a title is trimmed of, made once.
    private static let titleEdges = CharacterSet(charactersIn: " .,;")

    /// The fields in author-first order, or nil when the lines are not a title-first entry (then nothing changes).
    static func authorFirst(_ lines: [String]) -> [String]? {
        // Fewer than two lines leave fewer than two fields: most references are one line.
        guard lines.count >= 2 else { return nil }
        var fields = lines.map(FastText.trimmingSpaces).filter { !$0.isEmpty && !isLinkWordsOnly($0) }
        guard fields.count >= 2 else { return nil }
        fields[0] = ReferenceUnits.Patterns.numbering.replacing(in: fields[0], with: "")
        guard let authorIndex = fields.indices.dropFirst().prefix(3).first(where: { looksLikeLongAuthorList(fields[$0]) }) else { return nil }
        var before = Array(fields[..<authorIndex])
        // A line ending in a comma or "and" runs on into the next: the authors started above.
        guard !before.contains(where: looksLikeAuthorList), let above = before.last?.trimmingFast(in: .whitespaces),
              let end = above.last, !",;&".contains(end), !above.hasSuffix(" and") else { return nil }
        // A badge above the title: one word, no spaces ("ICML2024", "SecurityAnalysis2026").
        if before.count == 2, !before[0].contains(" "), before[0].count <= 30 { before.removeFirst() }
        guard before.count == 1, before[0].split(separator: " ").count >= 2, !YearScan.holdsYear(before[0], letter: false) || before[0].count > 40 else { return nil }
        // What follows the venue: an abstract is long prose, not a field.
        let after = fields[(authorIndex + 1)...].filter { $0.count <= 300 }
        return [fields[authorIndex]] + before + after
    }

    /// The title among an entry's fields, one per paragraph, when the source sets it apart: of the fields that are
    /// neither the author list nor link words, exactly two, and the title is the first ("Cancer statistics, 2015" /
    /// "Siegel RL, …" / "CA: a cancer journal for clinicians, 65, 5–29, 2015"). The parser is not asked to find
    /// again an edge the page already drew.
    static func titleField(_ fields: [String]) -> String? {
        let lines = fields.map { $0.replacingOccurrences(of: "\n", with: " ").trimmingFast(in: .whitespaces) }
        let authors = lines.filter { looksLikeLongAuthorList($0, single: true) }
        let others = lines.filter { !looksLikeLongAuthorList($0, single: true) && !isLinkWordsOnly($0) }
        guard authors.count == 1, others.count == 2, let title = others.first, title.split(separator: " ").count >= 2,
              title.count <= 400, lines.firstIndex(of: title) ?? 0 < lines.firstIndex(of: others[1]) ?? 0 else { return nil }
        return title.trimmingFast(in: titleEdges)
    }

    /// An author line set apart from the title by a line break only ("K. Lovelace and A. Turing\nA title\nJournal"):
    /// the break made the boundary, so a full stop is put where it was. Lines ending in a comma or "and" go on.
    static func separatingAuthorLine(_ text: String) -> String {
        guard text.containsByte(0x0A) else { return text }
        var lines = FastText.newlineComponents(text)
        guard lines.count >= 2 else { return text }
        var authors = ReferenceUnits.Patterns.numbering.replacing(in: lines[0], with: "").trimmingFast(in: .whitespaces)
        // The authors may wrap over a few lines, each but the last ending in a comma or "and".
        for index in 0..<min(lines.count - 1, 6) {
            if index > 0 { authors += " " + lines[index].trimmingFast(in: .whitespaces) }
            guard let last = authors.last else { return text }
            if ",;&".contains(last) || authors.hasSuffix(" and") { continue }
            let next = lines[index + 1].trimmingFast(in: .whitespaces)
            guard !next.isEmpty, looksLikeAuthorList(authors, single: true), !looksLikeAuthorList(next),
                  !titleStartsAfterLastComma(authors) else { return text }
            if !".!?:".contains(last) { lines[index] = lines[index].trimmingFast(in: .whitespaces) + "." }
            return lines.joined(separator: "\n")
        }
        return text
    }

    /// A line that is wholly one italic, bold or linked run (a title or a venue set on its own line) is a field:
    /// it ends with a full stop before the next line, unless the next line opens with a run of the same style (the
    /// field wrapped: a PDF gives each line its own run).
    static func endingStyledLines(_ text: String, inlines: [Inline]) -> String {
        guard text.containsByte(0x0A) else { return text }
        var lines = FastText.newlineComponents(text)
        guard lines.count >= 2 else { return text }
        var runs: [String: Set<InlineType>] = [:]
        for run in ReferenceUnits.flatten(inlines) where [.emphasis, .strong, .link].contains(run.type) {
            runs[squeezed(run.text), default: []].insert(run.type)
        }
        guard !runs.isEmpty else { return text }
        for index in lines.indices.dropLast() {
            let line = squeezed(lines[index])
            guard let last = line.last, !".!?:;,".contains(last), line.split(separator: " ").count >= 2, let styles = runs[line] else { continue }
            // Names set one by one in the same style (authors linked each to a page) start the next field: two or more
            // such runs on the next line, or one that reads as a name.
            let next = squeezed(lines[index + 1])
            let sameStyle = runs.filter { text, kinds in !text.isEmpty && next.contains(text) && !kinds.isDisjoint(with: styles) }
            if sameStyle.count == 1, let (text, _) = sameStyle.first, next.hasPrefix(text), !isNameLike(text) || !next.dropFirst(text.count).hasPrefix(",") {
                continue
            }
            lines[index] = line + "."
        }
        return lines.joined(separator: "\n")
    }

    /// One to four capitalised words or particles ("Samuel Cohen", "Bastian de la Fuente", "K. Lovelace"): maybe a
    /// person's name, not the tail of a wrapped title ("a bacterium", "Pathways in Caenorhabditis Elegans").
    static func isNameLike(_ text: String) -> Bool {
        let words = text.split(separator: " ").map { $0.trimmingCharacters(in: nameMarks) }.filter { !$0.isEmpty }
        guard (1...4).contains(words.count) else { return false }
        return words.allSatisfy { word in
            guard let head = word.first else { return true }
            return head.isUppercase || NameParticles.all.contains(word)
        }
    }

    static func squeezed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Fields joined as sentences: "Authors. Title. Venue, 2024."
    static func sentences(_ fields: [String]) -> String {
        fields.reduce("") { text, field in
            guard let last = text.last else { return field }
            return text + (".!?:;,".contains(last) ? " " : ". ") + field
        }
    }

    /// "[pdf] [code]", "Abs DOI PDF", "Paper Project page": nothing but the words of links.
    static func isLinkWordsOnly(_ line: String) -> Bool {
        guard !FastText.holdsNumber(line) else { return false }
        let words = line.lowercased().split { !$0.isLetter }.map(String.init)
        guard !words.isEmpty, words.count <= 8 else { return false }
        var index = 0
        while index < words.count {
            if index + 1 < words.count, ReferenceUnits.linkWords.contains(words[index] + " " + words[index + 1]) {
                index += 2
            } else if ReferenceUnits.linkWords.contains(words[index]) || extraLinkWords.contains(words[index]) {
                index += 1
            } else {
                return false
            }
        }
        return true
    }

    static let extraLinkWords: Set<String> = ["abs", "bibtex", "cite", "pdf", "html", "page", "site", "web", "award", "best", "spotlight", "oral"]

    /// A line that is nothing but two or more person names: "Ada Lovelace, Alan Turing and Grace Hopper",
    /// "Lovelace A, Turing AM", "A. Lovelace*, A. M. Turing†". No digits, no lowercase words but name particles.
    static func looksLikeAuthorList(_ line: String) -> Bool {
        looksLikeAuthorList(line, single: false)
    }

    /// An author list of any length: one over 500 characters (a collaboration's hundreds of names) is judged by its
    /// first names, cut at a comma.
    static func looksLikeLongAuthorList(_ line: String, single: Bool = false) -> Bool {
        guard line.count > 500 else { return looksLikeAuthorList(line, single: single) }
        guard line.count <= 20_000, !line.contains("\n") else { return false }
        return looksLikeAuthorList(String(line.prefix(500)).components(separatedBy: ",").dropLast().joined(separator: ","), single: single)
    }

    /// With `single`, one name with an initial ("K. Lovelace", "Lovelace K", "Lovelace, K.") is an author line too.
    static func looksLikeAuthorList(_ line: String, single: Bool) -> Bool {
        var text = FastText.trimmingSpaces(line)
        if single, Patterns.singleName.matches(withoutMarks(text)) { return true }
        guard FastText.hasAtMostCharacters(text, 600), !FastText.holdsNumber(text) else { return false }
        text = withoutMarks(text)
        // "Boco L. et al. (incl. Korb E.)": a remark in brackets and "et al." say nothing against a list of names.
        // (Each expression is tried only when the bytes it needs are there: "(", and "et".)
        if text.containsByte(UInt8(ascii: "(")) { text = Patterns.remark.replacing(in: text, with: "") }
        let cut = text.containsBytes("et") && Patterns.etAl.matches(text)
        if cut { text = Patterns.etAl.replacing(in: text, with: "") }
        while let last = text.last, ".;, ".contains(last) { text.removeLast() }
        let segments = Patterns.separators.replacing(in: text, with: "\u{1F}").split(separator: "\u{1F}").map { FastText.trimmingSpaces(String($0)) }.filter { !$0.isEmpty }
            .filter { $0.lowercased() != "et al" && $0.lowercased() != "et al." }
        guard segments.count >= 2 || (cut && segments.count == 1) else { return false }
        var full = 0, initials = 0
        // "Boswell, R., & Di Grande, L.": a family name and its initials are two segments of one name.
        var merged: [String] = []
        for segment in segments {
            if let last = merged.last, last.split(separator: " ").count <= 3, !Patterns.looseInitials.matches(last), Patterns.looseInitials.matches(segment) {
                merged[merged.count - 1] = segment + " " + last
            } else {
                merged.append(segment)
            }
        }
        let pairs = segments.count - merged.count
        // Only when every name is so written: "Lovelace, Ada, Babbage" stays three segments.
        let names = pairs >= 2 && pairs * 2 == segments.count ? merged : segments
        for segment in names {
            let words = segment.split(separator: " ").map(String.init)
            guard (1...5).contains(words.count) else { return false }
            for word in words {
                let isParticle = word.first?.isLowercase == true && NameParticles.all.contains(word.lowercased())
                guard isParticle || isNameWord(word) else { return false }
            }
            if words.count >= 2 { full += 1 } else if Patterns.initial.matches(segment) { initials += 1 }
        }
        // Every segment a name or an initial ("Lovelace, A."): a last word run on from the title below is neither.
        guard full + initials == names.count else { return false }
        if titleRunsOnAfterInitials(names) { return false }
        return full * 2 >= names.count || initials * 3 >= names.count
    }

    /// The line without the marks of corresponding and equal authors ("*†‡§¶#✉"); the same string when it has none.
    static func withoutMarks(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { authorMarks.contains($0) }) else { return text }
        return String(text.filter { !"*†‡§¶#✉".contains($0) })
    }

    private static let authorMarks: Set<Unicode.Scalar> = ["*", "†", "‡", "§", "¶", "#", "✉"]

    /// `Patterns.nameWord.matches(word)`, decided from the bytes for a word of ASCII letters, "'", "-" and "."
    /// (no space, no line end, so `$` can only be the end): a capital then letters, "'" and "-"; or initials
    /// "J." with an optional "-" after each. Any other word goes to the expression.
    /// Names written family first, initials last ("Kopp RE, Simons FJ, Oppenheimer M. Probabilistic"), whose last
    /// name goes on past its initials: that is the title's first word on the authors' line (Vancouver, AMA and
    /// NLM lists wrapped at the line's end), not a name like "John M. Smith", which the others' shape rules out.
    static func titleRunsOnAfterInitials(_ names: [String]) -> Bool {
        guard names.count >= 3, let last = names.last else { return false }
        let words = last.split(separator: " ").map(String.init)
        guard words.count >= 3, let initialsAt = words.dropFirst().firstIndex(where: isInitialsWord), initialsAt < words.count - 1 else { return false }
        let familyFirst = names.dropLast().filter { name in
            let parts = name.split(separator: " ").map(String.init)
            return parts.count >= 2 && parts.dropLast().allSatisfy { !isInitialsWord($0) } && parts.last.map(isInitialsWord) == true
        }
        guard familyFirst.count == names.count - 1 else { return false }
        // "Guarente L. A": initials written without full stops everywhere else, so "L." closed the list and "A" opens
        // the title.
        if !isInitialsWord(words[initialsAt + 1]) { return true }
        return words[initialsAt].hasSuffix(".") && !words[initialsAt + 1].hasSuffix(".") && !familyFirst.contains { $0.contains(".") }
    }

    /// "P. Fillard, C. Poupon, and J. F. Mangin, A Novel Global" / "Tractography Algorithm …": a style that puts a
    /// comma between the authors and a title in title case (the American Physical Society's, PNAS's) wrapped inside
    /// the title, whose first words read as one more name. Every name before has an initial with a full stop; the
    /// last "name" has none and two words or more: it is the title's start, and the line break is no boundary.
    static func titleStartsAfterLastComma(_ line: String) -> Bool {
        let segments = Patterns.separators.replacing(in: withoutMarks(FastText.trimmingSpaces(line)), with: "\u{1F}")
            .split(separator: "\u{1F}").map { FastText.trimmingSpaces(String($0)) }.filter { !$0.isEmpty }
        guard segments.count >= 3, let last = segments.last else { return false }
        let hasStoppedInitial = { (segment: String) in
            segment.split(separator: " ").contains { $0.hasSuffix(".") && isInitialsWord(String($0)) }
        }
        return segments.dropLast().allSatisfy(hasStoppedInitial) && !hasStoppedInitial(last) && last.split(separator: " ").count >= 2
    }

    /// "M.", "EB", "J.-P.", "R.E.": up to three capital letters with optional full stops and hyphens.
    static func isInitialsWord(_ word: String) -> Bool {
        let letters = word.filter { $0 != "." && $0 != "-" }
        return (1...3).contains(letters.count) && letters.allSatisfy(\.isUppercase)
    }

    static func isNameWord(_ word: String) -> Bool {
        let bytes = word.utf8
        func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
        func isLetter(_ byte: UInt8) -> Bool { isUpper(byte) || (byte >= 0x61 && byte <= 0x7A) }
        guard !bytes.isEmpty, bytes.allSatisfy({ isLetter($0) || $0 == 0x27 || $0 == 0x2D || $0 == 0x2E }) else {
            return Patterns.nameWord.matches(word)
        }
        let all = Array(bytes)
        guard isUpper(all[0]) else { return false }
        if !all.contains(0x2E) { return true }
        var index = 0
        while index < all.count {
            guard index + 1 < all.count, isUpper(all[index]), all[index + 1] == 0x2E else { return false }
            index += 2
            if index < all.count, all[index] == 0x2D { index += 1 }
        }
        return true
    }

    enum Patterns {
        static let separators = TextPattern(#"\s*[,;]\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+"#)
        // "Lovelace", "O'Neil", "Pérez-Solà", "J.", "J.-P.", "JA": no quotes, colons or full stops inside a word.
        static let nameWord = TextPattern(#"^(\p{Lu}[\p{L}'’-]*|(\p{Lu}\.\s?-?)+)$"#)
        static let singleName = TextPattern(#"^((\p{Lu}\.\s?-?)+\s?\p{Lu}[\p{L}'’-]+|\p{Lu}[\p{L}'’-]+,?\s(\p{Lu}\.?){1,3})\.?$"#)
        static let remark = TextPattern(#"\s*\([^)]*\)"#)
        static let etAl = TextPattern(#",?\s*\bet\s+al\.?"#)
        static let initial = TextPattern(#"^(\p{Lu}\.\s?-?)+$"#)
        /// Initials whose last full stop may have been trimmed: "R.", "J. R", "V".
        static let looseInitials = TextPattern(#"^(\p{Lu}\.?\s?-?){1,3}$"#)
        static let year = TextPattern(#"\b(19|20)\d\d\b"#)
    }
}
