import Foundation
import Synchronization
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
        "0", "-1", "0.5", "1e308", "-1e308", "5e-324", "1e200", "nan", ".inf",
        "18446744073709551616",
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

    /// How one case ended.
    struct Outcome: Sendable {
        var label: String
        var status: Int32
        var stderr: String
        var leftovers: [String]

        /// True if it ended as promised.
        var isClean: Bool {
            guard FuzzTests.expected.contains(status), leftovers.isEmpty else { return false }
            if status == 0 { return stderr.isEmpty }
            return stderr.hasPrefix("errorest: ") && stderr.hasSuffix("\n")
                && stderr.dropLast().allSatisfy { $0 != "\n" && $0 != "\r" }
        }
    }

    /// One case: the file it writes and the command it runs (`OUT` stands for its lane's folder).
    struct Case: Sendable {
        var label: String
        var file: String
        var contents: String
        var arguments: [String]
    }

    /// Runs one case in `h`'s folder with its output in `out`.
    static func run(_ c: Case, _ h: Harness, out: String) throws -> Outcome {
        try h.write(c.contents, to: c.file)
        let arguments = c.arguments.map { $0 == "OUT" ? out : $0 }
        let result = try h.errorest(arguments)
        return Outcome(
            label: c.label, status: result.status, stderr: result.stderr,
            leftovers: try h.leftovers(in: out))
    }

    static let runFiles = [
        "xor.yaml", "circle.json", "lesson.yaml", "spiral.yaml", "deep.yaml", "print.yaml",
        "gradient-descent.yaml",
    ]

    @Test func mutatedRunFilesCSVsAndRecordsEndCleanly() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        // A CSV and a record to mutate; each of the two lanes renders into its own copy of the run.
        let csv = "x1,x2,label\n0.1,0.2,1\n-0.3,0.4,0\n0.5,-0.6,1\n-0.7,-0.8,0\n"
        try h.write(csv, to: "d.csv")
        for lane in 0..<2 {
            let seed = try h.errorest(["run", "--data", "d.csv", "--out", "R\(lane)"] + Self.small)
            #expect(seed.status == 0, "\(seed.stderr)")
        }
        let record = try String(contentsOf: h.url("R0/run.json"), encoding: .utf8)
        try FileManager.default.copyItem(
            at: Harness.samples.appendingPathComponent("udacity-gradient-descent.csv"),
            to: h.url("udacity-gradient-descent.csv"))
        // The cases, drawn in order from one seed: 140 run files, 80 CSVs, 80 run records.
        var random = Random(state: 13)
        var cases: [Case] = []
        for index in 0..<140 {
            let name = Self.runFiles[index % Self.runFiles.count]
            let sample = try String(
                contentsOf: Harness.samples.appendingPathComponent(name), encoding: .utf8)
            let file = "case-\(index)" + (name.hasSuffix(".json") ? ".json" : ".yaml")
            cases.append(
                Case(
                    label: "\(file) from \(name)", file: file,
                    contents: Self.mutate(sample, &random),
                    arguments: ["run", file, "--out", "OUT"] + Self.small))
        }
        for index in 0..<80 {
            let file = "case-\(index).csv"
            cases.append(
                Case(
                    label: file, file: file, contents: Self.mutate(csv, &random),
                    arguments: ["run", "--data", file, "--hidden", "2", "--out", "OUT"] + Self.small
                ))
        }
        for index in 0..<80 {
            let file = "case-\(index)-run.json"
            cases.append(
                Case(
                    label: file, file: file, contents: Self.mutate(record, &random),
                    arguments: [
                        "render", file, "--snapshots", "last", "--out", "OUT", "--size", "48x32",
                        "--quiet",
                    ]))
        }
        // Two lanes, each with its own output folders; outcomes are checked here, in case order.
        let outcomes = Mutex([Outcome?](repeating: nil, count: cases.count))
        let all = cases
        DispatchQueue.concurrentPerform(iterations: 2) { lane in
            for index in stride(from: lane, to: all.count, by: 2) {
                let c = all[index]
                let out = c.arguments.first == "render" ? "R\(lane)" : "F\(lane)"
                let outcome =
                    (try? Self.run(c, h, out: out))
                    ?? Outcome(label: c.label, status: -1, stderr: "not run", leftovers: [])
                outcomes.withLock { $0[index] = outcome }
            }
        }
        let ended = outcomes.withLock { $0.compactMap { $0 } }
        #expect(ended.count == 300)
        for outcome in ended where !outcome.isClean {
            let text = "\(outcome.label): status \(outcome.status), stderr \(outcome.stderr)"
            Issue.record(Comment(rawValue: text + ", left \(outcome.leftovers)"))
        }
        let counts = Dictionary(grouping: ended, by: \.status).mapValues(\.count)
        // Both kinds of outcome occur, so the mutations neither all break nor all miss.
        #expect(counts[0, default: 0] > 10 && counts[65, default: 0] > 10, "\(counts)")
        print("fuzz outcomes by exit status: \(counts.sorted { $0.key < $1.key })")
    }
}
