import Backprop
import Foundation
import Testing

@testable import ErrorestCLI

/// What a lesson author meets: stills that never wipe an animation, runs named after their data,
/// mistakes reported all at once, a hint for a mistyped command, a warning for a rising error.
@Suite struct LessonAuthorTests {
    @Test func aStillNeverWipesTheSequence() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        #expect(try h.errorest(["run"] + tiny).status == 0)
        let frames = try h.files(under: "Output/lesson").filter { $0.key.hasPrefix("frames/") }
        #expect(frames.count == 3)
        // The README's still: one snapshot of the record, drawn beside it.
        let still = try h.errorest([
            "render", "Output/lesson/run.json", "--snapshots", "15", "--size", "80x45", "--quiet",
        ])
        #expect(still.status == 0, "\(still.stderr)")
        var files = try h.files(under: "Output/lesson")
        for (path, data) in frames { #expect(files[path] == data, "\(path)") }
        let picture = try #require(files["figures/frame-epoch-000015.png"])
        #expect(pngSize(picture).map { $0 == (80, 45) } == true)
        var paths = try manifestPaths(h, "Output/lesson")
        #expect(paths == frames.keys.sorted() + ["figures/frame-epoch-000015.png"])

        // Only a sequence, every snapshot, replaces frames/; the still stays.
        let sequence = try h.errorest(["render", "Output/lesson/run.json", "--size", "80x45"])
        #expect(sequence.status == 0, "\(sequence.stderr)")
        files = try h.files(under: "Output/lesson")
        for path in frames.keys {
            #expect(files[path].flatMap(pngSize).map { $0 == (80, 45) } == true, "\(path)")
        }
        #expect(files["figures/frame-epoch-000015.png"] == picture)
        paths = try manifestPaths(h, "Output/lesson")
        #expect(paths == frames.keys.sorted() + ["figures/frame-epoch-000015.png"])
    }

