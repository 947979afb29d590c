import DossierModel
import DossierPipeline
import DossierText
import Foundation

/// One table of every document as CSV: RFC 4180, UTF-8, CRLF record ends, one header for the whole batch.
///
/// Quoting: a cell is put in double quotes (inner quotes doubled) when it holds a comma, a quote, CR or LF; line
/// breaks inside a cell are kept as written. Formula injection (OWASP "CSV injection"): a cell that starts with
/// `=`, `+`, `-`, `@`, a tab or a carriage return gets a single quote `'` in front, so that a spreadsheet shows it
/// as text and never runs it. Two kinds of cells are left alone because no spreadsheet reads them as a formula:
/// a plain number with a sign ("-3", "+1.5") and a lone "-". NUL characters, which CSV readers refuse, are dropped.
public struct CSVWriter: Writer {
    public let name = "csv"
    public let summary = "one table (--table publications|entries|sections|people|referees|applicants) as RFC 4180 CSV"
    public let fileExtension = "csv"
    public let batchStyle = BatchStyle.stream
    public let rendersIndependently = true

    public init() {}

    public func begin(_ options: WriterOptions) throws -> Data {
        Data(CSVWriter.record(try CSVTable.named(options.table).columns).utf8)
    }

    public func write(_ document: Document, index: Int, options: WriterOptions) throws -> Data {
        let rows = try CSVTable.named(options.table).rows(document)
        return Data(rows.map(CSVWriter.record).joined().utf8)
    }

    /// The rows of one applicant record (`--table applicants`: its one row).
    public func writeApplicant(_ record: ApplicantRecord, index: Int, options: WriterOptions) throws -> Data {
        let rows = try CSVTable.named(options.table).rows(record)
        return Data(rows.map(CSVWriter.record).joined().utf8)
    }

    /// One record: cells neutralized, quoted where needed, joined by commas, ended by CRLF.
    static func record(_ cells: [String]) -> String {
        cells.map { quoted(neutralized($0)) }.joined(separator: ",") + "\r\n"
    }

    /// The cell with a `'` in front when a spreadsheet would read it as a formula.
    static func neutralized(_ cell: String) -> String {
        // Foundation's replacement (a search through NSString on Linux, most of the time of `references --to csv`) only
        // where a NUL byte is: nothing else matches one.
        let cell = cell.utf8.contains(0) ? cell.replacingOccurrences(of: "\u{0}", with: "") : cell
        guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return cell }
        if cell == "-" || isSignedNumber(cell) { return cell }
        return "'" + cell
    }

    /// The cell in double quotes when it holds a separator, a quote or a line break.
    static func quoted(_ cell: String) -> String {
        // Each of those characters holds one of these bytes: a cell without them is spared the walk by characters.
        guard cell.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }),
              cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return cell }
        return "\"" + cell.replacingAll("\"", with: "\"\"") + "\""
    }

    /// "-3", "+1.5", "-0,25": a sign, digits, at most one decimal separator and digits after it.
    private static func isSignedNumber(_ cell: String) -> Bool {
        guard cell.hasPrefix("-") || cell.hasPrefix("+") else { return false }
        var scalars = Substring(cell).unicodeScalars.dropFirst()
        var sawDigit = false
        var sawSeparator = false
        while let scalar = scalars.first {
            scalars = scalars.dropFirst()
            if ("0"..."9").contains(scalar) {
                sawDigit = true
            } else if (scalar == "." || scalar == ","), sawDigit, !sawSeparator, !scalars.isEmpty {
                sawSeparator = true
            } else {
                return false
            }
        }
        return sawDigit
    }
}
