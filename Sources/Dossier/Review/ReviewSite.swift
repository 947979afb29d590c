import DossierModel
import Foundation

/// The static site a committee reviews applicants in: `index.html` (the applicants table, sortable) and a page per
/// applicant (warnings first, then every publication with its fields marked inside each raw string, the applicant's
/// name marked in the author lists, low-confidence fields flagged, merged copies with their sources, then the
/// referees, entries and documents, and for PDFs the page images with boxes where things were found).
///
/// Plain HTML with inline CSS and a few lines of inline JavaScript for sorting: it works from `file://`, with no
/// network; every text from a document is escaped.
public struct ReviewSite: Sendable {
    /// A field whose confidence is below this is flagged for the reviewer.
    public static let lowConfidence = 0.8

    public var records: [ApplicantRecord]
    /// Page images (paths relative to the site) by applicant key, then by document index, in page order.
    public var pageImages: [String: [Int: [String]]]

    public init(records: [ApplicantRecord], pageImages: [String: [Int: [String]]] = [:]) {
        self.records = records
        self.pageImages = pageImages
    }

    /// Every file of the site: its path relative to the site's folder, and its bytes.
    public func files() -> [(path: String, contents: Data)] {
        let names = Self.pageNames(records.map(\.key))
        var files = [(path: "index.html", contents: Data(index(names: names).utf8))]
        for (record, name) in zip(records, names) {
            files.append((path: "applicants/\(name).html", contents: Data(page(record).utf8)))
        }
        return files
    }

    /// A safe, unique file name (without extension) for each applicant key: letters, digits, `-` and `_` only.
    public static func pageNames(_ keys: [String]) -> [String] {
        var used: Set<String> = []
        return keys.map { key in
            var base = String(key.unicodeScalars.map { scalar -> Character in
                CharacterSet.alphanumerics.contains(scalar) && scalar.isASCII ? Character(scalar) : "-"
            })
            while base.hasPrefix("-") { base.removeFirst() }
            if base.isEmpty { base = "applicant" }
            var name = base
            var counter = 2
            while !used.insert(name.lowercased()).inserted {
                name = "\(base)-\(counter)"
                counter += 1
            }
            return name
        }
    }

    // MARK: index

    func index(names: [String]) -> String {
        let columns = ["Applicant", "E-mails", "Documents", "Publications", "First author", "Last author", "Co-first",
                       "With DOI", "First year", "Last year", "Referees", "Warnings"]
        var rows = ""
        for (record, name) in zip(records, names) {
            let publications = record.publications.map(\.publication)
            let years = publications.compactMap { $0.issued?.year }
            let first = publications.filter { $0.applicantPosition == 1 }.count
            let last = publications.filter { publication in
                guard let position = publication.applicantPosition, publication.etAl != true else { return false }
                return position == (publication.author?.count ?? 0)
            }.count
            let coFirst = publications.filter { publication in
                guard let position = publication.applicantPosition else { return false }
                return publication.equalContribution?.contains(position) ?? false
            }.count
            let counts: [Int] = [record.documents.count, publications.count, first, last, coFirst,
                                 publications.filter { $0.doi != nil }.count]
            var cells = counts.map(String.init)
            cells.append(years.min().map(String.init) ?? "")
            cells.append(years.max().map(String.init) ?? "")
            cells.append(String(record.referees.count))
            cells.append(String(record.warnings.count))
            let link = "<a href=\"applicants/\(HTMLText.escape(name)).html\">" + HTMLText.escape(record.person.name?.literal ?? record.key) + "</a>"
            let emails = record.person.emails.map(HTMLText.escape).joined(separator: "<br>")
            var row = "<tr class=\"applicant\"><td>\(link)<br><small>\(HTMLText.escape(record.key))</small></td><td>\(emails)</td>"
            for (index, cell) in cells.enumerated() {
                let flagged = index == cells.count - 1 && cell != "0"
                row += "<td class=\"number\(flagged ? " has-warnings" : "")\">\(cell)</td>"
            }
            rows += row + "</tr>\n"
        }
        let header = columns.enumerated().map { index, column in
            "<th><button type=\"button\" data-column=\"\(index)\">\(HTMLText.escape(column))</button></th>"
        }.joined()
        return Self.document(title: "Applicants", body: """
            <h1>Applicants</h1>
            <p>\(records.count) applicant\(records.count == 1 ? "" : "s"). Click a column to sort; click a name to review the applicant.</p>
            <table id="applicants"><thead><tr>\(header)</tr></thead>
            <tbody>
            \(rows)</tbody></table>
            <script>\(Self.sortScript)</script>
            """)
    }

