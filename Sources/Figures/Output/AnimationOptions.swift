import Backprop
import Foundation

/// How an animation of a run's snapshots is timed: frames a second, how long the first and last
/// frames are held, and an optional title card before the first.
///
/// A hold is one frame with a longer delay, not repeated frames, so it costs one frame's bytes
/// in an animated PNG; ffmpeg repeats it at the frame rate for MP4 and GIF.
public struct AnimationOptions: Sendable, Equatable {
    /// The allowed frames a second.
    public static let fpsRange = 1...60
    /// The longest hold or title card, in seconds.
    public static let longestHold = 60.0

    /// Frames a second (each snapshot is one frame).
    public var fps: Int = 12
    /// Seconds the first snapshot stays on screen beyond its frame.
    public var holdFirst: Double = 1
    /// Seconds the last snapshot stays on screen beyond its frame.
    public var holdLast: Double = 3
    /// Seconds of the title card (run name, data, network, learning rate); 0 for none.
    public var title: Double = 0

    public init(fps: Int = 12, holdFirst: Double = 1, holdLast: Double = 3, title: Double = 0) {
        self.fps = fps
        self.holdFirst = holdFirst
        self.holdLast = holdLast
        self.title = title
    }

    /// Checks each value's range.
    public func validate() throws {
        try AnimationOptions.check(fps: fps)
        try AnimationOptions.check(seconds: holdFirst, .holdFirst)
        try AnimationOptions.check(seconds: holdLast, .holdLast)
        try AnimationOptions.check(seconds: title, .title)
    }

    /// Checks frames a second: within ``fpsRange``.
    public static func check(fps: Int) throws {
        guard fpsRange.contains(fps) else {
            throw FiguresError.outOfRange(
                .fps, value: "\(fps)",
                rule: "it must be \(fpsRange.lowerBound) to \(fpsRange.upperBound)")
        }
    }

    /// Checks a hold or the title card's time (`setting`): 0 to ``longestHold`` seconds.
    public static func check(seconds: Double, _ setting: RenderSetting) throws {
        guard seconds.isFinite, (0...longestHold).contains(seconds) else {
            throw FiguresError.outOfRange(
                setting,
                // Every digit: 60.0000001 is not 60.
                value: seconds.rounded() == seconds && abs(seconds) < 1e15
                    ? String(Int(seconds)) : "\(seconds)",
                rule: "it must be 0 to \(Int(longestHold)) seconds")
        }
    }

    /// The delay of each of `count` snapshot frames: one frame period, plus the holds on the
    /// first and last (both on a single frame).
    public func delays(count: Int) throws -> [FrameDelay] {
        try validate()
        var periods = [Int](repeating: 1, count: count)
        if count > 0 {
            periods[0] += frames(holdFirst)
            periods[count - 1] += frames(holdLast)
        }
        return try periods.map { try FrameDelay(frames: $0, fps: fps) }
    }

    /// The title card's delay, or nil when there is no card.
    public func titleDelay() throws -> FrameDelay? {
        try validate()
        let n = frames(title)
        return n == 0 ? nil : try FrameDelay(frames: n, fps: fps)
    }

    /// `seconds` as a whole number of frame periods.
    private func frames(_ seconds: Double) -> Int {
        Int((seconds * Double(fps)).rounded())
    }
}

extension TitleCard {
    /// The card of a run: its name, then its data, network and training, from the run record.
    public init(run: TrainingRun) {
        let data = run.data
        let red = data.count - data.blueCount
        let layers = ([run.network.inputs] + run.network.hidden + [1]).map(String.init)
        let network =
            run.network.hidden.isEmpty
            ? "a single sigmoid unit (2 inputs)"
            : layers.joined(separator: " – ") + " network, \(run.network.activation.rawValue) "
                + "hidden units"
        let batch =
            run.training.batchSize == .full
            ? "full batch" : "batches of \(run.training.batchSize)"
        self.init(
            title: run.name,
            lines: [
                "\(data.count) points: \(data.blueCount) blue (label 1), \(red) red (label 0)",
                network,
                "learning rate η = \(String(format: "%g", run.training.learningRate)), \(batch), "
                    + "\(Ticks.grouped(run.training.epochs)) epochs",
            ])
    }
}
