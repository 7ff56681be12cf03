import Backprop
import Foundation
import Testing

@testable import Figures

/// The hidden space rings the focus point, as every other panel does: at the point's own hidden
/// activations, and nowhere else.
@Suite struct HiddenSpaceFocusTests {
    @Test func theFocusPointIsRingedWhereTheOutputSeesIt() throws {
        let run = try Fixtures.run(.xor, hidden: [2], epochs: 60)
        var options = RenderOptions(width: 360, height: 300)
        options.focus = .index(5)
        let snapshot = 2
        let figure = try FigureRenderer(run: run, options: options).render(
            .panel(.hiddenSpace), snapshot: snapshot, format: .png)
        let panel = try #require(figure.panels.first { $0.kind == .hiddenSpace })
        let focus = try #require(panel.focus, "the hidden space names its focus point")
        #expect(focus.index == 5)

        // Point 5's activations (h1, h2), computed here from the snapshot's first layer.
        let layer = run.snapshots[snapshot].layers[0]
        let p = run.data.points[4]
        let h = (0..<2).map { j in
            1
                / (1
                    + exp(
                        -(layer.weights[j][0] * p.x1 + layer.weights[j][1] * p.x2
                            + layer.biases[j])))
        }
        let (rect, domain) = (panel.rect, panel.domain)
        let x = rect[0] + (h[0] - domain[0][0]) / (domain[0][1] - domain[0][0]) * rect[2]
        let y = rect[1] + rect[3] - (h[1] - domain[1][0]) / (domain[1][1] - domain[1][0]) * rect[3]
        let pixel = try #require(focus.pixel)
        #expect(abs(pixel[0] - x) < 1e-6 && abs(pixel[1] - y) < 1e-6, "\(pixel) vs \(x), \(y)")

        // The ring is the only difference from the same figure without a focus point.
        options.focus = nil
        let plain = try FigureRenderer(run: run, options: options).render(
            .panel(.hiddenSpace), snapshot: snapshot, format: .png)
        let (a, b) = (try PNGCodec.decode(figure.data), try PNGCodec.decode(plain.data))
        #expect(a.width == b.width && a.height == b.height)
        var near = 0
        var far = 0
        for row in 0..<a.height {
            for column in 0..<a.width where a.rgb(column, row) != b.rgb(column, row) {
                let d = hypot(Double(column) + 0.5 - x, Double(row) + 0.5 - y)
                if d <= 16 { near += 1 } else { far += 1 }
            }
        }
        #expect(near > 20, "the ring is drawn around the point (\(near) pixels changed)")
        #expect(far == 0, "nothing else changes (\(far) pixels away from the point)")
    }
}
