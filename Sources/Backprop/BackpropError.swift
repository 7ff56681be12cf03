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
        }
    }
}

extension BackpropError: LocalizedError {
    public var errorDescription: String? { description }
}
