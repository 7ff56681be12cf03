import Foundation

/// A JSON value kept without reading it.
///
/// A run record's render block (``TrainingRun/render``), which the command line reads as a run
/// file's `render` block, and a sweep's swept and fixed values in its index. Objects are written
/// with sorted keys.
public indirect enum RecordValue: Equatable, Sendable, Codable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case text(String)
    case list([RecordValue])
    case object([String: RecordValue])

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
        } else if let items = try? container.decode([RecordValue].self) {
            self = .list(items)
        } else if let members = try? container.decode([String: RecordValue].self) {
            self = .object(members)
        } else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "Expected null, true, false, a number, text, a list or an object."
            )
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
        case .object(let members): try container.encode(members)
        }
    }
}
