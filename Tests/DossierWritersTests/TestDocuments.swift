import DossierModel

/// Documents built in code for the writer tests: a plain CV with every part of the profile filled, and a hostile one.
enum TestDocuments {
    static func source(_ path: String) -> Source {
        Source(path: path, format: .markdown, bytes: 100, sha256: String(repeating: "0", count: 64))
    }

    /// A CV with every kind of block, section, entry, publication type and a referee.
    static var plain: Document {
        var document = Document(source: source("cvs/ada-lovelace.md"))
        document.metadata["title"] = .string("Ada Lovelace — Curriculum vitae")
        document.blocks = [
            Block(.heading, text: "Ada Lovelace", provenance: .lines(1, 1), level: 1),
            Block(.paragraph, text: "ada@example.org · website", provenance: .lines(3, 3), inlines: [
                .text("ada@example.org · "), Inline(.link, text: "website", url: "https://ada.example.org", children: [.text("website")]),
            ]),
            Block(.heading, text: "Education", provenance: .lines(5, 5), level: 2),
            list(["PhD in Mathematics, University of London, 1843", "BA, Cambridge, 1840"], ordered: false, line: 7),
            Block(.heading, text: "Publications", provenance: .lines(10, 10), level: 2),
            Block(.heading, text: "Journal articles", provenance: .lines(12, 12), level: 3),
            list(["Lovelace A. Notes on the analytical engine."], ordered: true, line: 14),
            Block(.paragraph, text: "Selected talks follow.", provenance: .lines(16, 16), inlines: [
                .text("Selected "), Inline(.strong, text: "talks", children: [.text("talks")]), .text(" follow."),
            ]),
            table([["Year", "Talk"], ["1843", "On engines"]], line: 18),
            Block(.rule, text: "", provenance: .lines(21, 21)),
            quote("Imagination is the discovering faculty.", line: 23),
            code("let x = 1", line: 25),
        ]
        document.profile.person = Person(
            name: PersonName(literal: "Ada Lovelace", given: "Ada", family: "Lovelace"),
            emails: ["ada@example.org", "ada@cam.example.ac.uk"], phones: ["+44 20 7946 0000"],
            links: [Link(kind: .website, url: "https://ada.example.org"), Link(kind: .orcid, url: "https://orcid.org/0000-0002-1825-0097"),
                    Link(kind: .github, url: "https://github.com/ada")],
            identifiers: ["orcid": "0000-0002-1825-0097", "github": "ada"], affiliation: "University of London",
            address: "12 St James's Square, London")
        document.profile.sections = [
            Section(kind: .education, title: "Education", blocks: [2, 3]),
            Section(kind: .publications, title: "Publications", blocks: [4, 11]),
            Section(kind: .publications, title: "Journal articles", blocks: [5, 6], subkind: "journal articles"),
        ]
        document.profile.entries = [
            Entry(kind: .education, title: "PhD in Mathematics", organization: "University of London", place: "London",
                  dates: DateRange(start: "1839", end: "1843", raw: "1839–1843"), raw: "PhD in Mathematics, University of London, 1843", block: 3),
            Entry(kind: .employment, title: "Analyst", organization: "Babbage & Co", dates: DateRange(start: "1843-09", end: "..", raw: "Sep 1843 – present"),
                  raw: "Analyst, Babbage & Co, Sep 1843 – present"),
            Entry(kind: .talks, title: "On engines", raw: "On engines, Royal Society, 1843"),
        ]
        document.profile.publications = plainPublications
        document.profile.referees = [
            Referee(name: PersonName(literal: "Charles Babbage", given: "Charles", family: "Babbage"), title: "Professor",
                    institution: "University of Cambridge", email: "cb@example.ac.uk", relation: "supervisor"),
        ]
        document.report(.warning, stage: "references", "one reference could not be split")
        return document
    }

