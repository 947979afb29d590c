import DossierText
import DossierModel
import DossierPipeline
import Foundation
import ReferenceParser

/// Parses each split reference into CSL fields with the trained sequence model (`ReferenceParser`), keeping
/// what splitting already knew: the raw text, the type given by a sub-heading, the URLs of its links.
public struct ParseReferencesStage: Stage {
    public let name = "parse-references"
    public let summary = "each reference → CSL-JSON fields with a confidence each (trained CRF-style model + rules)"
    let parser: ReferenceParser?

    public init(parser: ReferenceParser? = ReferenceParser.standard) {
        self.parser = parser
    }

    public func run(_ document: Document, context: StageContext) throws -> Document {
        var document = document
        guard !document.profile.publications.isEmpty else { return document }
        guard let parser else {
            document.report(.error, stage: name, ReferenceParser.standardProblem ?? "no reference model")
            return document
        }
        document.profile.publications = document.profile.publications.map { split in
            var parsed = parser.parse(Self.typographyFolded(split.raw))
            parsed.id = split.id
            parsed.raw = split.raw
            parsed.block = split.block
            if split.type != SplitReferencesStage.untyped { parsed.type = split.type }
            parsed.url = parsed.url ?? split.url
            parsed.doi = parsed.doi ?? split.doi
            return parsed
        }
        return document
    }

    /// The reference as the parser reads it best: a typeset ellipsis (". . ." from LaTeX's `\ldots`) as one
    /// character, so a cut author list ("Ibrahim, A., . . . Bartholdy, B. P.") is not read as initials and sentences.
    static func typographyFolded(_ raw: String) -> String {
        spacedEllipsis.replacing(in: raw, with: "…")
    }

    private static let spacedEllipsis = TextPattern(#"\.(\s\.){2,}"#)
}
