import Backprop
import ErrorestCLI
import Foundation
import Testing

@testable import Figures

/// Issue 21, item 6, on the Samples that draw a mountain, trained as their files say: at every
/// snapshot the camera the mountain panel chooses shows the ball and the path's last stretch,
/// by the depth test against the surface's projection.
@Suite struct MountainOcclusionSampleTests {
    /// For each snapshot of `sample`: its epoch, whether the usual camera hides what must be
    /// seen, and the points the chosen camera still hides.
    static func views(_ sample: String) throws -> [(epoch: Int, usual: Bool, hidden: [Int])] {
        let file = try RunFile(contentsOf: Harness.samples.appendingPathComponent(sample))
        var trainer = try file.trainer()
        trainer.recordsTrajectory = true
        let run = try trainer.train(name: sample, domain: file.domain)
        let landscapes = Landscapes()
        return try run.snapshots.indices.map { index in
            let view = try landscapes.view(
                run: run, snapshot: index, options: file.render.options.surface)
            let grid = view.surface.grid
            let mesh = MountainOcclusion(grid: grid)
            let shown = MountainOcclusion.shown(
                grid: grid, ball: view.current, path: SurfacePanel.thinned(view.walked))
            let chosen = mesh.camera(showing: shown)
            return (
                view.epoch, !mesh.hidden(shown, from: .standard).isEmpty,
                mesh.hidden(shown, from: chosen.angles)
            )
        }
    }

    @Test func kilimanjerrorsBallIsInSightAtEverySnapshot() throws {
        let views = try Self.views("kilimanjerror.yaml")
        #expect(views.count == 30)
        for view in views {
            #expect(view.hidden.isEmpty, "epoch \(view.epoch): points \(view.hidden) hidden")
        }
        // What the issue saw: with the usual camera a ridge stands in front of the ball (epoch
        // 300); there the camera has turned.
        #expect(views.contains { $0.usual }, "\(views.map(\.epoch))")
    }

    @Test func mountainsBallIsInSightAtEverySnapshot() throws {
        for view in try Self.views("mountain.yaml") {
            #expect(view.hidden.isEmpty, "epoch \(view.epoch): points \(view.hidden) hidden")
        }
    }
}

/// The race mountain of `Samples/race-optimizers.yaml` shows its start and balls.
///
/// The review's finding: from the usual camera a ridge stands in front of the start `W0` (the
/// paths' first stretch hidden behind it, the start ring drawn on top of the ridge). The race
/// mountain now turns its camera as the mountain panel does, to the first view that shows the
/// start and every ball.
@Suite struct RaceMountainSampleTests {
    @Test func theRaceSamplesStartAndBallsAreInSightOfItsCamera() throws {
        // The Sample's run, without its `race` block: what each runner trains.
        let text = try String(
            contentsOf: Harness.samples.appendingPathComponent("race-optimizers.yaml"),
            encoding: .utf8)
        let run = try #require(text.components(separatedBy: "\nrace:").first)
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("race-optimizers-\(UUID().uuidString).yaml")
        try run.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let file = try RunFile(contentsOf: url)
        let runs = try OptimizerKind.allCases.map { optimizer in
            var trainer = try file.trainer()
            trainer.options.optimizer = optimizer
            return try trainer.train(name: "optimizer-\(optimizer.rawValue)", domain: file.domain)
        }
        let landscape = try RaceLandscape(
            runs: runs, names: runs.map(\.name), gridSize: file.render.options.surface.gridSize)
        // The race `errorest race` draws: its note says 99.6% of the paths' variance.
        let share = try #require(landscape.principal?.varianceShare)
        #expect(abs(share - 0.996) < 0.0005, "\(share)")
        let grid = landscape.grid
        let occlusion = MountainOcclusion(grid: grid)
        let start = try #require(landscape.paths.first?.points.first)
        let balls = landscape.paths.compactMap(\.points.last)
        let shown = MountainOcclusion.floating([start] + balls, grid: grid)
        // What the review saw: the usual view hides the start.
        #expect(occlusion.hides(shown[0], from: .standard))
        // The drawing's camera shows the start and every ball, and draws the start over all.
        var drawn: RaceMountain?
        _ = try SweepFigure.render(
            title: "race", width: 640, height: 360, palette: .lesson, format: .png,
            pngCompression: RenderOptions.defaultPNGCompression
        ) { canvas, style, palette in
            drawn = try RaceMountainDrawing(
                chrome: RaceChrome(
                    landscape: landscape, runners: runs.map { RaceRunner(label: $0.name) },
                    title: "race", style: style, palette: palette)
            ).draw(on: canvas)
        }
        let mountain = try #require(drawn)
        #expect(mountain.clear && mountain.startOver)
        #expect(occlusion.hidden(shown, from: mountain.camera).isEmpty, "\(mountain.camera)")
        #expect(mountain.paths.count == 3)
    }
}
