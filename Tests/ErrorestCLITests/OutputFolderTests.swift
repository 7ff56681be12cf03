import Figures
import Foundation
import Testing

@testable import ErrorestCLI

/// The output folder's transaction: staged files swap in at the end, the previous manifest's
/// files go, and nothing else is touched.
@Suite struct OutputFolderTests {
    static func entry(_ path: String, epoch: Int = 0) -> Manifest.Entry {
        Manifest.Entry(
            path: path, figure: path.hasPrefix("frames/") ? .frame : .panel(.output), format: .png,
            epoch: epoch, error: 0.5, width: 16, height: 16, panels: [])
    }

    /// Writes a folder as a run would: files staged, then committed with their manifest.
    static func commit(_ folder: OutputFolder, _ files: [String: String]) throws {
        for (path, text) in files { try folder.stage(Data(text.utf8), at: path) }
        let entries = files.keys.filter { $0 != "run.json" }.sorted().map { entry($0) }
        try folder.commit(Manifest(name: "t", files: entries), staged: Array(files.keys))
    }

    @Test func aRerunRemovesOnlyWhatThePreviousManifestListed() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let url = harness.url("out")
        try Self.commit(
            try OutputFolder(url: url, displayPath: "out"),
            ["run.json": "1", "frames/frame-0000.png": "a", "frames/frame-0001.png": "b"])
        try harness.write("mine", to: "out/notes.txt")
        try harness.write("mine", to: "out/frames/keep.png")

