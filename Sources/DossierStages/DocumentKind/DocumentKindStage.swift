import DossierText
import DossierModel
import DossierPipeline
import Foundation

/// Says what kind of document this is — CV, publication list, research statement, cover letter, referee
/// list or other — in `metadata["dossier:kind"]`, with the evidence in an info diagnostic
/// ("cv: sections education, employment, publications; name at top").
///
/// Evidence, strongest first: a salutation and a closing ("Dear …", "Sincerely") make a cover letter;
/// referee sections alone a referee list; "statement" in the title a research statement; two or more CV
/// section kinds a CV; 70 % or more reference-like items a publication list; one CV section kind with the
/// name at the top a CV; long first-person prose a research statement.
public struct DocumentKindStage: Stage {
    /// The kinds of document, spelled as they appear in `metadata["dossier:kind"]`.
    public enum Kind: String, Sendable, CaseIterable {
        case cv
        case publicationList = "publication-list"
        case researchStatement = "research-statement"
        case coverLetter = "cover-letter"
        case refereeList = "referee-list"
        case other
    }

    /// The metadata key the kind is written to.
    public static let metadataKey = "dossier:kind"

    public let name = "document-kind"
    public let summary = "CV, publication list, research statement, cover letter, referee list or other"

    public init() {}

    public func run(_ document: Document, context: StageContext) throws -> Document {
        var document = document
        let (kind, evidence) = classify(document)
        document.metadata[Self.metadataKey] = .string(kind.rawValue)
        document.report(.info, stage: name, "\(kind.rawValue): \(evidence)")
        return document
    }

    private func classify(_ document: Document) -> (Kind, String) {
        let evidence = DocumentKindEvidence(document)
        let sectionList = "sections " + evidence.sectionKinds.map(\.rawValue).joined(separator: ", ")
        if let salutation = evidence.salutation, evidence.closing != nil || evidence.proseShare >= 0.5 {
            let closing = evidence.closing.map { ", closing '\($0)'" } ?? ""
            return (.coverLetter, "salutation '\(salutation)'\(closing)")
        }
        let substantive = evidence.sectionKinds.filter { $0 != .other }
        if substantive == [.referees] || (substantive.isEmpty && evidence.titleMentions(["referee", "references", "recommender"])) {
            return (.refereeList, substantive.isEmpty ? "title '\(evidence.title)'" : sectionList)
        }
        if evidence.titleMentions(["statement", "research proposal", "research plan", "teaching philosophy"]) {
            return (.researchStatement, "title '\(evidence.title)'")
        }
        let cvKinds = evidence.sectionKinds.filter { DocumentKindEvidence.cvSectionKinds.contains($0) }
        let nameNote = evidence.nameAtTop ? "; name at top" : ""
        if cvKinds.count >= 2 { return (.cv, sectionList + nameNote) }
        let (references, units) = evidence.referenceLikeUnits
        if units >= 3, Double(references) >= 0.7 * Double(units) {
            let percent = Int((100 * Double(references) / Double(units)).rounded())
            return (.publicationList, "\(references) of \(units) items look like references (\(percent) %)")
        }
        if cvKinds.count == 1 && evidence.nameAtTop { return (.cv, sectionList + nameNote) }
        if evidence.paragraphs >= 3, evidence.proseShare >= 0.6, evidence.firstPersonDensity >= 0.015 {
            let percent = String(format: "%.1f", 100 * evidence.firstPersonDensity)
            return (.researchStatement, "\(evidence.paragraphs) prose paragraphs, \(percent) % first-person words")
        }
        if !cvKinds.isEmpty { return (.cv, sectionList + nameNote) }
        let seen = evidence.sectionKinds.isEmpty ? "no known sections" : sectionList
        return (.other, "\(seen); \(references) of \(units) items look like references")
    }
}
