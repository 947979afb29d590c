import DossierPipeline
import Foundation

/// How the JSON writers frame documents: one pretty value for one document, a JSON array for a batch.
enum JSONArrayFraming {
    static func begin(_ options: WriterOptions) -> Data {
        Data((options.batch ? "[\n" : "").utf8)
    }

    /// `value` (pretty JSON) as element `index` of the batch, or alone with a final newline.
    static func element(_ value: Data, index: Int, options: WriterOptions) -> Data {
        var data = Data((options.batch && index > 0 ? ",\n" : "").utf8)
        data.append(value)
        if !options.batch { data.append(Data("\n".utf8)) }
        return data
    }

    static func end(_ options: WriterOptions) -> Data {
        Data((options.batch ? "\n]\n" : "").utf8)
    }
}
