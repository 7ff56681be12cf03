import Backprop
import Foundation
import Testing

@testable import Figures

/// The race mountain: every runner's drawn path point is the projection of weights the trainer
/// recorded, placed by the mountain's camera, and each ball sits at the runner's last recorded
/// weights.
@Suite struct RaceMountainTests {
    /// SGD, momentum and Adam from one start on xor, every epoch's weights kept.
    static func runs() throws -> [TrainingRun] { try Fixtures.race(trajectory: true) }

    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).map { $0 * $1 }.reduce(0, +)
    }

    @Test func everyDrawnPointIsTheProjectionOfRecordedWeightsAndEachBallTheLastW() throws {
        let runs = try Self.runs()
        let names = runs.map(\.name)
        let landscape = try RaceLandscape(runs: runs, names: names, gridSize: 21)
        let runners = names.map { RaceRunner(label: "optimizer = \($0)") }
        var mountain: RaceMountain?
        var plot = Rect(x: 0, y: 0, width: 0, height: 0)
        _ = try SweepFigure.render(
            title: "race", width: 640, height: 400, palette: .lesson, format: .png,
            pngCompression: 3
        ) { canvas, style, palette in
            let drawing = RaceMountainDrawing(
                chrome: RaceChrome(
                    landscape: landscape, runners: runners, title: "race", style: style,
                    palette: palette))
            plot = Rect(x: 40, y: 50, width: 400, height: 300)
            mountain = try drawing.drawMountain(in: plot, on: canvas)
        }
        let drawn = try #require(mountain).paths
        #expect(drawn.map(\.name) == names)
        let w0 = ParameterVector(runs[0].snapshots[0].layers).values
        let (a, b) = (landscape.plane.first.values, landscape.plane.second.values)
        let camera = MountainCamera(
            grid: landscape.grid, rect: plot, angles: try #require(mountain).camera)
        let radius = 7.0 * Style(width: 640, height: 400).scale
        for (run, path) in zip(runs, drawn) {
            let trajectory = try #require(run.trajectory)
            let count = trajectory.parameterCount
            #expect(path.points.count == trajectory.epochs.count)
            for (point, pixel) in zip(path.points, path.pixels) {
                let k = try #require(trajectory.epochs.firstIndex(of: point.epoch))
                let theta = Array(trajectory.values[(k * count)..<((k + 1) * count)])
                let d = zip(theta, w0).map { $0 - $1 }
                let (u, v) = (Self.dot(d, a), Self.dot(d, b))
                #expect(abs(point.u - u) <= 1e-9 && abs(point.v - v) <= 1e-9)
                let expected = camera.project(
                    camera.world(u, v, point.height, lift: MountainMesh.lift)
                ).pixel
                #expect(abs(pixel.x - expected.x) <= 1e-6 && abs(pixel.y - expected.y) <= 1e-6)
            }
            // The ball: the last snapshot's weights, resting on the surface.
            let last = try #require(run.snapshots.last)
            let d = zip(ParameterVector(last.layers).values, w0).map { $0 - $1 }
            let (u, v) = (Self.dot(d, a), Self.dot(d, b))
            #expect(path.ball.epoch == last.epoch)
            #expect(abs(path.ball.u - u) <= 1e-9 && abs(path.ball.v - v) <= 1e-9)
            let rest = camera.project(
                camera.world(u, v, path.ball.height, lift: MountainMesh.lift)
            ).pixel
            #expect(abs(path.ballCentre.x - rest.x) <= 1e-6)
            #expect(abs(path.ballCentre.y - (rest.y - max(4, radius) * 0.8)) <= 1e-6)
        }
    }

    /// The figure as written: a PNG that decodes to the asked size, with each runner's ball in
    /// its colour where the drawing says it put it, and the same bytes when drawn again.
    @Test func theFigureDecodesToTheAskedSizeWithEachBallInItsColourTheSameBytesTwice() throws {
        let runs = try Self.runs()
        let names = runs.map(\.name)
        let landscape = try RaceLandscape(runs: runs, names: names, gridSize: 21)
        let runners = names.map { RaceRunner(label: "optimizer = \($0)") }
        let draw = {
            try SweepFigure.race(
                .raceMountain, landscape, runners: runners, title: "race", width: 640, height: 400,
                format: .png)
        }
        let png = try draw()
        let image = try PNGCodec.decode(png)
        #expect(image.width == 640 && image.height == 400)
        // Where the figure's drawing puts each ball, drawn again the same way.
        var drawn: [RaceMountainPath] = []
        _ = try SweepFigure.render(
            title: "race", width: 640, height: 400, palette: .lesson, format: .png,
            pngCompression: RenderOptions.defaultPNGCompression
        ) { canvas, style, palette in
            drawn = try RaceMountainDrawing(
                chrome: RaceChrome(
                    landscape: landscape, runners: runners, title: "race", style: style,
                    palette: palette)
            ).draw(on: canvas).paths
        }
        #expect(drawn.count == runs.count)
        for (path, colour) in zip(drawn, RaceRunner.pathColours(runners)) {
            // Below and right of the centre, off the ball's highlight (up and left).
            let pixel = image.rgb(Int(path.ballCentre.x + 1.5), Int(path.ballCentre.y + 1.5))
            let expected = [colour.red, colour.green, colour.blue].map { Int($0 * 255) }
            let got = [Int(pixel.red), Int(pixel.green), Int(pixel.blue)]
            #expect(
                zip(got, expected).allSatisfy { abs($0 - $1) <= 24 },
                "\(path.name)'s ball at \(path.ballCentre) is \(got), not \(expected)")
        }
        #expect(try draw() == png)
    }
}
