import DossierText
import Foundation

/// Finds e-mail addresses in text, including the forms people write to dodge spam harvesters:
/// `name [at] domain [dot] edu`, `name(at)domain.edu`, `jhc[at]ust.hk`, `name AT domain DOT org`,
/// `name at domain dot edu` and `j.doe at cs.uni.edu` (only ending in a known top-level domain), `name＠x.cn`, and
/// `{alice,bob}@x.edu` (expanded to one address each). Domains are lowercased; local parts kept as written.
enum EmailFinder {
    /// The addresses in `text`, in order, without duplicates.
    static func emails(in text: String) -> [String] {
        guard mayHoldEmail(LineBytes(text)) else { return [] }
        return emailsScanned(in: text)
    }

    /// False only when `text` cannot hold an address. The patterns below produce an "@" only from "@", "＠",
    /// an opening bracket (`bracketedAt`), "AT" (`spacedAt`, `spelledWords`) or " at " (`spelledWords`,
    /// `wordAt`), and a domain dot only from ".", an opening bracket (`bracketedDot`) or " dot "/" DOT "
    /// (`spelledWords`); `plain` and `braceList` need both an "@" and a dot.
    static func mayHoldEmail(_ bytes: LineBytes) -> Bool {
        let bracket = bytes.containsAny(of: "[({<")
        let atSign = bracket || bytes.contains(UInt8(ascii: "@")) || bytes.contains("＠") || bytes.contains("AT")
            || bytes.contains(" at ")
        let dot = bracket || bytes.contains(UInt8(ascii: ".")) || bytes.contains(" dot ") || bytes.contains(" DOT ")
        return atSign && dot
    }

    /// `emails(in:)` without the prefilter: every pattern whose literal characters are in the text.
    static func emailsScanned(in text: String) -> [String] {
        // Each pattern runs only when its literal characters are there (byte tests on the text as it stands).
        var text = text.containsBytes("＠") ? text.replacingOccurrences(of: "＠", with: "@") : text
        if mayHoldBrackets(text) {
            text = bracketedAt.replacing(in: text, with: "@")
            text = bracketedDot.replacing(in: text, with: ".")
        }
        if text.containsBytes(" at ") || text.containsBytes(" AT ") { text = spelledOut(text) }
        if text.containsBytes("@") || text.containsBytes("AT"), mayHoldWhitespace(text), mayHoldSpacedAt(text) {
            text = spacedAt.replacing(in: text, with: "$1@$2")
        }
        if text.containsBytes(" at ") { text = wordAtDottedDomain(text) }
        guard text.containsBytes("@") else { return [] }
        if mayHoldWhitespace(text) {
            for _ in 0..<3 where mayHoldSpacedDot(text) { text = spacedDot.replacing(in: text, with: "$1.") }
        }
        var found: [String] = []
        var seen: Set<String> = []
        for match in text.containsBytes("{") ? braceList.matches(in: text) : [] {
            guard let locals = match.group(1), let domain = match.group(2) else { continue }
            for local in locals.split(separator: ",") {
                append("\(local.trimmingFast(in: .whitespaces))@\(domain)", to: &found, seen: &seen)
            }
        }
        if let addresses = PlainAddressScanner.addresses(in: text) {
            for (local, domain) in addresses { append("\(local)@\(domain)", to: &found, seen: &seen) }
            return found
        }
        for match in plain.matches(in: text) {
            guard let local = match.group(1), let domain = match.group(2) else { continue }
            append("\(local)@\(domain)", to: &found, seen: &seen)
        }
        return found
    }