    static var plainPublications: [Publication] {
        var article = Publication(id: "pub1", type: "article-journal", raw: "Lovelace A, Babbage C. Notes on the analytical engine. Sci Mem. 1843;3:666-731. doi:10.1000/xyz123")
        article.author = [CSLName(family: "Lovelace", given: "Ada"), CSLName(family: "Babbage", given: "Charles")]
        article.title = "Notes on the Analytical Engine of DNA"
        article.containerTitle = "Scientific Memoirs"
        article.issued = CSLDate(dateParts: [[1843, 10]])
        article.volume = "3"
        article.issue = "2"
        article.page = "666–731"
        article.doi = "10.1000/xyz123"
        article.pmid = "12345678"
        article.applicantPosition = 1
        article.confidence = ["title": 0.9, "author": 0.75]
        var chapter = Publication(id: "pub2", type: "chapter", raw: "Lovelace A. On numbers. In: Menabrea L, editor. Sketch. Geneva: Bibliothèque; 1842. p. 1-10.")
        chapter.author = [CSLName(family: "Lovelace", given: "Ada")]
        chapter.editor = [CSLName(family: "Menabrea", given: "Luigi")]
        chapter.title = "On numbers"
        chapter.containerTitle = "Sketch of the Analytical Engine"
        chapter.publisher = "Bibliothèque Universelle"
        chapter.publisherPlace = "Geneva"
        chapter.issued = CSLDate(dateParts: [[1842]])
        chapter.page = "1-10"
        var preprint = Publication(id: "pub3", type: "article", raw: "Lovelace A, et al. The engine revisited. arXiv:2101.00001")
        preprint.author = [CSLName(family: "Lovelace", given: "Ada"), CSLName(literal: "The Analytical Engine Consortium")]
        preprint.etAl = true
        preprint.title = "The engine revisited"
        preprint.issued = CSLDate(dateParts: [[2021, 1, 4]])
        preprint.arxiv = "2101.00001"
        preprint.status = "submitted"
        var thesis = Publication(id: "pub4", type: "thesis", raw: "Lovelace A. On notes [PhD thesis]. London; 1843.")
        thesis.author = [CSLName(family: "Lovelace", given: "Ada", particle: "de")]
        thesis.title = "On notes"
        thesis.publisher = "University of London"
        thesis.issued = CSLDate(dateParts: [[1843]])
        var book = Publication(id: "pub5", type: "book", raw: "Lovelace A. Notes. London: Taylor; 1843. ISBN 978-3-16-148410-0")
        book.author = [CSLName(family: "Lovelace", given: "Ada")]
        book.title = "Notes"
        book.publisher = "Taylor"
        book.isbn = "978-3-16-148410-0"
        book.issued = CSLDate(dateParts: [[1843]])
        var paper = Publication(id: "pub6", type: "paper-conference", raw: "Lovelace A. Notes. In: Proc. Engines; 1843. pp. e12.")
        paper.author = [CSLName(family: "Lovelace", given: "Ada")]
        paper.title = "Notes"
        paper.containerTitle = "Proceedings of Engines"
        paper.issued = CSLDate(dateParts: [[1843]])
        paper.page = "e12"
        paper.url = "https://example.org/notes?id=1&lang=en"
        var report = Publication(id: "pub7", type: "report", raw: "Anonymous report, undated.")
        report.title = "A report"
        return [article, chapter, preprint, thesis, book, paper, report]
    }

    // MARK: hostile

    /// Strings that break naive writers: formula prefixes, XML-forbidden and markup characters, LaTeX specials,
    /// emoji, right-to-left text.
    static let hostileTitles = [
        "=HYPERLINK(\"http://evil.example\",\"click\")", "@SUM(1+1)", "+cmd|' /C calc'!A0", "-2+3", "\tTabbed title",
        "\rCarriage return", "Forbidden \u{1} and \u{FFFF} and \u{FFFE} and \u{0} characters", "<b>bold</b> & \"quoted\" ]]> end",
        "LaTeX specials & % $ # _ { } ~ ^ \\ and \\textbf{x} and } unbalanced {", "Emoji 🧬🔬 and 👩🏽‍🔬 in titles",
        "טקסט בעברית and نص عربي mixed", "-", "Comma, \"quote\"\nand newline",
    ]

