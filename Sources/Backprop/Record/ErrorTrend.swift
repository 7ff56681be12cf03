/// Where a run's error went relative to where it started: down, up and back down, or up for
/// good.
///
/// Errorest says two different things of a step that is too large, each in its own words.
/// Training that *diverged* stopped because a weight or the error is no longer a finite number
/// (``BackpropError/diverged(epoch:learningRate:)``; a sweep index's status `diverged`). A run
/// that trained to the end and whose error *ended above its start*, `E(last) > E(0)`, is this
/// type's ``endedAbove``: descent made things worse. A cross-entropy perceptron never overflows
/// at any step size (its gradient is bounded), so this is how too large a step shows in it.
public struct ErrorTrend: Equatable, Sendable {
    /// `E(0)`, the error of the starting weights.
    public var start: Double
    /// The error at the last epoch.
    public var last: Double
    /// The highest error, and its first epoch.
    public var peak: Double
    public var peakEpoch: Int
    /// When the error ended above its start: the first epoch of its last stretch above the
    /// start (every epoch from it to the last has `E > E(0)`); nil otherwise.
    public var aboveSince: Int?

    /// The trend of the per-epoch errors `errors` (`errors[e]` is epoch `e`'s), or nil for none.
    public init?(errors: [Double]) {
        guard let first = errors.first, let last = errors.last,
            let peakEpoch = errors.indices.max(by: { errors[$0] < errors[$1] })
        else { return nil }
        start = first
        self.last = last
        peak = errors[peakEpoch]
        self.peakEpoch = peakEpoch
        if last > first {
            aboveSince = (errors.lastIndex { $0 <= first } ?? -1) + 1
        }
    }

    /// True when the error ended above its start, `E(last) > E(0)` (see the type's summary).
    public var endedAbove: Bool { aboveSince != nil }

    /// True when the error rose above its start at some epoch.
    public var climbed: Bool { peak > start }
}

extension TrainingRun {
    /// Where this run's training error went (see ``ErrorTrend``).
    public var errorTrend: ErrorTrend? { ErrorTrend(errors: errors) }
}
