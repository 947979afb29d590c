import DossierModel
import DossierPipeline
import DossierStages
import DossierWriters
import HTMLReader
import MarkdownReader
import PDFReader

extension Registry {
    /// Every built-in reader, stage and writer. A new one is one line here.
    public static let standard: Registry = {
        var registry = Registry()
        registry.register(reader: MarkdownReader())
        registry.register(reader: HTMLReader())
        registry.register(reader: PDFReader())
        registry.register(stage: NormalizeText())
        registry.register(stage: DetectSections())
        registry.register(stage: ExtractContact())
        registry.register(stage: ExtractEntries())
        registry.register(stage: ExtractReferees())
        registry.register(stage: SplitReferences())
        registry.register(stage: ParseReferences())
        registry.register(stage: FindIdentifiers())
        registry.register(stage: FindApplicant())
        registry.register(stage: ClassifyDocument())
        registry.register(writer: JSONWriter())
        registry.register(writer: NDJSONWriter())
        registry.register(writer: CSVWriter())
        registry.register(writer: JATSWriter())
        registry.register(writer: CSLJSONWriter())
        registry.register(writer: JSONResumeWriter())
        registry.register(writer: BibTeXWriter())
        return registry
    }()
}
