import Foundation
import Testing

/// `formats: apng, mp4, gif`: animated files written through the output folder and manifest.
@Suite struct AnimationTests {
    static let hasPillow: Bool = {
        guard let h = try? Harness() else { return false }
        defer { h.cleanUp() }
        return (try? h.run("/usr/bin/env", ["python3", "-c", "import PIL"]))?.status == 0
    }()

    static let hasFFmpeg: Bool =
        ["/usr/bin/ffmpeg", "/usr/local/bin/ffmpeg"].contains {
            FileManager.default.isExecutableFile(atPath: $0)
        } && FileManager.default.isExecutableFile(atPath: "/usr/bin/ffprobe")

    /// 4 snapshots at 6 frames a second, first held 0.5 s, last 1 s.
    static let animated = [
        "--size", "64x48", "--epochs", "30", "--snapshots", "linear 4", "--quiet",
    ]

    static func runFile(formats: String, title: Bool = false) -> String {
        """
        name: anim
        data: {generator: xor, count: 40, noise: 0.1, seed: 7}
        network: {hidden: [2]}
        training: {epochs: 30, learningRate: 2.0}
        snapshots: linear 4
        render:
          size: [64, 48]
          formats: [\(formats)]
          animation: {fps: 6, holdFirst: 0.5, holdLast: 1, title: \(title)}
        """
    }

