import Foundation
import Testing

/// The lesson's course animation: its slides in order, each held for the time its caption takes
/// to read; `lesson.mp4` where ffmpeg is, else an animated `lesson.png`; none when asked.
@Suite struct LessonAnimationTests {
    /// The reading pace the storyboard's holds follow, worked out here again: two seconds, then
    /// three words a second, at least four seconds, whole frames at `fps`.
    static func hold(_ caption: String, fps: Int) -> Int {
        let words = caption.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
        return Int((max(4, 2 + Double(words) / 3) * Double(fps)).rounded(.up))
    }

    /// The frames of a video as ffprobe decodes them, with its codec and size.
    static func probe(_ h: Harness, _ path: String) throws -> [String: Any] {
        let probe = try h.run(
            "/usr/bin/ffprobe",
            [
                "-v", "error", "-count_frames", "-show_entries",
                "stream=codec_name,width,height,nb_read_frames", "-of", "json", h.url(path).path,
            ])
        #expect(probe.status == 0, "\(probe.stderr)")
        let json = try JSONSerialization.jsonObject(with: probe.stdout) as? [String: Any]
        return try #require((json?["streams"] as? [[String: Any]])?.first)
    }

    @Test(.enabled(if: AnimationTests.hasFFmpeg || Harness.inCI, "needs ffmpeg and ffprobe"))
    func theBuiltInLessonIsAnMP4OfItsSlidesHeldAsTheStoryboardSays() throws {
        let (h, result) = try #require(LessonCommandTests.builtIn)
        #expect(result.status == 0, "\(result.stderr)")
        let board = try h.json("out/storyboard.json")
        let beats = try #require(board["beats"] as? [[String: Any]])
        let animation = try #require(board["animation"] as? [String: Any])
        #expect(animation["path"] as? String == "lesson.mp4")
        #expect(animation["format"] as? String == "mp4")
        #expect((board["files"] as? [String: String])?["animation"] == "lesson.mp4")
        let fps = try #require(animation["fps"] as? Int)
        let holds = try #require(animation["holds"] as? [Int])
        let frames = try #require(animation["frames"] as? Int)
        #expect(animation["slides"] as? Int == beats.count)
        #expect(holds == beats.map { Self.hold($0["caption"] as? String ?? "", fps: fps) })
        #expect(holds.reduce(0, +) == frames)
        let stream = try Self.probe(h, "out/lesson.mp4")
        #expect(stream["codec_name"] as? String == "h264")
        #expect(stream["width"] as? Int == 1920 && stream["height"] as? Int == 1080)
        #expect(stream["nb_read_frames"] as? String == "\(frames)")
        let manifest = try h.json("out/manifest.json")
        let entry = try #require(
            (manifest["files"] as? [[String: Any]])?.first { $0["path"] as? String == "lesson.mp4" }
        )
        #expect(entry["format"] as? String == "mp4")
        #expect((entry["epochs"] as? [Double])?.count == beats.count)
    }

    /// A small lesson (gauss and wedge data) at 640×360, its animation as `animation` says.
    static func small(_ animation: String) -> String {
        LessonNetworkTests.variant(1).replacingOccurrences(
            of: "slides: {formats: []}\nanimation: none",
            with: "slides: {size: [640, 360], formats: [png]}\nhandout: false\n"
                + "animation: \(animation)")
    }

    @Test(.enabled(if: AnimationTests.hasPillow || Harness.inCI, "needs python3 with Pillow"))
    func withoutFFmpegTheAnimationIsAnAnimatedPNGAndNoneWritesNone() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.write(Self.small("mp4"), to: "small.yaml")
        try FileManager.default.createDirectory(
            at: h.url("bin"), withIntermediateDirectories: true)
        let result = try h.errorest(
            ["lesson", "small.yaml", "--out", "out"], environment: ["PATH": h.url("bin").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stderr.hasPrefix(
                "ffmpeg is not on the PATH, so the lesson's animation is lesson.png (an animated "
                    + "PNG) instead of lesson.mp4; install ffmpeg for the video.\n"),
            "\(result.stderr)")
        let board = try h.json("out/storyboard.json")
        let beats = try #require(board["beats"] as? [[String: Any]])
        let animation = try #require(board["animation"] as? [String: Any])
        #expect(animation["path"] as? String == "lesson.png")
        #expect(animation["format"] as? String == "apng")
        let fps = try #require(animation["fps"] as? Int)
        let holds = try #require(animation["holds"] as? [Int])
        #expect(holds == beats.map { Self.hold($0["caption"] as? String ?? "", fps: fps) })
        let read = try AnimationTests().pillow(h, "out/lesson.png")
        #expect(read.size == [640, 360])
        #expect(read.frames == holds.map { Double($0) * 1000 / Double(fps) })
        // The animated PNG's first frame is the first slide, pixel for pixel.
        let first = try #require(beats.first?["slide"] as? String)
        let script = """
            import sys
            from PIL import Image, ImageChops
            a = Image.open(sys.argv[1]); a.seek(0)
            b = Image.open(sys.argv[2])
            print(ImageChops.difference(a.convert("RGB"), b.convert("RGB")).getbbox())
            """
        let same = try h.run(
            "/usr/bin/env",
            ["python3", "-c", script, h.url("out/lesson.png").path, h.url("out/" + first).path])
        #expect(same.stdoutText == "None\n", "\(same.stdoutText)\(same.stderr)")
        #expect(!FileManager.default.fileExists(atPath: h.url("out/lesson.mp4").path))

        try h.write(Self.small("none"), to: "none.yaml")
        let none = try h.errorest(["lesson", "none.yaml", "--quiet", "--out", "none"])
        #expect(none.status == 0, "\(none.stderr)")
        #expect(try h.json("none/storyboard.json")["animation"] == nil)
        let files = try h.files(under: "none").keys
        #expect(!files.contains { $0.hasPrefix("lesson.") || $0.contains("animation") }, "\(files)")
        #expect(try h.files(under: "none/slides").count == beats.count)
    }

    @Test func theStoryboardAndManifestFollowTheirSchemas() throws {
        let (h, result) = try #require(LessonCommandTests.builtIn)
        #expect(result.status == 0, "\(result.stderr)")
        try Schemas.validate([h.url("out/storyboard.json")], against: "storyboard")
        try Schemas.validate([h.url("out/manifest.json")], against: "manifest")
        // The storyboard names figures as the manifest does.
        func schema(_ name: String) throws -> [String: Any] {
            let url = Schemas.folder.appendingPathComponent("\(name).schema.json")
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
            return try #require(json as? [String: Any])
        }
        let figures =
            (try schema("storyboard")["$defs"] as? [String: Any])
            .flatMap { $0["figure"] as? [String: Any] }?["enum"] as? [String]
        let files = (try schema("manifest")["properties"] as? [String: Any])?["files"]
        let entry = ((files as? [String: Any])?["items"] as? [String: Any])?["properties"]
        let manifestFigures = ((entry as? [String: Any])?["figure"] as? [String: Any])?["enum"]
        #expect(figures != nil && figures == manifestFigures as? [String])
    }
}
