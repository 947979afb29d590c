/// A quick look at a PDF's objects, before poppler reads it, for pages that make poppler spin for minutes
/// (poppler-glib offers its callers no way to stop it):
/// - Form XObjects that draw each other an absurd number of times: a form that draws the next one three times,
///   40 levels deep, is 3⁴⁰ draws, and even 3¹⁰ of them cost poppler 32 s;
/// - pages that show text an absurd number of times, directly or through forms: poppler's text layout is
///   quadratic in words drawn at one place (20,000 shows of one word at one spot: 2.5 s; 60,000 through 10 levels
///   of forms drawn three times: 46 s, from 9 KB of PDF).
///
/// Each page and each form is a node; its `/Name Do` operators, counted in its content stream (inflated when
/// `/FlateDecode`), are edges to the XObjects its resources name, and its `Tj`, `TJ`, `'` and `"` operators are
/// its own text shows. The draws a node causes are one plus those of every edge, its text shows its own plus
/// those of every edge; more than `drawLimit` draws anywhere, more than `pageTextLimit` text shows from one page
/// or `documentTextLimit` from all pages, or a form that draws itself, refuses the document. The look is best
/// effort — objects inside object streams, other filters and inherited resources are not followed — and linear
/// in the size of the file.
enum FormFanOut {
    /// More draws than this from one page or form is refused (real CVs draw a few forms a few times). Each draw of
    /// a form with its own font resources costs poppler's text layout a little more than the last: 59,000 took 32 s.
    static let drawLimit = 10_000
    /// More text shows than this from one page is refused (a dense page of a Word export has about 2,000).
    static let pageTextLimit = 30_000
    /// More text shows than this from all pages is refused (300 dense pages).
    static let documentTextLimit = 600_000
    /// Content streams are inflated up to this many bytes each, and this many in all.
    static let streamLimit = 4 << 20
    static let totalLimit = 64 << 20

    /// Why the document is refused, as the rest of its error line; nil when it may be read.
    static func refusal(_ bytes: [UInt8]) -> String? {
        let file = PDFObjects(bytes)
        var nodes: [Int: Node] = [:]  // object number → node
        var inflated = 0
        for (number, object) in file.objects {
            guard let dictionary = object.dictionary else { continue }
            let isForm = file.has(dictionary, key: "/Subtype", name: "/Form")
            let isPage = file.has(dictionary, key: "/Type", name: "/Page")
            guard isForm || isPage else { continue }
            var content: [UInt8] = []
            if isForm {
                content = file.streamData(object, budget: &inflated)
            } else {
                for reference in file.references(after: "/Contents", in: dictionary) {
                    if let stream = file.objects[reference] { content += file.streamData(stream, budget: &inflated) + [0x0A] }
                }
            }
            guard !content.isEmpty else { continue }
            let names = file.xobjectNames(of: dictionary)
            let scan = ContentScan.scan(content)
            let edges = scan.draws.compactMap { name, count in names[name].map { (target: $0, count: count) } }
            nodes[number] = Node(isForm: isForm, edges: edges, textShows: scan.textShows)
        }
        return evaluate(nodes)
    }

    struct Node {
        var isForm: Bool
        var edges: [(target: Int, count: Int)]
        var textShows = 0
    }

    /// `count × each + total`, saturating at `limit + 1`.
    private static func adding(_ count: Int, times each: Int, to total: Int, limit: Int) -> Int {
        let (product, overflow) = count.multipliedReportingOverflow(by: each)
        return overflow ? limit + 1 : min(limit + 1, total + min(limit + 1, product))
    }

