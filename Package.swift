// swift-tools-version:6.0
import PackageDescription

/// Dossier: applicant documents (Markdown, HTML, PDF) → one model → a pipeline of stages → JSON, CSV, JATS and friends.
let package = Package(
    name: "Dossier",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
        .library(name: "Dossier", targets: ["Dossier"]),
        .plugin(name: "ExportDocuments", targets: ["ExportDocuments"]),
        .plugin(name: "DocumentResources", targets: ["DocumentResources"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCMark", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        // poppler-glib (and glib, gobject, cairo) are opened with dlopen at the first PDF, not linked: a Markdown
        // conversion does not map them (start-up time). Runtime package: libpoppler-glib8 (Debian).
        .target(name: "CPoppler", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        .target(name: "DossierModel"),
        .target(name: "DossierText", dependencies: ["DossierModel"]),
        .target(name: "CSpawn"),
        .target(name: "DossierPipeline", dependencies: ["DossierModel", "CSpawn"]),
        .target(name: "MarkdownReader", dependencies: ["DossierPipeline", "DossierText", "CCMark", "Yams"]),
        .target(name: "PDFReader", dependencies: ["DossierPipeline", "DossierText", "CPoppler"]),
        .target(name: "HTMLReader", dependencies: ["DossierPipeline", "DossierText", "CLibXML2"]),
        .target(name: "PDFOverlay", dependencies: ["DossierModel", "CPoppler"]),
        .target(name: "DossierStages", dependencies: ["DossierPipeline", "DossierText", "ReferenceParser"]),
        .target(name: "DossierWriters", dependencies: ["DossierPipeline", "DossierText"]),
        .target(name: "ReferenceParser", dependencies: ["DossierModel", "DossierText"]),
        .target(name: "ReferenceTraining", dependencies: ["ReferenceParser", "DossierModel", "DossierText"]),
        .target(
            name: "Dossier",
            dependencies: [
                "DossierModel", "DossierText", "DossierPipeline", "MarkdownReader", "HTMLReader", "PDFReader", "DossierStages",
                "DossierWriters", "ReferenceParser", "ReferenceTraining", "PDFOverlay",
            ]),
        .executableTarget(
            name: "dossier",
            dependencies: ["Dossier", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .plugin(
            name: "ExportDocuments",
            capability: .command(
                intent: .custom(verb: "export-documents", description: "Convert the package's Markdown, HTML and PDF documents with dossier"),
                permissions: [.writeToPackageDirectory(reason: "writes the converted documents under exported-documents/ (or --output)")]),
            dependencies: ["dossier"]),
        .plugin(name: "DocumentResources", capability: .buildTool(), dependencies: ["dossier"]),
        .target(name: "DocumentResourcesExample", dependencies: ["DossierModel"], plugins: ["DocumentResources"]),
        .testTarget(name: "DocumentResourcesExampleTests", dependencies: ["DocumentResourcesExample"]),
        .testTarget(name: "DossierModelTests", dependencies: ["DossierModel"]),
        .testTarget(name: "DossierTextTests", dependencies: ["DossierText"]),
        .testTarget(name: "DossierPipelineTests", dependencies: ["DossierPipeline"]),
        .testTarget(name: "MarkdownReaderTests", dependencies: ["MarkdownReader"]),
        .testTarget(name: "PDFReaderTests", dependencies: ["PDFReader"]),
        .testTarget(name: "HTMLReaderTests", dependencies: ["HTMLReader"]),
        .testTarget(name: "DossierStagesTests", dependencies: ["DossierStages", "DossierText", "ReferenceParser"]),
        .testTarget(name: "DossierWritersTests", dependencies: ["DossierWriters", "Dossier"]),
        .testTarget(name: "ReferenceParserTests", dependencies: ["ReferenceParser", "DossierText"]),
        .testTarget(name: "ReferenceTrainingTests", dependencies: ["ReferenceTraining", "ReferenceParser", "DossierText"]),
        .testTarget(name: "DossierTests", dependencies: ["Dossier"]),
        .testTarget(name: "GoldenTests", dependencies: ["Dossier"]),
        .testTarget(name: "CLITests", dependencies: ["Dossier"]),
        .testTarget(name: "ContactCorpusTests", dependencies: ["Dossier"]),
    ]
)
