import Backprop
import Figures
import Foundation

/// One figure's animation being assembled into an animated PNG staged in the output folder.
///
/// Frames arrive from the drawing threads in any order; Figures' ``FrameSequence`` hands them to
/// the ``APNGSink`` in order, holding only those that come early, so the same frames give the
/// same bytes on any number of threads.
final class Animation: Sendable {
    let kind: FigureKind
    /// The animated PNG's path in the staging folder (a hidden one when only MP4 or GIF is asked
    /// for).
    let path: String
    /// Where the staged animated PNG is, for ffmpeg to read.
    let url: URL
    private let frames: StagedFrames<APNGSink>
    /// The epoch of each snapshot frame, in order.
    var epochs: [Double] { frames.epochs }

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
        frames = StagedFrames(
            file: file, epochs: snapshots.map { run.snapshots[$0].time },
            sink: APNGSink(writer: writer, delays: delays),
            name: "The animation of \(kind.rawValue)")
    }

    /// Takes frame `index` (counted from 0 among the snapshot frames).
    func add(frame index: Int, figure: RenderedFigure) throws {
        try frames.add(frame: index, figure: figure)
    }

    /// Closes the file once every frame is in; returns the last frame, which describes it.
    func finish() throws -> RenderedFigure {
        try frames.finish()
    }
}
