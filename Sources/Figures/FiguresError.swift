import Foundation

/// Everything that can go wrong in `Figures`, each with a message written as a sentence.
///
/// ``isUsageError`` tells bad input (a size, an option, a run record: exit 65 on the command line)
/// from a failure of Cairo or libpng while drawing or encoding (exit 74).
public enum FiguresError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A figure size outside ``RenderOptions/sizeRange`` on either side.
    case badSize(width: Int, height: Int)
    /// A render option out of range; the message names it.
    case badOption(String)
    /// The run record cannot be drawn; the message says why.
    case badRun(String)
    /// A snapshot index that the run does not have.
    case noSuchSnapshot(index: Int, count: Int)
    /// Cairo reported a failure: its own description and what was being done.
    case cairo(status: String, during: String)
    /// libpng reported a failure while encoding or decoding.
    case png(String)
    /// A sequence of frames was finished with frame `missing` (counted from 0) never delivered.
    case incompleteSequence(missing: Int, count: Int)

    /// True for bad input; false for a drawing or encoding failure.
    public var isUsageError: Bool {
        switch self {
        case .badSize, .badOption, .badRun, .noSuchSnapshot: return true
        case .cairo, .png, .incompleteSequence: return false
        }
    }

    public var description: String {
        switch self {
        case .badSize(let width, let height):
            let range = RenderOptions.sizeRange
            return "The figure size \(width)×\(height) is not allowed; each side must be "
                + "\(range.lowerBound) to \(range.upperBound) pixels."
        case .badOption(let message), .badRun(let message), .png(let message):
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
