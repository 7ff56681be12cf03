import Backprop
import Foundation
import Testing

@testable import Figures

/// Issue 21, items 5 and 6: surface and mountain carry a colour bar of `E` with its numbers, mark
/// `W′` where the run's next step lands, and never hide the ball behind a ridge.
@Suite struct LandscapeScaleTests {
    static func figure(_ kind: PanelKind, run: TrainingRun, snapshot: Int) throws -> (
        RenderedFigure, LandscapeScaleInfo, PanelInfo
    ) {
        var options = RenderOptions(width: 420, height: 300)
        options.surface.gridSize = 9
        options.surface.axes = .pca
        let figure = try FigureRenderer(run: run, options: options).render(
            .panel(kind), snapshot: snapshot, format: .png)
        let panel = try #require(figure.panels.first { $0.kind == kind })
        return (figure, try #require(panel.landscape, "\(kind) states its scale"), panel)
    }

    /// `E` at every node of the surface's grid, from the plane's parameters and the data.
    static func heights(_ run: TrainingRun, snapshot: Int) throws -> (ErrorSurface, [Double]) {
        var options = SurfaceOptions()
        options.gridSize = 9
        options.axes = .pca
        let surface = try ErrorSurface(run: run, snapshot: snapshot, options: options)
        let layout = ParameterLayout(run.snapshots[snapshot].layers)
        let heights = surface.grid.v.flatMap { v in
            surface.grid.u.map { u in
                let layers = ParameterVector(surface.plane.parameters(u: u, v: v), layout: layout)
                    .layers
                return Story.error(layers, run.network.activation, on: run.data)
            }
        }
        return (surface, heights)
    }

    @Test func theSurfacesColourBarSpansThePlottedErrorsWithTheirColours() throws {
        let run = try Fixtures.run(.xor, hidden: [2], epochs: 60)
        let (figure, scale, panel) = try Self.figure(.surface, run: run, snapshot: 1)
        let (_, heights) = try Self.heights(run, snapshot: 1)
        let (lo, hi) = (try #require(heights.min()), try #require(heights.max()))
        let range = try #require(scale.range)
        #expect(abs(range[0] - lo) < 1e-9 && abs(range[1] - hi) < 1e-9)
        #expect(scale.ticks.count >= 2 && scale.ticks.allSatisfy { lo <= $0 && $0 <= hi })
        // Each number sits at its own colour: the bar's pixel there is the ramp's at that E.
        let image = try PNGCodec.decode(figure.data)
        let bar = scale.bar
        for e in scale.ticks {
            let t = (e - lo) / (hi - lo)
            let y = Int(bar[1] + bar[3] - t * bar[3])
            let row = min(max(y, Int(bar[1]) + 2), Int(bar[1] + bar[3]) - 3)
            let shown = image.rgb(Int(bar[0] + bar[2] / 2), row)
            let expected = HeightRamp.colour(1 - (Double(row) + 0.5 - bar[1]) / bar[3]).pixel
            let channels = [
                (Int(shown.red), Int(expected >> 16 & 0xFF)),
                (Int(shown.green), Int(expected >> 8 & 0xFF)),
                (Int(shown.blue), Int(expected & 0xFF)),
            ]
            #expect(channels.allSatisfy { abs($0.0 - $0.1) <= 6 }, "E \(e): \(shown)")
        }
        // The bar is beside the plot, not on it.
        #expect(bar[0] >= panel.rect[0] + panel.rect[2])
    }

    @Test func wPrimeIsMarkedWhereTheRecordsNextWeightsProject() throws {
        let run = try Fixtures.run(.xor, hidden: [2], epochs: 60)
        let (_, scale, panel) = try Self.figure(.surface, run: run, snapshot: 1)
        let (surface, _) = try Self.heights(run, snapshot: 1)
        let next = ParameterVector(run.step(from: run.snapshots[1])).values
        let (u, v) = surface.plane.coordinates(of: next)
        let (rect, d) = (panel.rect, panel.domain)
        let x = rect[0] + (u - d[0][0]) / (d[0][1] - d[0][0]) * rect[2]
        let y = rect[1] + rect[3] - (v - d[1][0]) / (d[1][1] - d[1][0]) * rect[3]
        let ring = try #require(scale.pixels[1])
        #expect(abs(ring[0] - x) < 1e-6 && abs(ring[1] - y) < 1e-6)
        #expect(abs(try #require(scale.errors[0]) - run.snapshots[1].error) < 1e-12)
        let layers = ParameterVector(next, layout: ParameterLayout(run.snapshots[1].layers)).layers
        let after = Story.error(layers, run.network.activation, on: run.data)
        #expect(abs(try #require(scale.errors[1]) - after) < 1e-9, "E(W′) at W′ itself")
    }

    /// The numbers under the bar fit its strip whatever a step did: a blown-up error is
    /// written as its order of magnitude, one that is no number as what it is.
    @Test func theErrorsUnderTheBarAreShortWords() {
        #expect(ErrorScaleBar.words(0.51234) == "0.512")
        #expect(ErrorScaleBar.words(999_999.4) == "999999.400")
        #expect(ErrorScaleBar.words(1.2e6) == "1e6")
        #expect(ErrorScaleBar.words(2.9568312042762126e298) == "3e298")
        #expect(ErrorScaleBar.words(.nan) == "NaN")
        #expect(ErrorScaleBar.words(.infinity) == "∞")
    }

    /// A step that blew up leaves a path whose weights overflow the plane's arithmetic: the
    /// note under the title says so instead of "nan%" and "≤ nan".
    @Test func aPathThatOverflowsIsSaidToInItsNote() throws {
        let run = try Fixtures.run(.xor, hidden: [2], epochs: 30, learningRate: 1e300)
        var options = SurfaceOptions()
        options.gridSize = 9
        options.axes = .pca
        let view = try Landscapes().view(run: run, snapshot: 1, options: options)
        #expect(view.note == LandscapeView.overflowNote, "\(view.note)")
        let calm = try Fixtures.run(.xor, hidden: [2], epochs: 60)
        let usual = try Landscapes().view(run: calm, snapshot: 1, options: options).note
        #expect(usual.hasPrefix("plane holds ") && !usual.contains("nan"), "\(usual)")
    }

    /// The occlusion rule: at every snapshot the ball's own pixel shows the ball, whatever
    /// ridge stands in front of it, and the mountain states the same scale as the surface.
    @Test func theMountainsBallIsNeverHidden() throws {
        let run = try Fixtures.run(.xor, hidden: [4], epochs: 300)
        let marker = Palette.lesson.marker.pixel
        for snapshot in run.snapshots.indices {
            let (figure, scale, _) = try Self.figure(.mountain, run: run, snapshot: snapshot)
            let image = try PNGCodec.decode(figure.data)
            let ball = try #require(scale.pixels[0])
            let shown = image.rgb(Int(ball[0]), Int(ball[1]))
            let pixel = UInt32(shown.red) << 16 | UInt32(shown.green) << 8 | UInt32(shown.blue)
            #expect(pixel == marker, "snapshot \(snapshot): \(shown) at \(ball)")
            let (_, heights) = try Self.heights(run, snapshot: snapshot)
            let range = try #require(scale.range)
            #expect(abs(range[0] - (heights.min() ?? 0)) < 1e-9)
            #expect(abs(range[1] - (heights.max() ?? 0)) < 1e-9)
            // The camera the panel records shows the ball and the last stretch, by the depth
            // test, and the manifest round-trips it with the scale.
            let panel = try #require(figure.panels.first { $0.kind == .mountain })
            let camera = try #require(panel.camera, "the mountain records its camera")
            var options = SurfaceOptions()
            options.gridSize = 9
            options.axes = .pca
            let view = try Landscapes().view(run: run, snapshot: snapshot, options: options)
            let grid = view.surface.grid
            let inSight = MountainOcclusion.shown(
                grid: grid, ball: view.current, path: SurfacePanel.thinned(view.walked))
            let angles = MountainCamera.Angles(
                azimuth: camera.azimuth * Double.pi / 180,
                elevation: camera.elevation * Double.pi / 180)
            #expect(camera.clear)
            #expect(MountainOcclusion(grid: grid).hidden(inSight, from: angles).isEmpty)
            let coded = try JSONDecoder().decode(
                PanelInfo.self, from: try JSONEncoder().encode(panel))
            #expect(coded.camera == camera && coded.landscape == panel.landscape)
        }
    }
}
