/// Family-name particles ("van", "de", "bin"), the one list every caller asks: name splitting, authorship,
/// contact, referees, a PDF's title block and the reference model's word lists.
public enum NameParticles {
    /// Each particle, lowercase; whether it also starts a family name when capitalised inside a name ("Maria De
    /// Souza"); whether the reference model's particle feature was trained with it (a change there is a retraining).
    public static let table: [(word: String, capitalizedInside: Bool, inReferenceFeatures: Bool)] = [
        ("van", true, true), ("von", true, true), ("de", true, true), ("da", true, true), ("del", true, true),
        ("della", true, true), ("di", true, true), ("du", true, true), ("le", true, true), ("la", true, true),
        ("ten", true, true), ("ter", true, true), ("der", true, true), ("den", true, true), ("dos", true, true),
        ("das", true, true), ("des", false, true), ("zu", false, true), ("zur", false, true), ("bin", false, true),
        ("ibn", false, true), ("al", false, true), ("el", false, true), ("st", false, true), ("vander", false, true),
        ("do", false, false), ("vom", false, false), ("zum", false, false), ("af", false, false), ("av", false, false),
        ("st.", false, false),
    ]

    /// Every particle, lowercase.
    public static let all: Set<String> = Set(table.map(\.word))

    /// Capitalised forms that start a family name inside a name ("Van", "De", "Della").
    public static let capitalizedInside: Set<String> = Set(table.filter(\.capitalizedInside).map { $0.word.prefix(1).uppercased() + $0.word.dropFirst() })

    /// The particles the reference model's features know.
    public static let referenceFeatureWords: Set<String> = Set(table.filter(\.inReferenceFeatures).map(\.word))
}
