import Backprop
import Foundation
import Testing

@testable import Figures

/// The race mountain: every runner's drawn path point is the projection of weights the trainer
/// recorded, placed by the mountain's camera, and each ball sits at the runner's last recorded
/// weights.
@Suite struct RaceMountainTests {
    /// SGD, momentum and Adam from one start on xor, every epoch's weights kept.
    static func runs() throws -> [TrainingRun] {
        let data = try Generator.xor.generate(count: 40, noise: 0.1, seed: 5)
        return try OptimizerKind.allCases.map { optimizer in
            var trainer = Trainer(
                network: try Network(hidden: [3], seed: 3), data: data,
                options: TrainingOptions(
                    epochs: 60, learningRate: optimizer == .adam ? 0.05 : 1,
                    optimizer: optimizer),
                schedule: .every(10))
            trainer.recordsTrajectory = true
            return try trainer.train(name: optimizer.rawValue)
        }
    }

    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).map { $0 * $1 }.reduce(0, +)
    }

    @Test func everyDrawnPointIsTheProjectionOfRecordedWeightsAndEachBallTheLastW() throws {
        let runs = try Self.runs()
        let names = runs.map(\.name)
        let landscape = try RaceLandscape(runs: runs, names: names, gridSize: 21)
        let runners = names.map { RaceRunner(label: "optimizer = \($0)") }
        var drawn: [RaceMountainPath] = []
        var plot = Rect(x: 0, y: 0, width: 0, height: 0)
        _ = try SweepFigure.render(
            title: "race", width: 640, height: 400, palette: .lesson, format: .png,
            pngCompression: 3
        ) { canvas, style, palette in
            let drawing = RaceMountainDrawing(
                landscape: landscape, runners: runners, title: "race", style: style,
                palette: palette)
            plot = Rect(x: 40, y: 50, width: 400, height: 300)
            drawn = try drawing.drawMountain(in: plot, on: canvas)
        }
        #expect(drawn.map(\.name) == names)
        let w0 = ParameterVector(runs[0].snapshots[0].layers).values
        let (a, b) = (landscape.plane.first.values, landscape.plane.second.values)
        let camera = MountainCamera(grid: landscape.grid, rect: plot)
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

    @Test func theFigureIsAPNGOfTheAskedSizeAndTheSameBytesTwice() throws {
        let runs = try Self.runs()
        let names = runs.map(\.name)
        let landscape = try RaceLandscape(runs: runs, names: names, gridSize: 21)
        let runners = names.map { RaceRunner(label: "optimizer = \($0)") }
        let draw = {
            try SweepFigure.raceMountain(
                landscape, runners: runners, title: "race", width: 640, height: 400,
                format: .png)
        }
        let png = try draw()
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(png.subdata(in: 16..<24) == Data([0, 0, 2, 0x80, 0, 0, 1, 0x90]))
        #expect(try draw() == png)
    }
}