    /// The draws and text shows of every node, depth first without recursion (a chain of forms may be thousands
    /// long).
    static func evaluate(_ nodes: [Int: Node]) -> String? {
        var draws: [Int: Int] = [:]
        var shows: [Int: Int] = [:]
        var documentShows = 0
        var onPath: Set<Int> = []
        for start in nodes.keys.sorted() where draws[start] == nil {
            var stack: [(node: Int, next: Int)] = [(start, 0)]
            onPath.insert(start)
            while let (node, next) = stack.last {
                let edges = nodes[node]?.edges ?? []
                if next < edges.count {
                    stack[stack.count - 1].next += 1
                    let target = edges[next].target
                    if onPath.contains(target) { return "a Form XObject draws itself (object \(target))" }
                    if draws[target] == nil, nodes[target] != nil {
                        onPath.insert(target)
                        stack.append((target, 0))
                    }
                    continue
                }
                var total = 1
                var text = min(pageTextLimit + 1, nodes[node]?.textShows ?? 0)
                for edge in edges {
                    total = adding(edge.count, times: draws[edge.target] ?? 1, to: total, limit: drawLimit)
                    text = adding(edge.count, times: shows[edge.target] ?? 0, to: text, limit: pageTextLimit)
                }
                draws[node] = total
                shows[node] = text
                onPath.remove(node)
                stack.removeLast()
                let isForm = nodes[node]?.isForm == true
                let what = isForm ? "a Form XObject (object \(node))" : "a page (object \(node))"
                if total > drawLimit {
                    return "\(what) draws nested forms more than \(drawLimit) times (a fan-out bomb?); refused"
                }
                if text > pageTextLimit {
                    return "\(what) shows text more than \(pageTextLimit) times (poppler would spin on it); refused"
                }
                if !isForm {
                    documentShows += text
                    if documentShows > documentTextLimit {
                        return "the pages show text more than \(documentTextLimit) times (poppler would spin on them); refused"
                    }
                }
            }
        }
        return nil
    }
}

/// The `Do` operators of a content stream, by the XObject name they draw, and its text-showing operators.
enum ContentScan {
    static func scan(_ content: [UInt8]) -> (draws: [String: Int], textShows: Int) {
        var counts: [String: Int] = [:]
        var textShows = 0
        var lastName: String?
        var index = 0
        while index < content.count {
            let byte = content[index]
            if PDFObjects.isWhitespace(byte) {
                index += 1
                continue
            }
            switch byte {
            case 0x25:  // % comment
                while index < content.count, content[index] != 0x0A, content[index] != 0x0D { index += 1 }
                continue
            case 0x28:  // (string)
                index = PDFObjects.endOfString(content, from: index)
                lastName = nil
                continue
            case 0x2F:  // /Name
                let end = PDFObjects.endOfToken(content, from: index + 1)
                lastName = String(decoding: content[(index + 1)..<end], as: UTF8.self)
                index = end
                continue
            case 0x3C, 0x3E, 0x5B, 0x5D, 0x7B, 0x7D:
                index += 1
                lastName = nil
                continue
            default:
                let end = PDFObjects.endOfToken(content, from: index)
                if end - index == 2, content[index] == 0x44, content[index + 1] == 0x6F, let name = lastName {  // Do
                    counts[name, default: 0] += 1
                } else if (end - index == 2 && content[index] == 0x54 && (content[index + 1] == 0x6A || content[index + 1] == 0x4A))
                    || (end - index == 1 && (content[index] == 0x27 || content[index] == 0x22)) {  // Tj TJ ' "
                    textShows += 1
                }
                lastName = nil
                index = max(end, index + 1)
            }
        }
        return (counts, textShows)
    }
}

/// The top-level objects of a PDF file (`N G obj … endobj`), found by a scan of its bytes.
struct PDFObjects {
    struct Object {
        var body: Range<Int>
        var dictionary: Range<Int>?
        var stream: Range<Int>?
    }