    /// Sorts the table by the clicked column (numbers as numbers), toggling the direction on a second click; the
    /// order is kept in the address (`#sort=N`) so that a sorted view can be bookmarked or sent.
    static let sortScript = """
        document.querySelectorAll('#applicants th button').forEach(function (button) {
          button.addEventListener('click', function () {
            var column = Number(button.dataset.column), body = document.querySelector('#applicants tbody');
            var descending = button.dataset.order !== 'desc';
            document.querySelectorAll('#applicants th button').forEach(function (b) { delete b.dataset.order; });
            button.dataset.order = descending ? 'desc' : 'asc';
            var rows = Array.prototype.slice.call(body.rows);
            rows.sort(function (a, b) {
              var x = a.cells[column].textContent.trim(), y = b.cells[column].textContent.trim();
              var nx = parseFloat(x), ny = parseFloat(y);
              var order = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
              return descending ? -order : order;
            });
            rows.forEach(function (row) { body.appendChild(row); });
            if (history.replaceState) history.replaceState(null, '', '#sort=' + column + (descending ? '' : '-asc'));
          });
        });
        // index.html#sort=3 opens sorted by column 3, largest first (#sort=3-asc: smallest first).
        (function () {
          var wanted = /^#sort=(\\d+)(-asc)?$/.exec(location.hash);
          var button = wanted && document.querySelector('#applicants th button[data-column="' + wanted[1] + '"]');
          if (!button) return;
          button.click();
          if (wanted[2]) button.click();
        })();
        """

    // MARK: applicant page

    func page(_ record: ApplicantRecord) -> String {
        let name = record.person.name?.literal ?? record.key
        var body = "<nav><a href=\"../index.html\">← All applicants</a></nav>\n<h1>\(HTMLText.escape(name))</h1>\n"
        body += contact(record.person)
        body += warnings(record)
        body += publications(record)
        body += referees(record)
        body += entries(record)
        body += documents(record)
        return Self.document(title: "\(name) — review", body: body)
    }

    private func contact(_ person: Person) -> String {
        var parts = person.emails.map { "<span class=\"email\">\(HTMLText.escape($0))</span>" }
        parts += person.phones.map(HTMLText.escape)
        parts += person.links.map { "\(HTMLText.escape($0.kind.rawValue)): <span class=\"url\">\(HTMLText.escape($0.url))</span>" }
        parts += person.identifiers.sorted { $0.key < $1.key }.map { "\(HTMLText.escape($0.key)) \(HTMLText.escape($0.value))" }
        if let affiliation = person.affiliation { parts.append(HTMLText.escape(affiliation)) }
        return parts.isEmpty ? "" : "<p class=\"contact\">\(parts.joined(separator: " · "))</p>\n"
    }

    private func path(_ record: ApplicantRecord, _ document: Int?) -> String {
        guard let document, record.documents.indices.contains(document) else { return "merge" }
        return record.documents[document].source.path
    }

