import DossierModel

/// Merges the publications of a packet's documents into one list, each paper once: copies with the same DOI, then
/// the same reference text, then (in different documents) the same normalized title and year, then close titles whose
/// years agree, are one paper — never two copies whose DOIs differ (a DOI cut short at a line end does not differ). Each merged paper keeps every copy as a source and takes each field from the copy most confident of it.
struct PublicationDeduplication {
    /// One publication as found in one document.
    struct Copy {
        var document: Int
        var path: String
        var publication: Publication
        var provenance: Provenance?
    }

    /// The merged papers, in the order their first copy was found, and a warning for each paper whose copies give
    /// different years.
    static func merge(_ copies: [Copy]) -> (publications: [MergedPublication], conflicts: [String]) {
        var groups = Groups(copies)
        let dois = copies.map { $0.publication.doi.map(TitleMatching.normalizedDOI) }
        let titles = copies.map { $0.publication.title.map(TitleMatching.normalizedTitle) ?? "" }
        let years = copies.map { $0.publication.issued?.year }
        let pairs = copies.indices.flatMap { i in (i + 1..<copies.count).map { (i, $0) } }
        for (i, j) in pairs {
            if let left = dois[i], let right = dois[j], !left.isEmpty, left == right { groups.join(i, j, by: "doi") }
        }
        let raws = copies.map { TitleMatching.normalizedTitle($0.publication.raw) }
        for (i, j) in pairs where !raws[i].isEmpty && raws[i] == raws[j] { groups.join(i, j, by: "raw") }
        // Two items of one document with the same title are two items (a book and the paper of the same name): a title
        // never joins groups that both hold a copy from one document.
        for (i, j) in pairs where !titles[i].isEmpty && titles[i] == titles[j] && years[i] == years[j] {
            groups.join(i, j, by: "title-year", keepingDocumentsApart: true)
        }
        for (i, j) in pairs where !titles[i].isEmpty && !titles[j].isEmpty {
            let yearsAgree = years[i] == nil || years[j] == nil || years[i] == years[j]
            if yearsAgree, TitleMatching.closeTitles(titles[i], titles[j]) { groups.join(i, j, by: "close-title", keepingDocumentsApart: true) }
        }
        var conflicts: [String] = []
        let publications = groups.members().enumerated().map { number, members in
            let paper = merged(members.map { copies[$0] }, reasons: members.map { groups.reason[$0] }, id: "p\(number + 1)")
            if let conflict = yearConflict(paper, copies: members.map { copies[$0].publication }) { conflicts.append(conflict) }
            return paper
        }
        return (publications, conflicts)
    }

    /// Copies of one paper that give it different years: a warning naming each year and where it was written, since
    /// the record keeps only one.
    static func yearConflict(_ merged: MergedPublication, copies: [Publication]) -> String? {
        var years: [(Int, String)] = []
        for (copy, source) in zip(copies, merged.sources) {
            guard let year = copy.issued?.year, !years.contains(where: { $0.0 == year }) else { continue }
            years.append((year, source.path))
        }
        guard years.count > 1 else { return nil }
        let kept = merged.publication.issued?.year.map(String.init) ?? "none"
        let title = merged.publication.title ?? merged.publication.raw
        return "copies of \"\(title.prefix(80))\" give different years: "
            + years.map { "\($0.0) (\($0.1))" }.joined(separator: ", ") + "; kept \(kept)"
    }

    /// One paper from its copies: every field from the copy most confident of it (the earliest on a tie).
    static func merged(_ copies: [Copy], reasons: [String?], id: String) -> MergedPublication {
        let sources = copies.enumerated().map { index, copy in
            PublicationSource(document: copy.document, path: copy.path, id: copy.publication.id, raw: copy.publication.raw,
                              provenance: copy.provenance, matchedBy: index == 0 ? nil : reasons[index] ?? "title-year")
        }
        let publications = copies.map(\.publication)
        var fieldSources: [String: Int] = [:]
        var confidence: [String: Double] = [:]

        /// The index of the copy with the best value of `key` among those that have one.
        func best(_ key: String, has: (Publication) -> Bool) -> Int? {
            var chosen: (index: Int, score: Double)?
            for index in publications.indices where has(publications[index]) {
                let score = publications[index].confidence[key] ?? 0.5
                if chosen.map({ score > $0.score }) ?? true { chosen = (index, score) }
            }
            // A venue written out beats its abbreviation when both were read about as surely.
            if key == "container-title", let best = chosen {
                let spelledOut = publications.indices.filter { index in
                    (publications[index].confidence[key] ?? 0.5) >= best.score - 0.1
                        && (publications[index].containerTitle?.count ?? 0) > (publications[best.index].containerTitle?.count ?? 0)
                }.max { (publications[$0].containerTitle?.count ?? 0) < (publications[$1].containerTitle?.count ?? 0) }
                if let spelledOut { return spelledOut }
            }
            return chosen?.index
        }

        let titleSource = best("title") { $0.title != nil } ?? 0
        var result = publications[titleSource]
        result.id = id
        result.block = nil
        for (key, path) in stringFields {
            guard var chosen = best(key, has: { $0[keyPath: path] != nil }) else { continue }
            if key == "DOI", let longer = longestDOI(publications, extending: chosen) { chosen = longer }
            result[keyPath: path] = publications[chosen][keyPath: path]
            fieldSources[key] = chosen
            if let value = publications[chosen].confidence[key] { confidence[key] = value }
        }
        if let chosen = best("issued", has: { $0.issued != nil }) {
            result.issued = publications[chosen].issued
            fieldSources["issued"] = chosen
            if let value = publications[chosen].confidence["issued"] { confidence["issued"] = value }
        }
        // The author list and what is said about it (the applicant's position, et al., marks) come from one copy.
        let withAuthors = publications.indices.filter { !(publications[$0].author ?? []).isEmpty }
        if let chosen = withAuthors.max(by: { authorRank(publications[$0], $0).lexicographicallyPrecedes(authorRank(publications[$1], $1)) }) {
            let copy = publications[chosen]
            result.author = copy.author
            result.applicantPosition = copy.applicantPosition
            result.etAl = copy.etAl
            result.equalContribution = copy.equalContribution
            result.corresponding = copy.corresponding
            fieldSources["author"] = chosen
            if let value = copy.confidence["author"] { confidence["author"] = value }
        }
        fieldSources["title"] = titleSource
        result.confidence = confidence
        return MergedPublication(publication: result, sources: sources, fieldSources: fieldSources)
    }

