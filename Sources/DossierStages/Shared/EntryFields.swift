import DossierText
import DossierModel
import Foundation

/// Splits the text of one education or employment entry into title, organization and place, using the
/// words that degrees, positions and organizations are made of. Nothing is invented: a field is a piece
/// of the text or absent.
public enum EntryFields {
    /// What `segmentsOf` trims from each segment, made once rather than per segment.
    private static let segmentEdges = CharacterSet.whitespaces.union(CharacterSet(charactersIn: ".:;()*"))

    static let degreeWords = ["phd", "ph.d", "ph. d", "dphil", "doctor", "doctorate", "doctoral", "doktor", "dr. rer", "doctorat", "doctorado",
                              "doctora", "dottorato", "doutorado", "promotie", "master", "masters", "msc", "m.sc", "m.s.", "ms ", "ma ", "m.a.",
                              "mphil", "mba", "meng", "m.eng", "bachelor", "bsc", "b.sc", "b.s.", "bs ", "ba ", "b.a.", "beng", "b.eng", "llb",
                              "llm", "md", "m.d.", "diplom", "diploma", "licenciad*", "licence", "laurea", "licenciatura", "habilitation",
                              "magister", "mestrado", "graduate", "undergraduate", "degree", "certificate", "a-levels", "abitur", "baccalaur*",
                              "博士", "硕士", "学士"]
    static let organizationWords = ["university", "universität", "universitat", "université", "universite", "universidad", "università",
                                    "universita", "universidade", "universiteit", "college", "institute", "institut", "institutet", "instituut", "instituto", "istituto",
                                    "school", "école", "ecole", "escuela", "scuola", "hochschule", "academy", "akademie", "laboratory",
                                    "laboratories", "lab", "labs", "laboratoire", "center", "centre", "centro", "hospital", "clinic", "klinik",
                                    "department", "faculty", "fakultät", "inc", "inc.", "ltd", "llc", "gmbh", "corporation", "corp", "company",
                                    "foundation", "council", "agency", "ministry", "office", "bank", "group", "eth", "epfl", "mit", "cnrs",
                                    "inserm", "max planck", "fraunhofer", "google", "microsoft", "amazon", "meta", "ibm", "polytechnic",
                                    "politecnico", "大学", "学院", "研究所"]
    static let positionWords = ["professor", "lecturer", "reader", "researcher", "research", "fellow", "postdoc*", "postdoctoral", "scientist",
                                "engineer", "developer", "intern", "internship", "assistant", "associate", "director", "manager", "head",
                                "chair", "consultant", "analyst", "student", "candidate", "visiting", "investigator", "scholar",
                                "teaching", "instructor", "tutor", "editor", "officer", "profesor", "profesora", "investigador",
                                "investigadora", "professeur", "chercheur", "chercheuse", "maître", "maitre", "wissenschaftlicher",
                                "mitarbeiter", "professorin", "ricercatore", "docente", "pesquisador", "onderzoeker", "hoogleraar",
                                "titular", "catedrático", "教授", "研究员", "讲师"]

    /// Title, organization and place from the text left once the dates are taken out.
    public static func split(_ text: String, kind: SectionKind) -> (title: String?, organization: String?, place: String?) {
        let firstLines = text.split(separator: "\n").prefix(2).map(String.init)
        var segments = firstLines.flatMap(segmentsOf)
        segments = segments.filter { !$0.isEmpty && !isLabel($0) }
        guard !segments.isEmpty else { return (nil, nil, nil) }
        let titleWords = kind == .education ? degreeWords : positionWords
        let organizationIndex = segments.firstIndex { contains(any: organizationWords, in: $0) }
        var titleIndex = segments.firstIndex { index in contains(any: titleWords, in: index) && !contains(any: organizationWords, in: index) }
        if titleIndex == nil, let organizationIndex, organizationIndex != 0 { titleIndex = 0 }
        if titleIndex == nil, organizationIndex == nil { titleIndex = 0 }
        let title = titleIndex.map { segments[$0] }
        var organization = organizationIndex.map { segments[$0] }
        if organization == nil, let titleIndex, titleIndex + 1 < segments.count { organization = segments[titleIndex + 1] }
        var place: String?
        if let anchor = organizationIndex ?? titleIndex.map({ $0 + 1 }), anchor + 1 < segments.count {
            let candidates = segments[(anchor + 1)...].filter { looksLikePlace($0) && $0 != title }
            if !candidates.isEmpty { place = candidates.prefix(2).joined(separator: ", ") }
        }
        return (title, organization, place)
    }

