import Foundation
import Testing

/// A step that blew up (`--learning-rate 1e300`): the surface and mountain still state their
/// scale of `E` in the manifest, and the panel itself gives no place or error (`null`) to a
/// mark that is no finite number, so the scale never holds one; what it states is the record's.
@Suite struct BlownUpScaleTests {
    @Test func aScaleStatesNoPlaceForAMarkThatIsNoFiniteNumber() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let run = try h.errorest(
            ["run", "--hidden", "2", "--out", "o", "--learning-rate", "1e300"]
                + ["--figures", "surface,mountain"] + NoTrapTests.small)
        #expect(run.status == 0, "\(run.stderr)")
        let record = try h.json("o/run.json")
        let snapshots = try #require(record["snapshots"] as? [[String: Any]])
        var recorded: [Int: Double] = [:]
        for snapshot in snapshots {
            recorded[try #require(snapshot["epoch"] as? Int)] = snapshot["error"] as? Double
        }
        let files = try #require(try h.json("o/manifest.json")["files"] as? [[String: Any]])
        var scales = 0
        var unplaced = 0
        for file in files {
            let path = try #require(file["path"] as? String)
            guard let figure = file["figure"] as? String, ["surface", "mountain"].contains(figure)
            else { continue }
            let epoch = try #require(file["epoch"] as? Int)
            let panels = try #require(file["panels"] as? [[String: Any]])
            let panel = try #require(panels.first { $0["kind"] as? String == figure })
            let scale = try #require(panel["landscape"] as? [String: Any], "\(path) has a scale")
            scales += 1
            let errors = try #require(scale["errors"] as? [Any])
            let pixels = try #require(scale["pixels"] as? [Any])
            #expect(errors.count == 2 && pixels.count == 2, "\(path)")
            // W's error is the one recorded at the snapshot.
            #expect(errors.first as? Double == recorded[epoch], "\(path)")
            for (error, pixel) in zip(errors, pixels) {
                if error is NSNull || pixel is NSNull { unplaced += 1 }
                if !(pixel is NSNull) {
                    #expect((pixel as? [Double])?.count == 2, "\(path): \(pixel)")
                }
            }
        }
        #expect(scales == 2 * snapshots.count)
        // The case this test is for: some W′ blew up and is stated as having no place.
        #expect(unplaced > 0, "no mark without a finite place in \(files.count) files")
        try Schemas.validate([h.url("o/manifest.json")], against: "manifest")
    }
}
