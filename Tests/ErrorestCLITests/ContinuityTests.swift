import Foundation
import Testing

@testable import ErrorestCLI

/// A hidden unit's line that leaves its panel's view is shown by a marker on the border, and
/// the manifest says where: checked here against the run record's weights.
@Suite struct ContinuityTests {
    /// A network whose lines are placed by hand.
    ///
    /// Unit 1 of the first layer has its line at x1 = −5, far left of the view; unit 2 crosses
    /// the view. The second layer's unit is `10·σ(x1 + 5) − 9.99`, zero at x1 ≈ 1.9: its curve is
    /// right of the view.
    static let runFile = """
        name: offview
        data: { generator: wedge, count: 40, seed: 3 }
        network:
          hidden: [2, 1]
          init:
            layers:
              - { weights: [[1, 0], [0.5, 2]], biases: [5, 0] }
              - { weights: [[10, 0]], biases: [-9.99] }
              - { weights: [[1]], biases: [0] }
        training: { epochs: 0 }
        snapshots: [0]
        render: { size: [320, 180], figures: [frame, hidden] }
        """

    private static func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }

    @Test func aLineOffTheViewIsAMarkerOnTheBorderPointingToIt() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        _ = try h.write(Self.runFile, to: "offview.yaml")
        let result = try h.errorest(["run", "offview.yaml", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let record = try h.json("Output/offview/run.json")
        let snapshot = try #require((record["snapshots"] as? [[String: Any]])?.first)
        let layers = try #require(snapshot["layers"] as? [[String: Any]])
        let w1 = try #require(layers[0]["weights"] as? [[Double]])
        let b1 = try #require(layers[0]["biases"] as? [Double])
        let w2 = try #require(layers[1]["weights"] as? [[Double]])
        let b2 = try #require(layers[1]["biases"] as? [Double])
        let manifest = try h.json("Output/offview/manifest.json")
        let files = try #require(manifest["files"] as? [[String: Any]])
        #expect(files.count == 2)
        for file in files {
            let panels = try #require(file["panels"] as? [[String: Any]])
            let hidden = panels.filter { $0["kind"] as? String == "hidden" }
            #expect(hidden.count == 3)
            for panel in hidden {
                let layer = try #require(panel["layer"] as? Int)
                let unit = try #require(panel["unit"] as? Int)
                let rect = try #require(panel["rect"] as? [Double])
                let domain = try #require(panel["domain"] as? [[Double]])
                let (x0, x1, y0, y1) = (domain[0][0], domain[0][1], domain[1][0], domain[1][1])
                let centre = ((x0 + x1) / 2, (y0 + y1) / 2)
                /// `z` of the panel's unit at a point, from the record's weights.
                func z(_ p: (Double, Double)) -> Double {
                    let first = (0..<2).map { w1[$0][0] * p.0 + w1[$0][1] * p.1 + b1[$0] }
                    if layer == 1 { return first[unit - 1] }
                    let h = first.map(Self.sigmoid)
                    return w2[0][0] * h[0] + w2[0][1] * h[1] + b2[0]
                }
                let corners = [(x0, y0), (x1, y0), (x0, y1), (x1, y1)].map(z)
                let crosses = corners.contains { $0 > 0 } && corners.contains { $0 < 0 }
                let off = panel["offView"] as? [String: Any]
                if layer == 1 && unit == 2 || crosses {
                    #expect(off == nil, "L\(layer)·\(unit) crosses its view")
                    continue
                }
                let info = try #require(off, "L\(layer)·\(unit) is off its view")
                let marker = try #require(info["marker"] as? [Double])
                let direction = try #require(info["direction"] as? [Double])
                let point = try #require(info["point"] as? [Double])
                // The point is on the line (or curve), outside the view.
                #expect(abs(z((point[0], point[1]))) < 1e-6, "L\(layer)·\(unit): \(point)")
                #expect(point[0] < x0 || point[0] > x1 || point[1] < y0 || point[1] > y1)
                // The marker is on the plot's border.
                let onVertical =
                    abs(marker[0] - rect[0]) < 1e-6 || abs(marker[0] - rect[0] - rect[2]) < 1e-6
                let onHorizontal =
                    abs(marker[1] - rect[1]) < 1e-6 || abs(marker[1] - rect[1] - rect[3]) < 1e-6
                #expect(onVertical || onHorizontal, "\(marker) on \(rect)")
                #expect(marker[0] >= rect[0] - 1e-6 && marker[0] <= rect[0] + rect[2] + 1e-6)
                #expect(marker[1] >= rect[1] - 1e-6 && marker[1] <= rect[1] + rect[3] + 1e-6)
                // It points from the view's centre toward the point, in pixels (y down).
                let px = rect[0] + (point[0] - x0) / (x1 - x0) * rect[2]
                let py = rect[1] + (y1 - point[1]) / (y1 - y0) * rect[3]
                let (cx, cy) = (rect[0] + rect[2] / 2, rect[1] + rect[3] / 2)
                let length = ((px - cx) * (px - cx) + (py - cy) * (py - cy)).squareRoot()
                #expect(abs(direction[0] - (px - cx) / length) < 1e-9)
                #expect(abs(direction[1] - (py - cy) / length) < 1e-9)
                if layer == 1 {
                    // A first-layer line: the nearest point to the centre, so the marker points
                    // along its normal, toward the line: here left, for x1 = −5.
                    let w = w1[unit - 1]
                    let v = z(centre)
                    let along = (point[0] - centre.0) * w[1] - (point[1] - centre.1) * w[0]
                    #expect(abs(along) < 1e-9, "the point is the foot of the perpendicular")
                    #expect((point[0] - centre.0) * w[0] * v < 0)
                    #expect(direction[0] < -0.99)
                } else {
                    #expect(direction[0] > 0.99, "the curve at x1 ≈ 1.9 is to the right")
                    #expect(abs(point[0] - (log(0.999 / 0.001) - 5)) < 1e-6)
                }
            }
        }
    }

    /// A perceptron's boundary is its line: off the view, the output panel gets the marker.
    @Test func aPerceptronsLineOffTheViewIsMarkedOnTheOutput() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        _ = try h.write(
            """
            name: perceptron
            data: { generator: wedge, count: 40, seed: 3 }
            network:
              hidden: []
              init: { layers: [{ weights: [[0, -2]], biases: [-8] }] }
            training: { epochs: 0 }
            snapshots: [0]
            render: { size: [320, 180], figures: [frame, output] }
            """, to: "perceptron.yaml")
        let markers = try Self.outputMarkers(running: "perceptron", in: h)
        #expect(markers.count == 2)
        for (rect, marker, direction, point) in markers {
            // −2·x2 − 8 = 0: the line x2 = −4, below the view; the marker is on the bottom edge,
            // pointing down (y grows downward in pixels).
            #expect(abs(point[1] + 4) < 1e-9)
            #expect(abs(marker[1] - (rect[1] + rect[3])) < 1e-6, "\(marker) on \(rect)")
            #expect(abs(direction[0]) < 1e-9 && abs(direction[1] - 1) < 1e-9)
        }
    }

    /// A network's boundary is a curve: off the view, the output panel gets the marker too.
    @Test func aNetworksBoundaryOffTheViewIsMarkedOnTheOutput() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        // ŷ = σ(10·σ(x1) − 9.99): the boundary is x1 = ln(0.999 / 0.001), right of the view.
        _ = try h.write(
            """
            name: curve
            data: { generator: wedge, count: 40, seed: 3 }
            network:
              hidden: [1]
              init: { layers: [{ weights: [[1, 0]], biases: [0] }, { weights: [[10]], biases: [-9.99] }] }
            training: { epochs: 0 }
            snapshots: [0]
            render: { size: [320, 180], figures: [output] }
            """, to: "curve.yaml")
        let markers = try Self.outputMarkers(running: "curve", in: h)
        #expect(markers.count == 1)
        let (rect, marker, direction, point) = try #require(markers.first)
        #expect(abs(point[0] - log(0.999 / 0.001)) < 1e-6, "\(point)")
        #expect(abs(marker[0] - (rect[0] + rect[2])) < 1e-6, "\(marker) on \(rect)")
        #expect(direction[0] > 0.99)
    }

    /// Runs `<name>.yaml` in `h` and reads, from each file of its manifest, the output panel's
    /// rect and its off-view `marker`, `direction` and `point`.
    static func outputMarkers(running name: String, in h: Harness) throws -> [(
        rect: [Double], marker: [Double], direction: [Double], point: [Double]
    )] {
        let result = try h.errorest(["run", "\(name).yaml", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let manifest = try h.json("Output/\(name)/manifest.json")
        let files = try #require(manifest["files"] as? [[String: Any]])
        return try files.map { file in
            let panels = try #require(file["panels"] as? [[String: Any]])
            let output = try #require(panels.first { $0["kind"] as? String == "output" })
            let info = try #require(output["offView"] as? [String: Any], "\(output)")
            return (
                try #require(output["rect"] as? [Double]),
                try #require(info["marker"] as? [Double]),
                try #require(info["direction"] as? [Double]),
                try #require(info["point"] as? [Double])
            )
        }
    }
}
