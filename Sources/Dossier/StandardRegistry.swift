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
        registry.register(stage: NormalizeStage())
        registry.register(stage: SectionsStage())
        registry.register(stage: ContactStage())
        registry.register(stage: EntriesStage())
        registry.register(stage: RefereesStage())
        registry.register(stage: SplitReferencesStage())
        registry.register(stage: ParseReferencesStage())
        registry.register(stage: IdentifiersStage())
        registry.register(stage: AuthorshipStage())
        registry.register(stage: DocumentKindStage())
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
