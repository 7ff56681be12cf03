import Foundation
import Testing

/// Every way the issue found to lose a run or crash: each ends with a promised exit code and one
/// line on stderr, and leaves an earlier run in the same folder byte-identical.
@Suite struct NothingLostTests {
    static let xor = Harness.samples.appendingPathComponent("xor.yaml").path
    static let small = ["--size", "64x48", "--epochs", "20", "--snapshots", "linear 3", "--quiet"]
    static let renderFlags = ["--size", "64x48", "--quiet"]

    /// A folder `D` holding a finished run, and its files as a reader sees them.
    static func earlierRun(_ h: Harness) throws -> [String: Data] {
        let result = try h.errorest(["run", xor, "--out", "D"] + small)
        #expect(result.status == 0, "\(result.stderr)")
        let files = try h.files(under: "D")
        #expect(files.count == 5)  // run.json, manifest.json, three frames
        return files
    }

    /// Checks a failure: its status, exactly one line on stderr, and `D` as it was.
    static func expectFailure(
        _ h: Harness, _ result: Harness.Result, status: Int32, saying text: String,
        earlier: [String: Data], sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(result.status == status, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(
            result.stderr.hasPrefix("errorest: ") && result.stderr.filter { $0 == "\n" }.count == 1
                && result.stderr.hasSuffix("\n"), "\(result.stderr)", sourceLocation: sourceLocation
        )
        #expect(result.stderr.contains(text), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(try h.files(under: "D") == earlier, sourceLocation: sourceLocation)
        #expect(try h.leftovers(in: "D") == [], sourceLocation: sourceLocation)
    }

    /// A run record of `D` changed by `change`, written as `name`.
    static func record(
        _ h: Harness, _ name: String, _ change: (inout [String: Any]) -> Void
    ) throws {
        var record = try h.json("D/run.json")
        change(&record)
        try JSONSerialization.data(withJSONObject: record).write(to: h.url(name))
    }

    static let failures:
        [(
            label: String, files: [String: String], arguments: [String],
            status: Int32, text: String
        )] = [
            (
                "a domain of ±1e308", [:],
                [
                    "run", xor, "--domain=-1e308,1e308,-1e308,1e308", "--figures",
                    "frame,hidden,output,error", "--format", "png,svg",
                ],
                65, "reaches beyond ±1e102"
            ),
            ("a tiny domain", [:], ["run", xor, "--domain=0,1e-300,0,1e-300"], 65, "too narrow"),
            (
                "coordinates of ±1e308", ["big.csv": "x1,x2,label\n1e308,0,1\n-1e308,5,0\n"],
                ["run", xor, "--data", "big.csv"], 65, "big.csv: Point 1 has a coordinate beyond"
            ),
            (
                "JSON nested 40,000 levels",
                [
                    "deep.json": "{\"a\":" + String(repeating: "[", count: 40_000)
                        + String(repeating: "]", count: 40_000) + "}"
                ],
                ["run", "deep.json"], 65, "deep.json, line 1: the JSON nests deeper than 64 levels"
            ),
            (
                "a YAML alias bomb", ["bomb.yaml": NothingLostTests.aliasBomb],
                ["run", "bomb.yaml"], 65, "bomb.yaml, line 1: YAML anchors and aliases"
            ),
            (
                "newlines in a value", ["nl.yaml": "network:\n  activation: \"so\\nft\\rmax\"\n"],
                ["run", "nl.yaml"], 65, "the text \"so\\nft\\rmax\"; it must be one of"
            ),
            ("/dev/null as a CSV", [:], ["run", xor, "--data", "/dev/null"], 65, "no data points"),
            (
                "a folder as a CSV", ["folder/x": ""], ["run", xor, "--data", "folder"], 66,
                "The data file folder is a folder, not a file."
            ),
            (
                "huge initial weights",
                [
                    "w.yaml": """
                    network:
                      hidden: []
                      init:
                        layers:
                          - weights: [[1e308, 1e308]]
                            biases: [1e308]
                    data: {generator: xor, count: 20, seed: 1}
                    """
                ],
                ["run", "w.yaml"], 65, "Training cannot start: with the initial weights"
            ),
        ]

    static let aliasBomb: String = {
        var text =
            "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            text +=
                "\(name): &\(name) ["
                + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
            previous = name
        }
        return text
    }()

