import Foundation
import Testing

/// Resident memory stays flat however many frames a run draws: figures are drawn, written and
/// freed one at a time per thread.
@Suite struct MemoryTests {
    /// Runs `errorest` and returns its peak resident memory in kB (`VmHWM`, read from /proc while
    /// it runs) and its exit status.
    static func peak(_ h: Harness, _ arguments: [String]) throws -> (kB: Int, status: Int32) {
        let process = Process()
        process.executableURL = try #require(Harness.binary)
        process.arguments = arguments
        process.currentDirectoryURL = h.folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let status = "/proc/\(process.processIdentifier)/status"
        var peak = 0
        while process.isRunning {
            if let text = try? String(contentsOfFile: status, encoding: .utf8),
                let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
                let kB = Int(line.split(separator: " ").dropFirst().first ?? "")
            {
                peak = max(peak, kB)
            }
            usleep(10_000)
        }
        process.waitUntilExit()
        return (peak, process.terminationStatus)
    }

    /// 4 frames against 24, on one and two threads: the larger run may not hold more than a few
    /// frames' worth more (a leaked 640×360 image per frame would add 17 MB).
    @Test(arguments: [1, 2])
    func residentMemoryDoesNotGrowWithFrames(jobs: Int) throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let xor = Harness.samples.appendingPathComponent("xor.yaml").path
        func run(_ frames: Int) throws -> Int {
            let result = try Self.peak(
                h,
                [
                    "run", xor, "--epochs", "\(frames - 1)", "--snapshots", "all", "--figures",
                    "output", "--size", "640x360", "--jobs", "\(jobs)", "--out", "f\(frames)",
                    "--quiet",
                ])
            #expect(result.status == 0)
            return result.kB
        }
        let few = try run(4)
        let many = try run(24)
        #expect(few > 0 && many > 0)
        #expect(many - few < 6_000, "4 frames: \(few) kB; 24 frames: \(many) kB")
    }
}
