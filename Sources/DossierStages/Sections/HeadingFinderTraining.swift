import DossierText
import DossierModel
import Foundation
import ReferenceParser

/// Training material for the heading finder: a document's top-level blocks, their features, and their labels from the
/// label file's headings as written (a block is a heading when its first line, or its lines run together, is one).
package enum HeadingFinderTraining {
    /// One document's blocks with gold labels, and the headings the rules find.
    package struct Example {
        package var features: [[UInt32]]
        package var labels: [String]
        /// Which blocks are paragraphs (the only blocks the model decides).
        package var paragraphs: [Bool]
        /// The blocks the rules take as headings.
        package var ruleHeadings: Set<Int>
        /// Labelled headings found among the blocks, against those labelled.
        package var found: Int
        package var labelled: Int
    }

    package static let labels = HeadingFinder.labels
    package static let featureVersion = HeadingFinder.featureVersion

    /// The example of `document` (read, before the stages) whose headings as written are `headings`.
    package static func example(_ document: Document, headings: [String], knownKinds: Bool) -> Example {
        let wanted = Set(headings.map(SectionHeadings.normalize))
        var labels: [String] = []
        var found = Set<String>()
        for block in document.blocks {
            let text = block.text.trimmingFast(in: .whitespacesAndNewlines)
            let firstLine = text.split(separator: "\n").first.map(String.init) ?? text
            let candidates = [firstLine, text.split(separator: "\n").joined(separator: " ")].map { SectionHeadings.normalize(SectionsStage.cleanTitle($0)) }
            if let match = candidates.first(where: { !$0.isEmpty && wanted.contains($0) }), block.type == .heading || block.type == .paragraph {
                labels.append("heading")
                found.insert(match)
            } else {
                labels.append("other")
            }
        }
        let rules = Set(SectionsStage.headings(in: document.blocks).map(\.index))
        return Example(features: HeadingFinder.features(of: document.blocks, knownKinds: knownKinds), labels: labels,
                       paragraphs: document.blocks.map { $0.type == .paragraph }, ruleHeadings: rules,
                       found: found.count, labelled: wanted.count)
    }

    /// The paragraphs a model calls headings in an example's blocks, at `threshold` (the finder's own by default).
    package static func modelHeadings(_ example: Example, model: SequenceModel, threshold: Double = HeadingFinder.threshold) -> Set<Int> {
        let (ids, confidence) = GeneralSequences.label(GeneralSequences.sequence(example.features), with: model)
        return Set(ids.indices.filter { model.labels[ids[$0]] == "heading" && confidence[$0] >= threshold && example.paragraphs[$0] })
    }

    /// The threshold the finder ships with, for reports.
    package static let threshold = HeadingFinder.threshold
}