    @Test(arguments: failures.indices)
    func aFailedRunLeavesTheEarlierOneByteIdentical(case index: Int) throws {
        let (_, files, arguments, status, text) = Self.failures[index]
        let h = try Harness()
        defer { h.cleanUp() }
        let earlier = try Self.earlierRun(h)
        for (path, contents) in files { try h.write(contents, to: path) }
        let result = try h.errorest(arguments + ["--out", "D"] + Self.small)
        try Self.expectFailure(h, result, status: status, saying: text, earlier: earlier)
    }

    @Test func recordsThatCannotBeDrawnAreRefusedWithTheirField() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let earlier = try Self.earlierRun(h)
        let cases: [(String, (inout [String: Any]) -> Void, String)] = [
            (
                "far.json",
                { r in
                    var data = r["data"] as! [String: Any]
                    var points = data["points"] as! [[Double]]
                    points[0] = [1e200, 1e200]
                    data["points"] = points
                    r["data"] = data
                }, "far.json: Point 1 has a coordinate beyond ±1e100"
            ),
            (
                "seed.json",
                { r in
                    var training = r["training"] as! [String: Any]
                    training["seed"] = -1
                    r["training"] = training
                }, "\"training.seed\" is -1; it must be a whole number from 0 to 2^64-1."
            ),
            (
                "label.json",
                { r in
                    var data = r["data"] as! [String: Any]
                    var labels = data["labels"] as! [Double]
                    labels[0] = 0.5
                    data["labels"] = labels
                    r["data"] = data
                }, "\"data.labels[0]\" is 0.5; it must be a whole number"
            ),
            (
                "softmax.json",
                { r in
                    var network = r["network"] as! [String: Any]
                    network["activation"] = "softmax"
                    r["network"] = network
                }, "\"network.activation\" is not one of sigmoid, tanh, relu."
            ),
        ]
        for (name, change, text) in cases {
            try Self.record(h, name, change)
            let result = try h.errorest(["render", name, "--out", "D"] + Self.renderFlags)
            try Self.expectFailure(h, result, status: 65, saying: text, earlier: earlier)
        }
    }

    @Test func pointsFarOutsideTheViewAndTinyErrorsAreDrawn() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        _ = try Self.earlierRun(h)
        // Every point outside the view, in every format.
        let far = try h.errorest(
            [
                "run", Self.xor, "--domain=-0.5,0.5,-0.5,0.5", "--out", "D", "--figures",
                "frame,hidden,output,error", "--format", "png,svg,pdf",
            ] + Self.small)
        #expect(far.status == 0 && far.stderr.isEmpty, "\(far.stderr)")
        // Points 5e-324 apart: the view is widened to one that can be drawn.
        try h.write("x1,x2,label\n5e-324,0,1\n0,5e-324,0\n1e-323,1e-323,1\n0,0,0\n", to: "t.csv")
        let tiny = try h.errorest(["run", Self.xor, "--data", "t.csv", "--out", "T"] + Self.small)
        #expect(tiny.status == 0 && tiny.stderr.isEmpty, "\(tiny.stderr)")
        // Errors of 1e308 on a log scale, and a name of 20,000 characters fitted in the title.
        try Self.record(h, "big.json") { r in
            r["errors"] = (r["errors"] as! [Double]).map { _ in 1e308 }
            r["name"] = String(repeating: "n", count: 20_000)
        }
        let big = try h.errorest(
            ["render", "big.json", "--out", "D", "--log-error", "--format", "png,svg"]
                + Self.renderFlags)
        #expect(big.status == 0 && big.stderr.isEmpty, "\(big.stderr)")
        let manifest = try h.json("D/manifest.json")
        let listed = (manifest["files"] as! [[String: Any]]).map { $0["path"] as! String }
        #expect(Set(try h.files(under: "D").keys) == Set(listed + ["run.json", "manifest.json"]))
    }

    @Test func unwritableStreamsExit74OrStaySilent() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let binary = try #require(Harness.binary).path
        func shell(_ line: String) throws -> Harness.Result {
            try h.run("/bin/sh", ["-c", line])
        }
        let xor = NothingLostTests.xor
        let small = NothingLostTests.small.map { "'\($0)'" }.joined(separator: " ")
        let loud = NothingLostTests.small.dropLast().map { "'\($0)'" }.joined(separator: " ")
        let datasets = try shell("'\(binary)' datasets >/dev/full")
        #expect(datasets.status == 74)
        #expect(
            datasets.stderr
                == "errorest: Cannot write to standard output: No space left on device.\n")
        let json = try shell("'\(binary)' run '\(xor)' --out A --json \(small) >/dev/full")
        #expect(json.status == 74 && json.stderr.filter { $0 == "\n" }.count == 1)
        let closed = try shell("'\(binary)' datasets --json >&-")
        #expect(closed.status == 74)
        #expect(closed.stderr.contains("Bad file descriptor"))
        let quietFailure = try shell(
            "'\(binary)' run '\(xor)' --out B --learning-rate -1 2>/dev/full")
        #expect(quietFailure.status == 64 || quietFailure.status == 65)
        let success = try shell("'\(binary)' run '\(xor)' --out C \(loud) 2>/dev/full")
        #expect(success.status == 0)
    }

    @Test func aSecondRunIntoTheSameFolderFailsWith73AndMixesNothing() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let binary = try #require(Harness.binary)
        let first = Process()
        first.executableURL = binary
        first.arguments = ["run", Self.xor, "--out", "D"] + Self.small
        first.currentDirectoryURL = h.folder
        first.environment = ProcessInfo.processInfo.environment.merging([
            "ERROREST_FAULT": "opened:STOP"
        ]) { $1 }
        first.standardOutput = FileHandle.nullDevice
        first.standardError = FileHandle.nullDevice
        try first.run()
        // Wait until it has the lock and stopped itself.
        let stat = "/proc/\(first.processIdentifier)/stat"
        for _ in 0..<600 {
            if let text = try? String(contentsOfFile: stat, encoding: .utf8),
                text.split(separator: ")").last?.split(separator: " ").first == "T"
            {
                break
            }
            usleep(50_000)
        }
        let second = try h.errorest(
            ["run", Self.xor, "--out", "D", "--epochs", "40"] + Self.small.prefix(2))
        #expect(second.status == 73)
        #expect(
            second.stderr.hasPrefix(
                "errorest: Another errorest run (process \(first.processIdentifier)) is writing into D;"
            ))
        kill(first.processIdentifier, SIGCONT)
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        let manifest = try h.json("D/manifest.json")
        let listed = (manifest["files"] as! [[String: Any]]).map { $0["path"] as! String }
        #expect(Set(try h.files(under: "D").keys) == Set(listed + ["run.json", "manifest.json"]))
        #expect(listed.count == 3)
    }

    /// Points where a kill is tried: lock taken, first figure written, manifest written, just
    /// before and just after the switch.
    static let killPoints = ["opened", "figure", "manifest", "switch", "switched"]

    @Test(arguments: killPoints, ["KILL", "TERM", "INT"])
    func aKilledRunLeavesTheEarlierOneOrTheNewOneWhole(point: String, signal: String) throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let earlier = try Self.earlierRun(h)
        let again = ["run", Self.xor, "--out", "D", "--seed", "5"] + Self.small
        let killed = try h.errorest(again, environment: ["ERROREST_FAULT": "\(point):\(signal)"])
        #expect(killed.status != 0)
        if point == "switched" {
            // Switched: the new run is there, whole, as an uninterrupted run would leave it.
            _ = try h.errorest(Array(again.prefix(2)) + ["--out", "N"] + Array(again.dropFirst(4)))
            #expect(try h.files(under: "D") == (try h.files(under: "N")))
        } else {
            #expect(try h.files(under: "D") == earlier)
        }
        // The next run clears what the killed one left and finishes normally.
        let next = try h.errorest(["run", Self.xor, "--out", "D"] + Self.small)
        #expect(next.status == 0)
        #expect(try h.files(under: "D") == earlier)
        #expect(try h.leftovers(in: "D") == [])
    }
}
