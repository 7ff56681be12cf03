import Foundation

extension TrainingOptions {
    /// The learning rate × l2 from which the L2 penalty's own step grows every weight: 2 for
    /// `sgd` (each step multiplies a weight by 1 − η·λ), 2 (1 + β) for `momentum`; none for
    /// `adam`, whose steps stay near η whatever the gradient.
    var penaltyStepLimit: Double? {
        switch optimizer {
        case .sgd: return 2
        case .momentum: return 2 * (1 + momentum)
        case .adam: return nil
        }
    }

    /// Why training stopped at `epoch`, where a weight or the error, or just the penalty
    /// (`penaltyOnly`), is no longer a finite number.
    ///
    /// The penalty of the initial weights names its strength; an L2 penalty whose own step overshoots names l2; anything else, the learning
    /// rate.
    func divergence(at epoch: Int, penaltyOnly: Bool) -> BackpropError {
        if epoch == 0 && penaltyOnly {
            return .penaltyNotFinite(l1: l1, l2: l2)
        }
        if epoch > 0, l2 > 0, let limit = penaltyStepLimit, learningRate * l2 >= limit {
            return .penaltyOvershoots(
                epoch: epoch, l2: l2, learningRate: learningRate, limit: limit)
        }
        return .diverged(epoch: epoch, learningRate: learningRate)
    }
}

/// `value` to three significant digits, rounded down (so that "smaller than" it stays true;
/// a quotient a rounding error below a digit, such as 0.15 / 0.001, keeps that digit).
func roundedDown(_ value: Double) -> String {
    guard value.isFinite, value > 0 else { return shortNumber(value) }
    let scale = pow(10, (log10(value)).rounded(.down) - 2)
    return String(format: "%.3g", (value / scale * (1 + 1e-12)).rounded(.down) * scale)
}

/// `value` as short as `%g` writes it (1e+308, 0.5, 30).
func shortNumber(_ value: Double) -> String {
    String(format: "%g", value)
}
