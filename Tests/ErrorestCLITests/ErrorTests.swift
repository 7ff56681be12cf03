import Foundation
import Testing

/// Every class of bad input: one line on stderr naming the problem, and its sysexits exit code.
@Suite struct ErrorTests {
    /// A bad input: files to write first, the arguments, the exit code and words of the message.
    struct Case: CustomTestStringConvertible, Sendable {
        var label: String
        var files: [String: String] = [:]
        var arguments: [String]
        var status: Int32
        var message: String

        var testDescription: String { label }
    }

    static let cases: [Case] = [
        Case(
            label: "missing run file", arguments: ["run", "nope.yaml"], status: 66,
            message: "The run file nope.yaml does not exist"),
        Case(
            label: "missing data file", files: ["m.yaml": "data: {file: gone.csv}\n"],
            arguments: ["run", "m.yaml"], status: 66,
            message: "The data file gone.csv does not exist"),
        Case(
            label: "missing run record", arguments: ["render", "gone/run.json"], status: 66,
            message: "The run record gone/run.json does not exist"),
        Case(
            label: "malformed YAML", files: ["a.yaml": "training:\n  epochs: [1\n"],
            arguments: ["run", "a.yaml"], status: 65,
            message: "a.yaml, line 3: the YAML is malformed"),
        Case(
            label: "malformed JSON", files: ["a.json": "{\"training\": {\"epochs\": 5}"],
            arguments: ["run", "a.json"], status: 65,
            message: "the JSON is malformed: did not find expected ',' or '}'"),
        Case(
            label: "unknown key", files: ["a.yaml": "name: a\nrender:\n  colour: red\n"],
            arguments: ["run", "a.yaml"], status: 65,
            message: "a.yaml, line 3: unknown key \"colour\" in \"render\""),
        Case(
            label: "wrong type", files: ["a.yaml": "training:\n  shuffle: often\n"],
            arguments: ["run", "a.yaml"], status: 65,
            message: "a.yaml, line 2: \"training.shuffle\" should be true or false"),
        Case(
            label: "bad CSV line",
            files: [
                "d.csv": "x1,x2,label\n0,0,1\n1,x,0\n",
                "c.yaml": "data: {file: d.csv}\n",
            ],
            arguments: ["run", "c.yaml"], status: 65, message: "d.csv, line 3: x2 is \"x\""),
        Case(
            label: "bad label",
            files: ["d.csv": "0,0,1\n1,1,2\n", "c.yaml": "data: {file: d.csv}\n"],
            arguments: ["run", "c.yaml"], status: 65, message: "d.csv, line 2: the label is 2"),
        Case(
            label: "NaN in CSV",
            files: ["d.csv": "0,0,1\nnan,1,0\n", "c.yaml": "data: {file: d.csv}\n"],
            arguments: ["run", "c.yaml"], status: 65, message: "d.csv, line 2: x1 is nan"),
        Case(
            label: "NaN in run file", files: ["n.yaml": "data:\n  noise: .nan\n"],
            arguments: ["run", "n.yaml"], status: 65, message: "\"data.noise\" is nan"),
        Case(
            label: "one-class data",
            files: ["d.csv": "0,0,1\n1,1,1\n", "c.yaml": "data: {file: d.csv}\n"],
            arguments: ["run", "c.yaml"], status: 65, message: "d.csv: The data has only one class"),
        Case(
            label: "negative epochs in a run file", files: ["e.yaml": "training: {epochs: -3}\n"],
            arguments: ["run", "e.yaml"], status: 65, message: "\"training.epochs\" is -3"),
        Case(
            label: "negative epochs flag", arguments: ["run", "--epochs", "-3"], status: 65,
            message: "--epochs is -3"),
        Case(
            label: "zero size", arguments: ["run", "--size", "0x0"], status: 65,
            message: "--size is 0x0; each side must be 16 to 16384 pixels"),
        Case(
            label: "absurd size", files: ["s.yaml": "render: {size: [100000, 100000]}\n"],
            arguments: ["run", "s.yaml"], status: 65, message: "s.yaml, line 1: \"render.size\""),
        Case(
            label: "diverging learning rate",
            arguments: ["run", "--learning-rate", "1e308"] + tiny,
            status: 65, message: "Training diverged at epoch"),
        Case(
            label: "snapshot outside the run",
            arguments: ["run", "--snapshots", "0,99"] + tiny.prefix(4),
            status: 65, message: "Snapshot epoch 99 is outside the run"),
        Case(
            label: "bad run record", files: ["r.json": "{\"format\": \"errorest-run\"}"],
            arguments: ["render", "r.json"], status: 65, message: "r.json: the key"),
        Case(
            label: "unknown flag", arguments: ["run", "--colour", "red"], status: 64,
            message: "Unknown option '--colour'"),
        Case(
            label: "unknown command", arguments: ["paint"], status: 64,
            message: "Unexpected argument 'paint'"),
        Case(
            label: "bad flag value", arguments: ["run", "--generator", "blob"], status: 64,
            message: "The value 'blob' is invalid for '--generator <name>'"),
        Case(
            label: "bad activation", arguments: ["run", "--activation", "softmax"], status: 64,
            message: "The value 'softmax' is invalid for '--activation <name>'. Please provide one "
                + "of 'sigmoid', 'tanh' or 'relu'."),
        Case(
            label: "bad list value", arguments: ["run", "--figures", "frame,blob"], status: 64,
            message: "\"blob\" is not a figure; use one of: frame, hidden, output, error, surface, "
                + "mountain, hiddenSpace, diagram, step."),
        Case(
            label: "bad size syntax", arguments: ["run", "--size", "big"], status: 64,
            message: "The value 'big' is invalid for '--size"),
        Case(
            label: "missing argument", arguments: ["render"], status: 64,
            message: "Missing expected argument"),
        Case(
            label: "output under a regular file", files: ["plain": "x"],
            arguments: ["run", "--out", "plain/out"] + tiny, status: 73,
            message: "Cannot create the output folder plain/out"),
        Case(
            label: "output is a regular file", files: ["plain": "x"],
            arguments: ["run", "--out", "plain"] + tiny, status: 73,
            message: "Cannot use plain as the output folder: it is a file"),
        Case(
            label: "datasets into /proc",
            arguments: ["datasets", "--export", "xor", "--out", "/proc/x"],
            status: 73, message: "Cannot create the output folder /proc/x"),
        Case(
            label: "output in /proc", arguments: ["run", "--out", "/proc/errorest-test"] + tiny,
            status: 73, message: "Cannot create the output folder /proc/errorest-test"),
    ]

