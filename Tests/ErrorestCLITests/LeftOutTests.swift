import Foundation
import Testing

/// Issue 21, item 3: a figure that has no room for a panel it was asked for says so, once, instead
/// of leaving it out without a word.
@Suite struct LeftOutTests {
    @Test func aFrameWithoutRoomForTheDiagramSaysSo() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.write(
            "name: d\ndata: {count: 40}\nnetwork: {hidden: [3]}\ntraining: {epochs: 4}\n"
                + "snapshots: [0, 2, 4]\nrender: {figures: [frame], frameDiagram: true}\n",
            to: "d.yaml")
        func diagrams(_ folder: String) throws -> Int {
            let files = try #require(
                try h.json(folder + "/manifest.json")["files"] as? [[String: Any]])
            return files.flatMap { ($0["panels"] as? [[String: Any]]) ?? [] }
                .filter { $0["kind"] as? String == "diagram" }.count
        }
        let small = try h.errorest(["run", "d.yaml", "--quiet", "--size", "640x360", "--out", "s"])
        #expect(small.status == 0, "\(small.stderr)")
        #expect(try diagrams("s") == 0)
        let notes = small.stderr.split(separator: "\n").filter { $0.contains("network diagram") }
        #expect(notes.count == 1, "\(small.stderr)")
        let expected =
            "errorest: note: d: a 640×360 frame has no room for the network diagram (it "
            + "needs 160×130 px beside the error curve), so the frames are drawn without it; "
            + "draw it with a larger size or as figure diagram."
        #expect(notes.first.map(String.init) == expected)
        // Where it fits, it is drawn and nothing is said.
        let large = try h.errorest(["run", "d.yaml", "--quiet", "--size", "1280x720", "--out", "l"])
        #expect(large.status == 0 && !large.stderr.contains("network diagram"))
        #expect(try diagrams("l") == 3)
    }
}
