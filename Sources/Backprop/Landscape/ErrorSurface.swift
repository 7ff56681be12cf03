/// One epoch of the training path over an error surface.
package struct PathPoint: Equatable, Sendable {
    package var epoch: Int
    /// The point's projection onto the surface's plane.
    package var u: Double
    package var v: Double
    /// `E` the trainer recorded at this epoch, at the true parameters.
    package var error: Double
    /// The surface's height under `(u, v)`: `E` at the projection.
    package var height: Double

    /// How far the drawn point is from the true error: `|error − height|`.
    package var gap: Double { abs(error - height) }
}

/// The error `E` over a plane of parameter space on a run's training data: a grid of heights
/// and the training path projected onto the plane, each point with its recorded error and the
/// surface's height under it.
///
/// For a perceptron's `w1,w2` axes the plane holds the bias at one snapshot's value, so each
/// snapshot has its own surface; the `pca` plane passes through the final weights and serves
/// every snapshot. ``ErrorSurface/plane(run:snapshot:axes:)`` picks it; equal planes give
/// equal surfaces, so a renderer computes each once.
package struct ErrorSurface: Sendable {
    package let axes: SurfaceAxes
    package let plane: ParameterPlane
    /// The principal directions and variance share, for `pca` axes.
    package let principal: PrincipalDirections?
    package let grid: SurfaceGrid
    /// Every kept epoch of the trajectory, or the snapshots when the record has no trajectory.
    package let path: [PathPoint]
    /// The trajectory's stride (1: every epoch); `nil` when the path runs through the snapshots
    /// only.
    package let pathEvery: Int?

    /// The surface of `run` in the plane of `axes` for the snapshot at `index`.
    package init(run: TrainingRun, snapshot index: Int, options: SurfaceOptions = SurfaceOptions())
        throws
    {
        try options.validate(hidden: run.network.hidden)
        let axes = options.axes ?? .natural(for: run.network.hidden)
        let (plane, principal) = try ErrorSurface.plane(run: run, snapshot: index, axes: axes)
        try self.init(run: run, plane: plane, axes: axes, principal: principal, options: options)
    }

    /// The surface of `run` over a given plane.
    package init(
        run: TrainingRun, plane: ParameterPlane, axes: SurfaceAxes,
        principal: PrincipalDirections?, options: SurfaceOptions
    ) throws {
        try options.validate(hidden: run.network.hidden)
        self.axes = axes
        self.plane = plane
        self.principal = principal
        let network = try run.network(at: run.snapshots[0])
        let evaluator = PlaneEvaluator(network: network, data: run.data, plane: plane)
        let kept = Trajectory(path: run)
        pathEvery = run.trajectory?.every
        var path: [PathPoint] = []
        for k in 0..<kept.epochs.count {
            let theta = kept.parameters(at: k)
            let (u, v) = plane.coordinates(of: theta)
            let epoch = kept.epochs[k]
            path.append(
                PathPoint(
                    epoch: epoch, u: u, v: v, error: run.errors[epoch],
                    height: evaluator.height(u: u, v: v)))
        }
        self.path = path
        let domain: Domain
        switch options.span {
        case .fixed(let fixed): domain = fixed
        case .pathExtent:
            // A path that blew up (NaN, ∞, 1e300) spans only the part before it left: the rest
            // is drawn as having left the view.
            let shown = path.filter { abs($0.u) <= 1e100 && abs($0.v) <= 1e100 }
            let us = shown.map(\.u)
            let vs = shown.map(\.v)
            domain = Domain(
                x1: (us.min() ?? 0)...(us.max() ?? 0), x2: (vs.min() ?? 0)...(vs.max() ?? 0)
            ).expanded(by: SurfaceOptions.margin)
        }
        grid = evaluator.grid(
            u: SurfaceGrid.lattice(domain.x1, count: options.gridSize),
            v: SurfaceGrid.lattice(domain.x2, count: options.gridSize))
    }

    /// The plane of `axes` for the snapshot at `index`: the perceptron's `(w1, w2)` with the
    /// snapshot's bias, or the plane through the final weights spanned by the trajectory's top two
    /// principal directions.
    package static func plane(run: TrainingRun, snapshot index: Int, axes: SurfaceAxes) throws
        -> (ParameterPlane, PrincipalDirections?)
    {
        guard run.snapshots.indices.contains(index) else {
            throw BackpropError.badSurface(
                "The run has \(run.snapshots.count) snapshots; there is no snapshot \(index + 1).")
        }
        switch axes {
        case .weights:
            guard run.network.hidden.isEmpty else {
                try SurfaceOptions(axes: .weights).validate(hidden: run.network.hidden)
                return (.perceptronWeights(bias: 0), nil)
            }
            let bias = run.snapshots[index].layers[0].biases[0]
            return (.perceptronWeights(bias: bias), nil)
        case .pca:
            let kept = Trajectory(path: run)
            let principal = PrincipalDirections(
                points: kept.values, count: kept.epochs.count, dimension: kept.parameterCount)
            let final = kept.parameters(at: kept.epochs.count - 1)
            return (
                ParameterPlane(
                    origin: final, first: ParameterVector(principal.first, layout: kept.layout),
                    second: ParameterVector(principal.second, layout: kept.layout)),
                principal
            )
        }
    }

    /// The path up to and including `epoch`.
    package func path(through epoch: Int) -> ArraySlice<PathPoint> {
        path.prefix { $0.epoch <= epoch }
    }

    /// The largest `|recorded error − height|` over the path up to and including `epoch`.
    package func pathGap(through epoch: Int) -> Double {
        path(through: epoch).map(\.gap).max() ?? 0
    }

    /// The snapshot's weights `W` and the training step's end `W′` (``TrainingRun/step(from:)``:
    /// the run's optimizer from the state it had there) on the plane, each with the surface's
    /// height under it; `W`'s error is the one recorded, `W′`'s the error at `W′` itself.
    package func step(run: TrainingRun, snapshot index: Int) throws -> (
        current: PathPoint, next: PathPoint
    ) {
        let snapshot = run.snapshots[index]
        let network = try run.network(at: snapshot)
        let evaluator = PlaneEvaluator(network: network, data: run.data, plane: plane)
        let theta = network.parameters
        let next = ParameterVector(run.step(from: snapshot))
        let (u, v) = plane.coordinates(of: theta)
        let (u2, v2) = plane.coordinates(of: next)
        let height2 = evaluator.height(u: u2, v: v2)
        return (
            PathPoint(
                epoch: snapshot.epoch, u: u, v: v, error: snapshot.error,
                height: evaluator.height(u: u, v: v)),
            PathPoint(
                epoch: snapshot.epoch + 1, u: u2, v: v2, error: evaluator.height(at: next),
                height: height2)
        )
    }
}
