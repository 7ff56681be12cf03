import Foundation
import Testing

@testable import ErrorestCLI

/// What a run does beside its frames to spend less time waiting: the previous generation removed
/// by several threads, and work (the run record, the previous manifest) done on a thread of its
/// own.
@Suite struct FolderRemovalTests {
    /// A generation-like tree in `harness` — files, a nested folder, an empty one, links to a
    /// file and a folder outside it and a link that leads nowhere — and the outside they link to.
    static func makeTree(_ harness: Harness, _ name: String) throws -> (tree: URL, outside: URL) {
        let tree = harness.url(name)
        let outside = harness.url("\(name)-outside")
        try harness.write("record", to: "\(name)/run.json")
        for n in 0..<12 { try harness.write("frame \(n)", to: "\(name)/frames/frame-\(n).png") }
        try harness.write("deep", to: "\(name)/figures/sub/deep.csv")
        try FileManager.default.createDirectory(
            at: tree.appendingPathComponent("empty"), withIntermediateDirectories: true)
        try harness.write("keep", to: "\(name)-outside/keep.txt")
        try harness.write("inner", to: "\(name)-outside/folder/inner.txt")
        let links = [
            ("frames/to-file", outside.appendingPathComponent("keep.txt").path),
            ("to-folder", outside.appendingPathComponent("folder").path),
            ("figures/nowhere", harness.url("missing").path),
        ]
        for (link, target) in links {
            try FileManager.default.createSymbolicLink(
                atPath: tree.appendingPathComponent(link).path, withDestinationPath: target)
        }
        return (tree, outside)
    }

    @Test func theThreadsRemoveTheWholeTreeAndFollowNoLink() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let (tree, outside) = try Self.makeTree(harness, "g")
        try #require(!FileSystem.plainFolder)

        #expect(FileSystem.removeTree(tree.path))
        #expect(!FileSystem.exists(tree.path))
        let left = try harness.files(under: outside.lastPathComponent)
        #expect(left == ["keep.txt": Data("keep".utf8), "folder/inner.txt": Data("inner".utf8)])
    }

    @Test func theThreadedRemovalLeavesWhatThePlainOneLeaves() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let threaded = try Self.makeTree(harness, "a")
        let plain = try Self.makeTree(harness, "b")
        FileSystem.removeTree(threaded.tree.path)
        try FileManager.default.removeItem(at: plain.tree)

        let names = try FileManager.default.contentsOfDirectory(atPath: harness.folder.path)
        #expect(names.sorted() == ["a-outside", "b-outside"])
        #expect(
            try harness.files(under: "a-outside") == (try harness.files(under: "b-outside")))
        #expect(FileSystem.removeTree(harness.url("missing").path))
        #expect(!FileSystem.exists(harness.url("missing").path))
    }

    @Test func aRerunRemovesThePreviousGenerationWhole() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let url = harness.url("out")
        let frames = (0..<20).map { "frames/frame-\($0).png" }
        try OutputFolderTests.commit(
            try OutputFolder(url: url, displayPath: "out"),
            Dictionary(uniqueKeysWithValues: (frames + ["run.json"]).map { ($0, "1 \($0)") }))
        try OutputFolderTests.commit(
            try OutputFolder(url: url, displayPath: "out"),
            Dictionary(uniqueKeysWithValues: (frames + ["run.json"]).map { ($0, "2 \($0)") }))
        let store = url.appendingPathComponent(GenerationStore.name)
        let names = try FileManager.default.contentsOfDirectory(atPath: store.path)
        #expect(names.filter { $0.hasPrefix("g-") }.count == 1, "\(names)")
        let files = try harness.files(under: "out")
        #expect(files["frames/frame-7.png"] == Data("2 frames/frame-7.png".utf8))
    }

    @Test func backgroundWorkGivesItsValueOrItsErrorToEveryAsker() throws {
        let value = Background { (1...1000).reduce(0, +) }
        #expect(try value.value() == 500_500)
        #expect(try value.value() == 500_500)
        let full = ErrorestError.writeFailed("Cannot write out/run.json: No space left on device.")
        let failing = Background { () throws -> Int in throw full }
        for _ in 0..<2 {
            #expect(throws: full) { try failing.value() }
        }
    }
}
