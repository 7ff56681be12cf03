import Backprop
import Figures
import Foundation

/// A figure a race draws over its runs, named in a sweep file's `figures` list (`race`: all of
/// them).
enum RaceFigure: String, CaseIterable, Sendable {
    /// Every runner's path over one error surface.
    case raceSurface
    /// The same in perspective: the balls walking down one mountain.
    case raceMountain
    /// The race's frames on one clock (``RaceAnimation``), when the formats include an animated
    /// one.
    case raceAnimation

    /// The name that asks for every race figure.
    static let all = "race"

    /// A sweep file's top-level `figures` list: `race`, or race figures by name, in the order
    /// of ``allCases`` without repeats.
    static func read(_ entry: RunFileNode.Entry, reader: RunFileReader) throws -> [RaceFigure] {
        let names = ([all] + allCases.map(\.rawValue)).joined(separator: ", ")
        guard case .list(let items) = entry.value.value else {
            throw reader.fail(
                entry.value,
                "\"figures\" should list a sweep's extra figures (\(names)); it is "
                    + "\(entry.value.kindName).")
        }
        var chosen: Set<RaceFigure> = []
        for item in items {
            guard case .string(let name) = item.value,
                name == all || RaceFigure(rawValue: name) != nil
            else {
                throw reader.fail(
                    item.line == nil ? entry.value : item,
                    "\"figures\" lists \(item.kindName); a sweep's extra figures are \(names).")
            }
            if let figure = RaceFigure(rawValue: name) {
                chosen.insert(figure)
            } else {
                chosen.formUnion(allCases)
            }
        }
        guard !chosen.isEmpty else {
            throw RunFileError(
                file: reader.file, line: entry.line,
                problem: "\"figures\" is an empty list; give \(names), or leave it out.")
        }
        return allCases.filter(chosen.contains)
    }
}

/// A race's figures on top of its runs (a sweep whose runs share data, network and `W0`):
/// `raceSurface`, every runner's path over one error surface, and `raceMountain`, the same in
/// perspective.
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

    /// What the legend says of a runner without a path, nil for one with a path: it
    /// diverged (training stopped), or its weights grew past
    /// ``RaceLandscape/largestDrawnWeight`` (a step of 1e300 leaves weights of 1e299, finite,
    /// but past what the plane's arithmetic holds).
    static func note(_ run: FinishedRun) -> String? {
        if let failure = run.failure { return SweepMerge.note(failure.message) }
        guard let record = run.record else { return nil }
        let largest = RaceLandscape.largestWeight(of: record)
        guard largest > RaceLandscape.largestDrawnWeight else { return nil }
        return "blew up, no path: |w| \(largest.isFinite ? Ticks.exponent(largest) : "no number")"
    }

    /// The race's landscape over `drawn`, the runners with a path, or nil when there is none.
    static func landscape(_ drawn: [FinishedRun], gridSize: Int, source: String) throws
        -> RaceLandscape?
    {
        guard !drawn.isEmpty else { return nil }
        do {
            return try RaceLandscape(
                runs: drawn.compactMap(\.record), names: drawn.map(\.planned.name),
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
        // A runner has a path where the legend has no note for it (the legend's rule).
        let notes = runs.map(note)
        let drawn = zip(runs, notes).filter { $0.0.record != nil && $0.1 == nil }.map(\.0)
        guard
            let landscape = try landscape(
                drawn, gridSize: render.options.surface.gridSize, source: plan.sweep.source)
        else { return ([], nil) }
        let keys = plan.sweep.keys
        let runners = zip(runs, notes).map { finished, note in
            RaceRunner(
                label: zip(keys, finished.planned.choice).map { key, i in
                    "\(key.label) = \(key.values[i].display(position: i))"
                }.joined(separator: ", "),
                note: note,
                trend: RaceRunner.trendLines(finished.summary?.trend))
        }
        let plane = Plane(
            axes: landscape.axes.rawValue, centre: "W0, every runner's start",
            heldBias: landscape.axes == .weights ? landscape.start[2] : nil,
            varianceShare: landscape.principal?.varianceShare,
            paths: landscape.paths.map {
                Path(run: $0.name, varianceShare: $0.varianceShare, gap: $0.gap)
            })
        let title =
            "\(plan.sweep.name): \(runs.count) runners from one start, by "
            + keys.map(\.label).joined(separator: " and ")
        let (width, height) = SweepFigure.raceSize(
            width: render.options.width, height: render.options.height)
        let options = render.options
        let asked = Set(plan.sweep.raceFigures.map(\.rawValue))
        let jobs = RaceView.allCases.filter { asked.contains($0.rawValue) }.flatMap { view in
            formats.map { format -> (SweepIndex.Figure, @Sendable () throws -> Data) in
                var meta = SweepIndex.Figure(
                    path: "figures/\(view.rawValue).\(format.rawValue)", figure: view.rawValue,
                    format: format, width: width, height: height)
                meta.plane = plane
                return (
                    meta,
                    {
                        try SweepFigure.race(
                            view, landscape, runners: runners, title: title, width: width,
                            height: height, palette: options.palette, format: format,
                            pngCompression: options.pngCompression)
                    }
                )
            }
        }
        let movies = render.formats.filter(\.isMovie)
        guard plan.sweep.raceFigures.contains(.raceAnimation), !movies.isEmpty else {
            return (jobs, nil)
        }
        let (frameWidth, frameHeight) = RaceFrames.size(
            width: render.options.width, height: render.options.height)
        let frames = RaceFrames(
            landscape: landscape, runners: runners,
            runs: drawn.compactMap(\.record),
            title: title, width: frameWidth, height: frameHeight, palette: options.palette,
            pngCompression: options.pngCompression)
        return (jobs, RaceAnimation(frames: frames, formats: movies, timing: render.animation))
    }

    /// Checks before training that a runner starts from the same weights as the race's first,
    /// bit for bit, with the same data and network; throws the problem at the race's line in
    /// the file (exit 65) otherwise.
    static func checkSharedStart(
        _ trainer: Trainer, of name: String, first: (name: String, trainer: Trainer),
        sweep: SweepFile
    ) throws {
        guard trainer.data == first.trainer.data,
            trainer.network.hidden == first.trainer.network.hidden,
            trainer.network.activation == first.trainer.network.activation
        else {
            throw RunFileError(
                file: sweep.source, line: sweep.raceLine,
                problem: "the runner \(name) has other data or another network than "
                    + "\(first.name); a race's runners share both (vary training keys only).")
        }
        let start = trainer.network.parameters.values.map(\.bitPattern)
        guard start == first.trainer.network.parameters.values.map(\.bitPattern) else {
            throw RunFileError(
                file: sweep.source, line: sweep.raceLine,
                problem: "the runner \(name) starts from other weights than \(first.name); a "
                    + "race's runners share network.init (vary training.seed for the data order).")
        }
    }
}
