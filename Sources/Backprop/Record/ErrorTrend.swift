/// Where a run's error went relative to where it started: down, up and back down, or up for
/// good.
///
/// Errorest has two words for a step that is too large. Training *stops* as diverged when a
/// weight or the error is no longer a finite number (``BackpropError/diverged(epoch:learningRate:)``).
/// A run that trains to the end *diverged* in the sense of this type when its error ends above
/// its start, `E(last) > E(0)`: descent made things worse. A cross-entropy perceptron never
/// overflows at any step size (its gradient is bounded), so this is how such a run diverges.
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

    /// True when the error ended above its start (see the type's summary).
    public var diverged: Bool { aboveSince != nil }

    /// True when the error rose above its start at some epoch.
    public var climbed: Bool { peak > start }
}

extension TrainingRun {
    /// Where this run's training error went (see ``ErrorTrend``).
    public var errorTrend: ErrorTrend? { ErrorTrend(errors: errors) }
}
