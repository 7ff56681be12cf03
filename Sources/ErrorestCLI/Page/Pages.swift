import Backprop
import Figures
import Foundation

/// One figure's lesson page being written into the output folder's staging as its PNG frames
/// arrive, in frame order whatever the threads (Figures' ``FrameSequence``).
final class Page: Sendable {
    let kind: FigureKind
    let path: String
    private let frames: StagedFrames<PageSink>
    /// The epoch of each frame, in order.
    var epochs: [Double] { frames.epochs }

    init(
        kind: FigureKind, path: String, run: TrainingRun, snapshots: [Int],
        settings: RenderSettings, folder: OutputFolder
    ) throws {
        let file = try StagedFile(path, in: folder)
        let data = PageData(run: run, fps: settings.animation.fps, figure: kind)
        self.kind = kind
        self.path = path
        frames = StagedFrames(
            file: file, epochs: snapshots.map { run.snapshots[$0].time },
            sink: try PageSink(file: file, data: data, snapshots: snapshots),
            name: "The page of \(kind.rawValue)")
    }

    /// Takes frame `index` (counted from 0).
    func add(frame index: Int, figure: RenderedFigure) throws {
        try frames.add(frame: index, figure: figure)
    }

    /// Writes the numbers and the script after the last frame and closes the file; returns the
    /// last frame, which describes it.
    func finish() throws -> RenderedFigure {
        try frames.finish()
    }
}

/// The lesson pages of a run (`formats: [html]`): one per figure, made of its PNG frames.
enum Pages {
    /// `frames/frames.html` for the frames, `figures/<figure>.html` for a panel on its own.
    static func path(_ kind: FigureKind) -> String {
        kind == .frame ? "frames/frames.html" : "figures/\(kind.rawValue).html"
    }

    /// Starts one page per figure when the formats include `html` and the snapshots are the
    /// run's sequence.
    static func start(
        run: TrainingRun, settings: RenderSettings, snapshots: [Int], folder: OutputFolder
    ) throws -> [FigureKind: Page] {
        guard settings.formats.contains(.html), !snapshots.isEmpty else { return [:] }
        var pages: [FigureKind: Page] = [:]
        for kind in settings.figures {
            pages[kind] = try Page(
                kind: kind, path: path(kind), run: run, snapshots: snapshots, settings: settings,
                folder: folder)
        }
        return pages
    }

    /// Completes each page and returns their manifest entries, by figure.
    static func finish(
        _ pages: [FigureKind: Page], run: TrainingRun, settings: RenderSettings
    ) throws -> [Manifest.Entry] {
        var entries: [Manifest.Entry] = []
        for kind in settings.figures {
            guard let page = pages[kind] else { continue }
            let last = try page.finish()
            let snapshot = run.snapshots.first { $0.epoch == last.epoch }
            entries.append(
                Manifest.Entry(
                    path: page.path, figure: kind, format: .html, epoch: last.epoch,
                    error: snapshot?.error ?? 0, width: last.width, height: last.height,
                    panels: last.panels, epochs: page.epochs))
        }
        return entries
    }
}
