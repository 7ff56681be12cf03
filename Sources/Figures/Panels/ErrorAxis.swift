import Foundation

/// How epochs and errors map onto a plot's pixels.
///
/// Epoch 0 is at the left edge and the last epoch at the right; the error axis is linear or
/// logarithmic from `low` at the bottom to `high` at the top. The error panel and the sweep's
/// figures both place their curves by it.
struct ErrorAxis {
    let rect: Rect
    /// The last epoch (at least 1).
    let epochs: Int
    let low: Double
    let high: Double
    let log: Bool

    /// The pixel column of a place on the epoch axis (an epoch, or part-way through one).
    func x(time: Double) -> Double { rect.minX + time / Double(epochs) * rect.width }

    /// The pixel row of error `e`, clamped to the plot.
    func y(_ e: Double) -> Double {
        let t =
            log
            ? (Foundation.log(max(e, low)) - Foundation.log(low))
                / (Foundation.log(high) - Foundation.log(low))
            : (e - low) / (high - low)
        return rect.maxY - min(1, max(0, t)) * rect.height
    }
}
