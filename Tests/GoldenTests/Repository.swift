import Foundation
import XCTest

/// Paths inside the repository, found from this file's location.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sampleExtensions: Set<String> = ["md", "html", "pdf"]

    /// Every sample document: samples/<format>/<name>.<md|html|pdf>, sources of generated samples excluded.
    static func samples() -> [URL] {
        let folder = root.appendingPathComponent("samples")
        guard let formats = try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return formats.flatMap { format -> [URL] in
            let files = (try? FileManager.default.contentsOfDirectory(at: format, includingPropertiesForKeys: nil)) ?? []
            return files.filter { sampleExtensions.contains($0.pathExtension.lowercased()) }
        }.sorted { $0.path < $1.path }
    }

    /// `samples/x/name.md` + `.inspect.txt` → `samples/x/name.inspect.txt`.
    static func sibling(_ sample: URL, suffix: String) -> URL {
        sample.deletingPathExtension().appendingPathExtension(String(suffix.dropFirst()))
    }

    static func relativePath(_ url: URL) -> String {
        String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
    }
}

/// Validates JSON files against a JSON Schema with a real validator (Python's jsonschema).
enum SchemaValidator {
    /// A Python that has `jsonschema`: Debian's first, then whatever is on PATH.
    static func python() -> String? {
        for candidate in ["/usr/bin/python3", "python3"] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [candidate, "-c", "import jsonschema"]
            process.standardError = FileHandle.nullDevice
            do { try process.run() } catch { continue }
            process.waitUntilExit()
            if process.terminationStatus == 0 { return candidate }
        }
        return nil
    }

    static let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        validator = jsonschema.Draft202012Validator(schema)
        bad = 0
        for path in sys.argv[2:]:
            data = json.load(open(path))
            for document in (data if isinstance(data, list) else [data]):
                for error in validator.iter_errors(document):
                    bad += 1
                    print(f"{path}: {'/'.join(map(str, error.absolute_path))}: {error.message[:300]}")
        print(f"{len(sys.argv) - 2} files checked, {bad} errors")
        sys.exit(1 if bad else 0)
        """

    static func validate(_ files: [URL], against schema: URL) throws {
        guard let python = python() else { throw XCTSkip("no python3 with jsonschema (apt-get install python3-jsonschema)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, "-c", script, schema.path] + files.map(\.path)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, output)
    }
}
