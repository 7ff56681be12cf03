import Backprop
import Figures
import Foundation

/// One figure's animation being assembled: PNG frames arrive from the drawing threads in any
/// order and are written in order into an animated PNG staged in the output folder.
///
/// Only frames that arrive ahead of their turn are held in memory (about one per thread), so the
/// same frames give the same bytes on any number of threads.
final class FrameSequence: Sendable {
    let kind: FigureKind
    /// The animated PNG's path in the staging folder (a hidden one when only MP4 or GIF is asked
    /// for).
    let path: String
    /// Where the staged animated PNG is, for ffmpeg to read.
    let url: URL
    /// The epoch of each snapshot frame, in order.
    let epochs: [Int]
    private let state: Locked<State>

    private struct State {
        var writer: APNGWriter
        var file: StagedFile
        var delays: [FrameDelay]
        var pending: [Int: Data] = [:]
        var next = 0
        /// The last frame's figure, whose size and panels describe the animation.
        var last: RenderedFigure?
    }

    /// Starts the staged file and writes the title card, if the options ask for one.
    init(
        kind: FigureKind, path: String, run: TrainingRun, snapshots: [Int],
        settings: RenderSettings, folder: OutputFolder
    ) throws {
        let animation = settings.animation
        let delays = try animation.delays(count: snapshots.count)
        let titleDelay = try animation.titleDelay()
        let file = try StagedFile(path, in: folder)
        var writer = try APNGWriter(
            frameCount: snapshots.count + (titleDelay == nil ? 0 : 1), output: file.append)
        if let titleDelay {
            let card = try TitleCard(run: run).renderPNG(options: settings.options)
            try writer.append(png: card, delay: titleDelay)
        }
        self.kind = kind
        self.path = path
        url = file.url
        epochs = snapshots.map { run.snapshots[$0].epoch }
        state = Locked(State(writer: writer, file: file, delays: delays))
    }

    /// Takes frame `index` (counted from 0 among the snapshot frames) and writes every frame
    /// whose turn has come.
    func add(frame index: Int, figure: RenderedFigure) throws {
        try state.withLock { state in
            state.pending[index] = figure.data
            if index == state.delays.count - 1 { state.last = figure }
            while let png = state.pending.removeValue(forKey: state.next) {
                try state.writer.append(png: png, delay: state.delays[state.next])
                state.next += 1
            }
        }
    }

    /// Closes the file once every frame is in, and returns its manifest entry (`format` apng, or
    /// the format ffmpeg makes from it).
    func finish() throws -> RenderedFigure {
        try state.withLock { state in
            try state.writer.finish()
            try state.file.finish()
            guard let last = state.last else {
                throw ErrorestError.writeFailed("The animation of \(kind.rawValue) has no frames.")
            }
            return last
        }
    }
}
