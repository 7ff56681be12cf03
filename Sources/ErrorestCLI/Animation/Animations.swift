import Backprop
import Figures
import Foundation

/// The animated files of a run: one per figure and animated format, after its stills.
///
/// Each figure's frames become an animated PNG in the staging folder as they are drawn; MP4 and
/// GIF are made from it by ffmpeg once it is whole. All of them are staged, listed in the
/// manifest and moved into place with the other files.
enum Animations {
    /// The path of a figure's animation in the output folder.
    static func path(_ kind: FigureKind, _ format: FileFormat) -> String {
        "figures/\(kind.rawValue)-animation.\(format.fileExtension)"
    }

    /// Starts one sequence per figure when the formats include an animated one.
    static func start(
        run: TrainingRun, settings: RenderSettings, snapshots: [Int], folder: OutputFolder
    ) throws -> [FigureKind: Animation] {
        guard settings.formats.contains(where: \.isMovie), !snapshots.isEmpty else {
            return [:]
        }
        var sequences: [FigureKind: Animation] = [:]
        for kind in settings.figures {
            // Without apng the animated PNG is only ffmpeg's input: a hidden staged file,
            // removed once ffmpeg has read it.
            let path =
                settings.formats.contains(.apng)
                ? path(kind, .apng) : ".\(kind.rawValue)-animation.apng"
            sequences[kind] = try Animation(
                kind: kind, path: path, run: run, snapshots: snapshots, settings: settings,
                folder: folder)
        }
        return sequences
    }

    /// Completes each animated PNG, has ffmpeg make the MP4 and GIF files, and returns their
    /// manifest entries (by figure, then apng, mp4, gif).
    static func finish(
        _ sequences: [FigureKind: Animation], run: TrainingRun, settings: RenderSettings,
        folder: OutputFolder
    ) throws -> [Manifest.Entry] {
        var entries: [Manifest.Entry] = []
        for kind in settings.figures {
            guard let sequence = sequences[kind] else { continue }
            let last = try sequence.finish()
            for format in settings.formats where format.isMovie {
                let path = path(kind, format)
                if format != .apng {
                    try FFmpeg.encode(
                        input: sequence.url, output: folder.staging.appendingPathComponent(path),
                        display: (folder.displayPath as NSString).appendingPathComponent(path),
                        format: format, fps: settings.animation.fps,
                        frames: sequence.epochs.count
                            + Int(
                                Double(settings.animation.fps)
                                    * (settings.animation.holdFirst
                                        + settings.animation.holdLast + settings.animation.title)))
                }
                let snapshot = run.snapshots.first { $0.epoch == last.epoch }
                let even = format == .mp4  // yuv420p video has an even width and height
                entries.append(
                    Manifest.Entry(
                        path: path, figure: kind, format: format, epoch: last.epoch,
                        error: snapshot?.error ?? 0, width: even ? last.width & ~1 : last.width,
                        height: even ? last.height & ~1 : last.height,
                        panels: last.panels, epochs: sequence.epochs))
            }
            // ffmpeg's input alone: the staging is the next generation, so it must not stay.
            if !settings.formats.contains(.apng) {
                try? FileManager.default.removeItem(at: sequence.url)
            }
        }
        return entries
    }
}
