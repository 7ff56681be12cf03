import Backprop

/// One runner of a race as its figures show it: its label and, for a runner that has no path
/// (its training diverged), what happened instead.
public struct RaceRunner: Sendable {
    /// The value it runs with, such as `optimizer = adam`.
    public var label: String
    /// Said in the legend for a runner without a path, such as "diverged at epoch 12".
    public var note: String?
    /// Said under a runner's path details, line by line, when its error rose above its start
    /// (``trendLines(_:)``).
    public var trend: [String]

    public init(label: String, note: String? = nil, trend: [String] = []) {
        self.label = label
        self.note = note
        self.trend = trend
    }

    /// What the legend says of a run's error against its start, exactly as ``ErrorTrend``
    /// defines it.
    ///
    /// A run whose error ended above its start: its last error, the start, the epoch from which
    /// it stayed above and its peak (never "diverged", which names training that stopped on a
    /// number no longer finite); one that climbed and came back, its peak and last error.
    /// Nothing for a run whose error never rose above its start.
    public static func trendLines(_ trend: ErrorTrend?) -> [String] {
        guard let trend, trend.climbed else { return [] }
        // An error that blew up (1e299) in a few digits, as a colour bar states it.
        let words = ErrorScaleBar.words
        let start = words(trend.start)
        let peak = "peak \(words(trend.peak)) (epoch \(trend.peakEpoch))"
        guard let since = trend.aboveSince else {
            return [
                "E rose above its start \(start),", peak + ";", "ended at \(words(trend.last))",
            ]
        }
        return [
            "E ended at \(words(trend.last)),", "above its start \(start)",
            "from epoch \(since) on;", peak,
        ]
    }
}

extension RaceRunner {
    /// The colours of the runners' paths, one per runner with a path (those without a note), in
    /// order: each the colour of its value in the race's figures (the errors figure's).
    static func pathColours(_ runners: [RaceRunner]) -> [Colour] {
        let colours = SweepErrorsDrawing.groupColours
        return runners.enumerated().filter { $0.element.note == nil }.map {
            colours[$0.offset % colours.count]
        }
    }
}