    /// The file, followed by the inflated object streams (whose objects' ranges point there).
    private(set) var bytes: [UInt8]
    private(set) var objects: [Int: Object] = [:]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var index = 0
        while let found = Self.find(bytes, Array("obj".utf8), from: index) {
            index = found + 3
            guard index == bytes.count || Self.isDelimiter(bytes[index]) || Self.isWhitespace(bytes[index]),
                found > 0, Self.isWhitespace(bytes[found - 1]), let number = Self.objectNumber(bytes, before: found - 1) else { continue }
            let end = Self.find(bytes, Array("endobj".utf8), from: index) ?? bytes.count
            var object = Object(body: index..<end)
            var cursor = index
            while cursor < end, Self.isWhitespace(bytes[cursor]) { cursor += 1 }
            if cursor + 1 < end, bytes[cursor] == 0x3C, bytes[cursor + 1] == 0x3C {
                let dictionaryEnd = Self.endOfDictionary(bytes, from: cursor, limit: end)
                object.dictionary = cursor..<dictionaryEnd
                cursor = dictionaryEnd
                while cursor < end, Self.isWhitespace(bytes[cursor]) { cursor += 1 }
                if Self.matches(bytes, Array("stream".utf8), at: cursor) {
                    cursor += 6
                    if cursor < end, bytes[cursor] == 0x0D { cursor += 1 }
                    if cursor < end, bytes[cursor] == 0x0A { cursor += 1 }
                    let streamEnd = Self.findLast(bytes, Array("endstream".utf8), in: cursor..<end) ?? end
                    object.stream = cursor..<max(cursor, streamEnd)
                }
            }
            objects[number] = object
            index = max(index, end)
        }
        readObjectStreams()
    }

    /// Adds the objects compressed into `/Type /ObjStm` streams (dictionaries only: streams never are).
    private mutating func readObjectStreams() {
        var budget = 0
        for object in objects.values.sorted(by: { $0.body.lowerBound < $1.body.lowerBound }) {
            guard let dictionary = object.dictionary, has(dictionary, key: "/Type", name: "/ObjStm"),
                let first = integer(after: "/First", in: dictionary), let count = integer(after: "/N", in: dictionary) else { continue }
            let data = streamData(object, budget: &budget)
            guard first <= data.count else { continue }
            let header = String(decoding: data[..<first], as: UTF8.self).split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
            var pairs: [(number: Int, offset: Int)] = []
            for pair in 0..<min(count, header.count / 2) where header[2 * pair + 1] >= 0 {
                pairs.append((header[2 * pair], first + header[2 * pair + 1]))
            }
            pairs.sort { $0.offset < $1.offset }
            let base = bytes.count
            bytes += data
            for (position, pair) in pairs.enumerated() {
                let start = base + pair.offset
                let end = position + 1 < pairs.count ? base + pairs[position + 1].offset : bytes.count
                guard start < end, end <= bytes.count, objects[pair.number] == nil else { continue }
                var cursor = start
                while cursor < end, Self.isWhitespace(bytes[cursor]) { cursor += 1 }
                var member = Object(body: start..<end)
                if cursor + 1 < end, bytes[cursor] == 0x3C, bytes[cursor + 1] == 0x3C {
                    member.dictionary = cursor..<Self.endOfDictionary(bytes, from: cursor, limit: end)
                }
                objects[pair.number] = member
            }
        }
    }

    /// The non-negative integer right after `key` in a dictionary.
    func integer(after key: String, in dictionary: Range<Int>) -> Int? {
        guard let found = Self.find(bytes, Array(key.utf8), from: dictionary.lowerBound, before: dictionary.upperBound) else { return nil }
        var cursor = found + key.utf8.count
        while cursor < dictionary.upperBound, Self.isWhitespace(bytes[cursor]) { cursor += 1 }
        let end = Self.endOfToken(bytes, from: cursor)
        return Int(String(decoding: bytes[cursor..<end], as: UTF8.self))
    }

    /// Whether the dictionary has `key` followed by the name `value` (not a longer name: `/Page` is not `/Pages`).
    func has(_ dictionary: Range<Int>, key: String, name value: String) -> Bool {
        let key = Array(key.utf8)
        let value = Array(value.utf8)
        var from = dictionary.lowerBound
        while let found = Self.find(bytes, key, from: from, before: dictionary.upperBound) {
            from = found + key.count
            var cursor = from
            while cursor < dictionary.upperBound, Self.isWhitespace(bytes[cursor]) { cursor += 1 }
            if Self.matches(bytes, value, at: cursor), Self.endOfToken(bytes, from: cursor + 1) == cursor + value.count { return true }
        }
        return false
    }

    /// The object numbers of `N G R` references right after `key` (one, or an array of them).
    func references(after key: String, in range: Range<Int>) -> [Int] {
        guard let found = Self.find(bytes, Array(key.utf8), from: range.lowerBound, before: range.upperBound) else { return [] }
        var cursor = found + key.utf8.count
        while cursor < range.upperBound, Self.isWhitespace(bytes[cursor]) { cursor += 1 }
        var end = range.upperBound
        if cursor < range.upperBound, bytes[cursor] == 0x5B {
            end = bytes[cursor..<range.upperBound].firstIndex(of: 0x5D) ?? range.upperBound
            return Self.referencesIn(bytes, cursor + 1..<end)
        }
        return Array(Self.referencesIn(bytes, cursor..<min(end, cursor + 40)).prefix(1))
    }

    /// The XObject names of a page or form: its `/XObject` dictionary, found inline or through references.
    func xobjectNames(of dictionary: Range<Int>) -> [String: Int] {
        if let names = namedReferences(after: "/XObject", in: dictionary) { return names }
        for reference in references(after: "/Resources", in: dictionary) {
            if let resources = objects[reference]?.dictionary, let names = namedReferences(after: "/XObject", in: resources) { return names }
        }
        return [:]
    }

    /// `/Name N G R` pairs of the dictionary following `key` (written inline or as a reference).
    private func namedReferences(after key: String, in range: Range<Int>) -> [String: Int]? {
        // The key may also appear as a value (`/Type /XObject`): the first occurrence followed by a dictionary counts.
        var from = range.lowerBound
        var found: Range<Int>?
        while found == nil, let at = Self.find(bytes, Array(key.utf8), from: from, before: range.upperBound) {
            from = at + key.utf8.count
            var cursor = from
            while cursor < range.upperBound, Self.isWhitespace(bytes[cursor]) { cursor += 1 }
            if cursor + 1 < range.upperBound, bytes[cursor] == 0x3C, bytes[cursor + 1] == 0x3C {
                found = cursor..<Self.endOfDictionary(bytes, from: cursor, limit: range.upperBound)
            } else if cursor < range.upperBound, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39,
                let reference = Self.referencesIn(bytes, cursor..<min(range.upperBound, cursor + 40)).first,
                let target = objects[reference]?.dictionary {
                found = target
            }
        }
        guard var dictionary = found else { return nil }
        dictionary = (dictionary.lowerBound + 2)..<max(dictionary.lowerBound + 2, dictionary.upperBound - 2)
        var names: [String: Int] = [:]
        var index = dictionary.lowerBound
        while index < dictionary.upperBound {
            guard bytes[index] == 0x2F else {
                index += 1
                continue
            }
            let end = Self.endOfToken(bytes, from: index + 1)
            let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
            if let reference = Self.referencesIn(bytes, end..<min(dictionary.upperBound, end + 40)).first { names[name] = reference }
            index = max(end, index + 1)
        }
        return names
    }

    /// A stream's data, inflated when its only filter is `/FlateDecode`; empty for other filters.
    func streamData(_ object: Object, budget: inout Int) -> [UInt8] {
        guard let stream = object.stream, let dictionary = object.dictionary, budget < FormFanOut.totalLimit else { return [] }
        let raw = bytes[stream]
        guard Self.find(bytes, Array("/Filter".utf8), from: dictionary.lowerBound, before: dictionary.upperBound) != nil else {
            budget += raw.count
            return Array(raw.prefix(FormFanOut.streamLimit))
        }
        let flate = Array("/FlateDecode".utf8)
        guard let found = Self.find(bytes, flate, from: dictionary.lowerBound, before: dictionary.upperBound),
            Self.find(bytes, flate, from: found + 1, before: dictionary.upperBound) == nil else { return [] }
        let output = Inflate.zlib(raw, limit: min(FormFanOut.streamLimit, FormFanOut.totalLimit - budget))
        budget += output.count
        return output
    }

    // MARK: Bytes

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0x00
    }

    static func isDelimiter(_ byte: UInt8) -> Bool {
        [0x28, 0x29, 0x3C, 0x3E, 0x5B, 0x5D, 0x7B, 0x7D, 0x2F, 0x25].contains(byte)
    }

    /// The end of the regular token starting at `start`.
    static func endOfToken(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count, !isWhitespace(bytes[index]), !isDelimiter(bytes[index]) { index += 1 }
        return index
    }

    /// The index after the `)` closing the literal string that opens at `start` (nesting and escapes kept).
    static func endOfString(_ bytes: [UInt8], from start: Int) -> Int {
        var depth = 0
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case 0x5C: index += 1
            case 0x28: depth += 1
            case 0x29:
                depth -= 1
                if depth == 0 { return index + 1 }
            default: break
            }
            index += 1
        }
        return bytes.count
    }

    /// The index after the `>>` closing the dictionary that opens at `start`, at most `limit`.
    static func endOfDictionary(_ bytes: [UInt8], from start: Int, limit: Int) -> Int {
        var depth = 0
        var index = start
        while index + 1 < limit {
            if bytes[index] == 0x28 {
                index = endOfString(bytes, from: index)
                continue
            }
            if bytes[index] == 0x3C, bytes[index + 1] == 0x3C {
                depth += 1
                index += 2
                continue
            }
            if bytes[index] == 0x3E, bytes[index + 1] == 0x3E {
                depth -= 1
                index += 2
                if depth == 0 { return index }
                continue
            }
            index += 1
        }
        return limit
    }

    /// The object numbers of the `N G R` references in a range.
    static func referencesIn(_ bytes: [UInt8], _ range: Range<Int>) -> [Int] {
        var numbers: [Int] = []
        var tokens: [Substring] = []
        let text = String(decoding: bytes[range], as: UTF8.self)
        for token in text.split(whereSeparator: { $0.isWhitespace || "/<>[]()".contains($0) }) {
            tokens.append(token)
            if token == "R", tokens.count >= 3, let number = Int(tokens[tokens.count - 3]), Int(tokens[tokens.count - 2]) != nil {
                numbers.append(number)
            }
        }
        return numbers
    }

    /// The object number in `N G obj`, reading back from the space before `obj`.
    private static func objectNumber(_ bytes: [UInt8], before end: Int) -> Int? {
        var index = end
        while index >= 0, isWhitespace(bytes[index]) { index -= 1 }
        let generationEnd = index
        while index >= 0, bytes[index] >= 0x30, bytes[index] <= 0x39 { index -= 1 }
        guard index < generationEnd, index >= 0, isWhitespace(bytes[index]) else { return nil }
        while index >= 0, isWhitespace(bytes[index]) { index -= 1 }
        let numberEnd = index
        while index >= 0, bytes[index] >= 0x30, bytes[index] <= 0x39 { index -= 1 }
        guard index < numberEnd, numberEnd - index <= 10 else { return nil }
        return Int(String(decoding: bytes[(index + 1)...numberEnd], as: UTF8.self))
    }

    static func matches(_ bytes: [UInt8], _ word: [UInt8], at index: Int) -> Bool {
        guard index >= 0, index + word.count <= bytes.count else { return false }
        for offset in word.indices where bytes[index + offset] != word[offset] { return false }
        return true
    }

    static func find(_ bytes: [UInt8], _ word: [UInt8], from start: Int, before end: Int? = nil) -> Int? {
        let end = min(end ?? bytes.count, bytes.count)
        var index = max(0, start)
        guard let first = word.first else { return nil }
        while index + word.count <= end {
            if bytes[index] == first, matches(bytes, word, at: index) { return index }
            index += 1
        }
        return nil
    }

    static func findLast(_ bytes: [UInt8], _ word: [UInt8], in range: Range<Int>) -> Int? {
        var index = range.upperBound - word.count
        while index >= range.lowerBound {
            if matches(bytes, word, at: index) { return index }
            index -= 1
        }
        return nil
    }
}
