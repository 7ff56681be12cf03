import Backprop
import Foundation
import Testing

@testable import ErrorestCLI

/// Resident memory stays flat however many frames a run draws: figures are drawn, written and
/// freed one at a time per thread.
@Suite struct MemoryTests {
    /// Runs `errorest` and returns its peak resident memory in kB (`VmHWM`, read from /proc while
    /// it runs) and its exit status.
    static func peak(_ h: Harness, _ arguments: [String]) throws -> (kB: Int, status: Int32) {
        let binary: URL = try #require(Harness.binary, "the errorest binary was not built")
        let process = Process()
        process.executableURL = binary
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

    /// Runs `errorest` with `arguments` to its end and returns its peak resident memory in kB
    /// from `wait4` (exact, however briefly the peak lasted) and its exit status.
    static func peakAtExit(_ arguments: [String]) throws -> (kB: Int, status: Int32) {
        let binary: URL = try #require(Harness.binary, "the errorest binary was not built")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([binary.path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        #expect(posix_spawn(&pid, binary.path, &actions, nil, argv, environ) == 0)
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        return (usage.ru_maxrss, status)
    }

    /// Issue 20, finding 20: many epochs cost few bytes each.
    ///
    /// 200,000 epochs of a 4-point run against 20,000 (debug build): the per-epoch series (16
    /// bytes an epoch) with the record's text written to its file a piece at a time add about
    /// 8.6 MB. The bar, 12 MB, fails the record encoded whole by `JSONEncoder` (+42 MB), each
    /// epoch's error and accuracy kept as an object of its own (+14 MB), and the record's text
    /// held whole while the figures are drawn (+15 MB).
    @Test func manyEpochsCostFewBytesEach() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        func run(_ epochs: Int) throws -> Int {
            let result = try Self.peakAtExit([
                "run", "--generator", "xor", "--count", "4", "--hidden", "1", "--epochs",
                "\(epochs)", "--snapshots", "linear 2", "--figures", "error", "--size", "64x48",
                "--out", h.url("e\(epochs)").path, "--quiet",
            ])
            #expect(result.status == 0)
            return result.kB
        }
        let few = try run(20_000)
        let many = try run(200_000)
        #expect(few > 0 && many > 0)
        #expect(many - few < 12_000, "20,000 epochs: \(few) kB; 200,000 epochs: \(many) kB")
    }
}

/// The record and the manifest, written a piece at a time, are byte for byte what one
/// `JSONEncoder` call writes.
@Suite struct StreamedJSONTests {
    static func oneShot(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value) + Data("\n".utf8)
    }

    @Test(arguments: [[], [3], [4, 3]])
    func aRecordStreamedIsTheRecordEncodedWhole(hidden: [Int]) throws {
        var file = RunFile()
        file.hidden = hidden
        file.data = .generator(.xor, count: 20, noise: 0.1, seed: 3)
        file.training.epochs = 12
        file.snapshots = .linear(4)
        let run = try file.trainer().train(name: "t")
        #expect(try StreamedJSON.record(run) == (try Self.oneShot(run)))
        #expect(try StreamedJSON.record(run) == (try run.jsonData()))
        var none = run
        none.snapshots = []
        #expect(try StreamedJSON.record(none) == (try Self.oneShot(none)))
    }

    /// A record's per-epoch series, written as text a number at a time, are the encoder's
    /// numbers: whole numbers without ".0", Swift's exponents, the smallest and largest doubles,
    /// −0; a series with a number JSON cannot hold is left to the encoder (which refuses it).
    @Test func aRecordsSeriesAreWrittenAsTheEncoderWritesThem() throws {
        var file = RunFile()
        file.hidden = [2]
        file.data = .generator(.xor, count: 20, noise: 0.1, seed: 3)
        file.training.epochs = 8
        file.snapshots = .linear(2)
        var run = try file.trainer().train(name: "t")
        let odd = [
            0.1, 1, 2, 1e-05, 1e+20, 1e16, 5e-324, 1.7976931348623157e308, 123_456_789_012_345_680,
            -0.0, 0, -2.5e-7, 0.30000000000000004,
        ]
        run.errors = odd
        run.accuracies = odd.reversed()
        run.penalties = odd
        run.testErrors = []
        #expect(try StreamedJSON.record(run) == (try Self.oneShot(run)))
        run.penalties = [1, .nan]
        #expect(throws: (any Error).self) { try StreamedJSON.record(run) }
    }

    @Test func aManifestStreamedIsTheManifestEncodedWhole() throws {
        var entry = OutputFolderTests.entry("frames/frame-0000.png")
        entry.panels = [
            Manifest.Panel(
                kind: .output, layer: nil, unit: nil, rect: [1, 2, 3, 4],
                domain: [[0, 1], [0, 1]])
        ]
        let second = OutputFolderTests.entry("figures/output-epoch-000003.svg", epoch: 3)
        for files in [[], [entry], [entry, second]] {
            let manifest = Manifest(name: "t", files: files)
            #expect(try manifest.jsonData() == (try Self.oneShot(manifest)))
        }
    }
}
