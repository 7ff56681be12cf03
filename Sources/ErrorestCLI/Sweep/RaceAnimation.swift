import Figures
import Foundation

/// A race's animation: its frames on the shared clock (Figures' ``RaceFrames``), drawn on
/// several threads and assembled in order by a run's animation pipeline (``StagedFrames`` into
/// an ``APNGSink``; MP4 and GIF from it by ``FFmpeg``) in the race's `figures` folder.
struct RaceAnimation: Sendable {
    /// The figure's name in the index.
    static let figure = "raceAnimation"

    let frames: RaceFrames
    /// The animated formats asked for (`apng`, `mp4`, `gif`).
    let formats: [FileFormat]
    let timing: AnimationOptions

    /// The path of the animation in `format` in the race's folder.
    static func path(_ format: FileFormat) -> String {
        "figures/race-animation.\(format.fileExtension)"
    }

    /// The index's entry of each file: its size and the clock, the epoch of every frame.
    var figures: [SweepIndex.Figure] {
        formats.map { format in
            let even = format == .mp4  // yuv420p video has an even width and height
            var meta = SweepIndex.Figure(
                path: Self.path(format), figure: Self.figure, format: format,
                width: even ? frames.width & ~1 : frames.width,
                height: even ? frames.height & ~1 : frames.height)
            meta.epochs = frames.clock
            return meta
        }
    }

    /// Draws every frame on `threads` threads into the animated PNG in `generation` (a hidden
    /// one when only MP4 or GIF is asked for, removed once ffmpeg has read it), then has ffmpeg
    /// make the MP4 and GIF files.
    func write(into generation: URL, display: String, threads: Int) throws {
        let count = frames.clock.count
        guard count > 0 else {
            throw ErrorestError.badInput(
                "\(display): the race's runners keep no snapshot of one same epoch, so its "
                    + "animation has no frame; give them the same snapshots.")
        }
        let apng =
            formats.contains(.apng) ? Self.path(.apng) : "figures/.race-animation.apng"
        func shown(_ path: String) -> String {
            (display as NSString).appendingPathComponent(path)
        }
        try FileManager.default.createDirectory(
            at: generation.appendingPathComponent("figures"), withIntermediateDirectories: true)
        let file = try StagedFile(apng, staging: generation, display: shown(apng))
        let writer = try APNGWriter(frameCount: count, output: file.append)
        let staged = StagedFrames(
            file: file, epochs: frames.clock.map(Double.init),
            sink: APNGSink(writer: writer, delays: try timing.delays(count: count)),
            name: "The race's animation")
        let frames = self.frames
        do {
            try ParallelFrames.forEach(count: count, threads: threads) { k in
                try staged.add(frame: k, figure: try frames.frame(k).figure)
            }
        } catch {
            throw ErrorestError(error)
        }
        _ = try staged.finish()
        let input = generation.appendingPathComponent(apng)
        for format in formats where format != .apng {
            try FFmpeg.encode(
                input: input, output: generation.appendingPathComponent(Self.path(format)),
                display: shown(Self.path(format)), format: format, fps: timing.fps,
                frames: count
                    + Int(Double(timing.fps) * (timing.holdFirst + timing.holdLast)))
        }
        if !formats.contains(.apng) { try? FileManager.default.removeItem(at: input) }
    }
}
