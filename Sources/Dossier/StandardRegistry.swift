import DossierModel
import DossierPipeline
import DossierStages
import DossierWriters
import MarkdownReader

extension Registry {
    /// Every built-in reader, stage and writer. A new one is one line here.
    public static let standard: Registry = {
        var registry = Registry()
        registry.register(reader: MarkdownReader())
        registry.register(stage: NormalizeText())
        registry.register(writer: JSONWriter())
        registry.register(writer: NDJSONWriter())
        return registry
    }()
}
