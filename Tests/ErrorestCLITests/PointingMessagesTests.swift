import Foundation
import Testing

/// Messages that point to the right command and name the line (issue 21, item 10): each is one
/// line, with its exit code, and nothing is written.
@Suite struct PointingMessagesTests {
    /// The 1-based line of the first line of `text` that holds `needle`.
    static func line(of needle: String, in text: String) throws -> Int {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return try #require(lines.firstIndex { $0.contains(needle) }) + 1
    }

    @Test func runGivenARunRecordPointsToRender() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let trained = try h.errorest(["train", "--epochs", "5", "--out", "r", "--quiet"])
        #expect(trained.status == 0, "\(trained.stderr)")
        let text = try String(contentsOf: h.url("r/run.json"), encoding: .utf8)
        let line = try Self.line(of: "\"format\"", in: text)
        for command in ["run", "train"] {
            let result = try h.errorest([command, "r/run.json", "--out", "out", "--quiet"])
            #expect(result.status == 65)
            #expect(
                result.stderr
                    == "errorest: r/run.json, line \(line): \"format\": \"errorest-run\" makes this "
                    + "a run record, not a run file; draw it with `errorest render r/run.json`.\n")
            #expect(!FileManager.default.fileExists(atPath: h.url("out").path))
        }
    }

    @Test(arguments: [
        ("s.yaml", "name: s\ntraining:\n  epochs: 5\n", "run"),
        ("s.json", "{\"name\": \"s\", \"training\": {\"epochs\": 5}}\n", "run"),
        ("w.yaml", "training: {epochs: 5}\nsweep:\n  training.seed: [1, 2]\n", "sweep"),
    ])
    func renderGivenARunFilePointsToItsCommand(_ file: String, _ text: String, _ command: String)
        throws
    {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.write(text, to: file)
        let result = try h.errorest(["render", file, "--out", "out", "--quiet"])
        #expect(result.status == 65)
        #expect(
            result.stderr
                == "errorest: \(file) is a \(command) file, not a run record (run.json); give it "
                + "to `errorest \(command) \(file)`.\n")
        #expect(!FileManager.default.fileExists(atPath: h.url("out").path))
    }

    @Test(arguments: ["training:\n\tepochs: 5\n", "training:\n  epochs: 5\n \tseed: 2\n"])
    func aTabSaysTabOnItsLine(_ body: String) throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.write("name: t\n" + body, to: "t.yaml")
        let result = try h.errorest(["run", "t.yaml", "--out", "out", "--quiet"])
        let line = try Self.line(of: "\t", in: "name: t\n" + body)
        #expect(result.status == 65)
        #expect(
            result.stderr
                == "errorest: t.yaml, line \(line): the YAML is malformed: a tab indents this "
                + "line, and YAML indents with spaces only; replace the tab with spaces.\n")
        #expect(!FileManager.default.fileExists(atPath: h.url("out").path))
    }

    /// Values refused only once the data, epochs or network are known: named at their line when
    /// the file wrote them; a flag's value is not put on the file's line.
    @Test(arguments: [
        (
            "render:\n  size: [64, 48]\n  focus: 500\n", "focus:",
            "\"render.focus\" is number 500; the data has 200 points, numbered from 1.",
            ["--focus", "400"],
            "The focus point is number 400; the data has 200 points, numbered from 1."
        ),
        (
            "snapshots: [0, 3, 9]\nrender:\n  size: [64, 48]\n", "snapshots:",
            "Snapshot epoch 9 is outside the run, whose epochs are 0 to 5.",
            ["--snapshots", "0,7"], "Snapshot epoch 7 is outside the run, whose epochs are 0 to 5."
        ),
        (
            "render:\n  size: [64, 48]\n  figures: [surface]\n  surface:\n    axes: w1,w2\n",
            "axes:",
            "\"render.surface.axes\" is w1,w2; this network has hidden layers [2], so it must be "
                + "pca (w1,w2 are a perceptron's weights, hidden: []).",
            ["--surface-axes", "w1,w2", "--figures", "surface"],
            "The choice of error surface axes is w1,w2; this network has hidden layers [2], so "
                + "it must be pca (w1,w2 are a perceptron's weights, hidden: [])."
        ),
    ])
    func refusalsNameTheLine(
        _ body: String, _ key: String, _ problem: String, _ flags: [String], _ flagProblem: String
    ) throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let text = "name: f\ntraining:\n  epochs: 5\n" + body
        try h.write(text, to: "f.yaml")
        let line = try Self.line(of: key, in: text)
        let result = try h.errorest(["run", "f.yaml", "--out", "out", "--quiet"])
        #expect(result.status == 65)
        #expect(result.stderr == "errorest: f.yaml, line \(line): \(problem)\n")
        #expect(!FileManager.default.fileExists(atPath: h.url("out").path))
        try h.write("name: f\ntraining:\n  epochs: 5\nrender:\n  size: [64, 48]\n", to: "g.yaml")
        let flagged = try h.errorest(["run", "g.yaml", "--out", "out", "--quiet"] + flags)
        #expect(flagged.status == 65)
        #expect(flagged.stderr == "errorest: g.yaml: \(flagProblem)\n")
        #expect(!FileManager.default.fileExists(atPath: h.url("out").path))
    }

    /// `sweep --list` makes its plan from the flags it is given: its help says so, and a list
    /// without the sweep's flags says why runs that are there read "pending".
    @Test func sweepListSaysItNeedsTheSweepsFlags() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.write(
            "name: two\ntraining: {epochs: 5}\nsnapshots: linear 2\nrender: {size: [64, 48]}\n"
                + "sweep:\n  training.seed: [1, 2]\n", to: "two.yaml")
        let swept = try h.errorest(["sweep", "two.yaml", "--learning-rate", "0.5", "--quiet"])
        #expect(swept.status == 0, "\(swept.stderr)")
        let bare = try h.errorest(["sweep", "two.yaml", "--list"])
        #expect(bare.status == 0)
        #expect(bare.stdoutText.split(separator: "\n").allSatisfy { $0.hasSuffix("\tpending") })
        #expect(
            bare.stderr
                == "errorest: note: 2 pending runs' folders hold runs of other settings; if the "
                + "sweep ran with flags, give --list the same flags.\n")
        let same = try h.errorest(["sweep", "two.yaml", "--list", "--learning-rate", "0.5"])
        #expect(same.stdoutText.split(separator: "\n").allSatisfy { $0.hasSuffix("\tdone") })
        #expect(same.stderr.isEmpty)
        let help = try h.errorest(["sweep", "--help"])
        let words = help.stdoutText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("Give it the flags the sweep ran with: a state is for the settings"))
    }

    /// `datasets --help` states the folder `datasets` writes into.
    @Test func datasetsHelpStatesItsFolder() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let help = try h.errorest(["datasets", "--help"])
        let words = help.stdoutText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("--out <dir> The folder of the CSV files (default: Output/datasets"))
        #expect(!words.contains("Output/<name>"))
        let written = try h.errorest(["datasets", "--export", "wedge", "--quiet"])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(FileManager.default.fileExists(atPath: h.url("Output/datasets/wedge.csv").path))
    }
}