    @Test(arguments: cases)
    func badInputGetsOneLineAndItsExitCode(_ bad: Case) throws {
        let h = try Harness()
        defer { h.cleanUp() }
        for (path, text) in bad.files { try h.write(text, to: path) }
        let result = try h.errorest(bad.arguments)
        #expect(result.status == bad.status, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2 && lines[1].isEmpty, "one line: \(result.stderr)")
        #expect(result.stderr.hasPrefix("errorest: "))
        #expect(result.stderr.contains(bad.message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        // Nothing half-written: no output folder appears for a run that failed.
        #expect(!FileManager.default.fileExists(atPath: h.url("Output").path))
    }

    @Test func aFailedRunLeavesTheEarlierOutputIntact() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        #expect(try h.errorest(["run"] + tiny).status == 0)
        let before = try h.files(under: "Output/lesson")
        let diverged = try h.errorest(["run", "--learning-rate", "1e308"] + tiny)
        #expect(diverged.status == 65)
        #expect(try h.files(under: "Output/lesson") == before)
        let badSize = try h.errorest(["run", "--size", "99999x10"])
        #expect(badSize.status == 65)
        #expect(try h.files(under: "Output/lesson") == before)
    }

    /// A real write failure part way through: the file size limit (`ulimit -f`) lets the run
    /// start and makes a later write fail with EFBIG.
    @Test func aWriteFailureMidRunExits74AndKeepsThePreviousRun() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let binary = try #require(Harness.binary)
        let big = ["--size", "400x300", "--epochs", "30", "--snapshots", "linear 3", "--quiet"]
        #expect(try h.errorest(["run"] + big).status == 0)
        let before = try h.files(under: "Output/lesson")
        let frame = try #require(before["frames/frame-0000.png"])
        let record = try #require(before["run.json"])
        // A limit between the record's size and a frame's: run.json fits, the first frame not.
        let limitBytes = (record.count + frame.count) / 2
        try #require(record.count < limitBytes && limitBytes < frame.count)
        let script = """
            ulimit -f \(limitBytes / 1024) 2>/dev/null || exit 99
            exec "$0" run --size 400x300 --epochs 30 --snapshots "linear 3" --seed 2 --quiet
            """
        let result = try h.run("/bin/bash", ["-c", script, binary.path])
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.contains("Cannot write Output/lesson/"), "\(result.stderr)")
        #expect(result.stderr.contains("File too large"), "\(result.stderr)")
        #expect(try h.files(under: "Output/lesson") == before)
    }
}
