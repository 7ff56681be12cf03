import Backprop
import Foundation
import Testing

@testable import Figures

/// Issue 21, item 4: a colour says what the legend says it does.
@Suite struct TruthfulColourTests {
    /// A weight of exactly 0 has no sign: its edge in the diagram is neither the blue of `w > 0`
    /// nor the red of `w < 0`, and the key says what the grey means.
    @Test func aZeroWeightsEdgeIsNeutral() throws {
        var run = try Fixtures.run(.gauss, hidden: [], epochs: 40)
        for k in run.snapshots.indices { run.snapshots[k].layers[0].biases[0] = 0 }
        var options = RenderOptions(width: 480, height: 360)
        options.wish = WishSource.none
        let renderer = try FigureRenderer(run: run, options: options)
        let figure = try renderer.render(.panel(.diagram), snapshot: 2, format: .png)
        let edges = try #require(figure.panels.first?.edges)
        let bias = try #require(edges.first { $0.input == nil })
        #expect(bias.weight == 0)
        let image = try PNGCodec.decode(figure.data)
        // Along the middle of the bias edge, away from its nodes: no pixel leans blue or red.
        var darkest = 255
        for step in 30...70 {
            let t = Double(step) / 100
            let x = Int((bias.from[0] + t * (bias.to[0] - bias.from[0])).rounded(.down))
            let y = Int((bias.from[1] + t * (bias.to[1] - bias.from[1])).rounded(.down))
            for (dx, dy) in [(0, 0), (1, 0), (0, 1), (-1, 0), (0, -1)] {
                let (r, g, b) = image.rgb(x + dx, y + dy)
                darkest = min(darkest, Int(g))
                #expect(abs(Int(b) - Int(r)) < 12, "pixel \(x + dx),\(y + dy): \(r),\(g),\(b)")
            }
        }
        #expect(darkest < 245, "the zero edge is drawn")
        #expect(DiagramPanel.edgeColour(weight: 0, palette: .lesson) == Palette.lesson.mutedText)
        #expect(DiagramPanel.edgeColour(weight: 0.5, palette: .lesson) == Palette.lesson.blue)
        #expect(DiagramPanel.edgeColour(weight: -0.5, palette: .lesson) == Palette.lesson.red)
    }
}