    /// A copy whose DOI continues the chosen one (which was cut at a line end), if any.
    private static func longestDOI(_ publications: [Publication], extending chosen: Int) -> Int? {
        guard let short = publications[chosen].doi.map(TitleMatching.normalizedDOI) else { return nil }
        return publications.indices.filter { index in
            guard let doi = publications[index].doi.map(TitleMatching.normalizedDOI) else { return false }
            return doi.count > short.count && doi.hasPrefix(short)
        }.max { (publications[$0].doi?.count ?? 0) < (publications[$1].doi?.count ?? 0) }
    }

    /// Prefers a list where the applicant was found, then the more confident, then one not cut by "et al.", then the
    /// longer, then the earlier copy.
    private static func authorRank(_ publication: Publication, _ index: Int) -> [Double] {
        [publication.applicantPosition == nil ? 0 : 1, publication.confidence["author"] ?? 0.5, publication.etAl == true ? 0 : 1,
         Double(publication.author?.count ?? 0), -Double(index)]
    }

    /// The text fields merged one by one, by their JSON names.
    private static var stringFields: [(String, WritableKeyPath<Publication, String?>)] {
        [
        ("title", \.title), ("container-title", \.containerTitle), ("volume", \.volume), ("issue", \.issue), ("page", \.page),
        ("publisher", \.publisher), ("publisher-place", \.publisherPlace), ("edition", \.edition), ("DOI", \.doi),
        ("PMID", \.pmid), ("PMCID", \.pmcid), ("arxiv", \.arxiv), ("ISBN", \.isbn), ("URL", \.url), ("status", \.status),
            ("note", \.note),
        ]
    }
}

/// Union–find over copies that refuses to join two groups holding different DOIs.
private struct Groups {
    private var parent: [Int]
    private var dois: [Set<String>]
    private var documents: [Set<Int>]
    /// Why each copy joined its group, by the copy's index.
    private(set) var reason: [String?]

    init(_ copies: [PublicationDeduplication.Copy]) {
        parent = Array(copies.indices)
        dois = copies.map { copy in copy.publication.doi.map { [TitleMatching.normalizedDOI($0)] } ?? [] }
        documents = copies.map { [$0.document] }
        reason = Array(repeating: nil, count: copies.count)
    }

    mutating func root(_ index: Int) -> Int {
        var index = index
        while parent[index] != index {
            parent[index] = parent[parent[index]]
            index = parent[index]
        }
        return index
    }

    /// Joins the groups of `a` and `b` (a < b) unless they are one already, their DOIs differ, or — when
    /// `keepingDocumentsApart` — both hold a copy from the same document.
    mutating func join(_ a: Int, _ b: Int, by why: String, keepingDocumentsApart: Bool = false) {
        let left = root(a), right = root(b)
        guard left != right, Self.compatible(dois[left], dois[right]) else { return }
        if keepingDocumentsApart, !documents[left].isDisjoint(with: documents[right]) { return }
        let (keep, absorb) = left < right ? (left, right) : (right, left)
        parent[absorb] = keep
        dois[keep].formUnion(dois[absorb])
        documents[keep].formUnion(documents[absorb])
        if reason[b] == nil { reason[b] = why }
        if reason[absorb] == nil { reason[absorb] = why }
    }

    /// DOIs that can be one paper's: the same, or one cut short of the other (a PDF line that broke inside the DOI).
    static func compatible(_ left: Set<String>, _ right: Set<String>) -> Bool {
        left.allSatisfy { a in right.allSatisfy { b in a.hasPrefix(b) || b.hasPrefix(a) } }
    }

    /// The groups, each a list of copy indices in order, ordered by their first copy.
    mutating func members() -> [[Int]] {
        var byRoot: [Int: [Int]] = [:]
        var order: [Int] = []
        for index in parent.indices {
            let root = root(index)
            if byRoot[root] == nil { order.append(root) }
            byRoot[root, default: []].append(index)
        }
        return order.map { byRoot[$0] ?? [] }
    }
}