    static var hostile: Document {
        var document = Document(source: source("hostile/<evil> & \"name\" =1+1.md"))
        document.metadata["title"] = .string("=HYPERLINK(\"x\") <CV> & ]]> \u{1}")
        document.metadata["lang"] = .string("en\" onload=\"x")
        document.blocks = hostileTitles.enumerated().map { offset, title in
            Block(.paragraph, text: title, provenance: .lines(offset + 1, offset + 1), inlines: [
                .text(title), Inline(.link, text: "link", url: "javascript:alert(\"<x>\")&\u{1}", children: [.text("li\u{1}nk")]),
                Inline(.html, text: "<script>", raw: "<script>alert(1)</script>"),
            ])
        }
        document.blocks.insert(Block(.heading, text: "=SUM(A1) <Section> & \u{FFFF}", provenance: .lines(1, 1), level: 2), at: 0)
        document.blocks.append(table([["=1+1", "<td>", "\u{1}"], ["@x", "&amp;", "]]>"]], line: 40))
        document.profile.person = Person(
            name: PersonName(literal: "=cmd <Mallory> & \"O'Brien\" ]]> \u{1}", given: "<Mal> \u{FFFF}", family: "O'Brien & {Sons} \\ and Co"),
            emails: ["=evil@example.org", "mal@example.org"], phones: ["+1 (555) 0100", "=1+1"],
            links: [Link(kind: .website, url: "https://exa mple.org/ä?<x>\"%zz#a#b"), Link(kind: .other, url: "not a url <x>")],
            identifiers: ["orcid": "0000-0002-1825-0097", "evil": "=1+1 <x> & \u{1}"], affiliation: "Université <Paris> & \u{FFFE} 🧬",
            address: "-1 Main St\n\tSuite \"5\"")
        document.profile.sections = [Section(kind: .publications, title: "=SUM(A1) <Section> & \u{FFFF}", blocks: [0, document.blocks.count - 1])]
        document.profile.entries = [
            Entry(kind: .employment, title: "@Lead <dev>", organization: "+Org & Co", place: "-Place",
                  dates: DateRange(start: "2021-21", end: "..", raw: "Spring 2021 – present"), raw: "=Lead dev\t\u{1}"),
            Entry(kind: .education, title: "\tPhD", organization: "=Uni", dates: DateRange(start: "2015-13", end: "2019", raw: "2015/13–2019"), raw: "-PhD"),
            Entry(kind: .other, title: "Other <thing>", raw: "Other & more"),
        ]
        document.profile.publications = hostileTitles.enumerated().map { offset, title in
            var publication = Publication(id: "h\(offset)", type: offset % 3 == 0 ? "article-journal" : (offset % 3 == 1 ? "paper-conference" : "weird-type"), raw: title)
            publication.title = title
            publication.author = [
                CSLName(family: "Smith & <Sons> and Co, Ltd", given: "J. {R.} ~ ^"), CSLName(literal: "=Consortium <A&B> \u{1}"),
                CSLName(family: "Ünal", given: "Ömer", particle: "van der", suffix: "Jr."), CSLName(family: "🧬", given: "עִבְרִית"),
            ]
            publication.etAl = offset % 2 == 0
            publication.containerTitle = "J. <Markup> & \"Quotes\" ]]> \u{FFFF}"
            publication.issued = CSLDate(dateParts: [[2020, offset % 12 + 1]])
            publication.volume = "-1"
            publication.issue = "=2"
            publication.page = "-5--7"
            publication.doi = "10.1000/a<b>&c{d}\\e"
            publication.url = "https://example.org/a b?x=<1>&y=\"2\"{}\\"
            publication.arxiv = "2101.0000\(offset % 10)"
            publication.status = "@in press"
            publication.note = "% note with $ and #"
            publication.confidence = ["title": 0.5]
            return publication
        }
        document.profile.referees = [
            Referee(name: PersonName(literal: "=Referee <One> & \u{1}"), title: "@Prof", institution: "+Inst", email: "=r@example.org",
                    phone: "-123", relation: "\tboss", raw: "=Referee raw"),
        ]
        return document
    }

    // MARK: block builders

    static func list(_ items: [String], ordered: Bool, line: Int) -> Block {
        var list = Block(.list, text: items.joined(separator: "\n"), provenance: .lines(line, line + items.count - 1))
        list.ordered = ordered
        list.items = items.enumerated().map { offset, text in
            var item = Block(.item, text: text, provenance: .lines(line + offset, line + offset))
            item.blocks = [Block(.paragraph, text: text, provenance: .lines(line + offset, line + offset), inlines: [.text(text)])]
            return item
        }
        return list
    }

    static func table(_ rows: [[String]], line: Int) -> Block {
        var table = Block(.table, text: rows.map { $0.joined(separator: "\t") }.joined(separator: "\n"), provenance: .lines(line, line + rows.count))
        table.rows = rows.enumerated().map { offset, cells in
            var row = Block(.row, text: cells.joined(separator: "\t"), provenance: .lines(line + offset, line + offset))
            row.cells = cells.map { text in
                var cell = Block(.cell, text: text, provenance: .lines(line + offset, line + offset), inlines: [.text(text)])
                if offset == 0 { cell.header = true }
                return cell
            }
            return row
        }
        return table
    }

    static func quote(_ text: String, line: Int) -> Block {
        var quote = Block(.quote, text: text, provenance: .lines(line, line))
        quote.blocks = [Block(.paragraph, text: text, provenance: .lines(line, line), inlines: [.text(text)])]
        return quote
    }

    static func code(_ text: String, line: Int) -> Block {
        var code = Block(.code, text: text, provenance: .lines(line, line + 1))
        code.info = "swift"
        return code
    }
}
