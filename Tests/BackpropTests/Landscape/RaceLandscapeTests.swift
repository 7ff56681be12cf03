import Foundation
import Testing

@testable import Backprop

/// Several runners on one landscape: they start from the same `W0` (bit for bit), every drawn
/// point is the projection of weights the trainer recorded, and each path's variance share and
/// gap are what an independent computation gives.
@Suite struct RaceLandscapeTests {
    /// Runs from the same start, one per optimizer, keeping every epoch's weights.
    static func runners(hidden: [Int], initSeed: [UInt64] = [3, 3, 3]) throws -> [TrainingRun] {
        let data = try Generator.xor.generate(count: 40, noise: 0.1, seed: 5)
        return try zip(OptimizerKind.allCases, initSeed).map { optimizer, seed in
            var trainer = Trainer(
                network: try Network(hidden: hidden, seed: seed), data: data,
                options: TrainingOptions(
                    epochs: 50, learningRate: optimizer == .adam ? 0.05 : 1,
                    optimizer: optimizer),
                schedule: .every(10))
            trainer.recordsTrajectory = true
            return try trainer.train(name: optimizer.rawValue)
        }
    }

    static let names = OptimizerKind.allCases.map(\.rawValue)

    @Test func aNetworksRaceIsDrawnOnThePrincipalPlaneOfEveryPathThroughW0() throws {
        let runs = try Self.runners(hidden: [3])
        let race = try RaceLandscape(runs: runs, names: Self.names, gridSize: 5)
        let w0 = ParameterVector(runs[0].snapshots[0].layers).values
        for run in runs {
            #expect(
                ParameterVector(run.snapshots[0].layers).values.map(\.bitPattern)
                    == w0.map(\.bitPattern))
        }
        #expect(race.axes == .pca && race.plane.origin.values == w0 && race.start == w0)
        let (a, b) = (race.plane.first.values, race.plane.second.values)
        #expect(abs(Self.dot(a, a) - 1) <= 1e-12 && abs(Self.dot(b, b) - 1) <= 1e-12)
        #expect(abs(Self.dot(a, b)) <= 1e-12)
        // The plane's directions are the top eigenvectors of the union's covariance, formed
        // here as a matrix.
        let union = runs.flatMap { Self.rows($0) }
        let covariance = Self.covariance(union)
        let variances = try #require(race.principal?.variances)
        for (direction, variance) in [(a, variances[0]), (b, variances[1])] {
            let image = covariance.map { Self.dot($0, direction) }
            #expect(zip(image, direction).allSatisfy { abs($0 - variance * $1) <= 1e-8 })
        }
        let trace = (0..<w0.count).map { covariance[$0][$0] }.reduce(0, +)
        #expect(variances[0] + variances[1] <= trace * (1 + 1e-12))
        for (run, path) in zip(runs, race.paths) {
            let rows = Self.rows(run)
            #expect(path.points.count == rows.count)
            var gap = 0.0
            for (point, theta) in zip(path.points, rows) {
                // Every drawn point: the projection of the recorded weights.
                let d = zip(theta, w0).map { $0 - $1 }
                #expect(abs(point.u - Self.dot(d, a)) <= 1e-9)
                #expect(abs(point.v - Self.dot(d, b)) <= 1e-9)
                #expect(point.error == run.errors[point.epoch])
                let onPlane = race.plane.parameters(u: point.u, v: point.v).values
                let height = LandscapeReference.error(
                    parameters: onPlane, hidden: [3], data: run.data)
                gap = max(gap, abs(point.error - height))
            }
            #expect(abs(path.gap - gap) <= 1e-9)
            // The share: one minus the residual off the plane over the path's own variance.
            let mean = (0..<w0.count).map { k in
                rows.map { $0[k] }.reduce(0, +) / Double(rows.count)
            }
            var (total, residual) = (0.0, 0.0)
            for theta in rows {
                let x = zip(theta, mean).map { $0 - $1 }
                let (u, v) = (Self.dot(x, a), Self.dot(x, b))
                for k in x.indices {
                    total += x[k] * x[k]
                    let r = x[k] - u * a[k] - v * b[k]
                    residual += r * r
                }
            }
            #expect(abs(path.varianceShare - (1 - residual / total)) <= 1e-9)
            #expect(path.varianceShare > 0 && path.varianceShare <= 1 + 1e-12)
        }
        #expect(race.paths.map(\.name) == Self.names)
    }

    @Test func aPerceptronsRaceIsTheExactWeightPlaneWithTheStartsBiasHeld() throws {
        let runs = try Self.runners(hidden: [])
        let race = try RaceLandscape(runs: runs, names: Self.names, gridSize: 5)
        let b0 = runs[0].snapshots[0].layers[0].biases[0]
        #expect(race.axes == .weights && race.plane == .perceptronWeights(bias: b0))
        for (run, path) in zip(runs, race.paths) {
            for (point, theta) in zip(path.points, Self.rows(run)) {
                #expect(point.u == theta[0] && point.v == theta[1])
                let height = LandscapeReference.error(
                    parameters: [theta[0], theta[1], b0], hidden: [], data: run.data)
                #expect(abs(point.height - height) <= 1e-9)
            }
            #expect(path.varianceShare == 1)
        }
    }

    @Test func runnersFromAnotherStartAreRefused() throws {
        let runs = try Self.runners(hidden: [2], initSeed: [3, 3, 4])
        #expect {
            try RaceLandscape(runs: runs, names: Self.names, gridSize: 5)
        } throws: { error in
            (error as? BackpropError)?.description
                == "The run adam starts from other weights than sgd; a race's runners start "
                + "from the same W0 (the same network.init)."
        }
    }

    /// A step of 1e300 leaves weights of 1e299: finite, but the plane's sums of squares would
    /// overflow, so the landscape refuses the run by name (a race leaves such a runner out).
    @Test func aRunnerWhoseWeightsBlowUpIsRefused() throws {
        let data = try Generator.xor.generate(count: 40, noise: 0.1, seed: 5)
        let runs = try [1, 1e300].map { rate in
            var trainer = Trainer(
                network: try Network(hidden: [2], seed: 3), data: data,
                options: TrainingOptions(epochs: 10, learningRate: rate), schedule: .every(5))
            trainer.recordsTrajectory = true
            return try trainer.train(name: "lr \(rate)")
        }
        #expect(RaceLandscape.largestWeight(of: runs[0]) <= RaceLandscape.largestDrawnWeight)
        let largest = RaceLandscape.largestWeight(of: runs[1])
        #expect(largest > RaceLandscape.largestDrawnWeight && largest.isFinite)
        #expect {
            try RaceLandscape(runs: runs, names: ["calm", "blown"], gridSize: 5)
        } throws: { error in
            (error as? BackpropError)?.description
                == "The run blown's weights grow past 1e100 in size (a step that blew up): a "
                + "race's plane cannot hold its path; leave the run out of the landscape."
        }
        #expect(throws: Never.self) {
            try RaceLandscape(runs: [runs[0]], names: ["calm"], gridSize: 5)
        }
    }

    static func rows(_ run: TrainingRun) -> [[Double]] {
        let trajectory = run.trajectory!
        return trajectory.epochs.indices.map { Array(trajectory.parameters(at: $0)) }
    }

    static func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).map(*).reduce(0, +) }

    /// `Xᵀ X / n` of the centred rows.
    static func covariance(_ rows: [[Double]]) -> [[Double]] {
        let d = rows[0].count
        let n = Double(rows.count)
        let mean = (0..<d).map { k in rows.map { $0[k] }.reduce(0, +) / n }
        var c = [[Double]](repeating: [Double](repeating: 0, count: d), count: d)
        for row in rows {
            for i in 0..<d {
                for j in 0..<d { c[i][j] += (row[i] - mean[i]) * (row[j] - mean[j]) / n }
            }
        }
        return c
    }
}
