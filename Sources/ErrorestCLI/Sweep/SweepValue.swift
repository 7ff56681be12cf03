import Foundation

/// One value a sweep gives a key, as the sweep file wrote it: for the index and for run names.
public indirect enum SweepValue: Equatable, Sendable, Codable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case text(String)
    case list([SweepValue])
    /// A mapping, keys in the file's order (written to JSON with sorted keys).
    case map([String: SweepValue], order: [String])

    init(_ node: RunFileNode) {
        switch node.value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .integer(let n): self = .integer(n)
        case .number(let x): self = .number(x)
        case .string(let text): self = .text(text)
        case .list(let items): self = .list(items.map(SweepValue.init))
        case .map(let entries):
            var values: [String: SweepValue] = [:]
            for entry in entries { values[entry.key] = SweepValue(entry.value) }
            self = .map(values, order: entries.map(\.key))
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let n = try? container.decode(Int.self) {
            self = .integer(n)
        } else if let x = try? container.decode(Double.self) {
            self = .number(x)
        } else if let text = try? container.decode(String.self) {
            self = .text(text)
        } else if let items = try? container.decode([SweepValue].self) {
            self = .list(items)
        } else {
            let values = try container.decode([String: SweepValue].self)
            self = .map(values, order: values.keys.sorted())
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let flag): try container.encode(flag)
        case .integer(let n): try container.encode(n)
        case .number(let x): try container.encode(x)
        case .text(let text): try container.encode(text)
        case .list(let items): try container.encode(items)
        case .map(let values, _): try container.encode(values)
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
        case .number(let x): return SweepValue.shortest(x).replacingOccurrences(of: "+", with: "")
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
        case .map: return "v\(position + 1)"
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