    private func warnings(_ record: ApplicantRecord) -> String {
        let warnings = record.warnings
        guard !warnings.isEmpty else {
            return "<section id=\"warnings\"><h2>Warnings</h2><p class=\"none\">No warnings.</p></section>\n"
        }
        let items = warnings.map { warning in
            "<li class=\"warning \(warning.diagnostic.severity.rawValue)\"><span class=\"severity\">\(warning.diagnostic.severity.rawValue)</span> "
                + "<span class=\"where\">\(HTMLText.escape(path(record, warning.document)))</span> "
                + "[\(HTMLText.escape(warning.diagnostic.stage))] <span class=\"message\">\(HTMLText.escape(warning.diagnostic.message))</span></li>"
        }.joined(separator: "\n")
        return "<section id=\"warnings\"><h2>Warnings (\(warnings.count))</h2><ul>\n\(items)\n</ul></section>\n"
    }

    private func publications(_ record: ApplicantRecord) -> String {
        let listings = record.publications.reduce(0) { $0 + $1.sources.count }
        var html = "<section id=\"publications\"><h2>Publications (\(record.publications.count) papers from \(listings) listings)</h2>\n"
        html += "<p class=\"legend\">Marked in each reference as written: <mark class=\"f-me\">the applicant</mark> <mark class=\"f-author\">authors</mark> "
            + "<mark class=\"f-title\">title</mark> <mark class=\"f-container-title\">venue</mark> <mark class=\"f-year\">year</mark> "
            + "<mark class=\"f-volume\">volume, issue, pages</mark> <mark class=\"f-doi\">identifiers</mark>. "
            + "Fields below \(Self.lowConfidence) confidence are flagged <span class=\"low-flag\">low</span>.</p>\n"
        for merged in record.publications { html += publication(merged, record: record) }
        return html + "</section>\n"
    }

