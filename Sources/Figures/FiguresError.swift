import Foundation

/// Everything that can go wrong in `Figures`, each with a message written as a sentence.
///
/// ``isUsageError`` tells bad input (a size, an option, a run record: exit 65 on the command line)
/// from a failure of Cairo, libdeflate or libpng while drawing or encoding (exit 74).
public enum FiguresError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A render option outside its range: which one, its value as text, and the rule it breaks
    /// as a clause ("it must be 0 to 9").
    case outOfRange(RenderSetting, value: String, rule: String)
    /// The run record cannot be drawn; the message says why.
    case badRun(String)
    /// A snapshot index that the run does not have.
    case noSuchSnapshot(index: Int, count: Int)
    /// Cairo reported a failure: its own description and what was being done.
    case cairo(status: String, during: String)
    /// A PNG could not be written or read; the message says why.
    case png(String)
    /// A sequence of frames was finished with frame `missing` (counted from 0) never delivered.
    case incompleteSequence(missing: Int, count: Int)
    /// An animation was assembled from frames it cannot take; the message says why.
    case badAnimation(String)

    /// True for bad input; false for a drawing or encoding failure.
    public var isUsageError: Bool {
        switch self {
        case .outOfRange, .badRun, .noSuchSnapshot: return true
        case .cairo, .png, .incompleteSequence, .badAnimation: return false
        }
    }

    public var description: String {
        switch self {
        case .outOfRange(let setting, let value, let rule):
            return "The \(setting.summary) is \(value); \(rule)."
        case .badRun(let message), .png(let message), .badAnimation(let message):
            return message
        case .noSuchSnapshot(let index, let count):
            return "Snapshot \(index) does not exist; the run has \(count) snapshots, "
                + "numbered 0 to \(count - 1)."
        case .cairo(let status, let during):
            return "Cairo failed while \(during): \(status)."
        case .incompleteSequence(let missing, let count):
            return "The sequence of \(count) frames was finished without frame \(missing + 1)."
        }
    }
}

extension FiguresError: LocalizedError {
    public var errorDescription: String? { description }
}
