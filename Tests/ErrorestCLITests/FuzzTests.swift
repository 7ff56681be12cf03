import Foundation
import Testing

/// Seeded mutations of the Samples' run files, of CSV data and of a run record, each run through
/// the `errorest` binary: every case ends with a promised exit code, exactly one line on stderr
/// when it fails (none when it succeeds, with `--quiet`), and nothing of the run left in
/// `.errorest+` but the live generation.
@Suite struct FuzzTests {
    /// SplitMix64: small, seeded, the same on every machine.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    /// Fragments a mutation inserts or substitutes: structure, odd numbers, odd text.
    static let fragments = [
        "[", "]", "{", "}", ",", ":", "-", "\"", "'", "\n", "\t", "\r", "#", "&a", "*a", "!!str",
        "0", "-1", "0.5", "1e308", "-1e308", "5e-324", "1e200", "nan", ".inf", "18446744073709551616",
        "9999999", "null", "true", "no", "~", "0x1F", "1_000", "\u{0}", "\u{1B}[31m", "é",
        "\u{FEFF}", "softmax", "full", "log 0", "every 0", "[0, 0]", "../..", "/dev/null",
        "x1,x2,label", "1,2,3", "1e-320,1e-320,1",
    ]

    static let expected: Set<Int32> = [0, 64, 65, 66, 73, 74]
    static let small = ["--size", "48x32", "--epochs", "12", "--snapshots", "linear 2", "--quiet"]

    /// Changes `text` in one to three places.
    static func mutate(_ text: String, _ random: inout Random) -> String {
        var bytes = Array(text.utf8)
        for _ in 0...random.below(3) {
            let at = bytes.isEmpty ? 0 : random.below(bytes.count)
            switch random.below(6) {
            case 0:  // insert a fragment
                bytes.insert(contentsOf: Array(random.pick(fragments).utf8), at: at)
            case 1:  // replace a short run with a fragment
                let end = min(bytes.count, at + 1 + random.below(6))
                bytes.replaceSubrange(at..<end, with: Array(random.pick(fragments).utf8))
            case 2:  // delete a short run
                bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.below(12)))
            case 3:  // duplicate a line
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                let line = random.pick(lines)
                bytes.insert(contentsOf: Array((line + "\n").utf8), at: at)
            case 4:  // flip a byte
                if !bytes.isEmpty { bytes[at] ^= UInt8(1 << random.below(8)) }
            default:  // cut the file short
                bytes.removeSubrange(at...)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Runs one case in `h`'s folder and checks how it ended; returns its exit status.
    static func check(
        _ h: Harness, _ arguments: [String], out: String, label: String,
        flags: [String] = small
    ) throws -> Int32 {
        let result = try h.errorest(arguments + ["--out", out] + flags)
        #expect(expected.contains(result.status), "\(label): status \(result.status) \(result.stderr)")
        if result.status == 0 {
            #expect(result.stderr.isEmpty, "\(label): \(result.stderr)")
        } else {
            #expect(
                result.stderr.hasPrefix("errorest: ") && result.stderr.hasSuffix("\n")
                    && result.stderr.dropLast().allSatisfy { $0 != "\n" && $0 != "\r" },
                "\(label): \(result.stderr)")
        }
        #expect(try h.leftovers(in: out) == [], "\(label)")
        return result.status
    }

    static let runFiles = [
        "xor.yaml", "circle.json", "lesson.yaml", "spiral.yaml", "deep.yaml", "print.yaml",
        "gradient-descent.yaml",
    ]

    @Test func mutatedRunFilesCSVsAndRecordsEndCleanly() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        var random = Random(state: 13)
        var outcomes: [Int32: Int] = [:]
        // A CSV and a record to mutate, made by the binary itself.
        try h.write("x1,x2,label\n0.1,0.2,1\n-0.3,0.4,0\n0.5,-0.6,1\n-0.7,-0.8,0\n", to: "d.csv")
        #expect(try Self.check(h, ["run", "--data", "d.csv"], out: "R", label: "seed run") == 0)
        let record = try String(contentsOf: h.url("R/run.json"), encoding: .utf8)
        let csv = try String(contentsOf: h.url("d.csv"), encoding: .utf8)
        try FileManager.default.copyItem(
            at: Harness.samples.appendingPathComponent("udacity-gradient-descent.csv"),
            to: h.url("udacity-gradient-descent.csv"))
        // Mutated run files: 140 cases, into one folder that keeps whatever succeeded last.
        for index in 0..<140 {
            let name = Self.runFiles[index % Self.runFiles.count]
            let sample = try String(
                contentsOf: Harness.samples.appendingPathComponent(name), encoding: .utf8)
            let file = "case-\(index)" + (name.hasSuffix(".json") ? ".json" : ".yaml")
            try h.write(Self.mutate(sample, &random), to: file)
            let status = try Self.check(h, ["run", file], out: "F", label: "\(file) from \(name)")
            outcomes[status, default: 0] += 1
        }
        // Mutated CSVs: 80 cases.
        for index in 0..<80 {
            let file = "case-\(index).csv"
            try h.write(Self.mutate(csv, &random), to: file)
            let status = try Self.check(
                h, ["run", "--data", file, "--hidden", "2"], out: "C", label: file)
            outcomes[status, default: 0] += 1
        }
        // Mutated run records: 80 cases, rendered into the folder holding the original run.
        for index in 0..<80 {
            let file = "case-\(index)-run.json"
            try h.write(Self.mutate(record, &random), to: file)
            let status = try Self.check(
                h, ["render", file, "--snapshots", "last"], out: "R", label: file,
                flags: ["--size", "48x32", "--quiet"])
            outcomes[status, default: 0] += 1
        }
        #expect(outcomes.values.reduce(0, +) == 300)
        // Both kinds of outcome occur, so the mutations neither all break nor all miss.
        #expect(outcomes[0, default: 0] > 10 && outcomes[65, default: 0] > 10, "\(outcomes)")
        print("fuzz outcomes by exit status: \(outcomes.sorted { $0.key < $1.key })")
    }
}
