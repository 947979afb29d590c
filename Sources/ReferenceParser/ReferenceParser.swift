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

    /// The fitted confidences of the DOI and arXiv checks, for the identifiers the builder finds by pattern.
    let identifierChecks: [String: Double]

    /// A parser using `model`.
    public init(model: SequenceModel) {
        self.model = model
        knownLabels = Set(model.labels)
        var checks: [String: Double] = [:]
        for name in [ReferenceParser.doiCheck, ReferenceParser.arxivCheck] {
            if let rule = model.calibration.rules[name] { checks[name] = rule.confidence }
        }
        identifierChecks = checks
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

    /// Starts decoding `standard` on another thread, once per process; whoever asks for `standard` before it is done
    /// waits for it (the initialisation of a static runs once).
    public static func loadStandardInBackground() { _ = backgroundLoad }

    private static let backgroundLoad: Void = {
        DispatchQueue.global(qos: .userInitiated).async { _ = ReferenceParser.standard }
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

    /// The tokens of `reference`, the label of each and the confidence (0–1) of each label: the calibrated model
    /// confidence, or for a token a rule relabelled (or an identifier its check confirmed) that rule's fitted
    /// confidence (`ConfidenceCalibration.apply(_:source:)`).
    public func label(_ reference: String) -> (tokens: [ReferenceToken], labels: [String], confidence: [Double]) {
        let traced = labelTraced(reference)
        return (traced.tokens, traced.labels, calibrated(traced))
    }

    /// The calibrated confidences of what `labelTraced` returned (what `label` returns).
    public func calibrated(_ traced: (tokens: [ReferenceToken], labels: [String], confidence: [Double], sources: [String?])) -> [Double] {
        let calibration = model.calibration
        guard !calibration.isIdentity, traced.sources.count == traced.confidence.count else { return traced.confidence }
        var confidence = traced.confidence
        for index in confidence.indices { confidence[index] = calibration.apply(confidence[index], source: traced.sources[index]) }
        return confidence
    }

    /// `label` before calibration: the model's raw confidence of each token, and the source of each label (the
    /// name of the rule that set it, or of the identifier check that confirmed it; nil for the model's own label).
    /// The calibration is fitted on this (`train-references --calibration`).
    public func labelTraced(_ reference: String) -> (tokens: [ReferenceToken], labels: [String], confidence: [Double], sources: [String?]) {
        let tokens = ReferenceTokenizer.tokenize(reference)
        guard !tokens.isEmpty else { return ([], [], [], []) }
        let features = FeatureExtractor.features(of: tokens)
        let scores = model.emissions(features)
        let (path, confidence) = model.decodeWithMargins(scores, gaps: features.gaps, length: tokens.count)
        var labels = path.map { model.labels[$0] }
        let sources = ReferenceParser.applyRules(tokens, labels: &labels, confidence: confidence, known: knownLabels)
        return (tokens, labels, confidence, sources)
    }

    /// A post-model rule: a name (the key of its fitted confidence in `ConfidenceCalibration.rules`) and what it does
    /// to the labels. Rules see the model's raw confidences (some act only where the model doubts).
    struct LabelRule: Sendable {
        let name: String
        /// Whether the source of a token it changes is the name and the new label ("pattern:doi"): one rule that
        /// sets several labels whose shares of right fields differ.
        var keyedByLabel = false
        /// Whether a token it changes takes its name as source. A rule that only moves separators (tokens without a
        /// letter or digit) to the field before them decides nothing about that field: its tokens keep their source.
        var traced = true
        let apply: @Sendable (_ tokens: [ReferenceToken], _ labels: inout [String], _ confidence: [Double], _ known: Set<String>) -> Void
    }

    /// The rules, in the order they run after decoding (each sees what the ones before it did).
    static let rules: [LabelRule] = [
        LabelRule(name: "pattern", keyedByLabel: true) { tokens, labels, _, known in PatternOverrides.apply(tokens, labels: &labels, known: known) },
        LabelRule(name: "author-guards") { tokens, labels, _, known in AuthorGuards.apply(tokens, labels: &labels, known: known) },
        LabelRule(name: "dangling-author") { tokens, labels, _, known in DanglingAuthor.apply(tokens, labels: &labels, known: known) },
        LabelRule(name: "initials-first-authors") { tokens, labels, _, known in InitialsFirstAuthors.apply(tokens, labels: &labels, known: known) },
        LabelRule(name: "title-from-note") { tokens, labels, _, known in TitleFromNote.apply(tokens, labels: &labels, known: known) },
        LabelRule(name: "quoted-title") { tokens, labels, _, known in QuotedTitle.apply(tokens, labels: &labels, known: known) },
        LabelRule(name: "inner-quote") { tokens, labels, _, _ in QuotedTitle.extendPastInnerQuote(tokens, labels: &labels) },
        LabelRule(name: "bracket-in-title") { tokens, labels, _, known in BracketInTitle.apply(tokens, labels: &labels, known: known) },
        LabelRule(name: "uncertain-venue") { tokens, labels, confidence, known in
            UncertainVenue.apply(tokens, labels: &labels, confidence: confidence, known: known)
        },
        LabelRule(name: "abbreviated-venue") { tokens, labels, _, known in AbbreviatedVenue.apply(tokens, labels: &labels, known: known) },
        LabelRule(name: "sentence-case-venue") { tokens, labels, _, known in SentenceCaseVenue.apply(tokens, labels: &labels, known: known) },
        LabelRule(name: "parenthesized-publisher") { tokens, labels, _, known in
            ParenthesizedPublisher.apply(tokens, labels: &labels, known: known)
        },
        LabelRule(name: "untitled-chapter") { tokens, labels, _, known in UntitledChapter.apply(tokens, labels: &labels, known: known) },
        LabelRule(name: "translators") { tokens, labels, _, known in Translators.apply(tokens, labels: &labels, known: known) },
        LabelRule(name: "italian-editors") { tokens, labels, _, known in EditedVolume.editedBy(tokens, labels: &labels, known: known) },
        LabelRule(name: "edited-volume") { tokens, labels, _, known in EditedVolume.apply(tokens, labels: &labels, known: known) },
        LabelRule(name: "isbd-separators") { tokens, labels, _, known in ISBDSeparators.apply(tokens, labels: &labels, known: known) },
        LabelRule(name: "collaboration-note") { tokens, labels, _, known in Collaborations.apply(tokens, labels: &labels, known: known) },
        LabelRule(name: "arxiv-note") { tokens, labels, _, known in IdentifierAndNumberRules.arxivAsNote(tokens, labels: &labels, known: known) },
        LabelRule(name: "initials-before-colon") { tokens, labels, _, known in
            IdentifierAndNumberRules.initialsBeforeColon(tokens, labels: &labels, known: known)
        },
        LabelRule(name: "number-as-pages") { tokens, labels, _, known in
            IdentifierAndNumberRules.loneNumberAsPages(tokens, labels: &labels, known: known)
        },
        LabelRule(name: "year-ending-venue") { tokens, labels, _, known in
            IdentifierAndNumberRules.yearEndingVenue(tokens, labels: &labels, known: known)
        },
        LabelRule(name: "lone-punctuation", traced: false) { tokens, labels, _, _ in LonePunctuation.apply(tokens, labels: &labels) },
    ]

    /// The source of a token labelled `doi` whose DOI passes the pattern check (with the run it is in).
    public static let doiCheck = "check:doi"
    /// The source of an arXiv identifier labelled `note` that passes the arXiv pattern (and its subject class).
    public static let arxivCheck = "check:arxiv"
    /// The source of a volume or pages field that opens with its own marker ("Т. 450", "Vol. 12", "pp. 3–9", "№ 2").
    public static let markerCheck = "check:marker"
    /// The source of a date field that is one year alone ("1983.", "(2006)", "1998a,"), which the model labelled.
    public static let yearCheck = "check:year"

    /// Every source name a label can have: the rules' (with the labels a keyed rule sets) and the checks'.
    public static func sourceNames(labels: [String]) -> [String] {
        var names: [String] = []
        for rule in rules where rule.traced {
            if rule.keyedByLabel { names += labels.map { rule.name + ":" + $0 } } else { names.append(rule.name) }
        }
        return names + [doiCheck, arxivCheck, markerCheck, yearCheck]
    }

    /// Runs `rules` on the decoded labels; returns for each token the source of its final label: the rule that
    /// last changed it (nil when it ends as the model labelled it), then the identifier checks, which vouch for a
    /// DOI or arXiv id whoever labelled it (the pattern, not the model's margin, is what makes it right).
    static func applyRules(_ tokens: [ReferenceToken], labels: inout [String], confidence: [Double], known: Set<String>) -> [String?] {
        let decoded = labels
        var sources = [String?](repeating: nil, count: labels.count)
        for rule in rules {
            let before = labels
            rule.apply(tokens, &labels, confidence, known)
            guard labels.count == before.count else { continue }
            // A rule that wrote nothing left the labels in the storage they share with `before`: nothing to compare.
            let untouched = labels.withUnsafeBufferPointer { after in before.withUnsafeBufferPointer { after.baseAddress == $0.baseAddress } }
            if untouched { continue }
            for index in labels.indices where !rule.traced && labels[index] != before[index] {
                // A separator moved to another field leaves the source of the field it left.
                sources[index] = nil
            }
            for index in labels.indices where rule.traced && labels[index] != before[index] {
                sources[index] = labels[index] == decoded[index] ? nil : (rule.keyedByLabel ? rule.name + ":" + labels[index] : rule.name)
            }
        }
        guard labels.count == tokens.count else { return sources }
        markChecked(tokens, labels: labels, sources: &sources)
        spreadOverFields(labels: labels, sources: &sources)
        return sources
    }

    /// A field (a run of one label) a rule touched is that rule's: its other tokens, which the model labelled
    /// alike, take the rule's source too. The rule decided where the field starts or ends, and the model's margins
    /// on the rest are as low as on the tokens it overrode (it hesitated between the same two labels), so the
    /// field's lowest token, its confidence, would be the model's doubt again. The fit counts whole fields per rule
    /// (`CalibrationFitting`), so this is the confidence it measured.
    static func spreadOverFields(labels: [String], sources: inout [String?]) {
        var start = 0
        while start < labels.count {
            var end = start + 1
            while end < labels.count, labels[end] == labels[start] { end += 1 }
            if let source = sources[start..<end].first(where: { $0 != nil }) ?? nil {
                for index in start..<end where sources[index] == nil { sources[index] = source }
            }
            start = end
        }
    }

    /// The checks: a run labelled `doi` holding a token that passes the DOI pattern, a token labelled `note` that is
    /// an "arXiv:" id passing the arXiv pattern (with its bracketed subject class after it), a run labelled
    /// `volume` or `pages` that opens with a marker of its kind and holds a number (one no rule set), and the one
    /// `date` when it is a year alone (GOST's "// Journal. 1983. Т. 20": a year right after an unseen journal, margin 0.5). Their fitted
    /// shares, not the model's margins, are their confidence: a family never seen in training ("Т. 450") leaves the
    /// model unsure of fields its markers vouch for.
    static func markChecked(_ tokens: [ReferenceToken], labels: [String], sources: inout [String?]) {
        // A year is vouched for only as the reference's one date: of two ("DUBY, 1967. … In : Miscellanea. 1967."),
        // one is not the date field.
        var dateRuns = 0
        for position in labels.indices where labels[position] == "date" && (position == 0 || labels[position - 1] != "date") { dateRuns += 1 }
        var index = 0
        while index < labels.count {
            var end = index + 1
            while end < labels.count, labels[end] == labels[index] { end += 1 }
            if labels[index] == "doi", (index..<end).contains(where: { Identifiers.doi(in: tokens[$0].text) != nil }) {
                for covered in index..<end { sources[covered] = doiCheck }
            } else if end - index >= 2, opensWithItsMarker(tokens[index].text, label: labels[index]),
                      (index + 1..<end).contains(where: { tokens[$0].text.utf8.contains(where: { $0 >= 48 && $0 <= 57 }) }),
                      sources[index..<end].allSatisfy({ $0 == nil }) {
                for covered in index..<end { sources[covered] = markerCheck }
            } else if labels[index] == "date", dateRuns == 1, end - index == 1, sources[index] == nil, isPlainYear(tokens[index].text) {
                sources[index] = yearCheck
            }
            index = end
        }
        for index in tokens.indices where labels[index] == "note" && IdentifierAndNumberRules.isArxivID(tokens[index].text) {
            sources[index] = arxivCheck
            if index + 1 < tokens.count, labels[index + 1] == "note", IdentifierAndNumberRules.isArxivCategory(tokens[index + 1].text) {
                sources[index + 1] = arxivCheck
            }
        }
    }

    /// Whether `text` is a year and nothing else but brackets and punctuation: four digits from 1500 to 2099, a
    /// letter after them at most ("1998a").
    static func isPlainYear(_ text: String) -> Bool {
        let core = text.utf8.drop(while: { !ReferenceTokenizer.isAlphanumeric($0) }).reversed().drop(while: { !ReferenceTokenizer.isAlphanumeric($0) }).reversed()
        var digits = Array(core)
        if let last = digits.last, last >= UInt8(ascii: "a"), last <= UInt8(ascii: "z") { digits.removeLast() }
        guard digits.count == 4, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
        let year = digits.reduce(0) { $0 * 10 + Int($1 - 48) }
        return year >= 1500 && year <= 2099
    }

    /// Whether `text` is a marker of the field `label` names: a volume or issue marker for `volume` ("Vol.", "Т.",
    /// "Bd.", "№", "No."), a pages marker for `pages` ("pp.", "С.", "S.").
    static func opensWithItsMarker(_ text: String, label: String) -> Bool {
        guard label == "volume" || label == "pages" else { return false }
        var word = text.lowercasedFast()
        while let last = word.last, ".,:;".contains(last) { word.removeLast() }
        guard let category = Lexicon.keywords[word] else { return false }
        return label == "pages" ? category == "pages" : category == "volume" || category == "number"
    }

    /// The publication described by `reference`.
    public func parse(_ reference: String) -> Publication {
        let (tokens, labels, confidence) = label(reference)
        return PublicationBuilder.build(raw: reference, tokens: tokens, labels: labels, confidence: confidence, checks: identifierChecks)
    }
}
