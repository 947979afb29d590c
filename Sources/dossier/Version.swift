/// The tool's version, printed by `--version`.
enum DossierVersion {
    static let current = "0.1.0"
}
