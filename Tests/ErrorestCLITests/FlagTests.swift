import Backprop
import Figures
import Foundation
import Testing

@testable import ErrorestCLI

/// The flags and the run file say the same things the same way: one rule per setting, in the
/// library, named by the key or the flag that gave the value.
@Suite struct FlagTests {
    /// A value out of range, given once in a run file and once as a flag.
    struct Case: CustomTestStringConvertible, Sendable {
        var command = "run"
        /// The run file's text; the bad key is on `line`.
        var yaml: String
        var line: Int
        var flag: [String]
        /// What both messages say after the key or flag.
        var problem: String

        var testDescription: String { flag.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(
            yaml: "name: a\ndata:\n  count: 2\n", line: 3, flag: ["--count", "2"],
            problem: "is 2; it must be between 4 and 1000000."),
        Case(
            yaml: "data:\n  generator: xor\n  noise: 11\n", line: 3, flag: ["--noise", "11"],
            problem: "is 11.0; it must be between 0 and 10."),
        Case(
            yaml: "network:\n  hidden: [2, 65]\n", line: 2, flag: ["--hidden", "2,65"],
            problem: "is 65; it must be between 1 and 64."),
        Case(
            yaml: "network:\n  hidden: [1, 1, 1, 1, 1, 1, 1, 1, 1]\n", line: 2,
            flag: ["--hidden", "1,1,1,1,1,1,1,1,1"],
            problem: "is [1, 1, 1, 1, 1, 1, 1, 1, 1]; it must have at most 8 layers."),
        Case(
            yaml: "training:\n  epochs: 20000000\n", line: 2, flag: ["--epochs", "20000000"],
            problem: "is 20000000; it must be between 0 and 10000000."),
        Case(
            yaml: "# a comment\ntraining:\n  learningRate: -1\n", line: 3,
            flag: ["--learning-rate", "-1"], problem: "is -1.0; it must be above 0."),
        Case(
            yaml: "training:\n  batchSize: 0\n", line: 2, flag: ["--batch-size", "0"],
            problem: "is 0; it must be \"full\" or at least 1."),
        Case(
            yaml: "render:\n  size: [8, 720]\n", line: 2, flag: ["--size", "8x720"],
            problem: "is 8x720; each side must be 16 to 16384 pixels."),
        Case(
            yaml: "render:\n  pngCompression: 12\n", line: 2, flag: ["--png-compression", "12"],
            problem: "is 12; it must be 0 to 9."),
        Case(
            yaml: "render:\n  surface:\n    grid: 1\n", line: 3, flag: ["--surface-grid", "1"],
            problem: "is 1; it must be between 2 and 1001."),
        Case(
            yaml: "render:\n  surface:\n    span: [[-1, 1.5], [2, 2]]\n", line: 3,
            flag: ["--surface-span", "-1,1.5,2,2"],
            problem: "is [[-1, 1.5], [2, 2]]; it must be [[u low, u high], [v low, v high]], "
                + "finite, each low below its high, within ±1e102."),
    ]

    @Test(arguments: cases)
    func aValueOutOfRangeNamesTheKeyAndLineOrTheFlag(_ bad: Case) throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.write(bad.yaml, to: "bad.yaml")
        let fromFile = try h.errorest([bad.command, "bad.yaml"])
        let fromFlag = try h.errorest([bad.command] + bad.flag)
        #expect(fromFile.status == 65 && fromFlag.status == 65)
        let keyLine = try #require(fromFile.stderr.split(separator: "\n").first)
        let flagLine = try #require(fromFlag.stderr.split(separator: "\n").first)
        // The key's message: file, line, the key in quotes, the library's rule.
        #expect(keyLine.hasPrefix("errorest: bad.yaml, line \(bad.line): \""), "\(keyLine)")
        #expect(keyLine.hasSuffix("\" " + bad.problem), "\(keyLine)")
        #expect(flagLine == "errorest: \(bad.flag[0]) \(bad.problem)", "\(flagLine)")
        #expect(!FileManager.default.fileExists(atPath: h.url("Output").path))
    }

