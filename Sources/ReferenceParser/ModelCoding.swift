import DossierText

/// The model's bytes: a small binary format (emission weights quantised to 16 bits), and its base64 text for
/// embedding in Swift source.
///
/// Layout (little-endian): "DRM1", feature-extractor version (u32), label count (u8), each label (u8 length +
/// UTF-8), weight scale (f32), start weights (f32 × L), transitions (f32 × (1 + GapClass.count) × L²), row count (u32), then each
/// row: key (u32), pair count (u8), pairs (label u8, weight i16 × scale); then, for a calibrated model, "CAL1",
/// point count (u16) and the points (raw f32, calibrated f32); then, when rule-set tokens have their own confidences,
/// "RUL1", rule count (u16) and each rule in name order: name (u8 length + UTF-8), confidence (f32), fields (u32).
/// A model without "RUL1" (all models before it) reads with no rule confidences.
public enum ModelCoding {
    /// Why a model could not be read.
    public enum DecodingError: Error, CustomStringConvertible {
        case notAModel
        case wrongFeatureVersion(UInt32)
        case truncated

        public var description: String {
            switch self {
            case .notAModel: return "not a reference-parser model (no DRM1 header)"
            case .wrongFeatureVersion(let version):
                return "model was trained for feature version \(version), this build has \(FeatureExtractor.version): retrain it with `dossier train-references`"
            case .truncated: return "reference-parser model is truncated"
            }
        }
    }

    /// The bytes of `model`.
    public static func encode(_ model: SequenceModel) -> [UInt8] {
        var bytes: [UInt8] = Array("DRM1".utf8)
        appendU32(&bytes, FeatureExtractor.version)
        bytes.append(UInt8(model.labels.count))
        for label in model.labels {
            let utf8 = Array(label.utf8.prefix(255))
            bytes.append(UInt8(utf8.count))
            bytes.append(contentsOf: utf8)
        }
        let largest = model.table.weights.reduce(Float(0)) { max($0, abs($1)) }
        let scale = largest > 0 ? largest / 32767 : 1
        appendF32(&bytes, scale)
        for value in model.starts { appendF32(&bytes, value) }
        for value in model.transitions { appendF32(&bytes, value) }
        appendU32(&bytes, UInt32(model.table.rowCount))
        for row in 0..<model.table.rowCount {
            appendU32(&bytes, model.table.keys[row])
            let pairs = model.table.pairs(ofRow: row)
            bytes.append(UInt8(pairs.count))
            for (label, weight) in pairs {
                bytes.append(label)
                let quantised = Int16(max(-32767, min(32767, (weight / scale).rounded())))
                let raw = UInt16(bitPattern: quantised)
                bytes.append(UInt8(raw & 0xFF))
                bytes.append(UInt8(raw >> 8))
            }
        }
        let calibration = model.calibration
        if !calibration.isIdentity {
            bytes.append(contentsOf: Array("CAL1".utf8))
            let count = min(calibration.raw.count, Int(UInt16.max))
            bytes.append(UInt8(count & 0xFF))
            bytes.append(UInt8(count >> 8))
            for index in 0..<count {
                appendF32(&bytes, Float(calibration.raw[index]))
                appendF32(&bytes, Float(calibration.calibrated[index]))
            }
            if !calibration.rules.isEmpty {
                bytes.append(contentsOf: Array("RUL1".utf8))
                let names = calibration.rules.keys.sorted().prefix(Int(UInt16.max))
                bytes.append(UInt8(names.count & 0xFF))
                bytes.append(UInt8(names.count >> 8))
                for name in names {
                    guard let rule = calibration.rules[name] else { continue }
                    let utf8 = Array(name.utf8.prefix(255))
                    bytes.append(UInt8(utf8.count))
                    bytes.append(contentsOf: utf8)
                    appendF32(&bytes, Float(rule.confidence))
                    appendU32(&bytes, UInt32(clamping: rule.fields))
                }
            }
        }
        return bytes
    }

