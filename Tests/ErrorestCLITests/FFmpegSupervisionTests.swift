import Foundation
import Testing

/// ffmpeg supervised (issue 20, findings 5, 12 and 15): its file checked before the manifest
/// lists it, a time limit, its process group ended with errorest's, its standard error kept as a
/// tail however long.
@Suite struct FFmpegSupervisionTests {
    static let animated = ["--format", "mp4", "--size", "64x48", "--epochs", "20", "--quiet"]

    /// A folder `bin` holding an `ffmpeg` shell script, and the PATH that finds it first.
    static func fake(_ h: Harness, _ script: String) throws -> [String: String] {
        let url = try h.write("#!/bin/sh\n" + script + "\n", to: "bin/ffmpeg")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return ["PATH": h.url("bin").path + ":/usr/bin:/bin"]
    }

    /// True while process `pid` runs (a zombie no longer does).
    static func running(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        else { return false }
        let state = stat.split(separator: ")").last?.split(separator: " ").first
        return state != "Z" && state != "X"
    }

    /// Finding 5: an ffmpeg that exits 0 without writing, or writes a folder, or writes bytes
    /// that are no video: 69, one line, and no manifest listing the file.
    @Test(
        .enabled(if: AnimationTests.hasFFmpeg || Harness.inCI, "needs ffprobe"),
        arguments: [
            ("exit 0", "said it made o/figures/frame-animation.mp4 but wrote no file there"),
            ("eval out=\\${$#}; mkdir \"$out\"", "but wrote no file there"),
            (
                "eval out=\\${$#}; echo garbage > \"$out\"",
                "ffmpeg wrote o/figures/frame-animation.mp4 but ffprobe cannot read it back"
            ),
        ])
    func anFFmpegThatWritesNoVideoIsAFailure(script: String, message: String) throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let environment = try Self.fake(h, script)
        let result = try h.errorest(
            ["run", "--out", "o"] + Self.animated, environment: environment)
        #expect(result.status == 69)
        #expect(result.stderr.hasPrefix("errorest: ffmpeg "))
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
        #expect(!FileManager.default.fileExists(atPath: h.url("o/manifest.json").path))
    }

    /// Finding 12: a hung ffmpeg is stopped at its time limit (69), and nothing of it is left.
    @Test func aHungFFmpegIsStoppedAtItsTimeLimit() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        var environment = try Self.fake(h, "echo $$ > \"\(h.url("pid").path)\"; exec sleep 600")
        environment["ERROREST_FFMPEG_TIMEOUT"] = "1"
        let started = Date()
        let result = try h.errorest(
            ["run", "--out", "o"] + Self.animated, environment: environment)
        #expect(Date().timeIntervalSince(started) < 60)
        #expect(result.status == 69)
        #expect(
            result.stderr
                == "errorest: ffmpeg did not finish o/figures/frame-animation.mp4 within 1 s and "
                + "was stopped; check that it runs (ffmpeg -version), or allow it longer with "
                + "ERROREST_FFMPEG_TIMEOUT=<seconds>.\n")
        let pid = try #require(
            Int32(
                try String(contentsOf: h.url("pid"), encoding: .utf8)
                    .trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(!Self.running(pid))
        #expect(!FileManager.default.fileExists(atPath: h.url("o/manifest.json").path))
    }

    /// Finding 12: SIGTERM to errorest ends the ffmpeg it waits for.
    @Test func stoppingErrorestStopsItsFFmpeg() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let pidFile = h.url("pid")
        let environment = try Self.fake(h, "echo $$ > \"\(pidFile.path)\"; exec sleep 600")
        let process = Process()
        process.executableURL = try #require(Harness.binary)
        process.arguments = ["run", "--out", "o"] + Self.animated
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.currentDirectoryURL = h.folder
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        var pid: Int32?
        while pid == nil && process.isRunning && Date() < deadline {
            usleep(20_000)
            pid = (try? String(contentsOf: pidFile, encoding: .utf8)).flatMap {
                Int32($0.trimmingCharacters(in: .whitespacesAndNewlines))
            }
        }
        let child = try #require(pid, "ffmpeg was never started")
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        usleep(200_000)
        #expect(!Self.running(child))
        if Self.running(child) { kill(child, SIGKILL) }
    }

    /// Finding 15: an ffmpeg that succeeds after 100 KB of warnings is a success.
    @Test(.enabled(if: AnimationTests.hasFFmpeg || Harness.inCI, "needs ffmpeg"))
    func anFFmpegThatSaysMuchAndSucceedsIsASuccess() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let environment = try Self.fake(
            h, "head -c 100000 /dev/zero | tr '\\000' w >&2; exec /usr/bin/ffmpeg \"$@\"")
        let result = try h.errorest(
            ["run", "--out", "o"] + Self.animated, environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: h.url("o/figures/frame-animation.mp4").path))
    }
}
