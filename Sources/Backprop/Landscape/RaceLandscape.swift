/// One runner's path over a race's plane, and how faithfully the plane shows it.
package struct RacePath: Equatable, Sendable {
    /// The runner's name, such as `optimizer-adam`.
    package var name: String
    /// The recorded weights (the trajectory's epochs, else the snapshots'), projected.
    package var points: [PathPoint]
    /// The share of this path's own variance (about its own mean) that lies in the plane.
    ///
    /// 1 for a path within it, and always for a perceptron's `(w1, w2)` plane.
    package var varianceShare: Double
    /// The largest `|recorded error − height|` along the path: how far the drawn path is from
    /// the errors the trainer measured.
    package var gap: Double
    /// A perceptron's bias at the path's last point: the surface holds the start's `b`, the
    /// runner moves its own (nil on a network's plane).
    package var lastBias: Double?
}

/// Several runs that start from the same weights `W0`, walking one error surface: the plane they
/// share, the surface over it and each runner's path.
///
/// A perceptron's plane is the exact `(w1, w2)` plane with the bias held at the shared start's
/// `b`; a network's passes through the shared start `W0` and is spanned by the top two
/// principal directions of the union of every runner's path, with each path's variance share
/// and gap stated.
package struct RaceLandscape: Sendable {
    package let axes: SurfaceAxes
    package let plane: ParameterPlane
    /// The principal directions of the union of the paths (`pca` axes only).
    package let principal: PrincipalDirections?
    package let grid: SurfaceGrid
    package let paths: [RacePath]
    /// `W0`, the weights every runner starts from.
    package let start: [Double]

    /// The landscape of `runs` (named `names`), over a `gridSize`×`gridSize` lattice spanning
    /// every path.
    ///
    /// - Throws: ``BackpropError/badSurface(_:)`` when the runs do not share their data,
    ///   network and starting weights (compared bit for bit), when a run's weights grow past
    ///   ``largestDrawnWeight``, or there is no run.
    package init(runs: [TrainingRun], names: [String], gridSize: Int = 101) throws {
        try SurfaceOptions.check(gridSize: gridSize)
        start = try RaceLandscape.sharedStart(runs, names: names)
        let first = runs[0]
        let sources = runs.map(Trajectory.init(path:))
        for (source, name) in zip(sources, names)
        where RaceLandscape.largestWeight(in: source.values) > RaceLandscape.largestDrawnWeight {
            throw BackpropError.badSurface(
                "The run \(name)'s weights grow past 1e100 in size (a step that blew up): a "
                    + "race's plane cannot hold its path; leave the run out of the landscape.")
        }
        if first.network.hidden.isEmpty {
            axes = .weights
            plane = .perceptronWeights(bias: start[2])
            principal = nil
        } else {
            axes = .pca
            let dimension = start.count
            let union = sources.flatMap(\.values)
            let count = union.count / dimension
            let directions = PrincipalDirections(
                points: union, count: count, dimension: dimension)
            principal = directions
            let layout = ParameterLayout(first.snapshots[0].layers)
            plane = ParameterPlane(
                origin: ParameterVector(start, layout: layout),
                first: ParameterVector(directions.first, layout: layout),
                second: ParameterVector(directions.second, layout: layout))
        }
        let network = try first.network(at: first.snapshots[0])
        let evaluator = PlaneEvaluator(network: network, data: first.data, plane: plane)
        var paths: [RacePath] = []
        for (k, (run, source)) in zip(runs, sources).enumerated() {
            var points: [PathPoint] = []
            for e in 0..<source.epochs.count {
                let theta = source.parameters(at: e)
                let (u, v) = plane.coordinates(of: theta)
                let epoch = source.epochs[e]
                points.append(
                    PathPoint(
                        epoch: epoch, u: u, v: v, error: run.errors[epoch],
                        height: evaluator.height(u: u, v: v)))
            }
            paths.append(
                RacePath(
                    name: names[k], points: points,
                    varianceShare: axes == .weights
                        ? 1 : RaceLandscape.share(of: source, in: plane),
                    gap: points.map(\.gap).max() ?? 0,
                    lastBias: axes == .weights && source.epochs.count > 0
                        ? source.parameters(at: source.epochs.count - 1).values[2] : nil))
        }
        self.paths = paths
        let bound = RaceLandscape.largestDrawnWeight
        let shown = paths.flatMap(\.points).filter { abs($0.u) <= bound && abs($0.v) <= bound }
        let us = shown.map(\.u)
        let vs = shown.map(\.v)
        let domain = Domain(
            x1: (us.min() ?? 0)...(us.max() ?? 0), x2: (vs.min() ?? 0)...(vs.max() ?? 0)
        ).expanded(by: SurfaceOptions.margin)
        grid = evaluator.grid(
            u: SurfaceGrid.lattice(domain.x1, count: gridSize),
            v: SurfaceGrid.lattice(domain.x2, count: gridSize))
    }

    /// The largest weight (in size) a runner's path may reach and still be drawn on a race's
    /// plane: beyond it the plane's sums of squares (its principal directions, the variance
    /// shares) overflow, where 1e100 squared is far below Double's 1.8e308.
    package static let largestDrawnWeight = 1e100

    /// The largest size of `run`'s recorded weights along its path (its trajectory, else its
    /// snapshots'); infinity where one is no finite number.
    package static func largestWeight(of run: TrainingRun) -> Double {
        largestWeight(in: Trajectory(path: run).values)
    }

    /// The largest size of `values`; infinity where one is no finite number.
    static func largestWeight(in values: [Double]) -> Double {
        values.reduce(0) { $1.isFinite ? max($0, abs($1)) : .infinity }
    }

    /// The share of the variance of `source`'s points (about their own mean) that lies in the
    /// plane spanned by `plane.first` and `plane.second`.
    static func share(of source: Trajectory, in plane: ParameterPlane) -> Double {
        let n = source.epochs.count
        let d = source.parameterCount
        var mean = [Double](repeating: 0, count: d)
        for e in 0..<n {
            for (k, value) in source.parameters(at: e).enumerated() { mean[k] += value / Double(n) }
        }
        var total = 0.0
        var kept = 0.0
        for e in 0..<n {
            var u = 0.0
            var v = 0.0
            for (k, value) in source.parameters(at: e).enumerated() {
                let x = value - mean[k]
                total += x * x
                u += x * plane.first[k]
                v += x * plane.second[k]
            }
            kept += u * u + v * v
        }
        return total > 0 ? kept / total : 1
    }

    /// `W0`, checked bit for bit to be every run's first weights, with the same data and network.
    static func sharedStart(_ runs: [TrainingRun], names: [String]) throws -> [Double] {
        guard let first = runs.first, names.count == runs.count else {
            throw BackpropError.badSurface("A race needs at least one run, each with its name.")
        }
        func start(_ run: TrainingRun, _ name: String) throws -> [Double] {
            guard let snapshot = run.snapshots.first, snapshot.epoch == 0,
                snapshot.stepFraction == nil
            else {
                throw BackpropError.badSurface(
                    "The run \(name) keeps no snapshot of epoch 0, so its start W0 is unknown.")
            }
            return ParameterVector(snapshot.layers).values
        }
        let w0 = try start(first, names[0])
        for (run, name) in zip(runs, names).dropFirst() {
            guard run.network == first.network, run.data == first.data else {
                throw BackpropError.badSurface(
                    "The run \(name) has other data or another network than \(names[0]); a "
                        + "race's runners share both.")
            }
            let own = try start(run, name)
            guard own.map(\.bitPattern) == w0.map(\.bitPattern) else {
                throw BackpropError.badSurface(
                    "The run \(name) starts from other weights than \(names[0]); a race's "
                        + "runners start from the same W0 (the same network.init).")
            }
        }
        return w0
    }
}
