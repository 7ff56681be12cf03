import Foundation
import Testing

@testable import ErrorestCLI

/// Issue 20: an errorest killed with SIGKILL (which no handler sees) while ffmpeg encodes leaves
/// no ffmpeg running: the kernel ends it (Linux's parent-death signal); the run again is the
/// run made uninterrupted, byte for byte.
@Suite struct FFmpegParentDeathTests {
    /// An ffmpeg that would never end: the real one reading its input again and again at the
    /// speed of playback (`-re -stream_loop -1`), writing its process id first.
    static func endlessFFmpeg(in h: Harness) throws -> (path: String, pidFile: URL) {
        let real = try #require(FFmpeg.locate(), "needs ffmpeg")
        let pidFile = h.url("ffmpeg.pid")
        let script = try h.write(
            """
            #!/bin/sh
            echo $$ > '\(pidFile.path)'
            exec '\(real)' -re -stream_loop -1 "$@"

            """, to: "slow/ffmpeg")
        chmod(script.path, 0o755)
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return (h.url("slow").path + ":" + path, pidFile)
    }

    @Test(.enabled(if: AnimationTests.hasFFmpeg || Harness.inCI, "needs ffmpeg"))
    func ffmpegEndsWithAnErrorestKilledMidEncode() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let flags = KilledLandscapeTests.movie
        #expect(try h.errorest(["run", "--out", "D"] + flags).status == 0)
        let earlier = try h.files(under: "D")
        let (path, pidFile) = try Self.endlessFFmpeg(in: h)

        // Started and reaped by hand: Foundation's Process would wait for the ffmpeg a killed
        // errorest left running (it holds a descriptor Process watches), hanging the test.
        let binary: URL = try #require(Harness.binary, "the errorest binary was not built")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let arguments = [binary.path, "run", "--out", h.url("D").path, "--seed", "5"] + flags
        let environment = ProcessInfo.processInfo.environment.merging(["PATH": path]) { $1 }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0)=\($1)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var errorest = pid_t()
        #expect(posix_spawn(&errorest, binary.path, &actions, nil, argv, envp) == 0)
        var status: Int32 = 0
        func isRunning() -> Bool { waitpid(errorest, &status, WNOHANG) == 0 }
        // Frames drawn, ffmpeg started and encoding for half a second.
        var ffmpeg: Int32?
        let started = Date()
        while ffmpeg == nil && isRunning() && Date().timeIntervalSince(started) < 120 {
            ffmpeg = (try? String(contentsOf: pidFile, encoding: .utf8)).flatMap {
                Int32($0.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            usleep(20_000)
        }
        let pid = try #require(ffmpeg, "ffmpeg was not started")
        usleep(500_000)
        #expect(FFmpegSupervisionTests.running(pid), "ffmpeg ended before errorest was killed")
        kill(errorest, SIGKILL)
        while waitpid(errorest, &status, 0) < 0 && errno == EINTR {}
        let killed = Date()
        while FFmpegSupervisionTests.running(pid) && Date().timeIntervalSince(killed) < 5 {
            usleep(20_000)
        }
        let outlived = FFmpegSupervisionTests.running(pid)
        if outlived { kill(pid, SIGKILL) }
        #expect(!outlived, "ffmpeg still ran 5 s after errorest was killed")

        #expect(try h.files(under: "D") == earlier, "the killed run changed the earlier one")
        let rerun = try h.errorest(["run", "--out", "D", "--seed", "5"] + flags)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let clean = try h.errorest(["run", "--out", "N", "--seed", "5"] + flags)
        #expect(clean.status == 0, "\(clean.stderr)")
        let made = try h.files(under: "N")
        #expect(made.keys.contains { $0.hasSuffix(".mp4") })
        #expect(try h.files(under: "D") == made, "the run again after the kill")
        #expect(try h.leftovers(in: "D") == [])
    }
}
