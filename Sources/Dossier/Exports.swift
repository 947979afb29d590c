// `import Dossier` is all a program needs: the model, the protocols and registry, the text knowledge, the
// readers, stages and writers, the reference parser and its training and evaluation.
@_exported import DossierModel
@_exported import DossierPipeline
@_exported import DossierStages
@_exported import DossierText
@_exported import DossierWriters
@_exported import HTMLReader
@_exported import MarkdownReader
@_exported import PDFOverlay
@_exported import PDFReader
@_exported import ReferenceParser
@_exported import ReferenceTraining
