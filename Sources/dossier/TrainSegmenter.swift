import ArgumentParser
import Dossier
import Foundation

/// `dossier train-segmenter`: trains the publication-list segmenter (a CRF over the lines of publication
/// sections) on generated CVs whose labels give each publication's text, and scores it on the documents their
/// `splits.json` holds out (layouts and styles never trained on).
struct TrainSegmenter: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-segmenter",
        abstract: "Train the publication-list segmenter on generated CVs (Benchmarks/cvgen) and score it on held-out layouts and styles.",
        discussion: """
            Each directory holds documents with NAME.json labels whose publications carry `raw`, the text as \
            generated (Benchmarks/cvgen writes it). Every document is read and run through the stages before \
            split-references; the lines of its publication sections are aligned with the texts to label each \
            `start`, `in` or `other`; documents whose alignment does not find every publication are left out. \
            Documents listed under "test" in a directory's splits.json are held out of training and scored. \
            Deterministic: the same documents give the same model bytes. With --out ending in .swift the model \
            is written as Swift source to compile in.
            """)

    @Argument(help: "Directories of generated, labelled documents.")
    var directories: [String]

    @Option(name: .customLong("real"), help: ArgumentHelp("Directories of real, labelled CVs whose labels give titles but not texts (the corpus's cv-labelled); their lines are labelled from the titles.", valueName: "directory"))
    var realDirectories: [String] = []

    @Option(help: "How much each real CV counts against one generated CV (there are far fewer of them).")
    var realWeight: Double = 10

    @Option(help: "Where to write the model (binary), or a .swift file to compile in; nothing is written without it.")
    var out: String?

    @Option(help: "CRF: L-BFGS iterations at most.")
    var iterations: Int = 150

    @Option(help: "CRF: strength of the L2 penalty.")
    var l2: Double = 1.0

    @Flag(help: "Train on every document, held-out ones included (for the model that ships, after scoring).")
    var all = false

    @Flag(help: "Name each document left out, with the publications its alignment found.")
    var verbose = false

    @Flag(help: "Train the heading finder (every top-level block: heading or not) instead, on the labels' headings as written.")
    var headings = false

    func run() throws {
        if headings { return try runHeadings() }
        let registry = Registry.standard
        let pipeline = try StageSelection("normalize,sections,contact,entries,referees").pipeline(registry: registry, filters: [])
        let converter = Converter(registry: registry, pipeline: pipeline)
        var training: [LabelledSequence] = []
        var held: [(name: String, example: PublicationSegmenterTraining.Example)] = []
        var unaligned = 0, unlabelled = 0
        for directory in directories {
            let heldOut = Self.heldOutNames(directory)
            for file in Eval.labelFiles(directory) {
                let documentPath = String(file.dropLast(".json".count))
                let name = (documentPath as NSString).lastPathComponent
                guard let labels = try? JSONDecoder().decode(DocumentLabels.self, from: Data(contentsOf: URL(fileURLWithPath: file))),
                      let publications = labels.publications, !publications.isEmpty else { continue }
                let raws = publications.compactMap(\.raw)
                guard raws.count == publications.count else { unlabelled += 1; continue }
                let document: Document
                do {
                    document = try converter.convert(Data(contentsOf: URL(fileURLWithPath: documentPath)), path: documentPath, format: nil)
                } catch {
                    StandardStreams.error("\(documentPath): \(error)")
                    continue
                }
                let example = PublicationSegmenterTraining.example(document, raws: raws)
                guard example.starts == example.publications else {
                    if verbose { StandardStreams.error("\(documentPath): aligned \(example.starts) of \(example.publications) publications over \(example.lines.count) lines") }
                    unaligned += 1
                    continue
                }
                if heldOut.contains(name) && !all {
                    held.append((name, example))
                } else {
                    training.append(LabelledSequence(features: GeneralSequences.sequence(example.features), labels: example.labels))
                }
            }
        }
        var realUsed = 0, realLeftOut = 0
        for directory in realDirectories {
            for file in Eval.labelFiles(directory) {
                let documentPath = String(file.dropLast(".json".count))
                guard let labels = try? JSONDecoder().decode(DocumentLabels.self, from: Data(contentsOf: URL(fileURLWithPath: file))),
                      let publications = labels.publications, !publications.isEmpty,
                      labels.partialPublications == nil, (labels.publicationsTotal ?? publications.count) == publications.count,
                      let document = try? converter.convert(Data(contentsOf: URL(fileURLWithPath: documentPath)), path: documentPath, format: nil)
                else { continue }
                var why = ""
                guard let example = PublicationSegmenterTraining.example(document, titles: publications.map(\.title), why: &why) else {
                    if verbose { StandardStreams.error("\(documentPath): left out: \(why)") }
                    realLeftOut += 1
                    continue
                }
                training.append(LabelledSequence(features: GeneralSequences.sequence(example.features), labels: example.labels, weight: realWeight))
                realUsed += 1
            }
        }
        if !realDirectories.isEmpty {
            StandardStreams.error("train-segmenter: \(realUsed) real CVs labelled from their titles (weight \(realWeight)), \(realLeftOut) left out")
        }
        StandardStreams.error("train-segmenter: \(training.count) documents to train on, \(held.count) held out; left out: \(unaligned) not aligned, \(unlabelled) without publication texts")
        guard !training.isEmpty else { throw ValidationError("no aligned, labelled documents to train on") }
        let model = train(training, labels: PublicationSegmenterTraining.labels)
        if !held.isEmpty { print(Self.score(held, model: model), terminator: "") }
        if verbose {
            // Where the model departs from the reader's blocks on held-out documents, and whether the truth agrees.
            for (name, example) in held {
                let predicted = GeneralSequences.label(GeneralSequences.sequence(example.features), with: model)
                for (index, line) in example.lines.enumerated() where index > 0 {
                    let label = model.labels[predicted.labels[index]]
                    let cut = label != "in" && !example.opensBlock[index], join = label == "in" && example.opensBlock[index]
                    guard cut || join else { continue }
                    let verdict = (label == "in") == (example.labels[index] == "in") ? "right" : "wrong"
                    StandardStreams.error("\(name): \(cut ? "cut" : "join") (\(verdict), \(String(format: "%.2f", predicted.confidence[index]))) \(example.lines[index - 1].suffix(40)) | \(line.prefix(60))")
                }
            }
        }
        guard let out else { return }
        try write(GeneralSequences.encode(model, featureVersion: PublicationSegmenterTraining.featureVersion), to: out,
                  as: "PublicationSegmenterModel", what: "publication-list segmenter", flag: "")
    }

    /// A CRF trained on `sequences` with this command's iterations and L2 strength, its progress on stderr.
    func train(_ sequences: [LabelledSequence], labels: [String]) -> SequenceModel {
        var trainer = CRFTrainer()
        trainer.iterations = iterations
        trainer.l2 = l2
        return trainer.train(sequences: sequences, labelOrder: labels) { StandardStreams.error("train-segmenter: \($0)") }
    }

    /// Writes a trained model to `out`: Swift source declaring `name`, headed by the command that trained it, when
    /// `out` ends in .swift (to compile in), else the raw bytes.
    func write(_ bytes: [UInt8], to out: String, as name: String, what: String, flag: String) throws {
        if out.hasSuffix(".swift") {
            let command = "dossier train-segmenter" + flag + " " + directories.joined(separator: " ") + (all ? " --all" : "")
                + realDirectories.map { " --real \($0)" }.joined() + (realDirectories.isEmpty ? "" : " --real-weight \(realWeight)")
                + " --iterations \(iterations) --l2 \(l2)"
            let source = """
                // Generated by `\(command)`; do not edit.
                /// The trained \(what), compiled into the binary as base64 text (empty: no model).
                enum \(name) {
                    static let base64 = "\(GeneralSequences.base64(bytes))"
                }

                """
            try Data(source.utf8).write(to: URL(fileURLWithPath: out))
        } else {
            try Data(bytes).write(to: URL(fileURLWithPath: out))
        }
        StandardStreams.error("train-segmenter\(flag): wrote \(bytes.count) bytes to \(out)")
    }

    /// `--headings`: the heading finder, trained on every labelled document whose headings are all labelled (the
    /// known-kind features left out of every other one), scored on the held-out ones against the rules alone.
    func runHeadings() throws {
        let reader = Converter(registry: Registry.standard, pipeline: try StageSelection("normalize").pipeline(registry: Registry.standard, filters: []))
        var training: [LabelledSequence] = []
        var held: [HeadingFinderTraining.Example] = []
        var count = 0
        for (directory, real) in directories.map({ ($0, false) }) + realDirectories.map({ ($0, true) }) {
            let heldOut = Self.heldOutNames(directory)
            for file in Eval.labelFiles(directory) {
                let documentPath = String(file.dropLast(".json".count))
                let name = (documentPath as NSString).lastPathComponent
                guard let labels = try? JSONDecoder().decode(DocumentLabels.self, from: Data(contentsOf: URL(fileURLWithPath: file))),
                      let sections = labels.sections, !sections.isEmpty, labels.sectionsComplete != false,
                      let document = try? reader.convert(Data(contentsOf: URL(fileURLWithPath: documentPath)), path: documentPath, format: nil)
                else { continue }
                count += 1
                let isHeld = heldOut.contains(name) && !all
                let example = HeadingFinderTraining.example(document, headings: Array(sections.keys), knownKinds: isHeld || count % 2 == 0)
                if isHeld {
                    held.append(example)
                } else {
                    training.append(LabelledSequence(features: GeneralSequences.sequence(example.features), labels: example.labels, weight: real ? realWeight : 1))
                }
            }
        }
        StandardStreams.error("train-segmenter --headings: \(training.count) documents to train on, \(held.count) held out")
        guard !training.isEmpty else { throw ValidationError("no labelled documents to train on") }
        let model = train(training, labels: HeadingFinderTraining.labels)
        if !held.isEmpty {
            // The rules alone, then the rules with the model's paragraphs at several thresholds (the shipped one marked).
            let gold = held.map { example in Set(example.labels.indices.filter { example.labels[$0] == "heading" }) }
            let truth = gold.map(\.count).reduce(0, +)
            var table = "| held-out documents (\(held.count)), \(truth) labelled heading blocks | precision | recall | paragraphs the model adds (right) |\n|---|---|---|---|\n"
            func row(_ name: String, _ found: [Set<Int>]) {
                let right = zip(found, gold).map { $0.intersection($1).count }.reduce(0, +)
                let count = found.map(\.count).reduce(0, +)
                let added = zip(found, held).map { $0.subtracting($1.ruleHeadings) }
                let addedRight = zip(added, gold).map { $0.intersection($1).count }.reduce(0, +)
                table += "| \(name) | \(String(format: "%.3f", Double(right) / Double(max(1, count)))) | \(String(format: "%.3f", Double(right) / Double(max(1, truth)))) | \(added.map(\.count).reduce(0, +)) (\(addedRight)) |\n"
            }
            row("rules", held.map(\.ruleHeadings))
            for threshold in [0.5, 0.7, 0.8, HeadingFinderTraining.threshold, 0.95] {
                let mark = threshold == HeadingFinderTraining.threshold ? " (shipped)" : ""
                row("rules or model ≥ \(threshold)\(mark)", held.map { $0.ruleHeadings.union(HeadingFinderTraining.modelHeadings($0, model: model, threshold: threshold)) })
            }
            print(table, terminator: "")
        }
        guard let out else { return }
        try write(GeneralSequences.encode(model, featureVersion: HeadingFinderTraining.featureVersion), to: out,
                  as: "HeadingFinderModel", what: "heading finder", flag: " --headings")
    }

    /// The documents a directory's splits.json holds out ("test").
    static func heldOutNames(_ directory: String) -> Set<String> {
        let path = (directory as NSString).appendingPathComponent("splits.json")
        guard let data = FileManager.default.contents(atPath: path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let test = object["test"] as? [String] else { return [] }
        return Set(test)
    }

    /// Line labels and publication starts on the held-out documents, for the model and for the reader's own
    /// blocks (a publication at every paragraph or item), overall and per format.
    static func score(_ held: [(name: String, example: PublicationSegmenterTraining.Example)], model: SequenceModel) -> String {
        struct Tally { var lines = 0, right = 0, truePositive = 0, predicted = 0, gold = 0, documents = 0, whole = 0 }
        var tallies: [String: (model: Tally, blocks: Tally)] = [:]
        for (name, example) in held {
            let format = (name as NSString).pathExtension
            let sequence = GeneralSequences.sequence(example.features)
            let predicted = GeneralSequences.label(sequence, with: model).labels.map { model.labels[$0] }
            let blocks = PublicationSegmenterTraining.blockStarts(example)
            for key in ["all", format] {
                var entry = tallies[key] ?? (Tally(), Tally())
                func count(_ tally: inout Tally, _ labels: [String]) {
                    tally.documents += 1
                    tally.lines += labels.count
                    tally.right += zip(labels, example.labels).filter { $0 == $1 }.count
                    tally.predicted += labels.filter { $0 == "start" }.count
                    tally.gold += example.labels.filter { $0 == "start" }.count
                    tally.truePositive += zip(labels, example.labels).filter { $0 == "start" && $1 == "start" }.count
                    if zip(labels, example.labels).allSatisfy({ ($0 == "start") == ($1 == "start") }) { tally.whole += 1 }
                }
                count(&entry.model, predicted)
                count(&entry.blocks, blocks)
                tallies[key] = entry
            }
        }
        func row(_ name: String, _ tally: Tally) -> String {
            let precision = Double(tally.truePositive) / Double(max(1, tally.predicted))
            let recall = Double(tally.truePositive) / Double(max(1, tally.gold))
            let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
            return "| \(name) | \(tally.documents) | \(String(format: "%.1f %%", 100 * Double(tally.right) / Double(max(1, tally.lines)))) | "
                + "\(String(format: "%.3f / %.3f / %.3f", precision, recall, f1)) | \(tally.whole) (\(String(format: "%.1f %%", 100 * Double(tally.whole) / Double(max(1, tally.documents))))) |\n"
        }
        var text = "| held-out documents | n | lines labelled right | starts P / R / F1 | documents with every start right |\n|---|---|---|---|---|\n"
        for key in tallies.keys.sorted(by: { ($0 == "all" ? "" : $0) < ($1 == "all" ? "" : $1) }) {
            guard let entry = tallies[key] else { continue }
            text += row("\(key): segmenter", entry.model)
            text += row("\(key): reader's blocks", entry.blocks)
        }
        return text
    }
}