    /// Whether `spacedAt` or `spacedDot` may match: both need a `\s` character. False only for ASCII text without
    /// a space, tab, line or page break (or the separators 0x1C–0x1F, counted to be safe): one address per line
    /// then costs no replacement pass.
    static func mayHoldWhitespace(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            bytes.contains { $0 >= 0x80 || (0x09...0x0D).contains($0) || (0x1C...0x20).contains($0) }
        }
    }

    /// Whether `spacedAt` may match: it needs white space before or after an "@", or around an "AT". False only for
    /// text without such a place, white space being any scalar with the Unicode property (what `\s` matches) or one
    /// of the separators 0x1C–0x1F (counted to be safe): a line of ten addresses separated by spaces then costs no
    /// replacement pass.
    static func mayHoldSpacedAt(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        for index in scalars.indices {
            let scalar = scalars[index]
            if scalar == "@" {
                if index > 0, isSpace(scalars[index - 1]) { return true }
                if index + 1 < scalars.count, isSpace(scalars[index + 1]) { return true }
            } else if scalar == "A", index > 0, index + 2 < scalars.count, scalars[index + 1] == "T",
                      isSpace(scalars[index - 1]), isSpace(scalars[index + 2]) {
                return true
            }
        }
        return false
    }

    /// Whether `spacedDot` may match: it needs a "." with white space on both sides (white space as in
    /// `mayHoldSpacedAt`).
    static func mayHoldSpacedDot(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 3 else { return false }
        for index in 1..<(scalars.count - 1) where scalars[index] == "." {
            if isSpace(scalars[index - 1]), isSpace(scalars[index + 1]) { return true }
        }
        return false
    }

    /// A scalar `\s` may match: Unicode white space, or one of the separators 0x1C–0x1F.
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (0x09...0x0D).contains(scalar.value) || (0x1C...0x20).contains(scalar.value) }
        return scalar.properties.isWhitespace
    }

    /// Whether `bracketedAt` or `bracketedDot` may match: both need an opening and a closing ASCII bracket
    /// (literal characters, which case folding leaves alone).
    private static func mayHoldBrackets(_ text: String) -> Bool {
        let bytes = LineBytes(text)
        return bytes.containsAny(of: "[({<") && bytes.containsAny(of: "])}>")
    }

    /// The address of a `mailto:` link (query removed, percent-escapes decoded), or of a link whose target is
    /// an address written without the scheme.
    static func email(inLinkTarget url: String, finding emails: (String) -> [String] = EmailFinder.emails(in:)) -> String? {
        var target = url.trimmingFast(in: .whitespaces)
        if target.lowercased().hasPrefix("mailto:") { target = String(target.dropFirst(7)) }
        if let query = target.firstIndex(of: "?") { target = String(target[..<query]) }
        // Without a "%" there is nothing to decode.
        if target.containsByte(UInt8(ascii: "%")) { target = target.removingPercentEncoding ?? target }
        target = target.trimmingFast(in: .whitespaces)
        guard !FastText.contains(UInt8(ascii: "/"), in: target) else { return nil }
        let found = emails(target)
        return found.count == 1 ? found.first : nil
    }

    /// `local@domain` with the domain lowercased and stray dots trimmed.
    static func normalized(_ address: String) -> String? {
        guard let at = address.lastIndex(of: "@") else { return nil }
        let local = address[..<at].trimmingFast(in: localEdges)
        let domain = address[address.index(after: at)...].lowercased().trimmingFast(in: domainEdges)
        guard !local.isEmpty, FastText.contains(UInt8(ascii: "."), in: domain) else { return nil }
        return "\(local)@\(domain)"
    }

    /// What `normalized` trims off the local part and the domain, built once.
    private static let localEdges = CharacterSet(charactersIn: ".'-")
    private static let domainEdges = CharacterSet(charactersIn: ".")

    /// Appends `address` unless it is there already, ignoring case (`seen` holds the lowercased ones).
    private static func append(_ address: String, to found: inout [String], seen: inout Set<String>) {
        guard let address = normalized(address), seen.insert(address.lowercased()).inserted else { return }
        found.append(address)
    }

    /// `name at domain dot edu` / `name AT domain DOT org` → `name@domain.edu`.
    private static func spelledOut(_ text: String) -> String {
        var result = ""
        var cursor = text.startIndex
        for match in spelledWords.matches(in: text) {
            guard let local = match.group(1), let domain = match.group(2) else { continue }
            let labels = dotWord.replacing(in: domain, with: ".").split(separator: ".")
            guard let tld = labels.last?.lowercased(), topLevelDomains.contains(tld) else { continue }
            result += text[cursor..<match.range.lowerBound]
            result += dotWord.replacing(in: local, with: ".") + "@" + labels.joined(separator: ".")
            cursor = match.range.upperBound
        }
        result += text[cursor...]
        return result
    }

    /// `j.doe at cs.uni.edu`: a lowercase "at" before a dotted domain counts when the local part could not be
    /// a word of prose (it has a dot, underscore, hyphen or digit) or the line speaks of mail, and the domain
    /// ends in a known top-level domain.
    private static func wordAtDottedDomain(_ text: String) -> String {
        var mentionsMail: Bool?
        var result = ""
        var cursor = text.startIndex
        for match in wordAt.matches(in: text) {
            guard let local = match.group(1), let domain = match.group(2),
                let tld = domain.split(separator: ".").last?.lowercased(), topLevelDomains.contains(tld),
                local.contains(where: { ".-_".contains($0) || $0.isNumber }) || (mentions(&mentionsMail, text) && !proseWords.contains(local.lowercased()))
            else { continue }
            result += text[cursor..<match.range.lowerBound]
            result += "\(local)@\(domain)"
            cursor = match.range.upperBound
        }
        result += text[cursor...]
        return result
    }

    /// Whether `text` speaks of mail (`mailWord`), asked once and only when a match needs it.
    private static func mentions(_ answer: inout Bool?, _ text: String) -> Bool {
        if let answer { return answer }
        let found = mailWord.matches(text)
        answer = found
        return found
    }

    private static let wordAt = TextPattern(#"(?<![\w.@-])([A-Za-z0-9][A-Za-z0-9._%+-]*) at ([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)(?![\w@-])"#)
    private static let proseWords: Set<String> = [
        "me", "us", "him", "her", "them", "you", "i", "we", "work", "works", "worked", "based", "located", "available",
        "reached", "found", "online", "home", "least", "present", "time", "contact", "email", "mail", "or", "and",
    ]
    private static let mailWord = TextPattern(#"e-?mail|mail:|contact|write to|correspondence|courriel|correo"#, caseInsensitive: true)
    /// `name@domain . edu`: spaces around the dots of a domain after an at sign.
    static let spacedDot = TextPattern(#"(@[A-Za-z0-9.-]*[A-Za-z0-9])\s+\.\s+(?=[A-Za-z0-9])"#)
    private static let dotWord = TextPattern(#" (?:dot|DOT) "#)
    private static let bracketedAt = TextPattern(#"\s*[\[\(\{<]\s*(?:at|@)\s*[\]\)\}>]\s*"#, caseInsensitive: true)
    private static let bracketedDot = TextPattern(#"\s*[\[\(\{<]\s*(?:dot|\.)\s*[\]\)\}>]\s*"#, caseInsensitive: true)
    private static let spelledWords = TextPattern(
        #"(?<![\w.@-])((?:[A-Za-z0-9._%+-]+ (?:dot|DOT) )*[A-Za-z0-9._%+-]+) (?:at|AT) ((?:[A-Za-z0-9-]+ (?:dot|DOT) )+[A-Za-z]{2,6})(?![\w@-])"#)
    static let spacedAt = TextPattern(
        #"([A-Za-z0-9._%+-])(?:\s+@\s*|\s*@\s+|\s+AT\s+)([A-Za-z0-9-]+\s*\.\s*[A-Za-z])"#)
    private static let braceList = TextPattern(#"\{([A-Za-z0-9._%+\-,\s]+)\}\s*@\s*([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24})"#)
    static let plain = TextPattern(
        #"(?<![A-Za-z0-9._%+'{},-])([A-Za-z0-9][A-Za-z0-9._%+'-]*)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24})(?![A-Za-z0-9-])"#)
    private static let topLevelDomains: Set<String> = [
        "edu", "com", "org", "net", "gov", "mil", "int", "io", "ac", "uk", "de", "fr", "es", "it", "nl", "ch", "at",
        "be", "se", "no", "dk", "fi", "ca", "au", "cn", "jp", "hk", "sg", "in", "br", "pt", "ru", "pl", "cz", "il",
        "kr", "tw", "nz", "ie", "eu", "info", "me", "ai", "dev", "mx", "ar", "cl", "za", "gr", "hu", "tr", "lu",
    ]
}

/// `EmailFinder.emails(in:)` and `email(inLinkTarget:)` remembered for one run of the contact stage: the same link
/// texts and targets are read for each scope and again for the links, and a page of 20,000 linked addresses read
/// each one four times (a link's text is its target without "mailto:"). Both are functions of their text alone.
final class EmailMemo {
    private var found: [String: [String]] = [:]
    private var targets: [String: String?] = [:]

    func emails(in text: String) -> [String] {
        if let known = found[text] { return known }
        let result = EmailFinder.emails(in: text)
        found[text] = result
        return result
    }

    func email(inLinkTarget url: String) -> String? {
        if let known = targets[url] { return known }
        let result = EmailFinder.email(inLinkTarget: url, finding: emails(in:))
        targets[url] = result
        return result
    }
}
