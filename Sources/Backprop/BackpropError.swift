import Foundation

/// Everything that can go wrong in `Backprop`, each with a message written as a sentence.
///
/// The command line maps every case to an exit code: all of them are bad data or a bad run file
/// (65), except ``fileMissing(_:)`` (66).
public enum BackpropError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A data file does not exist or cannot be read.
    case fileMissing(String)
    /// A line of a CSV file cannot be read: file, 1-based line number, problem.
    case badCSV(file: String, line: Int, problem: String)
    /// A setting outside its range: which one, its value as text, and the rule it breaks as a
    /// clause ("it must be between 0 and 10").
    case outOfRange(Setting, value: String, rule: String)
    /// A data set as a whole is unusable (no points, a single class, a bad generator parameter).
    case badData(String)
    /// A network's shape or weights are unusable.
    case badNetwork(String)
    /// A training option is out of range.
    case badTraining(String)
    /// A snapshot schedule cannot be parsed or names epochs outside the run.
    case badSchedule(String)
    /// A run record (`run.json`) is inconsistent.
    case badRunRecord(String)
    /// An error surface or hidden space cannot be made with the options or network given.
    case badSurface(String)
    /// A weight or the error stopped being a finite number during training.
    case diverged(epoch: Int, learningRate: Double)
    /// Training diverged because the L2 penalty's own step overshoots: learning rate × l2 is at
    /// least `limit` (``TrainingOptions/penaltyStepLimit``), so every step grows the weights.
    case penaltyOvershoots(epoch: Int, l2: Double, learningRate: Double, limit: Double)
    /// The L1 and L2 penalties of the initial weights are not a finite number: a strength given
    /// is too large for them.
    case penaltyNotFinite(l1: Double, l2: Double)

    public var description: String {
        switch self {
        case .fileMissing(let path):
            return "The data file \(path) does not exist or cannot be read."
        case .outOfRange(let setting, let value, let rule):
            let subject = setting.summary.prefix(1).uppercased() + setting.summary.dropFirst()
            return "\(subject) is \(value); \(rule)."
        case .badCSV(let file, let line, let problem):
            return "\(file), line \(line): \(problem)"
        case .badData(let message), .badNetwork(let message), .badTraining(let message),
            .badSchedule(let message), .badRunRecord(let message), .badSurface(let message):
            return message
        case .diverged(0, _):
            return "Training cannot start: with the initial weights the error is not a finite "
                + "number; give smaller initial weights."
        case .diverged(let epoch, let learningRate):
            return "Training diverged at epoch \(epoch): a weight or the error is no longer a "
                + "finite number. Try a learning rate smaller than \(learningRate)."
        case .penaltyOvershoots(let epoch, let l2, let learningRate, let limit):
            return "Training diverged at epoch \(epoch): a weight or the error is no longer a "
                + "finite number. The L2 penalty's own step grows every weight once learning "
                + "rate × l2 reaches \(shortNumber(limit)), and here it is "
                + "\(shortNumber(learningRate)) × \(shortNumber(l2)); give an l2 smaller than "
                + "\(roundedDown(limit / learningRate)) or a learning rate smaller than "
                + "\(roundedDown(limit / l2))."
        case .penaltyNotFinite(let l1, let l2):
            let named = [("L1", "l1", l1), ("L2", "l2", l2)].filter { $0.2 != 0 }
            let penalty = named.map(\.0).joined(separator: " and ")
            let values = named.map { "\($0.1) = \(shortNumber($0.2))" }.joined(separator: ", ")
            let keys = named.map(\.1).joined(separator: " and ")
            return "Training cannot start: with the initial weights the \(penalty) penalty "
                + "(\(values)) is not a finite number; give a smaller \(keys)."
        }
    }
}

extension BackpropError: LocalizedError {
    public var errorDescription: String? { description }
}
