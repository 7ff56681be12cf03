import Foundation
import Testing

/// A sweep or race file given to `run` is pointed to its own command, on the key's line,
/// instead of being listed as an unknown key (issue 21, item 10).
@Suite struct OtherCommandFileTests {
    @Test(arguments: [("sweep.yaml", "sweep"), ("race-optimizers.yaml", "race")])
    func runPointsToTheCommandThatReadsTheFile(_ sample: String, _ command: String) throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let path = Harness.samples.appendingPathComponent(sample).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.hasPrefix("\(command):") }) + 1
        let result = try h.errorest(["run", path, "--out", "out", "--quiet"])
        #expect(result.status == 65)
        #expect(
            result.stderr
                == "errorest: \(path), line \(line): \"\(command)\" makes this a \(command) file, "
                + "not a run file; give it to `errorest \(command)`.\n")
        #expect(!FileManager.default.fileExists(atPath: h.url("out").path))
    }
}
