import Backprop
import Foundation
import Testing

@testable import ErrorestCLI

/// The sweep's index made a run at a time (``SweepIndexWriter``) is byte for byte the index
/// encoded whole, compared with the file on disk a piece at a time, and written so.
@Suite struct SweepIndexWriterTests {
    /// Text JSON must escape, or that Swift and JSON count differently.
    static let odd = [
        "", "plain", "quote \" and backslash \\", "a/b//c", "tab\tnew\nline\r", "\u{1}\u{1F}\u{7F}",
        "Fehlerfläche", "誤差曲面", "👩‍👩‍👧 ×2 ≤ ∞", "\u{2028}\u{2029}", "é vs e\u{301}",
    ]

    /// `count` runs, every third diverged (no record, manifest, error or files) and the rest
    /// done, with odd names, messages and values.
    static func index(runs count: Int, figures: Int = 2) -> SweepIndex {
        let keys = [
            SweepIndex.Key(
                key: "training.learningRate", label: "lr", values: [.number(0.5), .number(1e200)]),
            SweepIndex.Key(
                key: "data.file", label: "file", values: odd.map { .text($0) }),
        ]
        let runs = (0..<count).map { i -> SweepIndex.Run in
            let name = "\(i)-\(odd[i % odd.count])"
            let diverged = i % 3 == 2
            return SweepIndex.Run(
                position: i, name: name, folder: "runs/\(name)",
                values: [
                    "training.learningRate": .number(i % 2 == 0 ? 0.5 : 1e200),
                    "data.file": .text(odd[(i * 7) % odd.count]),
                    "network.hidden": .list([.integer(i), .null, .bool(i % 2 == 0)]),
                    "z": .object(["\(odd[i % odd.count])": .number(-0.0)]),
                ],
                inputs: String(repeating: "ab", count: 32),
                status: diverged ? "diverged" : "done",
                message: diverged ? "Training diverged at epoch \(i): \(odd[i % odd.count])" : nil,
                record: diverged ? nil : "runs/\(name)/run.json",
                manifest: diverged ? nil : "runs/\(name)/manifest.json",
                error: diverged ? nil : 1 / Double(i + 3), accuracy: diverged ? nil : 0.75,
                files: diverged ? [] : ["runs/\(name)/figures/a.png", "runs/\(name)/frames/0.png"])
        }
        let shown = (0..<figures).map { i in
            SweepIndex.Figure(
                path: "figures/grid_\(i).png", figure: "grid", format: .png, width: 640,
                height: 360, columns: "data.file", rows: "training.learningRate", epoch: i,
                fixed: ["x": .text(odd[i % odd.count])])
        }
        return SweepIndex(
            name: "sweep \(odd[count % odd.count])", keys: keys, runs: runs, figures: shown)
    }

    static func writer(_ index: SweepIndex) -> SweepIndexWriter {
        SweepIndexWriter(head: index, count: index.runs.count) { index.runs[$0] }
    }

    /// No runs, one, a few and 3,000 (many pieces of 64 KiB), diverged runs among them, and no
    /// figures: the same bytes as `JSONEncoder`'s one call.
    @Test(arguments: [(0, 2), (1, 0), (5, 1), (3_000, 3)])
    func theIndexWrittenARunAtATimeIsTheIndexEncodedWhole(runs: Int, figures: Int) throws {
        let index = Self.index(runs: runs, figures: figures)
        let whole = try index.jsonData()
        #expect(try Self.writer(index).data() == whole)
        // Pieces of about 64 KiB: never the whole of a long index.
        var pieces: [Int] = []
        try Self.writer(index).stream { pieces.append($0.count) }
        #expect(pieces.reduce(0, +) == whole.count)
        #expect(pieces.allSatisfy { $0 < (1 << 16) + 4096 }, "\(pieces.max() ?? 0) bytes")
    }

    /// The comparison with the file on disk: equal only to the same bytes, not to a file one
    /// byte longer, shorter or changed, at its start, in a middle piece or at its end.
    @Test func theEarlierIndexIsComparedAPieceAtATime() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let index = Self.index(runs: 1_000)
        let whole = try index.jsonData()
        #expect(whole.count > 3 << 16)
        let path = h.url("index.json").path
        let writer = Self.writer(index)
        #expect(try writer.write(toFile: path) == 0)
        #expect(FileManager.default.contents(atPath: path) == whole)
        #expect(try writer.matches(fileAt: path))
        var variants = [whole + Data(" ".utf8), whole.dropLast(), Data()]
        for place in [0, 1 << 16, (1 << 16) + 1, whole.count / 2, whole.count - 1] {
            var changed = whole
            changed[place] ^= 0x20
            variants.append(changed)
        }
        for variant in variants {
            try variant.write(to: URL(fileURLWithPath: path))
            #expect(try !writer.matches(fileAt: path), "\(variant.count) bytes")
        }
        #expect(try !writer.matches(fileAt: h.url("none.json").path))
    }

    /// The earlier index's figures are read from its start alone, and the same when the file is
    /// not laid out as Errorest writes it (read whole then).
    @Test func theEarlierFiguresAreReadFromTheStart() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let index = Self.index(runs: 200, figures: 3)
        let path = h.url("index.json").path
        try index.jsonData().write(to: URL(fileURLWithPath: path))
        #expect(SweepIndex.figures(inFileAt: path) == index.figures)
        let compact = try JSONEncoder().encode(index)
        try compact.write(to: URL(fileURLWithPath: path))
        #expect(SweepIndex.figures(inFileAt: path) == index.figures)
        try Data("{}".utf8).write(to: URL(fileURLWithPath: path))
        #expect(SweepIndex.figures(inFileAt: path) == nil)
    }

    /// A sweep with a diverged run and text values: its index is what the whole encoder writes
    /// for what it lists; `--json` prints those bytes; a merge again over the same index writes
    /// nothing, and over an index changed by one byte writes it again.
    @Test func aSweepsIndexIsTheWholeEncodersBytes() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.write(
            """
            name: errors.2-a_b
            network: {hidden: [8, 8], activation: relu}
            training: {epochs: 20}
            snapshots: linear 2
            render: {size: [64, 48], figures: [error]}
            sweep:
              training.seed: [1, 2]
              training.learningRate: [0.5, 1e200]

            """, to: "s.yaml")
        let first = try h.errorest(["sweep", "s.yaml", "--out", "o", "--json"])
        #expect(first.status == 0, "\(first.stderr)")
        let bytes = try #require(FileManager.default.contents(atPath: h.url("o/index.json").path))
        let index = try #require(SweepIndex.read(bytes))
        #expect(index.runs.map(\.status) == ["done", "diverged", "done", "diverged"])
        #expect(try index.jsonData() == bytes)
        #expect(first.stdout == bytes)
        let again = try h.errorest(["sweep", "s.yaml", "--out", "o", "--merge", "--json"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("already up to date; nothing written"), "\(again.stderr)")
        #expect(again.stdout == bytes)
        let live = h.url("o/index.json").resolvingSymlinksInPath()
        try (bytes.dropLast() + Data(" \n".utf8)).write(to: live)
        let mended = try h.errorest(["sweep", "s.yaml", "--out", "o", "--merge"])
        #expect(mended.status == 0, "\(mended.stderr)")
        #expect(mended.stderr.contains("comparison figures written"), "\(mended.stderr)")
        #expect(FileManager.default.contents(atPath: h.url("o/index.json").path) == bytes)
    }
}