    /// The model in `bytes`.
    public static func decode(_ bytes: [UInt8]) throws -> SequenceModel {
        var reader = ByteReader(bytes: bytes)
        guard Array(try reader.take(4)) == Array("DRM1".utf8) else { throw DecodingError.notAModel }
        let version = try reader.u32()
        guard version == FeatureExtractor.version else { throw DecodingError.wrongFeatureVersion(version) }
        let labelCount = Int(try reader.u8())
        var labels: [String] = []
        for _ in 0..<labelCount {
            let length = Int(try reader.u8())
            labels.append(String(decoding: try reader.take(length), as: UTF8.self))
        }
        let scale = try reader.f32()
        let starts = try (0..<labelCount).map { _ in try reader.f32() }
        let transitions = try (0..<((1 + GapClass.count) * labelCount * labelCount)).map { _ in try reader.f32() }
        let rowCount = Int(try reader.u32())
        let rows = try reader.rows(rowCount, scale: scale)
        let table = FeatureTable(keys: rows.keys, rowStart: rows.rowStart, labels: rows.labels, weights: rows.weights)
        var model = SequenceModel(labels: labels, table: table, transitions: transitions, starts: starts)
        if reader.position + 4 <= bytes.count, Array(try reader.take(4)) == Array("CAL1".utf8) {
            let count = Int(try reader.u8()) | Int(try reader.u8()) << 8
            var raw: [Double] = [], calibrated: [Double] = []
            for _ in 0..<count {
                raw.append(Double(try reader.f32()))
                calibrated.append(Double(try reader.f32()))
            }
            var rules: [String: ConfidenceCalibration.RuleConfidence] = [:]
            if reader.position + 4 <= bytes.count, Array(try reader.take(4)) == Array("RUL1".utf8) {
                let ruleCount = Int(try reader.u8()) | Int(try reader.u8()) << 8
                for _ in 0..<ruleCount {
                    let length = Int(try reader.u8())
                    let name = String(decoding: try reader.take(length), as: UTF8.self)
                    let confidence = Double(try reader.f32())
                    rules[name] = ConfidenceCalibration.RuleConfidence(confidence: confidence, fields: Int(try reader.u32()))
                }
            }
            model.calibration = ConfidenceCalibration(raw: raw, calibrated: calibrated, rules: rules)
        }
        return model
    }

    static func appendU32(_ bytes: inout [UInt8], _ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }

    static func appendF32(_ bytes: inout [UInt8], _ value: Float) { appendU32(&bytes, value.bitPattern) }
}

/// Reads little-endian numbers from a byte array, throwing when it runs out.
package struct ByteReader {
    let bytes: [UInt8]
    var position = 0

    mutating func take(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0, position + count <= bytes.count else { throw ModelCoding.DecodingError.truncated }
        defer { position += count }
        return bytes[position..<(position + count)]
    }

    mutating func u8() throws -> UInt8 {
        guard position < bytes.count else { throw ModelCoding.DecodingError.truncated }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func u32() throws -> UInt32 {
        let slice = try take(4)
        var value: UInt32 = 0
        for (offset, byte) in slice.enumerated() { value |= UInt32(byte) << UInt32(offset * 8) }
        return value
    }

    mutating func f32() throws -> Float { Float(bitPattern: try u32()) }

    /// `count` rows of the model's table (key u32, pair count u8, then label u8 and weight i16 × `scale` per pair),
    /// laid out flat for `FeatureTable(keys:rowStart:labels:weights:)`: one pass over the bytes, no array per row.
    mutating func rows(_ count: Int, scale: Float) throws -> (keys: [UInt32], rowStart: [Int32], labels: [UInt8], weights: [Float]) {
        guard count >= 0, count <= (bytes.count - position) / 5 else { throw ModelCoding.DecodingError.truncated }
        var keys = [UInt32](), rowStart = [Int32](), labels = [UInt8](), weights = [Float]()
        keys.reserveCapacity(count)
        rowStart.reserveCapacity(count + 1)
        rowStart.append(0)
        // Every pair takes three bytes, so the rest of the bytes bound the pairs.
        let pairBound = (bytes.count - position) / 3
        labels.reserveCapacity(pairBound)
        weights.reserveCapacity(pairBound)
        var position = self.position
        let truncated = bytes.withUnsafeBufferPointer { bytes -> Bool in
            for _ in 0..<count {
                guard position + 5 <= bytes.count else { return true }
                keys.append(UInt32(bytes[position]) | UInt32(bytes[position + 1]) << 8 | UInt32(bytes[position + 2]) << 16
                    | UInt32(bytes[position + 3]) << 24)
                let pairs = Int(bytes[position + 4])
                position += 5
                guard position + 3 * pairs <= bytes.count else { return true }
                for _ in 0..<pairs {
                    labels.append(bytes[position])
                    let raw = UInt16(bytes[position + 1]) | UInt16(bytes[position + 2]) << 8
                    weights.append(Float(Int16(bitPattern: raw)) * scale)
                    position += 3
                }
                rowStart.append(Int32(labels.count))
            }
            return false
        }
        if truncated { throw ModelCoding.DecodingError.truncated }
        self.position = position
        return (keys, rowStart, labels, weights)
    }
}

extension ModelCoding {
    /// The Swift source of `EmbeddedModel.swift`: the model bytes as base64 in one string literal, and the
    /// command that made it.
    public static func swiftSource(_ bytes: [UInt8], command: String = "dossier train-references") -> String {
        """
        // Generated by `\(command)`; do not edit.
        /// The trained reference-parser model, compiled into the binary as base64 text.
        enum EmbeddedModel {
            static let base64 = "\(Base64.encode(bytes))"
        }

        """
    }
}
