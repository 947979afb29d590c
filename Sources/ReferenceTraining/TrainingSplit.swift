import ReferenceParser
import DossierText
import DossierText

/// Deduplicates labelled references and splits them, by a hash of the normalised text, into the part trained on
/// and the part held out for evaluation (never trained on). The same reference always falls on the same side.
public struct TrainingSplit: Sendable {
    /// References trained on.
    public var training: [LabelledReference]
    /// References held out.
    public var heldOut: [LabelledReference]
    /// Duplicates dropped (same normalised text as an earlier reference).
    public var duplicates: Int

    /// Splits `references` (in the order given; the first of duplicates is kept) holding out `fraction`.
    public init(_ references: [LabelledReference], holdout fraction: Double) {
        var seen: Set<String> = []
        training = []
        heldOut = []
        duplicates = 0
        let threshold = UInt64(max(0, min(1, fraction)) * 10_000)
        for reference in references {
            let key = reference.normalizedText
            guard seen.insert(key).inserted else {
                duplicates += 1
                continue
            }
            if TrainingSplit.bucket(of: key) < threshold { heldOut.append(reference) } else { training.append(reference) }
        }
    }

    /// A stable bucket 0..<10000 for a normalised reference text (FNV-1a 64).
    static func bucket(of text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash % 10_000
    }
}

extension TrainingSplit {
    /// Splits the training share again, into references still trained on and a validation share (chosen by a
    /// differently salted hash, so it is independent of the held-out share) for choosing settings such as the
    /// number of passes without looking at the held-out references.
    public func carvingValidation(_ fraction: Double) -> (training: [LabelledReference], validation: [LabelledReference]) {
        carving(fraction, salt: "validation")
    }

    /// Splits the training share into references still trained on and a calibration share (its own salt, so it is
    /// independent of the held-out and validation shares), on which `train-references --calibration` fits the
    /// confidence calibration.
    public func carvingCalibration(_ fraction: Double) -> (training: [LabelledReference], calibration: [LabelledReference]) {
        carving(fraction, salt: "calibration")
    }

    /// The training share cut in two by a hash salted with `salt`: `fraction` of it carved out, the rest kept.
    private func carving(_ fraction: Double, salt: String) -> ([LabelledReference], [LabelledReference]) {
        let threshold = UInt64(max(0, min(1, fraction)) * 10_000)
        var kept: [LabelledReference] = []
        var carved: [LabelledReference] = []
        for reference in training {
            if TrainingSplit.bucket(of: salt + "\u{1F}" + reference.normalizedText) < threshold {
                carved.append(reference)
            } else {
                kept.append(reference)
            }
        }
        return (kept, carved)
    }
}
