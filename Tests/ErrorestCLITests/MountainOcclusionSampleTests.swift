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
