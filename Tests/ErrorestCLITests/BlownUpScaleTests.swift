import Foundation
import Testing

@testable import Figures

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

    /// A surface with no finite height says so, and states no range.
    ///
    /// The 1e300 run's plane passes through weights of 1e299, so its CSV's heights are all NaN:
    /// each surface and mountain panel says so in one message and states no range, ticks, bar,
    /// place or camera, its picture all grey (no shading, no colour bar, no mark); a surface
    /// with finite heights states the lowest and highest of its CSV. The old panels stated
    /// `range: [0, 0]` and drew `W` on the top of a bar.
    @Test(arguments: [["--learning-rate", "1e300"], ["--learning-rate", "0.5"]])
    func aSurfaceWithNoFiniteHeightSaysSoAndStatesNoRange(flags: [String]) throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let run = try h.errorest(
            ["run", "--hidden", "2", "--out", "o", "--figures", "surface,mountain"] + flags
                + NoTrapTests.small + ["--size", "320x180"])
        #expect(run.status == 0, "\(run.stderr)")
        let files = try #require(try h.json("o/manifest.json")["files"] as? [[String: Any]])
        var (blank, drawn) = (0, 0)
        for file in files {
            let path = try #require(file["path"] as? String)
            guard let figure = file["figure"] as? String, ["surface", "mountain"].contains(figure)
            else { continue }
            let data = try #require(file["data"] as? String)
            let heights = try String(contentsOf: h.url("o/" + data), encoding: .utf8)
                .split(separator: "\n").filter { $0.hasPrefix("grid,") }
                .compactMap {
                    Double($0.split(separator: ",", omittingEmptySubsequences: false)[4])
                }
            #expect(heights.count == 21 * 21, "\(data)")
            let finite = heights.filter(\.isFinite)
            let panels = try #require(file["panels"] as? [[String: Any]])
            let panel = try #require(panels.first { $0["kind"] as? String == figure })
            let scale = try #require(panel["landscape"] as? [String: Any], "\(path)")
            let domain = try #require(panel["domain"] as? [[Double]])
            guard let lo = finite.min(), let hi = finite.max() else {
                blank += 1
                #expect(scale["range"] is NSNull, "\(path): \(scale["range"] ?? "absent")")
                #expect((scale["ticks"] as? [Any])?.isEmpty == true, "\(path)")
                #expect((scale["bar"] as? [Any])?.isEmpty == true, "\(path)")
                let pixels = try #require(scale["pixels"] as? [Any])
                #expect(pixels.count == 2 && pixels.allSatisfy { $0 is NSNull }, "\(path)")
                let errors = try #require(scale["errors"] as? [Double])
                #expect(
                    scale["message"] as? String
                        == "No height of E on this plane is a finite number (the path's weights "
                        + "overflow): there is no surface to draw. E(W) \(Self.written(errors[0])), "
                        + "E(W′) \(Self.written(errors[1]))", "\(path)")
                #expect(domain.count == 2 && panel["camera"] == nil, "\(path)")
                // Nothing but grey below the title: no shading, colour bar or mark.
                let image = try PNGCodec.decode(Data(contentsOf: h.url("o/" + path)))
                let rect = try #require(panel["rect"] as? [Double])
                var coloured = 0
                for y in Int(rect[1])..<image.height {
                    for x in 0..<image.width {
                        let (r, g, b) = image.rgb(x, y)
                        if max(r, g, b) - min(r, g, b) > 24 { coloured += 1 }
                    }
                }
                #expect(coloured == 0, "\(path): \(coloured) coloured pixels")
                continue
            }
            drawn += 1
            // The CSV's heights are written to 1e-15 or so: equal to that.
            func near(_ pair: [Double]?) -> Bool {
                guard let pair, pair.count == 2 else { return false }
                return abs(pair[0] - lo) < 1e-12 && abs(pair[1] - hi) < 1e-12
            }
            #expect(near(scale["range"] as? [Double]), "\(path): \(scale["range"] ?? "")")
            #expect(scale["message"] == nil, "\(path)")
            #expect(figure == "surface" || near(domain.last), "\(path)")
        }
        // Every snapshot's plane is all NaN at 1e300, and finite everywhere at 0.5.
        #expect((blank, drawn) == (flags[1] == "1e300" ? (6, 0) : (0, 6)))
        try Schemas.validate([h.url("o/manifest.json")], against: "manifest")
    }

    /// An error as the message writes it: three decimals, or from a million on its order of
    /// magnitude ("1e298").
    static func written(_ e: Double) -> String {
        guard abs(e) >= 1e6 else { return String(format: "%.3f", e) }
        return String(format: "%.0e", e).replacingOccurrences(of: "+0", with: "")
            .replacingOccurrences(of: "+", with: "")
    }
}