    /// The rule's words are the library's: the same clause ends the library's own message.
    @Test func theRulesAreTheLibrarys() {
        let refused: [(any Error, String)] = [
            (catching { try Generator.check(count: 2) }, "data.count"),
            (catching { try Generator.check(noise: -1) }, "data.noise"),
            (catching { try Network.check(hidden: [0]) }, "network.hidden"),
            (catching { try TrainingOptions.check(epochs: -1) }, "training.epochs"),
            (catching { try TrainingOptions.check(learningRate: 0) }, "training.learningRate"),
            (catching { try TrainingOptions.check(batchSize: .size(0)) }, "training.batchSize"),
            (catching { try RenderOptions.check(width: 1, height: 1) }, "render.size"),
            (catching { try RenderOptions.check(pngCompression: -1) }, "render.pngCompression"),
            (catching { try SurfaceOptions.check(gridSize: 1002) }, "render.surface.grid"),
            (
                catching { _ = try SurfaceOptions.span([[0, .nan], [0, 1]]) }, "render.surface.span"
            ),
            (
                catching { try SurfaceOptions(axes: .weights).validate(hidden: [3]) },
                "render.surface.axes"
            ),
        ]
        for (error, key) in refused {
            let violation = RangeViolation(error)
            #expect(violation?.key == key)
            if let violation {
                #expect("\(error)".hasSuffix(violation.value + "; " + violation.rule + "."))
            }
        }
    }

    /// Every setting has a flag that `run --help` lists and a key the run file knows.
    @Test func everySettingHasAFlagAndAKey() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        // The help text wraps its lines: read it as one line of words.
        let help = try h.errorest(["run", "--help"]).stdoutText
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let keys = SettingCatalog.all.compactMap { s in s.flag.map { (s.key, $0) } }
        #expect(keys.count >= 45)
        for (key, flag) in keys {
            // `--size <WxH>`, `--shuffle/--no-shuffle`, `--format, --formats <list>`.
            #expect(
                [" ", "/", ","].contains { help.contains(flag + $0) }, "\(flag)")
            #expect(help.contains("key \(key)"), "\(key)")
        }
    }

    @Test func trainRunsTheBuiltInLessonWithoutARunFile() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let flags = ["--epochs", "30", "--snapshots", "linear 3", "--quiet"]
        let trained = try h.errorest(["train"] + flags)
        #expect(trained.status == 0, "\(trained.stderr)")
        let files = try h.files(under: "Output/lesson")
        #expect(Set(files.keys) == ["run.json", "manifest.json"])
        // The same record as `run` of the built-in lesson with the same flags, but the render
        // block `run` drew it with.
        let ran = try h.errorest(["run", "--size", "64x48", "--out", "ran"] + flags)
        #expect(ran.status == 0, "\(ran.stderr)")
        var drawn = try h.json("ran/run.json")
        #expect(
            (drawn.removeValue(forKey: "render") as? [String: Any])?["size"] as? [Int] == [64, 48])
        #expect(
            NSDictionary(dictionary: drawn)
                == NSDictionary(dictionary: try h.json("Output/lesson/run.json")))
        let record = try h.json("Output/lesson/run.json")
        #expect(record["name"] as? String == "lesson")
    }

    @Test func datasetsTakesDataSeedLikeRun() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let points = ["--count", "20", "--noise", "0.2", "--data-seed", "3"]
        let csv = try h.errorest(["datasets", "--export", "moons", "--out", "-"] + points)
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(
            csv.stdoutText.hasPrefix(
                "# errorest datasets --export moons --count 20 --noise 0.2 --data-seed 3\n"))
        // `run` with the same flags trains on the same points.
        let run = try h.errorest(["train", "--generator", "moons", "--epochs", "1"] + points)
        #expect(run.status == 0, "\(run.stderr)")
        try h.write(csv.stdoutText, to: "moons.csv")
        let exported = try Dataset(contentsOf: h.url("moons.csv"))
        let record = try TrainingRun(
            jsonData: Data(contentsOf: h.url("Output/moons/run.json")), source: "run.json")
        #expect(record.data == exported)
        // The earlier name, --seed, still works and means the same; a different seed differs.
        let legacy = try h.errorest(
            [
                "datasets", "--export", "moons", "--out", "-", "--count", "20", "--noise", "0.2",
                "--seed", "3",
            ])
        #expect(
            legacy.stdout.split(separator: UInt8(ascii: "\n")).dropFirst()
                == csv.stdout.split(separator: UInt8(ascii: "\n")).dropFirst())
        let other = try h.errorest(
            ["datasets", "--export", "moons", "--out", "-", "--count", "20", "--data-seed", "4"])
        #expect(other.stdout != csv.stdout)
        let both = try h.errorest(["datasets", "--data-seed", "3", "--seed", "3"])
        #expect(both.status == 64)
    }
}

/// The error `body` throws (a test fails if it throws none).
private func catching(_ body: () throws -> Void) -> any Error {
    do {
        try body()
    } catch {
        return error
    }
    Issue.record("nothing was thrown")
    return CancellationError()
}
