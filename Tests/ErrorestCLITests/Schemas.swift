import Foundation
import Testing

/// The JSON Schemas of `Samples/schemas/`, checked with Python's `jsonschema` (Draft 2020-12):
/// an independent validator, installed by `.ci/run`.
enum Schemas {
    static let folder = Harness.samples.appendingPathComponent("schemas")

    static let validator = """
        import json, sys
        try:
            from jsonschema import Draft202012Validator
        except ImportError:
            print("python3 has no jsonschema (pip install jsonschema)")
            sys.exit(3)
        schema = json.load(open(sys.argv[1]))
        Draft202012Validator.check_schema(schema)
        validator = Draft202012Validator(schema)
        bad = 0
        for path in sys.argv[2:]:
            for e in validator.iter_errors(json.load(open(path))):
                where = "/".join(str(p) for p in e.absolute_path)
                print(f"{path}: {where}: {e.message[:300]}")
                bad += 1
        sys.exit(1 if bad else 0)
        """

    /// Checks `files` against the schema `name` (`run-record`, `manifest`, `sweep-index`,
    /// `run-file`), recording every mismatch; without jsonschema it fails in CI and is noted
    /// elsewhere.
    static func validate(_ files: [URL], against name: String) throws {
        guard !files.isEmpty else { return }
        let h = try Harness()
        defer { h.cleanUp() }
        let schema = folder.appendingPathComponent("\(name).schema.json")
        let result = try h.run(
            "/usr/bin/env", ["python3", "-c", validator, schema.path] + files.map(\.path))
        if result.status == 3 && !Harness.inCI {
            print("schema check skipped: \(result.stdoutText)")
            return
        }
        #expect(result.status == 0, "\(name): \(result.stdoutText)\(result.stderr)")
    }
}
