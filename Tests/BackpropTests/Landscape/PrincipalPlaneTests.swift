import Foundation
import Testing

@testable import Backprop

@Suite struct PrincipalPlaneTests {
    /// The covariance of the trajectory, formed explicitly.
    static func covariance(_ trajectory: Trajectory) -> [[Double]] {
        let n = trajectory.count
        let p = trajectory.parameterCount
        let rows = (0..<n).map { Array(trajectory.parameters(at: $0)) }
        let mean = (0..<p).map { k in rows.map { $0[k] }.reduce(0, +) / Double(n) }
        return (0..<p).map { i in
            (0..<p).map { j in
                rows.map { ($0[i] - mean[i]) * ($0[j] - mean[j]) }.reduce(0, +) / Double(n)
            }
        }
    }

    static func times(_ c: [[Double]], _ x: [Double]) -> [Double] {
        c.map { row in zip(row, x).map(*).reduce(0, +) }
    }

    /// The top eigenvalue of a symmetric positive semi-definite matrix by plain power iteration.
    static func topEigenvalue(_ c: [[Double]]) -> Double {
        var x = c.indices.map { 1 + Double($0) / 7 }
        var value = 0.0
        for _ in 0..<3_000 {
            let y = times(c, x)
            let norm = y.map { $0 * $0 }.reduce(0, +).squareRoot()
            value = zip(x, y).map(*).reduce(0, +) / x.map { $0 * $0 }.reduce(0, +)
            x = y.map { $0 / norm }
        }
        return value
    }

    @Test func theVarianceShareIsRecomputedFromTheExplicitCovariance() throws {
        let run = try LandscapeReference.run(hidden: [3], epochs: 200, learningRate: 2)
        let trajectory = try #require(run.trajectory)
        let surface = try ErrorSurface(run: run, snapshot: 0, options: SurfaceOptions(gridSize: 3))
        #expect(surface.axes == .pca)
        let principal = try #require(surface.principal)
        let c = Self.covariance(trajectory)
        let trace = c.indices.map { c[$0][$0] }.reduce(0, +)
        // Both directions are unit eigenvectors, orthogonal.
        for (d, variance) in zip([principal.first, principal.second], principal.variances) {
            #expect(abs(d.map { $0 * $0 }.reduce(0, +) - 1) <= 1e-12)
            let residual = zip(Self.times(c, d), d).map { $0 - variance * $1 }
            #expect(residual.map(abs).max()! <= 1e-9 * principal.variances[0])
        }
        #expect(abs(zip(principal.first, principal.second).map(*).reduce(0, +)) <= 1e-12)
        // The first is the top eigenvector; the second the top one of what is left.
        #expect(abs(principal.variances[0] - Self.topEigenvalue(c)) <= 1e-9 * trace)
        let d = principal.first
        let deflated = c.indices.map { i in
            c.indices.map { j in c[i][j] - principal.variances[0] * d[i] * d[j] }
        }
        #expect(abs(principal.variances[1] - Self.topEigenvalue(deflated)) <= 1e-9 * trace)
        let share = (principal.variances[0] + principal.variances[1]) / trace
        #expect(abs(principal.varianceShare - share) <= 1e-9)
        #expect(principal.varianceShare > 0.5 && principal.varianceShare <= 1)
    }

    @Test func thePlanePassesThroughTheFinalWeightsAndThePathGapIsRecomputed() throws {
        let run = try LandscapeReference.run(hidden: [4], epochs: 120, learningRate: 3)
        let trajectory = try #require(run.trajectory)
        let surface = try ErrorSurface(run: run, snapshot: 3, options: SurfaceOptions(gridSize: 9))
        let final = try run.network(at: run.snapshots.last!).parameters
        #expect(surface.plane.origin == final)
        let last = try #require(surface.path.last)
        #expect(abs(last.u) <= 1e-15 && abs(last.v) <= 1e-15 && last.epoch == 120)
        let (d1, d2) = (surface.plane.first, surface.plane.second)
        let epoch = run.snapshots[3].epoch
        var gap = 0.0
        for e in 0...epoch {
            let theta = Array(trajectory.parameters(at: e))
            let diff = zip(theta, final).map { $0 - $1 }
            let u = zip(diff, d1).map(*).reduce(0, +)
            let v = zip(diff, d2).map(*).reduce(0, +)
            let projected = final.indices.map { final[$0] + u * d1[$0] + v * d2[$0] }
            let height = LandscapeReference.error(
                parameters: projected, hidden: [4], data: run.data)
            gap = max(gap, abs(run.errors[e] - height))
        }
        #expect(abs(surface.pathGap(through: epoch) - gap) <= 1e-9)
        #expect(gap > 0)
        // Grid values against a direct evaluation.
        for (i, j) in [(0, 0), (4, 7), (8, 8), (2, 5)] {
            let (u, v) = (surface.grid.u[j], surface.grid.v[i])
            let theta = final.indices.map { final[$0] + u * d1[$0] + v * d2[$0] }
            let direct = LandscapeReference.error(parameters: theta, hidden: [4], data: run.data)
            #expect(abs(surface.grid[row: i, column: j] - direct) <= 1e-12)
        }
    }

    @Test func aPerceptronCanBeDrawnOverItsPrincipalPlaneToo() throws {
        let run = try LandscapeReference.run(hidden: [], epochs: 30)
        let surface = try ErrorSurface(
            run: run, snapshot: 1, options: SurfaceOptions(gridSize: 4, axes: .pca))
        #expect(surface.principal != nil && surface.plane.origin.count == 3)
    }

    @Test func aRecordWithoutATrajectoryDrawsItsPathThroughTheSnapshots() throws {
        var run = try LandscapeReference.run(hidden: [2], epochs: 60)
        run.trajectory = nil
        let surface = try ErrorSurface(run: run, snapshot: 2, options: SurfaceOptions(gridSize: 3))
        #expect(surface.pathEvery == nil)
        #expect(surface.path.map(\.epoch) == run.snapshots.map(\.epoch))
    }

    @Test(arguments: [
        ([3, 4, 2], Activation.sigmoid, 0.5), ([5], .tanh, 2), ([4, 3], .relu, 1),
        ([6], .sigmoid, 200),
    ])
    func theFastGridEqualsOneForwardPassPerNode(
        hidden: [Int], activation: Activation, span: Double
    ) throws {
        let data = try Generator.moons.generate(count: 37, noise: 0.2, seed: 9)
        let network = try Network(hidden: hidden, activation: activation, seed: 4)
        let p = network.parameters.count
        var random = SeededRandom(seed: 11)
        let raw = (0..<2).map { _ in (0..<p).map { _ in random.gaussian() } }
        let first = raw[0].map { $0 / dot(raw[0], raw[0]).squareRoot() }
        let layout = network.parameters.layout
        let plane = ParameterPlane(
            origin: network.parameters, first: ParameterVector(first, layout: layout),
            second: ParameterVector(raw[1], layout: layout))
        let evaluator = PlaneEvaluator(network: network, data: data, plane: plane)
        let u = SurfaceGrid.lattice(-span...span, count: 6)
        let v = SurfaceGrid.lattice((-span / 3)...span, count: 5)
        let fast = evaluator.grid(u: u, v: v)
        let plain = evaluator.plainGrid(u: u, v: v)
        #expect(fast.heights.count == 30)
        for (a, b) in zip(fast.heights, plain.heights) {
            #expect(abs(a - b) <= 1e-12 * max(1, abs(b)))
        }
    }
}
