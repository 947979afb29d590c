import DossierText

/// The linear-chain machinery for sequences that are not reference tokens (the lines of a CV's publication
/// list, say): callers hash their own features into a `FeatureSequence`, decode it with a model trained on such
/// sequences, and store that model under their own feature version so that neither extractor's changes make the
/// other's model misread.
package enum GeneralSequences {
    /// A feature key: the template number and the feature's value (a string), hashed as the reference features are.
    package static func key(_ template: UInt8, _ value: String) -> UInt32 { FeatureHash.key(template, value) }

    /// A sequence from each element's keys; every boundary is of the plain class (these models do not use gaps).
    package static func sequence(_ elements: [[UInt32]]) -> FeatureSequence {
        var sequence = FeatureSequence()
        for keys in elements {
            sequence.keys.append(contentsOf: keys)
            sequence.offsets.append(sequence.keys.count)
            sequence.gaps.append(0)
        }
        return sequence
    }

    /// The best label path (label ids) and each element's confidence (max-marginal softmax at the chosen label).
    package static func label(_ sequence: FeatureSequence, with model: SequenceModel) -> (labels: [Int], confidence: [Double]) {
        guard sequence.count > 0 else { return ([], []) }
        let decoded = model.decodeWithMargins(model.emissions(sequence), gaps: sequence.gaps, length: sequence.count)
        return (decoded.path, decoded.confidence)
    }

    /// The model's bytes, stamped with the caller's feature version instead of the reference features'.
    package static func encode(_ model: SequenceModel, featureVersion: UInt32) -> [UInt8] {
        var bytes = ModelCoding.encode(model)
        replaceVersion(in: &bytes, with: featureVersion)
        return bytes
    }

    /// Why a general model could not be read.
    package enum DecodingError: Error, CustomStringConvertible {
        case wrongFeatureVersion(found: UInt32, expected: UInt32)

        package var description: String {
            switch self {
            case .wrongFeatureVersion(let found, let expected):
                return "model was trained for feature version \(found), this build has \(expected): retrain it"
            }
        }
    }

    /// The model in `bytes`, refused unless it was stamped with `featureVersion`.
    package static func decode(_ bytes: [UInt8], featureVersion: UInt32) throws -> SequenceModel {
        guard bytes.count >= 8 else { throw ModelCoding.DecodingError.truncated }
        let found = bytes[4..<8].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        guard found == featureVersion else { throw DecodingError.wrongFeatureVersion(found: found, expected: featureVersion) }
        var patched = bytes
        replaceVersion(in: &patched, with: FeatureExtractor.version)
        return try ModelCoding.decode(patched)
    }

    /// The bytes of a Base64 text (the form models are compiled in as), or nil when it is not Base64.
    package static func bytes(base64 text: String) -> [UInt8]? { Base64.decode(text) }

    /// The Base64 text of `bytes`.
    package static func base64(_ bytes: [UInt8]) -> String { Base64.encode(bytes) }

    private static func replaceVersion(in bytes: inout [UInt8], with version: UInt32) {
        guard bytes.count >= 8 else { return }
        for index in 0..<4 { bytes[4 + index] = UInt8(truncatingIfNeeded: version >> (8 * UInt32(index))) }
    }
}
