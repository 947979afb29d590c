import DossierText

/// The matches of `EmailFinder.plain` in ASCII text (and text of scalars that stand alone), found by one pass over the bytes: the expression ran once per
/// line and link, most of the time of a page with thousands of addresses. `ContactPrefilterTests` checks it against
/// the expression on random strings.
///
/// The expression is `(?<![A-Za-z0-9._%+'{},-])([A-Za-z0-9][A-Za-z0-9._%+'-]*)@` then a domain
/// `([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24})(?![A-Za-z0-9-])`. Its backtracking comes to this: the local
/// part is the whole run of local characters from the start, and must end at "@"; the domain is the chain of
/// labels after it (runs of letters, digits and hyphens joined by single dots) cut after the last label, second or
/// later, that is 2–24 letters only. A failed start is followed by the next position, as the expression's search.
enum PlainAddressScanner {
    /// The local part and domain of each match, in order; nil when `text` holds a scalar that does not stand alone
    /// (`FoundationPrecheck.allStandAlone`: the expression then runs). Other non-ASCII scalars ("müller.22@uni.edu")
    /// are in none of the expression's classes, as their bytes are in none of the scanner's, and every boundary
    /// between such scalars is one between characters, where the expression's matches are kept.
    static func addresses(in text: String) -> [(local: String, domain: String)]? {
        var text = text
        let isASCII = text.utf8.allSatisfy { $0 < 0x80 }
        guard isASCII || FoundationPrecheck.allStandAlone(text) else { return nil }
        return text.withUTF8 { bytes -> [(local: String, domain: String)]? in
            var found: [(local: String, domain: String)] = []
            var start = 0
            while start < bytes.count {
                if let (at, end) = match(bytes, from: start) {
                    found.append((
                        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self),
                        String(decoding: UnsafeBufferPointer(rebasing: bytes[(at + 1)..<end]), as: UTF8.self)))
                    start = end
                } else {
                    start += 1
                }
            }
            return found
        }
    }

    /// The match starting at `start`, as the position of its "@" and its end; nil when none starts there.
    private static func match(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (at: Int, end: Int)? {
        guard isAlphanumeric(bytes[start]), start == 0 || !isBeforeLocal(bytes[start - 1]) else { return nil }
        var at = start + 1
        while at < bytes.count, isLocal(bytes[at]) { at += 1 }
        guard at < bytes.count, bytes[at] == UInt8(ascii: "@") else { return nil }
        // The labels after "@": each a non-empty run of domain characters, the next one after a single dot.
        var end: Int?
        var labelStart = at + 1
        var labelIndex = 0
        while true {
            var labelEnd = labelStart
            while labelEnd < bytes.count, isDomain(bytes[labelEnd]) { labelEnd += 1 }
            guard labelEnd > labelStart else { break }
            let length = labelEnd - labelStart
            if labelIndex > 0, (2...24).contains(length),
               UnsafeBufferPointer(rebasing: bytes[labelStart..<labelEnd]).allSatisfy(isLetter) {
                end = labelEnd
            }
            labelIndex += 1
            guard labelEnd < bytes.count, bytes[labelEnd] == UInt8(ascii: "."), labelEnd + 1 < bytes.count,
                  isDomain(bytes[labelEnd + 1]) else { break }
            labelStart = labelEnd + 1
        }
        guard let end else { return nil }
        return (at, end)
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    /// `[A-Za-z0-9-]`.
    private static func isDomain(_ byte: UInt8) -> Bool { isAlphanumeric(byte) || byte == UInt8(ascii: "-") }

    /// `[A-Za-z0-9._%+'-]`.
    private static func isLocal(_ byte: UInt8) -> Bool {
        isDomain(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "%")
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "'")
    }

    /// The lookbehind's class `[A-Za-z0-9._%+'{},-]`.
    private static func isBeforeLocal(_ byte: UInt8) -> Bool {
        isLocal(byte) || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: ",")
    }
}
