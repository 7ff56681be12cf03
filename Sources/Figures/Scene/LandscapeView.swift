import Backprop
import Synchronization

/// One snapshot's view of the error surface: the surface, the path walked so far, the current
/// weights `W` and the step's end `W′`, and how far the drawn path is from the true errors.
struct LandscapeView: Sendable {
    let surface: ErrorSurface
    let epoch: Int
    /// The path up to the snapshot's epoch.
    let walked: [PathPoint]
    /// `W`: its recorded error and the surface's height under it.
    let current: PathPoint
    /// `W′`, the run's training step from `W` (``TrainingRun/step(from:)``), projected.
    let next: PathPoint
    /// The optimizer whose step starts from rest here, as the snapshot keeps no momentum or
    /// Adam state (part-way along a step): `nil` when the drawn step starts from the trainer's
    /// own state.
    let restingOptimizer: OptimizerKind?
    /// What the figures say of the step `W → W′` when it is not the trainer's one step
    /// (``TrainingStep/caption(_:run:)``).
    let stepCaption: String?
    /// The largest `|recorded error − height|` along ``walked``.
    let pathGap: Double

    /// The axes' names for labels: `w1`, `w2` or the principal directions.
    var axisNames: (String, String) {
        surface.axes == .weights ? ("w1", "w2") : ("PC1", "PC2")
    }

    /// The sentence under the panel's title: what is held fixed and how faithful the path is;
    /// ``overflowNote`` when the path's numbers overflow, so that no plane or gap is a number.
    var note: String {
        let share = surface.principal?.varianceShare ?? 1
        guard pathGap.isFinite, share.isFinite else { return Self.overflowNote }
        let gap = Ticks.fixed(pathGap, decimals: pathGap < 0.001 ? 5 : 3)
        let rest = stepCaption.map { "; W′ \($0)" } ?? ""
        switch surface.axes {
        case .weights:
            let b = Ticks.fixed(surface.plane.origin[2], decimals: 3)
            return "b = \(b) held; path off the surface by ≤ \(gap)" + rest
        case .pca:
            let share = Ticks.fixed(100 * share, decimals: 1)
            return "plane holds \(share)% of the path's variance; path off by ≤ \(gap)" + rest
        }
    }

    /// The note of a path whose weights grew too large for the plane's arithmetic (a step that
    /// blew up): its heights and places are no finite numbers, and nothing of it is drawn.
    static let overflowNote = "the path's weights overflow: no height or place of it is a number"
}

/// The error surfaces of one renderer, computed once per plane and shared between the threads
/// that draw its figures: the `pca` plane serves every snapshot, a perceptron's `w1,w2` plane
/// one bias.
final class Landscapes: Sendable {
    private let surfaces = Mutex<[String: ErrorSurface]>([:])

    /// The planes computed so far.
    var count: Int { surfaces.withLock { $0.count } }

    /// The view of the snapshot at `index`.
    func view(run: TrainingRun, snapshot index: Int, options: SurfaceOptions) throws
        -> LandscapeView
    {
        try options.validate(hidden: run.network.hidden)
        let axes = options.axes ?? .natural(for: run.network.hidden)
        let key: String
        switch axes {
        case .weights: key = "w \(run.snapshots[index].layers[0].biases[0].bitPattern)"
        case .pca: key = "pca"
        }
        let cached = surfaces.withLock { $0[key] }
        let surface: ErrorSurface
        if let cached {
            surface = cached
        } else {
            surface = try ErrorSurface(run: run, snapshot: index, options: options)
            surfaces.withLock { $0[key] = surface }
        }
        let (current, next) = try surface.step(run: run, snapshot: index)
        let epoch = run.snapshots[index].epoch
        let rule = run.stepRule(from: run.snapshots[index])
        return LandscapeView(
            surface: surface, epoch: epoch, walked: Array(surface.path(through: epoch)),
            current: current, next: next,
            restingOptimizer: rule == .fullBatch(fromRest: true) ? run.training.optimizer : nil,
            stepCaption: TrainingStep.caption(rule, run: run),
            pathGap: surface.pathGap(through: epoch))
    }
}
