import DossierText
import DossierModel
import DossierPipeline
import Foundation

/// Equal-contribution and corresponding-author marks after author names in a raw reference.
enum AuthorMarks {
    static func find(in raw: String, authors: [CSLName]) -> (equal: [Int], corresponding: [Int]) {
        var marked: [Character: [Int]] = [:]
        for (offset, author) in authors.enumerated() {
            guard let family = author.family, let range = raw.range(of: family) else { continue }
            // Look at the few characters after the name (given initials may follow in "Xu K*").
            let tail = raw[range.upperBound...].prefix(12)
            let stop = tail.firstIndex { $0 == "," || $0 == ";" || $0 == "(" } ?? tail.endIndex
            for mark in tail[..<stop] where "*†‡#✉".contains(mark) { marked[mark, default: []].append(offset + 1) }
        }
        var equal: [Int] = [], corresponding: [Int] = []
        for (mark, positions) in marked {
            if mark == "✉" || positions.count == 1 { corresponding += positions } else { equal += positions }
        }
        if raw.lowercased().contains("equal contribution") || raw.lowercased().contains("contributed equally"), equal.isEmpty {
            equal = marked.values.flatMap { $0 }
            corresponding.removeAll { equal.contains($0) }
        }
        return (equal.sorted(), corresponding.sorted())
    }
}
