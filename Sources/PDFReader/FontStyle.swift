import DossierText

/// Bold and italic as the font name tells them: PDFs rarely carry weight flags that poppler-glib exposes.
struct FontStyle: Sendable, Equatable {
    var bold: Bool
    var italic: Bool

    private static let boldMarks = ["bold", "black", "heavy", "semibold", "demi", "extrabold", "ultrabold", "-bd", "-medi"]
    private static let italicMarks = ["ital", "oblique", "slanted", "kursiv"]
    /// Computer Modern and friends say it in a short code: CMBX (bold extended), CMTI (text italic), CMSL (slanted).
    private static let texBold = ["cmbx", "cmb", "cmssbx", "lmbx", "ecbx", "ecrb", "ecsx", "ecbi", "lmroman10-bold", "sfbx"]
    private static let texItalic = ["cmti", "cmsl", "cmmi", "cmbxti", "cmbxsl", "lmti", "ecti", "ecsl", "ecbi", "sfti", "sfsl"]

    init(bold: Bool, italic: Bool) {
        self.bold = bold
        self.italic = italic
    }

    /// Reads the style from a font name such as `Helvetica-BoldOblique`, `ABCDEF+CMBX12` or `SourceSansPro-Semibold`.
    init(fontName: String) {
        var name = fontName
        if let plus = name.firstIndex(of: "+"), name.distance(from: name.startIndex, to: plus) == 6 {
            name = String(name[name.index(after: plus)...])
        }
        let lower = name.lowercased()
        var bold = FontStyle.boldMarks.contains { lower.containsText($0) }
        var italic = FontStyle.italicMarks.contains { lower.containsText($0) } || lower.hasSuffix("-it")
            || lower.hasSuffix("it") && lower.containsText("-") && lower.split(separator: "-").last.map { $0.count <= 4 } == true
        if FontStyle.texBold.contains(where: { lower.hasPrefix($0) }) { bold = true }
        if FontStyle.texItalic.contains(where: { lower.hasPrefix($0) }) { italic = true }
        // "Medium" is not bold; "Demi" and "Semibold" are.
        if lower.containsText("medium") && !lower.containsText("bold") { bold = false }
        self.init(bold: bold, italic: italic)
    }
}