        try Self.commit(
            try OutputFolder(url: url, displayPath: "out"),
            ["run.json": "2", "frames/frame-0000.png": "c"])
        let files = try harness.files(under: "out")
        #expect(files["frames/frame-0001.png"] == nil)
        #expect(files["frames/frame-0000.png"] == Data("c".utf8))
        #expect(files["run.json"] == Data("2".utf8))
        #expect(files["notes.txt"] == Data("mine".utf8))
        #expect(files["frames/keep.png"] == Data("mine".utf8))
        #expect(files.keys.allSatisfy { !$0.contains(".errorest-staging") })
        let manifest = try #require(
            Manifest.read(try Data(contentsOf: url.appendingPathComponent("manifest.json"))))
        #expect(manifest.files.map(\.path) == ["frames/frame-0000.png"])
    }

    @Test func noLinkInTheFolderLeadsNowhere() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let url = harness.url("out")
        func entries() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: url.path)
                .filter { !$0.hasPrefix(".") }.sorted()
        }
        func allLead() throws -> Bool {
            try entries().allSatisfy {
                FileManager.default.fileExists(atPath: url.appendingPathComponent($0).path)
            }
        }
        try Self.commit(try OutputFolder(url: url, displayPath: "out"), ["run.json": "1"])
        #expect(try entries() == ["manifest.json", "run.json"])
        #expect(try allLead())
        try Self.commit(
            try OutputFolder(url: url, displayPath: "out"),
            ["run.json": "2", "frames/frame-0000.png": "a"])
        #expect(try entries() == ["frames", "manifest.json", "run.json"])
        #expect(try harness.files(under: "out")["frames/frame-0000.png"] == Data("a".utf8))
        try Self.commit(try OutputFolder(url: url, displayPath: "out"), ["run.json": "3"])
        #expect(try entries() == ["manifest.json", "run.json"])
        #expect(try allLead())
    }

    @Test func aDiscardedRunLeavesThePreviousFilesWhole() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let url = harness.url("out")
        try Self.commit(
            try OutputFolder(url: url, displayPath: "out"),
            ["run.json": "1", "frames/frame-0000.png": "a"])
        let before = try harness.files(under: "out")
        let second = try OutputFolder(url: url, displayPath: "out")
        try second.stage(Data("2".utf8), at: "run.json")
        try second.stage(Data("b".utf8), at: "frames/frame-0000.png")
        second.discard()
        #expect(try harness.files(under: "out") == before)
    }

    @Test func pathsOutsideTheFolderInAManifestAreNeverRemoved() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.write("precious", to: "precious.txt")
        try harness.write("precious", to: "out/sub/file.txt")
        let hostile = """
            {"format": "errorest-manifest", "version": 1, "name": "x", "run": "../precious.txt",
             "files": [{"path": "sub", "figure": "frame", "format": "png", "epoch": 0,
                        "error": 0, "width": 1, "height": 1, "panels": []},
                       {"path": "/etc/hostname", "figure": "frame", "format": "png", "epoch": 0,
                        "error": 0, "width": 1, "height": 1, "panels": []}]}
            """
        try harness.write(hostile, to: "out/manifest.json")
        try Self.commit(
            try OutputFolder(url: harness.url("out"), displayPath: "out"), ["run.json": "1"])
        #expect(FileManager.default.fileExists(atPath: harness.url("precious.txt").path))
        #expect(FileManager.default.fileExists(atPath: harness.url("out/sub/file.txt").path))
        #expect(FileManager.default.fileExists(atPath: "/etc/hostname"))
    }

    @Test func generationsLeftByAKilledRunAreRemovedButFoldersNamedLikeStagingStay() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try Self.commit(try OutputFolder(url: h.url("out"), displayPath: "out"), ["run.json": "1"])
        // What a killed run leaves: a half-written generation and a half-made link.
        try h.write("half", to: "out/.errorest+/g-1-dead/frames/frame-0000.png")
        try FileManager.default.createSymbolicLink(
            atPath: h.url("out/.errorest+/current.new-1").path, withDestinationPath: "g-1-dead")
        // A run may be named like an old staging folder; it is the user's, and stays.
        try h.write("mine", to: "out/.errorest-staging-1/run.json")
        #expect(try h.leftovers(in: "out") == ["current.new-1", "g-1-dead"])
        try Self.commit(try OutputFolder(url: h.url("out"), displayPath: "out"), ["run.json": "2"])
        #expect(try h.leftovers(in: "out") == [])
        let files = try h.files(under: "out")
        #expect(files[".errorest-staging-1/run.json"] == Data("mine".utf8))
        #expect(files["run.json"] == Data("2".utf8))
    }

    @Test func aSecondRunIntoAHeldFolderFailsWithExit73() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let first = try OutputFolder(url: h.url("out"), displayPath: "out")
        do {
            _ = try OutputFolder(url: h.url("out"), displayPath: "out")
            Issue.record("a second run was let into a held folder")
        } catch let error as ErrorestError {
            #expect(error.exitCode == 73)
            #expect(error.description.contains("Another errorest run (process \(getpid()))"))
        }
        try Self.commit(first, ["run.json": "1"])
        // Released once committed.
        try Self.commit(try OutputFolder(url: h.url("out"), displayPath: "out"), ["run.json": "2"])
    }

    @Test func aFolderOfAnEarlierVersionIsAdoptedWithItsFilesUnchanged() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let earlier = OutputFolderTests.entry("frames/frame-0000.png")
        try h.write(
            String(decoding: try Manifest(name: "t", files: [earlier]).jsonData(), as: UTF8.self),
            to: "out/manifest.json")
        try h.write("1", to: "out/run.json")
        try h.write("a", to: "out/frames/frame-0000.png")
        try h.write("mine", to: "out/frames/notes.txt")
        try Self.commit(
            try OutputFolder(url: h.url("out"), displayPath: "out"),
            ["run.json": "2", "frames/frame-0000.png": "b", "frames/frame-0001.png": "c"])
        let files = try h.files(under: "out")
        #expect(files["run.json"] == Data("2".utf8))
        #expect(files["frames/frame-0001.png"] == Data("c".utf8))
        #expect(files["frames/notes.txt"] == Data("mine".utf8))
        for entry in ["run.json", "manifest.json", "frames"] {
            #expect(
                try FileManager.default.destinationOfSymbolicLink(
                    atPath: h.url("out/\(entry)").path) == ".errorest+/current/\(entry)")
        }
        // This run wrote no figures: no `figures` link that would lead nowhere.
        #expect(!FileSystem.exists(h.url("out/figures").path))
        #expect(try h.leftovers(in: "out") == [])
    }

    @Test func aFolderUnderARegularFileCannotBeMade() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        try harness.write("x", to: "file")
        #expect(throws: ErrorestError.self) {
            try OutputFolder(url: harness.url("file/out"), displayPath: "file/out")
        }
        do {
            _ = try OutputFolder(url: harness.url("file"), displayPath: "file")
            Issue.record("a regular file was accepted as the output folder")
        } catch let error as ErrorestError {
            #expect(error.exitCode == 73)
            #expect(error.description.contains("it is a file, not a folder"))
        }
    }

    @Test func figurePathsFollowTheLayout() {
        #expect(
            Manifest.Entry.path(kind: .frame, format: .png, epoch: 120, frameIndex: 7)
                == "frames/frame-0007.png")
        #expect(
            Manifest.Entry.path(kind: .panel(.output), format: .svg, epoch: 120, frameIndex: 7)
                == "figures/output-epoch-000120.svg")
        #expect(
            Manifest.Entry.path(kind: .frame, format: .pdf, epoch: 12_345_678, frameIndex: 0)
                == "figures/frame-epoch-12345678.pdf")
    }

    @Test func manifestsEncodeNullForPanelsWithoutALayer() throws {
        var entry = Self.entry("figures/output-epoch-000000.png")
        entry.panels = [
            Manifest.Panel(
                kind: .output, layer: nil, unit: nil, rect: [1, 2, 3, 4],
                domain: [[0, 1], [0, 1]])
        ]
        let text = String(
            decoding: try Manifest(name: "t", files: [entry]).jsonData(), as: UTF8.self)
        #expect(text.contains("\"layer\" : null"))
        #expect(text.contains("\"unit\" : null"))
        #expect(Manifest.read(Data(text.utf8))?.files == [entry])
    }
}
