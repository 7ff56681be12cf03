import Foundation

/// A JSON value, for the run file's schema: written with sorted keys, so the same declarations
/// give the same bytes.
indirect enum SchemaValue: Sendable, Equatable, Encodable, ExpressibleByStringLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    case text(String)
    case integer(Int)
    case number(Double)
    case bool(Bool)
    case list([SchemaValue])
    case object([String: SchemaValue])

    init(stringLiteral value: String) { self = .text(value) }
    init(integerLiteral value: Int) { self = .integer(value) }
    init(floatLiteral value: Double) { self = .number(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: SchemaValue...) { self = .list(elements) }
    init(dictionaryLiteral elements: (String, SchemaValue)...) {
        self = .object(Dictionary(elements) { $1 })
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .integer(let n): try container.encode(n)
        case .number(let x): try container.encode(x)
        case .bool(let flag): try container.encode(flag)
        case .list(let items): try container.encode(items)
        case .object(let members): try container.encode(members)
        }
    }

    /// `self` with `members` added (an object's members; anything else is returned as it is).
    func adding(_ members: [String: SchemaValue]) -> SchemaValue {
        guard case .object(var all) = self else { return self }
        all.merge(members) { $1 }
        return .object(all)
    }

    /// The schema of a value that is one of `names`.
    static func oneOf(_ names: [String]) -> SchemaValue {
        ["type": "string", "enum": .list(names.map(SchemaValue.text))]
    }

    /// The schema of a number within `range`.
    static func within(_ range: ClosedRange<Double>) -> SchemaValue {
        [
            "type": "number", "minimum": .number(range.lowerBound),
            "maximum": .number(range.upperBound),
        ]
    }

    /// The schema of a whole number within `range`.
    static func within(_ range: ClosedRange<Int>) -> SchemaValue {
        [
            "type": "integer", "minimum": .integer(range.lowerBound),
            "maximum": .integer(range.upperBound),
        ]
    }
}
