import DossierModel
import Foundation

/// A small target that uses the DocumentResources build-tool plugin: `Documents/example-cv.md` is converted to
/// JSON at build time and shipped as a resource; this reads it back as a `Document`.
public enum ExampleDocuments {
    public enum Failure: Error { case missing(String) }

    /// The example CV, as Dossier understood it when the package was built.
    public static func exampleCV() throws -> Document {
        guard let url = Bundle.module.url(forResource: "example-cv.md", withExtension: "json") else {
            throw Failure.missing("example-cv.md.json")
        }
        return try JSONDecoder().decode(Document.self, from: Data(contentsOf: url))
    }
}
