import Foundation

/// Which epochs a run keeps a snapshot of (the run file's `snapshots` key).
///
/// `every N`, `linear N` and `log N` include epoch 0 and the last epoch; a list is taken as given,
/// in epoch order.
public enum SnapshotSchedule: Equatable, Sendable, CustomStringConvertible {
    /// Exactly these epochs.
    case list([Int])
    /// Every `N`th epoch, plus the last.
    case every(Int)
    /// `N` snapshots evenly spaced from the first epoch to the last.
    case linear(Int)
    /// `N` snapshots spaced evenly in `log(1 + epoch)`: dense early, whatever happens there.
    case log(Int)
    /// Every epoch.
    case all
    /// `N` snapshots chosen after training so that consecutive frames change by about the same
    /// visible amount (see ``Pacing``).
    case paced(Int)

    /// The most snapshots a run may keep: each becomes a frame.
    public static let maximumCount = 10_000

    /// Parses `all`, `every N`, `linear N`, `log N` or a list such as `0, 5, 10` or `[0, 5, 10]`.
    public init(parsing text: String) throws {
        let words = text.trimmingCharacters(in: .whitespaces).split(separator: " ").map(String.init)
        func count() throws -> Int {
            guard words.count == 2, let n = Int(words[1]), n >= 1 else {
                throw BackpropError.badSchedule(
                    "The snapshot schedule \"\(text)\" needs a positive whole number after "
                        + "\"\(words[0])\", as in \"\(words[0]) 10\".")
            }
            return n
        }
        switch words.first {
        case "all" where words.count == 1: self = .all
        case "every": self = .every(try count())
        case "linear": self = .linear(try count())
        case "log": self = .log(try count())
        case "paced": self = .paced(try count())
        default:
            let inner = text.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
            let items = inner.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let epochs = items.compactMap { Int($0) }
            guard !items.isEmpty, epochs.count == items.count else {
                throw BackpropError.badSchedule(
                    "The snapshot schedule \"\(text)\" is not one of: a list of epochs such as "
                        + "[0, 5, 10], every N, linear N, log N, paced N, all.")
            }
            self = .list(epochs)
        }
    }

    public var description: String {
        switch self {
        case .list(let epochs): return "[" + epochs.map(String.init).joined(separator: ", ") + "]"
        case .every(let n): return "every \(n)"
        case .linear(let n): return "linear \(n)"
        case .log(let n): return "log \(n)"
        case .paced(let n): return "paced \(n)"
        case .all: return "all"
        }
    }

    /// The snapshot epochs of a run of `epochs` epochs, ascending and distinct; for `paced N`,
    /// the candidates that training snapshots and pacing chooses from.
    public func epochs(through last: Int) throws -> [Int] {
        switch self {
        case .every(let n), .linear(let n), .log(let n), .paced(let n):
            guard n >= 1 else {
                throw BackpropError.badSchedule("The snapshot schedule \"\(self)\" needs N ≥ 1.")
            }
        case .list, .all: break
        }
        let result: [Int]
        switch self {
        case .all:
            result = Array(0...last)
        case .every(let n):
            result = Array(stride(from: 0, through: last, by: n)) + (last % n == 0 ? [] : [last])
        case .linear(let n):
            let count = min(n, last + 1)
            result =
                count == 1
                ? [0]
                : Array(
                    Set(
                        (0..<count).map { k in
                            Int((Double(k) * Double(last) / Double(count - 1)).rounded())
                        })
                ).sorted()
        case .log(let n):
            result = SnapshotSchedule.logarithmic(count: min(n, last + 1), last: last)
        case .paced(let n):
            guard n <= SnapshotSchedule.maximumCount else {
                throw BackpropError.badSchedule(
                    "The schedule \"\(self)\" asks for \(n) snapshots; at most "
                        + "\(SnapshotSchedule.maximumCount) are allowed.")
            }
            return Pacing.candidates(count: n, last: last)
        case .list(let epochs):
            if let bad = epochs.first(where: { !(0...last).contains($0) }) {
                throw BackpropError.badSchedule(
                    "Snapshot epoch \(bad) is outside the run, whose epochs are 0 to \(last).")
            }
            result = Array(Set(epochs)).sorted()
        }
        guard result.count <= SnapshotSchedule.maximumCount else {
            throw BackpropError.badSchedule(
                "The schedule \"\(self)\" asks for \(result.count) snapshots; at most "
                    + "\(SnapshotSchedule.maximumCount) are allowed.")
        }
        return result
    }

    /// `count` distinct epochs from 0 to `last`, spaced evenly in `log(1 + epoch)`.
    private static func logarithmic(count: Int, last: Int) -> [Int] {
        guard count > 1 else { return [0] }
        var result: [Int] = []
        let top = Foundation.log(Double(last + 1))
        for k in 0..<count {
            let target = Int(exp(Double(k) / Double(count - 1) * top).rounded()) - 1
            let lowest = (result.last ?? -1) + 1
            let highest = last - (count - 1 - k)  // leave room for the ones still to come
            result.append(min(max(target, lowest), highest))
        }
        return result
    }
}
