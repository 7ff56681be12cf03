import Backprop
import Foundation

/// A sweep's values: a swept key's values as the file lists them (``SweepFile``), and as the
/// sweep index records them, are the run record's JSON values (``RecordValue``).
extension RecordValue {
    /// A run file's value as JSON.
    init(_ node: RunFileNode) {
        switch node.value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .integer(let n): self = .integer(n)
        case .number(let x): self = .number(x)
        case .string(let text): self = .text(text)
        case .list(let items): self = .list(items.map(RecordValue.init))
        case .map(let entries):
            var values: [String: RecordValue] = [:]
            for entry in entries { values[entry.key] = RecordValue(entry.value) }
            self = .object(values)
        }
    }

    /// The value as it reads in a run's name and a figure's labels: `2`, `0.5`, `8x8` for the
    /// hidden layers `[8, 8]`, `none` for an empty list, `v3` for the third value when it is a
    /// whole mapping.
    func label(position: Int) -> String {
        switch self {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .integer(let n): return String(n)
        case .number(let x): return RecordValue.shortest(x).replacingOccurrences(of: "+", with: "")
        case .text(let text):
            let safe = text.unicodeScalars.map { scalar -> String in
                scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == ".")
                    ? String(scalar) : "."
            }.joined()
            // A text that had to be changed to be a name gets a short hash of itself, so that
            // `a-b.csv` and `a_b.csv` (both `a.b.csv`) name two runs.
            guard safe != text else { return safe }
            var digest = SHA256()
            digest.update(text)
            return safe + "." + digest.hexDigest().prefix(8)
        case .list(let items):
            return items.isEmpty
                ? "none"
                : items.map { $0.label(position: position) }.joined(
                    separator: "x")
        case .object: return "v\(position + 1)"
        }
    }

    /// The value as a figure prints it: like ``label(position:)`` but lists keep brackets.
    func display(position: Int) -> String {
        switch self {
        case .text(let text): return text
        case .list(let items):
            return "[" + items.map { $0.display(position: position) }.joined(separator: ", ") + "]"
        default: return label(position: position)
        }
    }

    /// The shortest text that reads back as `x`, without a trailing `.0`.
    static func shortest(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return x.description
    }
}
