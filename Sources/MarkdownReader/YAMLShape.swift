import CYaml

/// The shape of a YAML text, measured from libyaml's events before anything is composed: how deep it nests
/// and how many values it stands for once every alias is expanded. libyaml parses with explicit stacks, so
/// this is safe on any input; Yams's composer, which recurses, only ever sees text that passed.
///
/// (`CYaml` is the libyaml that Yams builds and links; it is the same parser Yams then runs.)
enum YAMLShape {
    /// Throws a `FrontMatter.Refusal` when the text nests deeper than `FrontMatter.maximumDepth` or expands to
    /// more than `FrontMatter.maximumValues` values; returns quietly for text libyaml cannot parse (Yams then
    /// says what is wrong with it).
    static func check(_ bytes: [UInt8]) throws {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        try bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            yaml_parser_set_input_string(&parser, base, buffer.count)
            var measure = Measure()
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return
                case YAML_SEQUENCE_START_EVENT:
                    try measure.open(anchor: name(event.data.sequence_start.anchor))
                case YAML_MAPPING_START_EVENT:
                    try measure.open(anchor: name(event.data.mapping_start.anchor))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    try measure.close()
                case YAML_SCALAR_EVENT:
                    try measure.leaf(anchor: name(event.data.scalar.anchor))
                case YAML_ALIAS_EVENT:
                    try measure.alias(name(event.data.alias.anchor))
                default:
                    break
                }
            }
        }
    }

    private static func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        anchor.map { String(cString: $0) }
    }

    /// Running totals over the event stream.
    private struct Measure {
        /// One open collection: its anchor, the values inside it so far, and how deep it goes below itself.
        struct Frame {
            var anchor: String?
            var values = 1
            var height = 1
        }

        var open: [Frame] = []
        /// Anchor → (values, height) of the node it names.
        var anchors: [String: (values: Int, height: Int)] = [:]
        var total = 0

        mutating func open(anchor: String?) throws {
            open.append(Frame(anchor: anchor))
            if open.count > FrontMatter.maximumDepth { throw tooDeep }
            try count(1)
        }

        mutating func close() throws {
            guard let frame = open.popLast() else { return }
            if let anchor = frame.anchor { anchors[anchor] = (frame.values, frame.height) }
            try add(values: frame.values, height: frame.height, countedAlready: true)
        }

        mutating func leaf(anchor: String?) throws {
            if let anchor { anchors[anchor] = (1, 0) }
            try add(values: 1, height: 0, countedAlready: false)
        }

        mutating func alias(_ anchor: String?) throws {
            let node = anchor.flatMap { anchors[$0] } ?? (1, 0)
            if open.count + node.height > FrontMatter.maximumDepth { throw tooDeep }
            try add(values: node.values, height: node.height, countedAlready: false)
        }

        /// Adds a finished node to its parent (or to the document); a closed collection's values were counted
        /// into `total` as they came, its aliases included.
        private mutating func add(values: Int, height: Int, countedAlready: Bool) throws {
            if !countedAlready { try count(values) }
            guard !open.isEmpty else { return }
            open[open.count - 1].values += values
            open[open.count - 1].height = max(open[open.count - 1].height, height + 1)
        }

        private mutating func count(_ values: Int) throws {
            total += values
            if total > FrontMatter.maximumValues {
                throw FrontMatter.Refusal(reason: "it expands to more than \(FrontMatter.maximumValues) values (YAML aliases used as a bomb?)")
            }
        }

        private var tooDeep: FrontMatter.Refusal {
            FrontMatter.Refusal(reason: "it nests deeper than \(FrontMatter.maximumDepth) levels")
        }
    }
}
