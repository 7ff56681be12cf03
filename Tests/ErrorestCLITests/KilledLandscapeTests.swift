import Foundation
import Testing

/// The kill suite's landscape and ffmpeg points (issue 20): a run killed while it draws its error
/// surface and mountain, while ffmpeg makes its MP4, or just after ffmpeg has made it, leaves the
/// earlier run in its folder whole, and the same run again finishes as an uninterrupted one,
/// byte for byte.
@Suite struct KilledLandscapeTests {
    /// A small network's run with both landscapes (the tiled grid of a network with hidden units).
    static let landscape = [
        "--generator", "xor", "--count", "40", "--hidden", "2", "--figures", "surface,mountain",
        "--surface-grid", "15", "--size", "96x72", "--epochs", "20", "--snapshots", "linear 3",
        "--quiet",
    ]
    /// A run whose frames become an MP4 through ffmpeg.
    static let movie = [
        "--size", "64x48", "--epochs", "20", "--snapshots", "linear 4", "--format", "png,mp4",
        "--quiet",
    ]

    /// The processes other than this one whose command line names the test's folder (ffmpeg
    /// making a file there), and whether each still runs.
    static func programs(in h: Harness) -> [Int32] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap(Int32.init).filter { pid in
            guard pid != getpid(),
                let line = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline")
            else { return false }
            return String(decoding: line, as: UTF8.self).contains(h.folder.path)
                && FFmpegSupervisionTests.running(pid)
        }
    }

    /// Waits until no program works in the test's folder (an ffmpeg a SIGKILL left running ends
    /// on its own; a stop signal's ends at once).
    static func waitForPrograms(in h: Harness, seconds: Double = 60) {
        let deadline = Date().addingTimeInterval(seconds)
        while !programs(in: h).isEmpty && Date() < deadline { usleep(20_000) }
    }

    /// Runs `flags` into `D` over an earlier run, killed at `point` by `signal`; checks `D` is the
    /// earlier run, then that the run again equals the same run made uninterrupted in `N`.
    static func killAndRunAgain(_ flags: [String], point: String, signal: String) throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let first = try h.errorest(["run", "--out", "D"] + flags)
        #expect(first.status == 0, "\(first.stderr)")
        let earlier = try h.files(under: "D")
        #expect(!earlier.isEmpty)
        let again = ["run", "--out", "D", "--seed", "5"] + flags
        let killed = try h.errorest(again, environment: ["ERROREST_FAULT": "\(point):\(signal)"])
        #expect(killed.status != 0)
        if signal != "KILL" {
            // A stop signal ends the ffmpeg errorest waits for with it.
            usleep(300_000)
            #expect(programs(in: h) == [], "ffmpeg outlived errorest's SIG\(signal)")
        }
        waitForPrograms(in: h)
        #expect(try h.files(under: "D") == earlier, "\(point):\(signal) changed the earlier run")
        let rerun = try h.errorest(again)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let clean = try h.errorest(["run", "--out", "N", "--seed", "5"] + flags)
        #expect(clean.status == 0, "\(clean.stderr)")
        let made = try h.files(under: "N")
        #expect(made.keys.contains { $0.hasSuffix(".mp4") } == flags.contains("png,mp4"))
        #expect(try h.files(under: "D") == made, "the run again after \(point):\(signal)")
        #expect(try h.leftovers(in: "D") == [])
    }

    @Test(arguments: ["KILL", "TERM", "INT"])
    func aRunKilledAmongItsLandscapesLeavesTheEarlierOneWhole(signal: String) throws {
        try Self.killAndRunAgain(Self.landscape, point: "landscape", signal: signal)
    }

    /// `ffmpeg`: ffmpeg has just started; `ffmpeg-made`: it has written the MP4, not yet checked.
    @Test(
        .enabled(if: AnimationTests.hasFFmpeg || Harness.inCI, "needs ffmpeg"),
        arguments: ["ffmpeg", "ffmpeg-made"], ["KILL", "TERM", "INT"])
    func aRunKilledAroundFFmpegLeavesTheEarlierOneWhole(point: String, signal: String) throws {
        try Self.killAndRunAgain(Self.movie, point: point, signal: signal)
    }

    /// Killed at seeded random moments of a run with landscapes and an MP4, a folder holds the
    /// earlier run or the new one, whole, never a mixture; the run again ends as the new one.
    @Test(.enabled(if: AnimationTests.hasFFmpeg || Harness.inCI, "needs ffmpeg"))
    func runsKilledAtRandomMomentsLeaveOneRunWhole() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let flags = Array(Self.landscape.dropLast()) + ["--format", "png,mp4", "--quiet"]
        #expect(try h.errorest(["run", "--out", "D"] + flags).status == 0)
        let earlier = try h.files(under: "D")
        let started = Date()
        #expect(try h.errorest(["run", "--out", "N", "--seed", "5"] + flags).status == 0)
        let duration = Date().timeIntervalSince(started)
        let new = try h.files(under: "N")
        let binary: URL = try #require(Harness.binary, "the errorest binary was not built")
        var random = FuzzTests.Random(state: 2020)
        var outcomes: [String] = []
        for _ in 0..<6 {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["run", "--out", "D", "--seed", "5"] + flags
            process.currentDirectoryURL = h.folder
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(Double(random.below(1000)) / 1000 * duration * 1e6))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            Self.waitForPrograms(in: h)
            let now = try h.files(under: "D")
            #expect(now == earlier || now == new, "a mixture: \(now.keys.sorted())")
            outcomes.append(now == new ? "new" : "earlier")
            // Back to the earlier run for the next kill.
            if now == new { #expect(try h.errorest(["run", "--out", "D"] + flags).status == 0) }
        }
        let rerun = try h.errorest(["run", "--out", "D", "--seed", "5"] + flags)
        #expect(rerun.status == 0, "\(rerun.stderr) after \(outcomes)")
        #expect(try h.files(under: "D") == new)
        #expect(try h.leftovers(in: "D") == [])
    }
}