    /// Each frame's duration in milliseconds and the size, as Pillow reads the animated PNG.
    func pillow(_ h: Harness, _ path: String) throws -> (frames: [Double], size: [Int]) {
        let script = """
            import json, sys
            from PIL import Image
            im = Image.open(sys.argv[1])
            durations = []
            for k in range(im.n_frames):
                im.seek(k)
                durations.append(im.info["duration"])
            print(json.dumps({"durations": durations, "size": list(im.size),
                              "animated": im.is_animated}))
            """
        let result = try h.run("/usr/bin/env", ["python3", "-c", script, h.url(path).path])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(
            try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        #expect(json["animated"] as? Bool == true)
        return (json["durations"] as? [Double] ?? [], json["size"] as? [Int] ?? [])
    }

    @Test(.enabled(if: hasPillow || Harness.inCI, "needs python3 with Pillow"))
    func anAnimatedPNGHasOneFramePerSnapshotWithHoldsAsDelays() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.write(Self.runFile(formats: "apng"), to: "anim.yaml")
        let result = try h.errorest(["run", "anim.yaml", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let (durations, size) = try pillow(h, "Output/anim/figures/frame-animation.png")
        #expect(size == [64, 48])
        // 1/6 s a frame; the first held 0.5 s (3 periods), the last 1 s (6 periods).
        let expected = [4, 1, 1, 7].map { 1000 * Double($0) / 6 }
        #expect(durations.count == 4)
        for (d, e) in zip(durations, expected) { #expect(abs(d - e) < 0.01) }
        // Only the animation: no PNG frames of their own.
        #expect(!FileManager.default.fileExists(atPath: h.url("Output/anim/frames").path))
        let manifest = try h.json("Output/anim/manifest.json")
        let files = try #require(manifest["files"] as? [[String: Any]])
        #expect(files.count == 1)
        #expect(files[0]["path"] as? String == "figures/frame-animation.png")
        #expect(files[0]["format"] as? String == "apng")
        #expect(files[0]["epochs"] as? [Int] == [0, 10, 20, 30])
        #expect(files[0]["epoch"] as? Int == 30)
        // Nothing of the staging is left behind.
        #expect(
            Set(try h.files(under: "Output/anim").keys) == [
                "figures/frame-animation.png", "manifest.json", "run.json",
            ])
        #expect(try h.leftovers(in: "Output/anim") == [])
    }

    @Test(.enabled(if: hasPillow || Harness.inCI, "needs python3 with Pillow"))
    func theTitleCardComesFirstAndTheFramesAreThoseOfThePNGSequence() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.write(Self.runFile(formats: "png, apng", title: true), to: "anim.yaml")
        let result = try h.errorest(["run", "anim.yaml", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let (durations, _) = try pillow(h, "Output/anim/figures/frame-animation.png")
        #expect(durations.count == 5)
        #expect(abs(durations[0] - 2000) < 0.01)  // `title: true` is two seconds
        // Frame k of the animation is frames/frame-000k.png, pixel for pixel.
        let script = """
            import sys
            from PIL import Image, ImageChops
            im = Image.open(sys.argv[1])
            for k in range(4):
                im.seek(k + 1)
                still = Image.open(sys.argv[2] + "/frame-%04d.png" % k).convert("RGB")
                assert ImageChops.difference(im.convert("RGB"), still).getbbox() is None, k
            print("same")
            """
        let check = try h.run(
            "/usr/bin/env",
            [
                "python3", "-c", script, h.url("Output/anim/figures/frame-animation.png").path,
                h.url("Output/anim/frames").path,
            ])
        #expect(check.stdoutText.contains("same"), "\(check.stderr)")
    }

    @Test func theAnimationIsByteIdenticalAcrossRunsAndThreads() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        var seen: [Data] = []
        for jobs in ["1", "3", "3"] {
            let result = try h.errorest(
                ["run", "--format", "apng", "--out", "j\(jobs)-\(seen.count)", "--jobs", jobs]
                    + Self.animated)
            #expect(result.status == 0, "\(result.stderr)")
            seen.append(
                try Data(contentsOf: h.url("j\(jobs)-\(seen.count)/figures/frame-animation.png")))
        }
        #expect(seen.count == 3 && seen.allSatisfy { $0 == seen[0] })
        #expect(pngSize(seen[0])! == (64, 48))
    }

    @Test(.enabled(if: hasFFmpeg || Harness.inCI, "needs ffmpeg and ffprobe"))
    func ffmpegMakesMP4AndGIFAtTheFrameRateWithTheHoldsRepeated() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.write(Self.runFile(formats: "mp4, gif"), to: "anim.yaml")
        let result = try h.errorest(["run", "anim.yaml", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        for (ext, codec) in [("mp4", "h264"), ("gif", "gif")] {
            let probe = try h.run(
                "/usr/bin/ffprobe",
                [
                    "-v", "error", "-count_frames", "-show_entries",
                    "stream=codec_name,width,height,nb_read_frames,pix_fmt", "-of", "json",
                    h.url("Output/anim/figures/frame-animation.\(ext)").path,
                ])
            #expect(probe.status == 0, "\(probe.stderr)")
            let json = try #require(
                try JSONSerialization.jsonObject(with: probe.stdout) as? [String: Any])
            let stream = try #require((json["streams"] as? [[String: Any]])?.first)
            #expect(stream["codec_name"] as? String == codec)
            #expect(stream["width"] as? Int == 64 && stream["height"] as? Int == 48)
            // 4 snapshots + 3 + 6 periods of holds, at a constant 6 frames a second.
            #expect(stream["nb_read_frames"] as? String == "13")
            if ext == "mp4" { #expect(stream["pix_fmt"] as? String == "yuv420p") }
        }
        let manifest = try h.json("Output/anim/manifest.json")
        let files = try #require(manifest["files"] as? [[String: Any]])
        #expect(
            files.compactMap { $0["path"] as? String } == [
                "figures/frame-animation.gif", "figures/frame-animation.mp4",
            ])
        // The animated PNG ffmpeg read was only a staged file: it is not left anywhere, not even
        // in the live generation.
        let all = try h.files(under: "Output/anim").keys
        #expect(
            Set(all) == [
                "figures/frame-animation.gif", "figures/frame-animation.mp4", "manifest.json",
                "run.json",
            ])
        #expect(try h.leftovers(in: "Output/anim") == [])
        let generation = h.url("Output/anim/.errorest+/current").resolvingSymlinksInPath()
        let inside = try FileManager.default.contentsOfDirectory(atPath: generation.path)
        #expect(!inside.contains { $0.hasSuffix(".apng") }, "\(inside)")
    }

    @Test func withoutFFmpegOnThePathMP4ExitsSixtyNineBeforeTraining() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        for format in ["mp4", "gif", "png,apng,gif"] {
            let result = try h.errorest(
                ["run", "--format", format] + Self.animated, environment: ["PATH": ""])
            #expect(result.status == 69)
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1)
            #expect(result.stderr.contains("ffmpeg"))
            #expect(result.stderr.contains("not on the PATH"))
            // Checked before anything was trained or written.
            #expect(!FileManager.default.fileExists(atPath: h.url("Output").path))
        }
        // apng needs no ffmpeg.
        let apng = try h.errorest(
            ["run", "--format", "apng"] + Self.animated, environment: ["PATH": ""])
        #expect(apng.status == 0, "\(apng.stderr)")
    }

    @Test func badAnimationKeysNameTheirLine() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let cases: [(String, String)] = [
            ("animation: {fps: 0}", "\"render.animation.fps\" is 0; it must be 1 to 60."),
            (
                "animation: {holdLast: -1}",
                "\"render.animation.holdLast\" is -1; it must be 0 to 60 seconds."
            ),
            ("animation: {title: \"yes\"}", "\"render.animation.title\" should be a number"),
            ("animation: {speed: 2}", "unknown key \"speed\" in \"render.animation\""),
        ]
        for (line, message) in cases {
            try h.write("render:\n  formats: [apng]\n  \(line)\n", to: "bad.yaml")
            let result = try h.errorest(["run", "bad.yaml", "--quiet"])
            #expect(result.status == 65)
            #expect(result.stderr.contains("bad.yaml, line 3: "), "\(result.stderr)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
    }

    @Test func everyAnimationMistakeIsNamedAtOnceInLineOrder() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.write(
            """
            render:
              formats: [apng]
              animation:
                fps: 90
                holdFirst: 61
                title: -2
              errorRange: [0.5, 0.5]
            """, to: "bad.yaml")
        let result = try h.errorest(["run", "bad.yaml", "--quiet"])
        #expect(result.status == 65)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        let text = result.stderr
        let parts = [
            "line 4: \"render.animation.fps\" is 90; it must be 1 to 60.",
            "Line 5: \"render.animation.holdFirst\" is 61; it must be 0 to 60 seconds.",
            "Line 6: \"render.animation.title\" is -2; it must be 0 to 60 seconds.",
            "Line 7: \"render.errorRange\" is [0.5, 0.5]; it must be two finite errors",
        ]
        var previous = text.startIndex
        for part in parts {
            let found = try #require(text.range(of: part), "\(part) in \(text)")
            #expect(found.lowerBound >= previous)
            previous = found.upperBound
        }
        #expect(!FileManager.default.fileExists(atPath: h.url("Output").path))
    }

    @Test func theAnimationFlagsAreCheckedByTheSameRules() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let cases: [([String], String)] = [
            (["--fps", "0"], "errorest: --fps is 0; it must be 1 to 60."),
            (["--hold-first", "-1"], "errorest: --hold-first is -1; it must be 0 to 60 seconds."),
            (["--hold-last", "90"], "errorest: --hold-last is 90; it must be 0 to 60 seconds."),
            (
                ["--title-card", "nan"],
                "errorest: --title-card is nan; it must be 0 to 60 seconds."
            ),
        ]
        for (flags, message) in cases {
            let result = try h.errorest(["run", "--format", "apng"] + flags + Self.animated)
            #expect(result.status == 65, "\(flags)")
            #expect(result.stderr == message + "\n", "\(result.stderr)")
        }
    }

    @Test(.enabled(if: hasPillow || Harness.inCI, "needs python3 with Pillow"))
    func theAnimationFlagsOverrideTheKeys() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.write(Self.runFile(formats: "apng"), to: "anim.yaml")
        let result = try h.errorest([
            "run", "anim.yaml", "--quiet", "--fps", "10", "--hold-first", "0", "--hold-last",
            "0.2", "--title-card", "1",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let (durations, _) = try pillow(h, "Output/anim/figures/frame-animation.png")
        // A title card of 1 s, then 1/10 s a frame, the last held 0.2 s more.
        let expected = [1000, 100, 100, 100, 300.0]
        #expect(durations.count == expected.count)
        for (d, e) in zip(durations, expected) { #expect(abs(d - e) < 0.01, "\(durations)") }
    }
}

/// `render.errorRange` and `--error-range`: one error axis for several runs.
@Suite struct ErrorRangeTests {
    @Test func theKeyAndTheFlagSetTheErrorAxisInTheManifest() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.write("render:\n  errorRange: [0, 2]\n  figures: [error]\n", to: "r.yaml")
        for (arguments, range) in [
            (["run", "r.yaml", "--out", "a"], [0.0, 2.0]),
            (["run", "r.yaml", "--out", "b", "--error-range", "0.1,0.9"], [0.1, 0.9]),
        ] {
            let result = try h.errorest(arguments + tiny)
            #expect(result.status == 0, "\(result.stderr)")
            let manifest = try h.json("\(arguments[3])/manifest.json")
            let file = try #require((manifest["files"] as? [[String: Any]])?.first)
            let panel = try #require((file["panels"] as? [[String: Any]])?.first)
            #expect((panel["domain"] as? [[Double]])?[1] == range)
        }
        try h.write("render:\n  errorRange: [1, 0.5]\n", to: "bad.yaml")
        let bad = try h.errorest(["run", "bad.yaml"] + tiny)
        #expect(bad.status == 65)
        #expect(
            bad.stderr.contains(
                "bad.yaml, line 2: \"render.errorRange\" is [1, 0.5]; it must be two finite "
                    + "errors low, high with 0 ≤ low < high."))
        // The same rule, given as a flag, names the flag; a malformed value is a usage error.
        let inverted = try h.errorest(["run", "--error-range", "1,0.5"] + tiny)
        #expect(inverted.status == 65)
        #expect(
            inverted.stderr.contains(
                "--error-range is [1, 0.5]; it must be two finite errors low, high with 0 ≤ low"))
        let flag = try h.errorest(["run", "--error-range", "0.5"] + tiny)
        #expect(flag.status == 64)
        #expect(flag.stderr.contains("The error range is two numbers low,high"))
    }
}