    @Test func renderWritesBesideItsRecord() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let train = try h.errorest(
            [
                "train", "--epochs", "30", "--snapshots", "linear 3", "--out", "runs/spiral",
                "--quiet",
            ])
        #expect(train.status == 0, "\(train.stderr)")
        let record = try Data(contentsOf: h.url("runs/spiral/run.json"))
        let drawn = try h.errorest([
            "render", "runs/spiral/run.json", "--snapshots", "last", "--figures", "output",
            "--format", "svg", "--size", "64x48",
        ])
        #expect(drawn.status == 0, "\(drawn.stderr)")
        #expect(drawn.stderr.contains("in runs/spiral "), "\(drawn.stderr)")
        let files = try h.files(under: "runs/spiral")
        #expect(
            Set(files.keys) == ["run.json", "manifest.json", "figures/output-epoch-000030.svg"])
        #expect(files["run.json"] == record)
        #expect(!FileManager.default.fileExists(atPath: h.url("Output").path))
    }

    @Test func aRunFromFlagsIsNamedAfterItsDataWithItsOwnDefaults() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let generated = try h.errorest(["run", "--generator", "moons"] + tiny)
        #expect(generated.status == 0, "\(generated.stderr)")
        let record = try h.json("Output/moons/run.json")
        #expect(record["name"] as? String == "moons")
        // Its own defaults, not the lesson's (learning rate 2, noise 0.05, init seed 10).
        let training = try #require(record["training"] as? [String: Any])
        #expect(training["learningRate"] as? Double == 1)
        // The same as a run file that sets nothing, with the same flags.
        let empty = try h.write("{}\n", to: "empty.yaml")
        let fromEmpty = try h.errorest(
            [
                "train", empty.path, "--generator", "moons", "--out", "empty", "--epochs", "30",
                "--snapshots", "linear 3", "--quiet",
            ])
        #expect(fromEmpty.status == 0, "\(fromEmpty.stderr)")
        var mine = try h.json("Output/moons/run.json")
        var theirs = try h.json("empty/run.json")
        mine["name"] = nil
        theirs["name"] = nil
        // `run` keeps the render block it drew with; `train` draws nothing.
        #expect(mine.removeValue(forKey: "render") != nil && theirs["render"] == nil)
        #expect(NSDictionary(dictionary: mine).isEqual(to: theirs))

        try h.write("x1,x2,label\n0,0,0\n1,1,1\n0,1,1\n1,0,0\n", to: "data/xor.csv")
        let fromFile = try h.errorest(["run", "--data", "data/xor.csv", "--hidden", "4"] + tiny)
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        #expect(try h.json("Output/xor/run.json")["name"] as? String == "xor")
        #expect(fromFile.stderr.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: h.url("Output/lesson").path))
        // --name still wins; flags without data still adjust the built-in lesson.
        #expect(try h.errorest(["run", "--generator", "xor", "--name", "mine"] + tiny).status == 0)
        #expect(try h.json("Output/mine/run.json")["name"] as? String == "mine")
        #expect(try h.errorest(["run", "--epochs", "12"] + tiny).status == 0)
        #expect(try h.json("Output/lesson/run.json")["name"] as? String == "lesson")
    }

    @Test func hiddenZeroPointsToNone() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let zero = try h.errorest(["run", "--hidden", "0"] + tiny)
        #expect(zero.status == 64)
        #expect(zero.stderr.contains("write --hidden none for the single perceptron"))
        #expect(zero.stderr.split(separator: "\n").count == 1)
        #expect(try h.errorest(["run", "--hidden", "none"] + tiny).status == 0)
        let network = try #require(
            try h.json("Output/lesson/run.json")["network"] as? [String: Any])
        #expect(network["hidden"] as? [Int] == [])
    }

    @Test func aMistypedCommandSuggestsTheNearestOne() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let typo = try h.errorest(["rnu"])
        #expect(typo.status == 64)
        #expect(typo.stderr.contains("Unexpected argument 'rnu'. Did you mean \"run\"?"))
        let far = try h.errorest(["paint"])
        #expect(far.status == 64 && !far.stderr.contains("Did you mean"))
        #expect(editDistance("rnu", "run") == 1)
        #expect(editDistance("tarin", "train") == 1)
        #expect(editDistance("datset", "datasets") == 2)
        #expect(editDistance("paint", "train") > 2)
    }

    @Test func aRunFileReportsEveryMistakeAtOnceInLineOrder() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.write(
            """
            name: many
            render:
              colour: red
              size: [1, 1]
            training:
              epochs: many
              learningRate: 0
            data:
              count: 2
            bogus: 1

            """, to: "many.yaml")
        let result = try h.errorest(["run", "many.yaml"])
        #expect(result.status == 65)
        // One line (a failure is always one line), naming every mistake in line order.
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 1, "\(result.stderr)")
        let text = lines.first ?? ""
        #expect(text.hasPrefix("errorest: many.yaml, line 3: unknown key \"colour\""))
        let numbers = text.split(separator: "ine ").dropFirst().compactMap { rest -> Int? in
            Int(rest.prefix { $0.isNumber })
        }
        #expect(numbers == [3, 4, 6, 7, 9, 10])
        #expect(text.contains("Line 7: \"training.learningRate\" is 0.0; it must be above 0."))
        #expect(text.contains("Line 10: unknown key \"bogus\""))
        #expect(!FileManager.default.fileExists(atPath: h.url("Output").path))
        // A single mistake is still a single line.
        try h.write("training:\n  epochs: -1\n", to: "one.yaml")
        let one = try h.errorest(["run", "one.yaml"])
        #expect(one.stderr.split(separator: "\n").count == 1)
    }

    @Test func aRisingErrorIsAWarningNotAnError() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let rising = try h.errorest(["run", "--learning-rate", "1e6"] + tiny)
        #expect(rising.status == 0, "\(rising.stderr)")
        // The words of ErrorTrend's "ended above its start", with the run record's own errors;
        // never "diverged", which names training that stopped.
        let errors = try #require(try h.json("Output/lesson/run.json")["errors"] as? [Double])
        let (start, last) = (try #require(errors.first), try #require(errors.last))
        #expect(last > start)
        let number = { (x: Double) in String(format: "%.4g", x) }
        #expect(
            rising.stderr
                == "errorest: warning: lesson: E ended at \(number(last)), above its start "
                + "\(number(start)); the learning rate 1e+06 may be too large.\n")
        #expect(try h.files(under: "Output/lesson/frames").count == 3)
        // A run whose error falls says nothing under --quiet.
        let falling = try h.errorest(["run"] + tiny)
        #expect(falling.status == 0 && falling.stderr.isEmpty, "\(falling.stderr)")
        // The warning's condition is ErrorTrend's: an error that came back to its start, or
        // climbed and came back below it, is no warning.
        #expect(Pipeline.warning(ErrorTrend(errors: [0.7, 0.7]), learningRate: 1) == nil)
        #expect(Pipeline.warning(ErrorTrend(errors: [0.7, 9, 0.6]), learningRate: 1) == nil)
        #expect(Pipeline.warning(nil, learningRate: 1) == nil)
        #expect(
            Pipeline.warning(ErrorTrend(errors: [0.7, 0.1, 0.71]), learningRate: 2)
                == "E ended at 0.71, above its start 0.7; the learning rate 2 may be too large.")
    }

    @Test func theDocsDescribeTheManifestAsWritten() throws {
        let readme = try String(
            contentsOf: Harness.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(!readme.contains("SPEC"))
        let article = try String(
            contentsOf: Harness.packageRoot.appendingPathComponent(
                "Sources/ErrorestCLI/ErrorestCLI.docc/ManifestFormat.md"), encoding: .utf8)
        for key in ["`path`", "`figure`", "`format`", "`epoch`", "`error`", "`width`", "`height`"] {
            #expect(article.contains(key), "\(key)")
        }
        #expect(!article.contains("kind, format, epoch, error, size"))
    }

    private func manifestPaths(_ h: Harness, _ folder: String) throws -> [String] {
        let manifest = try h.json(folder + "/manifest.json")
        let files = try #require(manifest["files"] as? [[String: Any]])
        return files.compactMap { $0["path"] as? String }
    }
}