    private func publication(_ merged: MergedPublication, record: ApplicantRecord) -> String {
        let publication = merged.publication
        let low = publication.confidence.filter { $0.value < Self.lowConfidence }.keys.sorted()
        var html = "<article class=\"publication\(low.isEmpty ? "" : " has-low")\" id=\"\(HTMLText.escape(publication.id))\" data-sources=\"\(merged.sources.count)\">\n"
        html += "<h3>\(HTMLText.escape(publication.title ?? publication.raw))</h3>\n"
        let authors = (publication.author ?? []).enumerated().map { index, author -> String in
            let text = HTMLText.escape(Self.displayName(author))
            return publication.applicantPosition == index + 1 ? "<mark class=\"f-me\">\(text)</mark>" : text
        }
        if !authors.isEmpty {
            let position = publication.applicantPosition.map { "applicant \($0) of \(authors.count)" } ?? "applicant not found in the author list"
            html += "<p class=\"authors\">\(authors.joined(separator: "; "))\(publication.etAl == true ? "; et al." : "") <small>(\(position))</small></p>\n"
        }
        html += "<table class=\"fields\"><tr><th>field</th><th>value</th><th>confidence</th><th>from</th></tr>\n"
        for (field, value) in Self.fieldValues(publication) {
            let confidence = publication.confidence[field]
            let isLow = confidence.map { $0 < Self.lowConfidence } ?? false
            let source = merged.fieldSources[field].flatMap { merged.sources.indices.contains($0) ? merged.sources[$0].path : nil } ?? ""
            html += "<tr class=\"field\(isLow ? " low" : "")\" data-field=\"\(HTMLText.escape(field))\"><td>\(HTMLText.escape(field))</td><td>\(HTMLText.escape(value))</td>"
                + "<td>\(confidence.map { String(format: "%.2f", $0) } ?? "")\(isLow ? " <span class=\"low-flag\">low</span>" : "")</td>"
                + "<td>\(HTMLText.escape((source as NSString).lastPathComponent))</td></tr>\n"
        }
        html += "</table>\n"
        let marks = RawHighlighting.marks(publication)
        html += "<ul class=\"sources\">\n"
        for source in merged.sources {
            let match = source.matchedBy.map { " <span class=\"matched\">same paper by \(HTMLText.escape(Self.describe(match: $0)))</span>" } ?? ""
            html += "<li class=\"source\"><span class=\"path\">\(HTMLText.escape(source.path))</span> <span class=\"where\">\(HTMLText.escape(Self.describe(source.provenance)))</span>\(match)"
                + "<blockquote class=\"raw\">\(RawHighlighting.html(source.raw, marks: marks))</blockquote></li>\n"
        }
        return html + "</ul>\n</article>\n"
    }

    private func referees(_ record: ApplicantRecord) -> String {
        guard !record.referees.isEmpty else { return "<section id=\"referees\"><h2>Referees</h2><p class=\"none\">None found.</p></section>\n" }
        let items = record.referees.map { merged -> String in
            let referee = merged.referee
            let details = [referee.title, referee.institution, referee.email, referee.phone, referee.relation].compactMap { $0 }
            let from = merged.documents.map { (path(record, $0) as NSString).lastPathComponent }.joined(separator: ", ")
            return "<li class=\"referee\"><strong>\(HTMLText.escape(referee.name.literal))</strong> — \(details.map(HTMLText.escape).joined(separator: " · ")) <small>(\(HTMLText.escape(from)))</small></li>"
        }.joined(separator: "\n")
        return "<section id=\"referees\"><h2>Referees (\(record.referees.count))</h2><ul>\n\(items)\n</ul></section>\n"
    }

    private func entries(_ record: ApplicantRecord) -> String {
        guard !record.entries.isEmpty else { return "" }
        let items = record.entries.map { item -> String in
            let entry = item.entry
            return "<li class=\"entry\"><span class=\"kind\">\(HTMLText.escape(entry.kind.rawValue))</span> \(HTMLText.escape(entry.raw))</li>"
        }.joined(separator: "\n")
        return "<section id=\"entries\"><h2>Education and employment</h2><ul>\n\(items)\n</ul></section>\n"
    }

    private func documents(_ record: ApplicantRecord) -> String {
        var html = "<section id=\"documents\"><h2>Documents (\(record.documents.count))</h2><ul>\n"
        for (index, document) in record.documents.enumerated() {
            let source = document.source
            let details = [source.format.rawValue, document.documentKind, source.pages.map { "\($0) page\($0 == 1 ? "" : "s")" },
                           "\(document.publications) publication\(document.publications == 1 ? "" : "s")"].compactMap { $0 }
            html += "<li class=\"document\"><span class=\"path\">\(HTMLText.escape(source.path))</span> <small>\(details.map(HTMLText.escape).joined(separator: ", "))</small>"
            let images = pageImages[record.key]?[index] ?? []
            if !images.isEmpty {
                html += "<div class=\"pages\">" + images.enumerated().map { number, image in
                    "<figure><img src=\"../\(HTMLText.escape(image))\" alt=\"page \(number + 1) of \(HTMLText.escape(source.path)) with what was found\" loading=\"lazy\"><figcaption>page \(number + 1)</figcaption></figure>"
                }.joined() + "</div>"
            }
            html += "</li>\n"
        }
        if record.documents.contains(where: { $0.source.format == .pdf }) {
            html += "</ul><p class=\"legend\">Boxes on PDF pages: <span class=\"box-section\">sections</span> <span class=\"box-entry\">entries</span> <span class=\"box-publication\">publications</span>.</p></section>\n"
        } else {
            html += "</ul></section>\n"
        }
        return html
    }

    // MARK: helpers

    static func displayName(_ name: CSLName) -> String {
        if let literal = name.literal { return literal }
        return [name.given, name.particle, name.family, name.suffix].compactMap { $0 }.joined(separator: " ")
    }

    static func fieldValues(_ publication: Publication) -> [(String, String)] {
        let values: [(String, String?)] = [
            ("type", publication.type), ("title", publication.title), ("author", publication.author.map { $0.map(displayName).joined(separator: "; ") }),
            ("container-title", publication.containerTitle), ("issued", publication.issued.map { $0.dateParts.first?.map(String.init).joined(separator: "-") ?? "" }),
            ("volume", publication.volume), ("issue", publication.issue), ("page", publication.page), ("publisher", publication.publisher),
            ("DOI", publication.doi), ("PMID", publication.pmid), ("arxiv", publication.arxiv), ("ISBN", publication.isbn),
            ("URL", publication.url), ("status", publication.status),
        ]
        return values.compactMap { field, value in value.flatMap { $0.isEmpty ? nil : (field, $0) } }
    }

    static func describe(match: String) -> String {
        switch match {
        case "doi": return "DOI"
        case "raw": return "the same reference text"
        case "title-year": return "title and year"
        case "close-title": return "a close title"
        default: return match
        }
    }

    static func describe(_ provenance: Provenance?) -> String {
        guard let provenance else { return "" }
        if let lines = provenance.lines, let first = lines.first, let last = lines.last {
            return first == last ? "line \(first)" : "lines \(first)–\(last)"
        }
        if let page = provenance.page { return "page \(page)" }
        return ""
    }

    static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self' file:; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
        <title>\(HTMLText.escape(title))</title>
        <style>\(style)</style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    static let style = """
        body{font:15px/1.45 system-ui,sans-serif;margin:1.5em auto;max-width:84em;padding:0 1em;color:#1b1b1b}
        #applicants{font-size:.92em}#applicants td small{color:#555;white-space:nowrap}
        h1{margin-bottom:.2em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.6em}
        table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.25em .5em;vertical-align:top;text-align:left}
        th button{font:inherit;font-weight:bold;background:none;border:0;cursor:pointer;padding:0}
        th button[data-order=asc]::after{content:" ▲"}th button[data-order=desc]::after{content:" ▼"}
        td.number{text-align:right}td.has-warnings{background:#fde2e1;font-weight:bold}
        #warnings li{margin:.3em 0}.warning .severity{font-weight:bold;color:#a40000;text-transform:uppercase;font-size:.8em}
        .warning.error .severity{color:#fff;background:#a40000;padding:0 .3em}.where,.path{font-family:ui-monospace,monospace;font-size:.9em;color:#444}
        article.publication{border:1px solid #ddd;border-radius:6px;padding:.5em 1em;margin:1em 0}
        article.has-low{border-left:5px solid #e0a800}article h3{margin:.2em 0}
        table.fields{font-size:.9em;margin:.5em 0}tr.low td{background:#fff4cc}.low-flag{background:#e0a800;color:#000;padding:0 .3em;border-radius:3px;font-size:.8em}
        blockquote.raw{margin:.3em 0 .6em;padding:.3em .6em;background:#f7f7f7;border-left:3px solid #bbb}
        .matched{font-size:.85em;color:#2d6a2d}
        mark{border-radius:2px;padding:0 1px}mark.f-me{background:#ffd54f;font-weight:bold;outline:1px solid #b38f00}
        mark.f-author{background:#e8eaf6}mark.f-title{background:#c8e6c9}mark.f-container-title{background:#bbdefb}
        mark.f-year{background:#f8bbd0}mark.f-volume,mark.f-issue,mark.f-page{background:#d7ccc8}
        mark.f-doi,mark.f-pmid,mark.f-arxiv,mark.f-isbn,mark.f-url{background:#b2ebf2}mark.f-publisher,mark.f-status{background:#e1bee7}
        .pages{display:flex;flex-wrap:wrap;gap:1em;margin:.5em 0}.pages img{max-width:30em;border:1px solid #999}
        .box-section{border:2px solid #1565c0;padding:0 .3em}.box-entry{border:2px solid #2e7d32;padding:0 .3em}
        .box-publication{border:2px solid #c62828;padding:0 .3em}.none{color:#666}.legend{font-size:.9em;color:#444}
        """
}
