import Backprop
import Figures
import Foundation

/// A race's figures on top of its runs (a sweep of one key whose runs share data, network and
/// `W0`): `raceSurface`, every runner's path over one error surface, and `raceMountain`, the same
/// in perspective.
enum RaceFigures {
    /// What the index says of a race's plane and of each runner's path on it.
    struct Plane: Codable, Equatable, Sendable {
        /// `w1,w2` (a perceptron: the exact weight plane) or `pca` (a network).
        var axes: String
        /// The plane's centre, in words: `W0, every runner's start`.
        var centre: String
        /// The perceptron's bias held, the shared start's.
        var heldBias: Double?
        /// The share of the union of the paths' variance the plane holds (`pca`).
        var varianceShare: Double?
        var paths: [Path]
    }

    /// One runner's path: its share of its own variance in the plane and its largest gap.
    struct Path: Codable, Equatable, Sendable {
        var run: String
        var varianceShare: Double
        var gap: Double
    }

    /// The race's landscape over the runs that finished (the diverged have no path), or the
    /// reason there is none, as a one-line message.
    static func landscape(_ runs: [FinishedRun], gridSize: Int, source: String) throws
        -> RaceLandscape?
    {
        let finished = runs.filter { $0.record != nil }
        guard !finished.isEmpty else { return nil }
        do {
            return try RaceLandscape(
                runs: finished.compactMap(\.record), names: finished.map(\.planned.name),
                gridSize: gridSize)
        } catch let error as BackpropError {
            throw ErrorestError.badInput("\(source): \(error.description)")
        }
    }

    /// The `raceSurface` and `raceMountain` jobs, one per format, each with the plane the index
    /// states.
    ///
    /// When the sweep's formats include an animated one, also the race's animation
    /// (``RaceAnimation``), its frames on the shared clock.
    static func jobs(
        _ runs: [FinishedRun], plan: SweepPlan, formats: [FileFormat]
    ) throws -> (
        jobs: [(meta: SweepIndex.Figure, draw: @Sendable () throws -> Data)],
        animation: RaceAnimation?
    ) {
        let render = plan.render
        guard
            let landscape = try landscape(
                runs, gridSize: render.options.surface.gridSize, source: plan.sweep.source)
        else { return ([], nil) }
        let key = plan.sweep.keys[0]
        let runners = runs.map { finished in
            let i = finished.planned.choice[0]
            return RaceRunner(
                label: "\(key.label) = \(key.values[i].display(position: i))",
                note: finished.failure.map { SweepMerge.note($0.message) },
                warning: finished.record.flatMap { RaceRunner.climb($0.errors) })
        }
        let plane = Plane(
            axes: landscape.axes.rawValue, centre: "W0, every runner's start",
            heldBias: landscape.axes == .weights ? landscape.start[2] : nil,
            varianceShare: landscape.principal?.varianceShare,
            paths: landscape.paths.map {
                Path(run: $0.name, varianceShare: $0.varianceShare, gap: $0.gap)
            })
        let title = "\(plan.sweep.name): \(runs.count) runners from one start, by \(key.label)"
        let (width, height) = SweepFigure.raceSize(
            width: render.options.width, height: render.options.height)
        let options = render.options
        let figures: [(name: String, draw: @Sendable (FileFormat) throws -> Data)] = [
            (
                "raceSurface",
                { format in
                    try SweepFigure.raceSurface(
                        landscape, runners: runners, title: title, width: width, height: height,
                        palette: options.palette, format: format,
                        pngCompression: options.pngCompression)
                }
            ),
            (
                "raceMountain",
                { format in
                    try SweepFigure.raceMountain(
                        landscape, runners: runners, title: title, width: width, height: height,
                        palette: options.palette, format: format,
                        pngCompression: options.pngCompression)
                }
            ),
        ]
        let jobs = figures.flatMap { figure in
            formats.map { format -> (SweepIndex.Figure, @Sendable () throws -> Data) in
                var meta = SweepIndex.Figure(
                    path: "figures/\(figure.name).\(format.rawValue)", figure: figure.name,
                    format: format, width: width, height: height)
                meta.plane = plane
                return (meta, { try figure.draw(format) })
            }
        }
        let movies = render.formats.filter(\.isMovie)
        guard !movies.isEmpty else { return (jobs, nil) }
        let (frameWidth, frameHeight) = RaceFrames.size(
            width: render.options.width, height: render.options.height)
        let frames = RaceFrames(
            landscape: landscape, runners: runners, runs: runs.compactMap(\.record),
            title: title, width: frameWidth, height: frameHeight, palette: options.palette,
            pngCompression: options.pngCompression)
        return (jobs, RaceAnimation(frames: frames, formats: movies, timing: render.animation))
    }

    /// Checks before training that every planned runner starts from the same weights, bit for
    /// bit, with the same data and network; throws a one-line message (exit 65) otherwise.
    static func checkSharedStart(_ plan: SweepPlan) throws {
        var first: (name: String, start: [UInt64], trainer: Trainer)?
        for run in plan.runs {
            let trainer = try Pipeline.prepare(run.file, source: plan.sweep.source)
            let start = trainer.network.parameters.values.map(\.bitPattern)
            guard let first else {
                first = (run.name, start, trainer)
                continue
            }
            guard trainer.data == first.trainer.data,
                trainer.network.hidden == first.trainer.network.hidden,
                trainer.network.activation == first.trainer.network.activation
            else {
                throw ErrorestError.badInput(
                    "\(plan.sweep.source): the runner \(run.name) has other data or another "
                        + "network than \(first.name); a race varies training only.")
            }
            guard start == first.start else {
                throw ErrorestError.badInput(
                    "\(plan.sweep.source): the runner \(run.name) starts from other weights than "
                        + "\(first.name); a race's runners share network.init (vary "
                        + "training.seed for the data order).")
            }
        }
    }
}
