import DossierText
import Foundation

/// A page's bytes as UTF-8, ready for the parser, with the encoding used and at most one problem to report.
struct DecodedHTML {
    var utf8: [UInt8]
    /// The encoding the bytes were read as ("utf-8", "windows-1252", ...).
    var encoding: String
    /// One sentence for the single decoding diagnostic, or nil when the bytes were clean.
    var problem: String?
}

/// Bytes → UTF-8 the way a browser chooses: a byte-order mark, else `<meta charset>` or an `http-equiv`
/// content type (or an XML declaration) in the first 4 KiB, else UTF-8. As in browsers, "iso-8859-1" and
/// "us-ascii" are read as windows-1252. Invalid bytes become U+FFFD; NUL bytes are removed; CR LF and CR become LF.
enum HTMLTextDecoder {
    static func decode(_ data: Data) -> DecodedHTML {
        var decoded = decodeBytes(data)
        decoded.utf8 = normalizingNewlines(decoded.utf8)
        return decoded
    }

    /// CR LF and a lone CR become LF, as HTML's input stream does before parsing (and lines count as editors show them).
    static func normalizingNewlines(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(0x0D) else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D {
                result.append(0x0A)
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            } else {
                result.append(byte)
            }
            index += 1
        }
        return result
    }

    private static func decodeBytes(_ data: Data) -> DecodedHTML {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return utf8(bytes.dropFirst(3), label: "utf-8") }
        if bytes.starts(with: [0xFF, 0xFE]) { return utf16(bytes.dropFirst(2), bigEndian: false) }
        if bytes.starts(with: [0xFE, 0xFF]) { return utf16(bytes.dropFirst(2), bigEndian: true) }
        guard let label = declaredCharset(bytes) else { return utf8(bytes[...], label: "utf-8") }
        switch label {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "utf-16", "utf-16le", "utf-16be":
            // A declaration readable as ASCII cannot be in UTF-16; browsers read such pages as UTF-8 too.
            return utf8(bytes[...], label: "utf-8")
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252",
            "x-cp1252", "cp819", "ibm819", "iso-ir-100", "csisolatin1":
            return windows1252(bytes)
        default:
            if let encoding = foundationEncoding(label), let text = String(data: data, encoding: encoding) {
                return finish(text.unicodeScalars, label: label, invalid: 0)
            }
            var decoded = utf8(bytes[...], label: "utf-8")
            let note = "declared charset \"\(label)\" is not supported; read as UTF-8"
            decoded.problem = decoded.problem.map { note + "; " + $0 } ?? note
            return decoded
        }
    }

    private static let charsetDeclarations = [
        TextPattern(#"<\?xml[^>]*\bencoding\s*=\s*["']?\s*([a-z0-9_:.\-]+)"#),
        TextPattern(#"<meta\b[^>]*\bcharset\s*=\s*["']?\s*([a-z0-9_:.\-]+)"#),
    ]

    /// The charset named by the first `<meta>` (or XML declaration) in the first 4 KiB that names one, lower-cased.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(4096).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self).lowercased()
        for pattern in charsetDeclarations {
            if let charset = pattern.firstMatch(in: head)?.group(1) { return charset }
        }
        return nil
    }

    private static func utf8(_ bytes: ArraySlice<UInt8>, label: String) -> DecodedHTML {
        if !bytes.contains(0), String(data: Data(bytes), encoding: .utf8) != nil {
            return DecodedHTML(utf8: Array(bytes), encoding: label, problem: nil)
        }
        var scalars = String.UnicodeScalarView()
        var invalid = 0
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        decoding: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): scalars.append(Unicode.UTF8.decode(encoded))
            case .error:
                invalid += 1
                scalars.append("\u{FFFD}")
            case .emptyInput: break decoding
            }
        }
        return finish(scalars, label: label, invalid: invalid)
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> DecodedHTML {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let (high, low) = bigEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
            units.append(UInt16(high) << 8 | UInt16(low))
            index += 2
        }
        var scalars = String.UnicodeScalarView()
        var invalid = bytes.count % 2
        var iterator = units.makeIterator()
        var parser = Unicode.UTF16.ForwardParser()
        decoding: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): scalars.append(Unicode.UTF16.decode(encoded))
            case .error:
                invalid += 1
                scalars.append("\u{FFFD}")
            case .emptyInput: break decoding
            }
        }
        return finish(scalars, label: bigEndian ? "utf-16be" : "utf-16le", invalid: invalid)
    }

    private static func windows1252(_ bytes: [UInt8]) -> DecodedHTML {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            let value = byte >= 0x80 && byte < 0xA0 ? controlRange1252[Int(byte - 0x80)] : UInt32(byte)
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return finish(scalars, label: "windows-1252", invalid: 0)
    }

    /// Removes NULs (the parser would stop at one) and says what was repaired, in one sentence.
    private static func finish(_ scalars: String.UnicodeScalarView, label: String, invalid: Int) -> DecodedHTML {
        var text = String(scalars)
        let nulCount = text.unicodeScalars.reduce(0) { $0 + ($1 == "\0" ? 1 : 0) }
        if nulCount > 0 { text.unicodeScalars.removeAll { $0 == "\0" } }
        var problems: [String] = []
        if invalid > 0 {
            let noun = invalid == 1 ? "sequence" : "sequences"
            problems.append("\(invalid) invalid \(label.uppercased()) byte \(noun) replaced by U+FFFD")
        }
        if nulCount > 0 { problems.append("\(nulCount) NUL byte\(nulCount == 1 ? "" : "s") removed") }
        return DecodedHTML(utf8: Array(text.utf8), encoding: label, problem: problems.isEmpty ? nil : problems.joined(separator: "; "))
    }

    private static func foundationEncoding(_ label: String) -> String.Encoding? {
        switch label {
        case "iso-8859-2", "latin2", "iso8859-2": return .isoLatin2
        case "windows-1250", "cp1250": return .windowsCP1250
        case "windows-1251", "cp1251": return .windowsCP1251
        case "windows-1253", "cp1253": return .windowsCP1253
        case "windows-1254", "cp1254", "iso-8859-9", "latin5": return .windowsCP1254
        case "shift_jis", "shift-jis", "sjis", "windows-31j": return .shiftJIS
        case "euc-jp": return .japaneseEUC
        case "iso-2022-jp": return .iso2022JP
        default: return nil
        }
    }

    /// windows-1252 bytes 0x80–0x9F; the five it leaves undefined map to the C1 controls, as in browsers.
    private static let controlRange1252: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