    /// Table rows: cells named by their header ("Degree", "Institution", "Place", "Position", "Employer").
    public static func fromCells(_ cells: [String], headers: [String], kind: SectionKind) -> (title: String?, organization: String?, place: String?) {
        var title: String?, organization: String?, place: String?
        for (cell, header) in zip(cells, headers) where !cell.isEmpty {
            let name = header.lowercased()
            if ["degree", "position", "title", "role", "abschluss", "titulo", "título", "poste", "diplôme", "diplome", "grado", "cargo", "puesto"].contains(where: name.contains) {
                title = title ?? cell
            } else if ["institution", "employer", "organization", "organisation", "university", "company", "school", "institución", "institucion", "établissement", "einrichtung", "arbeitgeber", "empresa"].contains(where: name.contains) {
                organization = organization ?? cell
            } else if ["place", "location", "city", "country", "ort", "lieu", "lugar", "ciudad"].contains(where: name.contains) {
                place = place ?? cell
            }
        }
        if title == nil && organization == nil {
            return split(cells.filter { DateExpressions.firstRange(in: $0) == nil }.joined(separator: ", "), kind: kind)
        }
        return (title, organization, place)
    }

    static func segmentsOf(_ line: String) -> [String] {
        var text = line
        for separator in [" — ", " – ", " | ", " · ", " • ", "; ", "\t"] { text = text.replacingOccurrences(of: separator, with: ",") }
        return text.split(separator: ",").map { $0.trimmingFast(in: segmentEdges) }
    }

    static func isLabel(_ segment: String) -> Bool {
        let lowered = segment.lowercased()
        return ["present", "current", "now", "heute", "presente", "actualidad"].contains(lowered)
    }

    static func contains(any words: [String], in segment: String) -> Bool {
        let padded = " " + segment.lowercased() + " "
        return words.contains { word in
            if word.unicodeScalars.contains(where: { $0.value >= 0x3000 }) { return padded.containsText(word) }
            if word.hasSuffix(" ") || word.hasSuffix(".") {
                let spaced = " " + word
                return padded.containsText(spaced)
            }
            // A word ending in * is a stem: "licenciad*" matches Licenciado and Licenciada.
            let isStem = word.hasSuffix("*")
            return containsWord(isStem ? String(word.dropLast()) : word, in: padded, asStem: isStem)
        }
    }

    /// Whether `word` stands in `text` with no letter right before it (nor right after it, unless a stem).
    /// Plain string search: this runs for every segment of every entry, where regular expressions were too slow.
    private static func containsWord(_ word: String, in text: String, asStem: Bool) -> Bool {
        // Most words are not in a given segment: a byte search says so without Foundation.
        guard text.mayMatch(word) else { return false }
        var searchStart = text.startIndex
        while let range = text.rangeOfText(word, in: searchStart..<text.endIndex) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            if before?.isLetter != true && (asStem || after?.isLetter != true) { return true }
            searchStart = text.index(after: range.lowerBound)
        }
        return false
    }

    /// A short capitalized piece with no organization or role words: "Lausanne", "Taipei", "Switzerland", "MA 02139".
    static func looksLikePlace(_ segment: String) -> Bool {
        let words = segment.split(separator: " ")
        guard (1...4).contains(words.count), let first = segment.first, first.isUppercase else { return false }
        return !contains(any: organizationPositionAndDegreeWords, in: segment) && segment.rangeOfCharacter(from: .decimalDigits) == nil
    }

    /// The lists joined once, for the checks that ask about all of them.
    static let organizationAndPositionWords = organizationWords + positionWords
    static let organizationPositionAndDegreeWords = organizationWords + positionWords + degreeWords
}
