import Backprop
import Foundation

/// One frame of a race's animation: the figure, and what it drew of each runner with a path.
package struct RaceFrame: Sendable {
    /// What a frame shows of one runner: the snapshot drawn and where its ball is.
    package struct Runner: Sendable, Equatable {
        /// The runner's name (its run's).
        package var run: String
        /// The epoch of the snapshot its ball, its output panel and its curve's dot show.
        package var epoch: Int
        /// That snapshot's recorded error `E(W)`.
        package var error: Double
        /// Its weights projected onto the race's plane: the ball.
        package var u: Double
        package var v: Double
    }

    /// The PNG frame; its ``RenderedFigure/epoch`` is the clock's.
    package var figure: RenderedFigure
    /// Every runner with a path, in order.
    package var runners: [Runner]
}

/// A race's animation frames, placed by one clock: frame `k` shows every runner at the same
/// epoch, so the animation compares like with like.
///
/// Each frame draws the race's surface with every path walked so far and each runner's ball, the
/// runners' output panels side by side (small multiples), and every runner's error curve on one
/// axis with the clock marked.
package struct RaceFrames: Sendable {
    package let landscape: RaceLandscape
    /// Every runner in order: its label, and its note when it has no path.
    package let runners: [RaceRunner]
    /// The runs of the runners with a path, in the order of ``RaceLandscape/paths``.
    package let runs: [TrainingRun]
    package let title: String
    /// The epoch of each frame.
    package let clock: [Int]
    package let width: Int
    package let height: Int
    package let palette: PaletteName
    package let pngCompression: Int

    /// The frames of `runs` (those of the runners with a path, in order); the clock is every
    /// epoch all of them keep a snapshot of (``clock(_:)``).
    package init(
        landscape: RaceLandscape, runners: [RaceRunner], runs: [TrainingRun], title: String,
        width: Int, height: Int, palette: PaletteName = .lesson,
        pngCompression: Int = RenderOptions.defaultPNGCompression
    ) {
        self.landscape = landscape
        self.runners = runners
        self.runs = runs
        self.title = title
        clock = Self.clock(runs)
        self.width = width
        self.height = height
        self.palette = palette
        self.pngCompression = pngCompression
    }

    /// The epochs every run keeps a snapshot of (an epoch's own weights, not part-way along a
    /// step), in order: the shared clock.
    package static func clock(_ runs: [TrainingRun]) -> [Int] {
        let epochs = runs.map { run in
            Set(run.snapshots.filter { $0.stepFraction == nil }.map(\.epoch))
        }
        guard let first = epochs.first else { return [] }
        return epochs.dropFirst().reduce(first) { $0.intersection($1) }.sorted()
    }

    /// The size of a race frame: at least 640×360, so its panels stay legible.
    package static func size(width: Int, height: Int) -> (Int, Int) {
        (max(width, 640), max(height, 360))
    }

    /// Frame `k`: every runner at the clock's `clock[k]`.
    package func frame(_ k: Int) throws -> RaceFrame {
        let epoch = clock[k]
        var shown: [RaceFrame.Runner] = []
        var walked: [RacePath] = []
        var snapshots: [Snapshot] = []
        for (run, path) in zip(runs, landscape.paths) {
            // The runner's own snapshot of this epoch: its ball, panel and dot.
            guard
                let snapshot = run.snapshots.first(where: {
                    $0.epoch == epoch && $0.stepFraction == nil
                })
            else {
                throw FiguresError.badRun(
                    "The race's runner \(run.name) keeps no snapshot of epoch \(epoch).")
            }
            let (u, v) = landscape.plane.coordinates(of: ParameterVector(snapshot.layers).values)
            shown.append(
                RaceFrame.Runner(
                    run: path.name, epoch: snapshot.epoch, error: snapshot.error, u: u, v: v))
            snapshots.append(snapshot)
            // The path so far, ending at the ball: the path's own point of this epoch, or
            // (a trajectory kept every few epochs) the snapshot's, its height its recorded
            // error (the 2-D surface draws no heights).
            var so = path
            so.points = path.points.filter { $0.epoch < snapshot.epoch }
            if let own = path.points.first(where: { $0.epoch == snapshot.epoch }) {
                so.points.append(own)
            } else if var end = path.points.first {
                (end.epoch, end.u, end.v) = (snapshot.epoch, u, v)
                (end.error, end.height) = (snapshot.error, snapshot.error)
                so.points.append(end)
            }
            walked.append(so)
        }
        var panels: [PanelInfo] = []
        let data = try SweepFigure.render(
            title: "\(title) at epoch \(epoch)", width: width, height: height, palette: palette,
            format: .png, pngCompression: pngCompression
        ) { canvas, style, palette in
            panels = try RaceFrameDrawing(
                frames: self, epoch: epoch, walked: walked, snapshots: snapshots, style: style,
                palette: palette
            ).draw(on: canvas)
        }
        return RaceFrame(
            figure: RenderedFigure(
                kind: .frame, format: .png, width: width, height: height, epoch: epoch,
                data: data, panels: panels),
            runners: shown)
    }
}
