import Foundation
import Testing

/// Each command, end to end, through the built binary.
@Suite struct CommandTests {
    @Test func runWithoutARunFileRendersTheBuiltInLessonIntoOutputLesson() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let result = try h.errorest(["run", "--json"] + tiny)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let files = try h.files(under: "Output/lesson")
        #expect(
            Set(files.keys) == [
                "run.json", "manifest.json", "frames/frame-0000.png",
                "frames/frame-0001.png", "frames/frame-0002.png",
            ])
        for index in 0..<3 {
            let size = try #require(pngSize(files["frames/frame-000\(index).png"] ?? Data()))
            #expect(size == (64, 48))
        }
        // --json prints the manifest itself.
        #expect(result.stdout == files["manifest.json"])
        let manifest = try #require(
            try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        #expect(manifest["format"] as? String == "errorest-manifest")
        #expect(manifest["version"] as? Int == 1)
        #expect(manifest["run"] as? String == "run.json")
        let entries = try #require(manifest["files"] as? [[String: Any]])
        #expect(
            entries.map { $0["path"] as? String } == (0..<3).map { "frames/frame-000\($0).png" })
        #expect(entries.map { $0["epoch"] as? Int } == [0, 15, 30])
        for entry in entries {
            #expect(entry["figure"] as? String == "frame")
            #expect(entry["format"] as? String == "png")
            #expect(entry["width"] as? Int == 64 && entry["height"] as? Int == 48)
            #expect((entry["error"] as? Double).map { $0 > 0 } == true)
            let panels = try #require(entry["panels"] as? [[String: Any]])
            #expect(!panels.isEmpty)
            for panel in panels {
                #expect((panel["rect"] as? [Double])?.count == 4)
                #expect((panel["domain"] as? [[Double]])?.count == 2)
                #expect(panel.keys.contains("layer") && panel.keys.contains("unit"))
            }
        }
        let record = try h.json("Output/lesson/run.json")
        #expect(record["format"] as? String == "errorest-run")
        #expect((record["errors"] as? [Double])?.count == 31)
    }

    @Test func flagsOverrideTheRunFile() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.write(
            "name: base\ndata: {generator: xor, count: 40}\ntraining: {epochs: 500}\n",
            to: "base.yaml")
        let result = try h.errorest(
            [
                "run", "base.yaml", "--name", "over", "--generator", "circle", "--count", "30",
                "--hidden", "3,2", "--activation", "tanh", "--learning-rate", "0.25",
                "--batch-size", "10", "--shuffle", "--seed", "5", "--out", "custom",
                "--figures", "output,error", "--format", "svg",
            ] + tiny)
        #expect(result.status == 0, "\(result.stderr)")
        let record = try h.json("custom/run.json")
        #expect(record["name"] as? String == "over")
        #expect((record["network"] as? [String: Any])?["hidden"] as? [Int] == [3, 2])
        #expect((record["network"] as? [String: Any])?["activation"] as? String == "tanh")
        let training = try #require(record["training"] as? [String: Any])
        #expect(training["epochs"] as? Int == 30)
        #expect(training["learningRate"] as? Double == 0.25)
        #expect(training["batchSize"] as? Int == 10)
        #expect(training["shuffle"] as? Bool == true)
        #expect(training["seed"] as? Int == 5)
        #expect(((record["data"] as? [String: Any])?["labels"] as? [Int])?.count == 30)
        let files = try h.files(under: "custom")
        #expect(files.keys.contains("figures/output-epoch-000015.svg"))
        #expect(files.keys.contains("figures/error-epoch-000030.svg"))
        #expect(!files.keys.contains { $0.hasPrefix("frames/") })
        #expect(!FileManager.default.fileExists(atPath: h.url("Output").path))
    }

    @Test func trainWritesTheRecordAndRenderDrawsItLater() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.write("name: later\ntraining: {epochs: 40}\nsnapshots: [0, 10, 40]\n", to: "r.yaml")
        let trained = try h.errorest(["train", "r.yaml", "--quiet", "--json"])
        #expect(trained.status == 0, "\(trained.stderr)")
        #expect(Set(try h.files(under: "Output/later").keys) == ["run.json", "manifest.json"])
        let manifest = try #require(
            try JSONSerialization.jsonObject(with: trained.stdout) as? [String: Any])
        #expect((manifest["files"] as? [Any])?.isEmpty == true)
        let record = try Data(contentsOf: h.url("Output/later/run.json"))

        // Every figure, a subset of snapshots (stills), in another folder: the record is copied
        // there.
        let drawn = try h.errorest(
            [
                "render", "Output/later/run.json", "--out", "drawn", "--snapshots", "10,40",
                "--figures", "frame,hidden,output,error", "--format", "png,pdf,svg",
                "--size", "64x48", "--quiet",
            ])
        #expect(drawn.status == 0, "\(drawn.stderr)")
        let files = try h.files(under: "drawn")
        #expect(files["run.json"] == record)
        #expect(!files.keys.contains { $0.hasPrefix("frames/") })
        for kind in ["frame", "hidden", "output", "error"] {
            for epoch in ["000010", "000040"] {
                #expect(files["figures/\(kind)-epoch-\(epoch).png"].flatMap(pngSize) != nil)
                #expect(
                    files["figures/\(kind)-epoch-\(epoch).pdf"]?.starts(with: Data("%PDF".utf8))
                        == true)
                let svg = String(
                    decoding: files["figures/\(kind)-epoch-\(epoch).svg"] ?? Data(), as: UTF8.self)
                #expect(svg.contains("<svg"))
            }
        }
        #expect(files.keys.allSatisfy { !$0.contains("epoch-000000") })
        // The training record is untouched.
        #expect(try Data(contentsOf: h.url("Output/later/run.json")) == record)
    }

    @Test func renderingTheSameRunAgainKeepsItsOtherFigures() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        #expect(try h.errorest(["run"] + tiny).status == 0)
        let frames = try h.files(under: "Output/lesson").filter { $0.key.hasPrefix("frames/") }
        let result = try h.errorest(
            [
                "render", "Output/lesson/run.json", "--figures", "output", "--format", "svg",
                "--snapshots", "last", "--quiet",
            ])
        #expect(result.status == 0, "\(result.stderr)")
        let files = try h.files(under: "Output/lesson")
        for (path, data) in frames { #expect(files[path] == data, "\(path)") }
        #expect(files["figures/output-epoch-000030.svg"] != nil)
        let manifest = try h.json("Output/lesson/manifest.json")
        let paths = (manifest["files"] as? [[String: Any]])?.compactMap { $0["path"] as? String }
        #expect(paths == frames.keys.sorted() + ["figures/output-epoch-000030.svg"])

        // A different run in the same folder replaces everything the manifest listed.
        #expect(
            try h.errorest(
                ["run", "--generator", "xor", "--out", "Output/lesson"] + tiny
                    + ["--snapshots", "0,30"]
            ).status == 0)
        let replaced = try h.files(under: "Output/lesson")
        #expect(replaced["figures/output-epoch-000030.svg"] == nil)
        #expect(replaced["frames/frame-0002.png"] == nil)
        #expect(replaced["frames/frame-0001.png"] != nil)
    }

    @Test func aRerunRemovesItsPreviousFilesAndNothingElse() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let five = [
            "run", "--size", "64x48", "--epochs", "30", "--snapshots", "linear 5", "--quiet",
        ]
        #expect(try h.errorest(five).status == 0)
        #expect(try h.files(under: "Output/lesson/frames").count == 5)
        try h.write("my notes", to: "Output/lesson/notes.txt")
        try h.write("my frame", to: "Output/lesson/frames/title.png")
        #expect(try h.errorest(["run"] + tiny).status == 0)
        let files = try h.files(under: "Output/lesson")
        #expect(
            Set(files.keys) == [
                "run.json", "manifest.json", "notes.txt", "frames/title.png",
                "frames/frame-0000.png", "frames/frame-0001.png",
                "frames/frame-0002.png",
            ])
        #expect(files["notes.txt"] == Data("my notes".utf8))
    }

    @Test func datasetsListsAndExportsTheGenerators() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let list = try h.errorest(["datasets"])
        #expect(list.status == 0)
        for name in ["wedge", "xor", "circle", "gauss", "spiral", "moons"] {
            #expect(list.stdoutText.contains("\(name) "))
        }
        let json = try h.errorest(["datasets", "--json"])
        let parsed = try #require(
            try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        #expect((parsed["generators"] as? [[String: String]])?.count == 6)

        let exported = try h.errorest(
            ["datasets", "--export", "xor,moons", "--count", "20", "--seed", "3", "--quiet"])
        #expect(exported.status == 0, "\(exported.stderr)")
        let csv = try String(contentsOf: h.url("Output/datasets/xor.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(rows.first == "x1,x2,label" && rows.count == 21)
        #expect(FileManager.default.fileExists(atPath: h.url("Output/datasets/moons.csv").path))

        // An exported set is a run's data file, and reads back the same points.
        try h.write("data: {file: Output/datasets/xor.csv}\n", to: "from-csv.yaml")
        #expect(try h.errorest(["train", "from-csv.yaml", "--epochs", "5", "--quiet"]).status == 0)
        let stdout = try h.errorest([
            "datasets", "--export", "xor", "--count", "20", "--seed", "3", "--out", "-",
        ])
        #expect(stdout.stdoutText == csv)
    }

    @Test func stderrCarriesOneSummaryLineAndAProgressBarOnlyOnATerminal() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let plain = try h.errorest([
            "run", "--size", "64x48", "--epochs", "30", "--snapshots", "linear 3",
        ])
        #expect(plain.status == 0)
        #expect(plain.stdout.isEmpty)
        #expect(!plain.stderr.contains("\r"))
        #expect(plain.stderr.hasPrefix("lesson: E(W) "))
        #expect(plain.stderr.contains("3 frames, run.json in Output/lesson"))
        #expect(plain.stderr.split(separator: "\n").count == 1)

        // Under a pseudo-terminal (util-linux `script`), the bar counts epochs, then frames.
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let binary = try #require(Harness.binary)
        let command = "\(binary.path) run --size 64x48 --epochs 30 --snapshots 'linear 3' --out tty"
        let tty = try h.run("/usr/bin/script", ["-qec", command, "/dev/null"])
        #expect(tty.status == 0, "\(tty.stderr)")
        #expect(tty.stdoutText.contains("training "))
        #expect(tty.stdoutText.contains("30/30 epochs"))
        #expect(tty.stdoutText.contains("3/3 frames"))
        let quiet = try h.run("/usr/bin/script", ["-qec", command + " --quiet", "/dev/null"])
        #expect(quiet.status == 0 && quiet.stdoutText.isEmpty, "\(quiet.stdoutText)")
    }

    @Test func helpDocumentsEveryFlag() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let help = try h.errorest(["run", "--help"])
        #expect(help.status == 0)
        for flag in [
            "--out", "--json", "--quiet", "--jobs", "--epochs", "--snapshots", "--size",
            "--format", "--figures", "--seed", "--learning-rate", "--hidden", "--palette",
            "--generator", "--data", "--batch-size", "--domain", "--equations",
        ] {
            #expect(help.stdoutText.contains(flag), "\(flag)")
        }
        for command in ["train", "render", "datasets"] {
            let text = try h.errorest([command, "--help"])
            #expect(text.status == 0 && text.stdoutText.contains("USAGE: errorest \(command)"))
        }
    }
}
