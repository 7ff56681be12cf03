import Backprop
import Figures
import Foundation

/// The course animation: the lesson's slides in order, each held on screen for the time its
/// caption takes to read, as `lesson.mp4` or `lesson.gif` (made by ffmpeg) or `lesson.png` (an
/// animated PNG Errorest writes itself).
///
/// It is made by the runs' animation machinery, not a renderer of its own: the slides' PNG files
/// go in order through ``StagedFrames`` into an animated PNG whose delays are the holds, and
/// ``FFmpeg`` turns that into the video at ``fps`` frames a second, so the video has as many
/// frames as the holds add up to.
final class LessonMovie {
    /// Frames a second of the video: a slide show needs one (a slide's hold is whole seconds),
    /// and each frame costs ffmpeg's encoder time.
    static let fps = 1
    /// The reading pace: words a second.
    static let wordsPerSecond = 3.0
    /// The shortest time a slide stays, in seconds.
    static let shortest = 4.0

    /// The format written.
    let format: FileFormat
    /// Its path in the output folder.
    let path: String
    /// Frames (at ``fps``) each slide stays on screen, in order.
    let holds: [Int]
    private let staged: String
    private let url: URL
    private let frames: StagedFrames<APNGSink>
    private let folder: OutputFolder

    /// Frame periods a slide with `caption` stays: two seconds to look, then the caption read at
    /// ``wordsPerSecond``, at least ``shortest`` seconds.
    static func hold(_ caption: String) -> Int {
        let words = caption.split(whereSeparator: \.isWhitespace).count
        let seconds = max(shortest, 2 + Double(words) / wordsPerSecond)
        return Int((seconds * Double(fps)).rounded(.up))
    }

    /// The format written for `asked` (nil for none) and, when ffmpeg is not on the PATH for an
    /// MP4 or GIF, a note that the animated PNG is written instead.
    static func format(_ asked: LessonAnimation, ffmpeg: Bool = FFmpeg.locate() != nil)
        -> (format: FileFormat?, note: String?)
    {
        switch asked {
        case .none: return (nil, nil)
        case .apng: return (.apng, nil)
        case .mp4, .gif:
            if ffmpeg { return (asked == .mp4 ? .mp4 : .gif, nil) }
            return (
                .apng,
                "ffmpeg is not on the PATH, so the lesson's animation is lesson.png (an animated "
                    + "PNG) instead of lesson.\(asked.rawValue); install ffmpeg for the video."
            )
        }
    }

    /// Starts the animated PNG for slides with `captions`, in the staging of `folder`.
    init(format: FileFormat, captions: [String], folder: OutputFolder) throws {
        self.format = format
        self.folder = folder
        path = "lesson.\(format.fileExtension)"
        holds = captions.map(LessonMovie.hold)
        // Without apng the animated PNG is only ffmpeg's input: a hidden staged file.
        staged = format == .apng ? path : ".lesson-animation.apng"
        let file = try StagedFile(staged, in: folder)
        url = file.url
        let writer = try APNGWriter(frameCount: holds.count, output: file.append)
        let delays = try holds.map { try FrameDelay(frames: $0, fps: LessonMovie.fps) }
        frames = StagedFrames(
            file: file, epochs: holds.map { _ in 0 },
            sink: APNGSink(writer: writer, delays: delays), name: "The lesson's animation")
    }

    /// Takes slide `index` (from 0), a PNG file.
    func add(slide index: Int, png: Data, width: Int, height: Int, figure: FigureKind) throws {
        try frames.add(
            frame: index,
            figure: RenderedFigure(
                kind: figure, format: .png, width: width, height: height, epoch: 0, data: png,
                panels: []))
    }

    /// The frames of the whole animation at ``fps``.
    var frameCount: Int { holds.reduce(0, +) }

    /// Completes the animated PNG and, for MP4 or GIF, has ffmpeg make the video from it.
    func finish() throws {
        _ = try frames.finish()
        guard format != .apng else { return }
        defer { try? FileManager.default.removeItem(at: url) }
        try FFmpeg.encode(
            input: url, output: folder.staging.appendingPathComponent(path),
            display: (folder.displayPath as NSString).appendingPathComponent(path),
            format: format, fps: LessonMovie.fps, frames: frameCount)
    }

    /// What the storyboard says of the animation.
    var storyboard: Storyboard.Animation {
        Storyboard.Animation(
            path: path, format: format.rawValue, fps: LessonMovie.fps, frames: frameCount,
            slides: holds.count, holds: holds)
    }
}
