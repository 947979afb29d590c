import DossierModel

/// Turns labelled tokens into a `Publication`: fields sliced verbatim from the raw string, then cleaned up.
enum PublicationBuilder {
    static func build(raw: String, tokens: [ReferenceToken], labels: [String], confidence: [Double]) -> Publication {
        Publication(id: "", type: "article-journal", raw: raw)
    }
}
