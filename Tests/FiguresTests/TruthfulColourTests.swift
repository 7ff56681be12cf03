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

    /// The distance between two colours in 0–255 RGB.
    static func distance(_ a: (UInt8, UInt8, UInt8), _ b: Colour) -> Double {
        let (r, g, bl) = (Double(a.0), Double(a.1), Double(a.2))
        let (dr, dg, db) = (r - b.red * 255, g - b.green * 255, bl - b.blue * 255)
        return (dr * dr + dg * dg + db * db).squareRoot()
    }

    /// The landscapes' heights share no hue with the classes: every colour of the height map
    /// lies far from both class colours of every palette, and so does every pixel of a surface
    /// and a mountain (valleys were the dark blue of label 1).
    @Test func landscapeColoursAreNotClassColours() throws {
        let classes = [Palette.lesson, .colorblind].flatMap { [$0.blue, $0.red] }
        for step in 0...1000 {
            let c = HeightRamp.colour(Double(step) / 1000)
            let rgb = (
                UInt8((c.red * 255).rounded()), UInt8((c.green * 255).rounded()),
                UInt8((c.blue * 255).rounded())
            )
            for k in classes {
                #expect(Self.distance(rgb, k) >= HeightRamp.minimumClassDistance, "at \(step)")
            }
        }
        let run = try LandscapeFigureTests.mlpRun()
        let renderer = try FigureRenderer(run: run, options: LandscapeFigureTests.options())
        for kind in [FigureKind.panel(.surface), .panel(.mountain)] {
            let figure = try renderer.render(kind, snapshot: 0, format: .png)
            let image = try PNGCodec.decode(figure.data)
            let rect = try #require(figure.panels.first?.rect)
            var near = 0
            var shaded = 0
            for y in Int(rect[1]) + 2..<Int(rect[1] + rect[3]) - 2 {
                for x in Int(rect[0]) + 2..<Int(rect[0] + rect[2]) - 2 {
                    let p = image.rgb(x, y)
                    if Self.distance((p.red, p.green, p.blue), Palette.lesson.blue) < 60 {
                        near += 1
                    }
                    if Int(p.green) > Int(p.red) + 20 { shaded += 1 }
                }
            }
            #expect(near == 0, "\(kind): \(near) pixels look like label 1")
            #expect(shaded > 1000, "\(kind) is shaded by height: \(shaded) green pixels")
        }
    }

    /// A unit whose line has left its view gets a marker no larger than the text, on its
    /// plot's border (out of the data's way), and the legend says what the marker means.
    @Test func theOffViewMarkerIsSmallAtTheEdgeAndInTheLegend() throws {
        var run = try Fixtures.run(hidden: [2], epochs: 100)
        for k in run.snapshots.indices { run.snapshots[k].layers[0].biases[0] = 60 }
        for (w, h) in [(640, 360), (1280, 720)] {
            let options = RenderOptions(width: w, height: h)
            let (figure, labels) = try LabelLayout.render(.frame, run: run, options: options)
            let unit = try #require(figure.panels.first { $0.offView != nil })
            let marker = try #require(labels.first { $0.text == "off view" })
            let style = Page(.frame, options: options, hidden: [2], aspect: 1).style
            #expect(
                marker.size >= style.glyphFloor
                    && marker.size <= max(style.glyphFloor, style.tickFont))
            let plot = Rect(
                x: unit.rect[0], y: unit.rect[1], width: unit.rect[2], height: unit.rect[3])
            #expect(plot.contains(marker.box, tolerance: 1))
            let border = min(
                marker.box.minX - plot.minX, plot.maxX - marker.box.maxX,
                marker.box.minY - plot.minY, plot.maxY - marker.box.maxY)
            #expect(border <= 2, "the marker touches the border: \(border) px away")
            #expect(
                labels.contains {
                    $0.kind == .text && $0.text.contains("off") && $0.text.contains("view")
                        && $0.box.maxY < plot.minY
                },
                "\(w)×\(h): \(labels.map(\.text))")
            let legend = labels.filter { $0.kind == .text && $0.text.hasPrefix("line off") }
            #expect(legend.count == 1, "the header's legend keys the marker at \(w)×\(h)")
        }
    }
}
