import Backprop
import Foundation
import Testing

@testable import Figures

/// The colour under a data location tells the truth: blue where the network says blue.
///
/// Pixels are found from each panel's PanelInfo (rect and domain), and the network is evaluated
/// by Backprop's own `Network`, independently of the renderer's pixel loops.
@Suite struct TruthfulPixelsTests {
    static let cases: [(Generator, [Int], Activation, Int)] = [
        (.gauss, [], .sigmoid, 400), (.wedge, [2], .sigmoid, 400), (.xor, [4], .sigmoid, 400),
        (.circle, [3, 2], .sigmoid, 2000), (.xor, [3], .tanh, 400),
    ]

    @Test(arguments: cases)
    func shadeMatchesTheNetwork(
        generator: Generator, hidden: [Int], activation: Activation, epochs: Int
    ) throws {
        let run = try Fixtures.run(
            generator, hidden: hidden, activation: activation, epochs: epochs,
            learningRate: activation == .tanh ? 0.5 : 2)
        let figure = try FigureRenderer(run: run, options: RenderOptions(width: 640, height: 360))
            .render(.frame, snapshot: 2, format: .png)
        let image = try PNGCodec.decode(figure.data)
        let network = try run.network(at: run.snapshots[2])
        var checked = (blue: 0, red: 0)
        for panel in figure.panels where panel.kind != .error {
            // The value the panel shades, as a probability-like number in 0...1.
            let value: (Point) -> Double
            if panel.kind == .output {
                value = { network.output(at: $0) }
            } else {
                let (l, j) = try (#require(panel.layer) - 1, #require(panel.unit) - 1)
                value = { p in
                    let a = network.activations(at: p)[l][j]
                    return activation == .tanh ? (a + 1) / 2 : a
                }
            }
            let counts = try check(panel, image: image, run: run, value: value, network: network)
            checked.blue += counts.blue
            checked.red += counts.red
        }
        // Enough pixels of both kinds were judged for the test to mean something.
        #expect(
            checked.blue > 100 && checked.red > 100,
            "\(checked) accuracy \(run.snapshots[2].accuracy)")
    }

    /// Checks pixels every 4 pixels inside the panel, away from markers, lines and arrows.
    func check(
        _ panel: PanelInfo, image: PNGCodec.Image, run: TrainingRun, value: (Point) -> Double,
        network: Network
    ) throws -> (blue: Int, red: Int) {
        let (x, y, w, h) = (panel.rect[0], panel.rect[1], panel.rect[2], panel.rect[3])
        let (d1, d2) = (panel.domain[0], panel.domain[1])
        func data(_ px: Double, _ py: Double) -> Point {
            Point(d1[0] + (px - x) / w * (d1[1] - d1[0]), d2[1] - (py - y) / h * (d2[1] - d2[0]))
        }
        func pixel(_ p: Point) -> (Double, Double) {
            (x + (p.x1 - d1[0]) / (d1[1] - d1[0]) * w, y + (d2[1] - p.x2) / (d2[1] - d2[0]) * h)
        }
        let markers = run.data.points.map(pixel)
        // First-layer lines (drawn on hidden panels, faint on the output) and where arrows sit.
        let lines = network.layers[0].weights.indices.map { j in
            ImplicitLine(
                w1: network.layers[0].weights[j][0], w2: network.layers[0].weights[j][1],
                b: network.layers[0].biases[j])
        }
        let arrows = lines.compactMap { line -> (Double, Double)? in
            guard let (p, q) = line.clipped(to: run.domain) else { return nil }
            let (a, b) = (pixel(p), pixel(q))
            return ((a.0 + b.0) / 2, (a.1 + b.1) / 2)
        }
        let arrowReach = 0.14 * min(w, h) + 14
        var counts = (blue: 0, red: 0)
        for py in stride(from: y + 4.5, to: y + h - 4, by: 4) {
            for px in stride(from: x + 4.5, to: x + w - 4, by: 4) {
                if markers.contains(where: { hypot($0.0 - px, $0.1 - py) < 12 }) { continue }
                if arrows.contains(where: { hypot($0.0 - px, $0.1 - py) < arrowReach }) { continue }
                let p = data(px, py)
                let v = value(p)
                guard v > 0.7 || v < 0.3 else { continue }
                // Away from every drawn curve: the same side of 0.5 four pixels around, and no
                // first-layer line within four pixels.
                let around = [
                    (4.0, 0.0), (-4, 0), (0, 4), (0, -4), (3, 3), (-3, -3), (3, -3), (-3, 3),
                ]
                if around.contains(where: { (value(data(px + $0.0, py + $0.1)) > 0.5) != (v > 0.5) }
                ) {
                    continue
                }
                if lines.contains(where: { line in
                    around.contains {
                        (line.value(data(px + $0.0, py + $0.1).x1, data(px + $0.0, py + $0.1).x2)
                            > 0) != (line.value(p.x1, p.x2) > 0)
                    }
                }) {
                    continue
                }
                let c = image.rgb(Int(px), Int(py))
                let (r, b) = (Int(c.red), Int(c.blue))
                if v > 0.7 {
                    #expect(
                        b > r + 15,
                        "\(panel.kind) \(panel.unit ?? 0) at (\(px), \(py)): value \(v), rgb \(c)")
                    counts.blue += 1
                } else {
                    #expect(
                        r > b + 15,
                        "\(panel.kind) \(panel.unit ?? 0) at (\(px), \(py)): value \(v), rgb \(c)")
                    counts.red += 1
                }
            }
        }
        return counts
    }
}
