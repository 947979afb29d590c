import DossierText
import DossierModel
import Foundation

/// Turns one reference string into a CSL-JSON item (`Publication`): a linear-chain model labels the tokens with
/// AnyStyle's fields, then rules clean the fields up (names split, identifiers and page ranges normalised).
public struct ReferenceParser: Sendable {
    /// The sequence model that labels tokens.
    public let model: SequenceModel

    /// The labels the model knows, for the pattern overrides.
    let knownLabels: Set<String>

    /// A parser using `model`.
    public init(model: SequenceModel) {
        self.model = model
        knownLabels = Set(model.labels)
    }

    /// A parser from model bytes (as written by `dossier train-references --out FILE`) or their base64 text.
    public init(modelBytes bytes: [UInt8]) throws {
        if bytes.starts(with: Array("DRM1".utf8)) {
            self.init(model: try ModelCoding.decode(bytes))
        } else if let decoded = Base64.decode(String(decoding: bytes, as: UTF8.self)) {
            self.init(model: try ModelCoding.decode(decoded))
        } else {
            throw ModelCoding.DecodingError.notAModel
        }
    }

    /// The parser with the model compiled into the binary; nil only if the embedded model is missing or unreadable.
    /// The model is trained on AnyStyle's core, gold and good sets and ParsCit's tagged lines; the command that
    /// reproduces it byte for byte heads `EmbeddedModel.swift`.
    /// When the environment variable `DOSSIER_REFERENCE_MODEL` names a model file (as `train-references --out`
    /// writes it), that model is used instead: for scoring a candidate on whole documents (`dossier eval`)
    /// without compiling it in.
    public static let standard: ReferenceParser? = {
        if let path = modelOverridePath {
            return (try? Data(contentsOf: URL(fileURLWithPath: path))).flatMap { try? ReferenceParser(modelBytes: Array($0)) }
        }
        guard let bytes = Base64.decode(EmbeddedModel.base64), !bytes.isEmpty else { return nil }
        return try? ReferenceParser(model: ModelCoding.decode(bytes))
    }()

    /// The environment variable that points `standard` at a model file instead of the compiled-in model.
    public static let modelOverrideVariable = "DOSSIER_REFERENCE_MODEL"

    static var modelOverridePath: String? {
        guard let path = ProcessInfo.processInfo.environment[modelOverrideVariable], !path.isEmpty else { return nil }
        return path
    }

    /// Why the embedded model (or the model `DOSSIER_REFERENCE_MODEL` names) could not be loaded, or nil when it loads.
    public static var standardProblem: String? {
        if let path = modelOverridePath {
            do {
                _ = try ReferenceParser(modelBytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
                return nil
            } catch {
                return "\(modelOverrideVariable)=\(path): \(error)"
            }
        }
        guard let bytes = Base64.decode(EmbeddedModel.base64), !bytes.isEmpty else {
            return "no reference-parser model is compiled in: run `dossier train-references --out Sources/ReferenceParser/EmbeddedModel.swift`"
        }
        do {
            _ = try ModelCoding.decode(bytes)
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// The tokens of `reference`, the label of each and the confidence (0–1) of each label.
    public func label(_ reference: String) -> (tokens: [ReferenceToken], labels: [String], confidence: [Double]) {
        let tokens = ReferenceTokenizer.tokenize(reference)
        guard !tokens.isEmpty else { return ([], [], []) }
        let features = FeatureExtractor.features(of: tokens)
        let scores = model.emissions(features)
        let (path, confidence) = model.decodeWithMargins(scores, gaps: features.gaps, length: tokens.count)
        var labels = path.map { model.labels[$0] }
        PatternOverrides.apply(tokens, labels: &labels, known: knownLabels)
        AuthorGuards.apply(tokens, labels: &labels, known: knownLabels)
        TitleFromNote.apply(tokens, labels: &labels, known: knownLabels)
        QuotedTitle.apply(tokens, labels: &labels, known: knownLabels)
        UncertainVenue.apply(tokens, labels: &labels, confidence: confidence, known: knownLabels)
        AbbreviatedVenue.apply(tokens, labels: &labels, known: knownLabels)
        UntitledChapter.apply(tokens, labels: &labels, known: knownLabels)
        EditedVolume.apply(tokens, labels: &labels, known: knownLabels)
        ISBDSeparators.apply(tokens, labels: &labels, known: knownLabels)
        IdentifierAndNumberRules.apply(tokens, labels: &labels, confidence: confidence, known: knownLabels)
        let calibration = model.calibration
        return (tokens, labels, calibration.isIdentity ? confidence : confidence.map(calibration.apply))
    }

    /// The publication described by `reference`.
    public func parse(_ reference: String) -> Publication {
        let (tokens, labels, confidence) = label(reference)
        return PublicationBuilder.build(raw: reference, tokens: tokens, labels: labels, confidence: confidence)
    }
}
