import Backprop
import Figures
import Foundation

// The kinds of value that are more than a number, a switch or a name.

extension ValueType where Value == String {
    static let text = ValueType(
        words: "text", schema: ["type": "string"], read: { try $0.text($1, $2) }, show: { $0 })
}

extension ValueType where Value == [Int] {
    /// Hidden layer sizes: a list of whole numbers, or one.
    static let hiddenSizes = ValueType(
        words: "a list of whole numbers",
        schema: ["type": ["array", "integer"], "items": ["type": "integer"]],
        read: { reader, node, _ in try reader.hiddenSizes(node) }, show: { "\($0)" })
}

extension ValueType where Value == [Layer] {
    static let layers = ValueType(
        words: "a list of `{weights, biases}`",
        schema: [
            "type": "array", "minItems": 1,
            "items": [
                "type": "object", "additionalProperties": false,
                "required": ["weights", "biases"],
                "properties": [
                    "weights": [
                        "type": "array",
                        "items": ["type": "array", "items": ["type": "number"]],
                    ],
                    "biases": ["type": "array", "items": ["type": "number"]],
                ],
            ],
        ],
        read: { reader, node, _ in try reader.readLayers(node) }, show: { "\($0.count) layers" })
}

extension ValueType where Value == BatchSize {
    static let batchSize = ValueType(
        words: "`full` or a whole number",
        schema: ["oneOf": [["const": "full"], ["type": "integer", "minimum": 1]]],
        read: { reader, node, _ in try reader.batchSize(node) }, show: { $0.description })
}

extension ValueType where Value == SnapshotSchedule {
    static let schedule = ValueType(
        words: "a schedule or a list of epochs",
        schema: [
            "oneOf": [
                [
                    "type": "string",
                    "pattern":
                        "^\\s*(all|(paced|log|linear|every)\\s+[0-9]+|[0-9]+(\\s*,\\s*[0-9]+)*)\\s*$",
                ],
                ["type": "array", "minItems": 1, "items": ["type": "integer", "minimum": 0]],
            ]
        ], read: { reader, node, _ in try reader.readSnapshots(node) },
        show: { $0.description })
}

extension ValueType where Value == Domain {
    static let domain = ValueType(
        words: "`[[x1min, x1max], [x2min, x2max]]`", schema: .pairs,
        read: { reader, node, _ in try reader.domain(node) }, show: { "\($0)" })
}

extension ValueType where Value == SurfaceSpan {
    static let span = ValueType(
        words: "`path` or `[[u low, u high], [v low, v high]]`",
        schema: ["oneOf": [["const": "path"], .pairs]],
        read: { reader, node, _ in try reader.span(node) }, show: { _ in "path" },
        json: {
            guard case .fixed(let d) = $0 else { return .text("path") }
            return .pairs(d.x1, d.x2)
        })
}

extension ValueType where Value == ClosedRange<Double> {
    static let errorRange = ValueType(
        words: "`[low, high]`",
        schema: [
            "type": "array", "minItems": 2, "maxItems": 2,
            "items": ["type": "number", "minimum": 0],
        ], read: { reader, node, _ in try reader.errorRange(node) },
        show: { "[\($0.lowerBound), \($0.upperBound)]" },
        json: { .list([.number($0.lowerBound), .number($0.upperBound)]) })
}

extension ValueType where Value == ImageSize {
    static let imageSize = ValueType(
        words: "`[width, height]` or `\"WxH\"`",
        schema: [
            "oneOf": [
                [
                    "type": "array", "minItems": 2, "maxItems": 2,
                    "items": .within(RenderOptions.sizeRange),
                ],
                ["type": "string", "pattern": "^[0-9]+[x×][0-9]+$"],
            ]
        ], read: { reader, node, _ in try reader.size(node) },
        show: { "\($0.width)x\($0.height)" },
        json: { .list([.integer($0.width), .integer($0.height)]) })
}

extension ValueType where Value == [FigureKind] {
    static let list = ValueType(
        words: "a list of: " + FigureKind.allCases.map(\.rawValue).joined(separator: ", "),
        schema: .names(FigureKind.allCases.map(\.rawValue)),
        read: { try $0.choices($1, $2) }, show: { $0.map(\.rawValue).joined(separator: ",") },
        json: { .list($0.map { .text($0.rawValue) }) })
}

extension ValueType where Value == [FileFormat] {
    static let formats = ValueType(
        words: "a list of: " + FileFormat.allCases.map(\.rawValue).joined(separator: ", "),
        schema: [
            "oneOf": [
                .oneOf(FileFormat.allCases.map(\.rawValue)),
                [
                    "type": "array", "minItems": 1,
                    "items": .oneOf(FileFormat.allCases.map(\.rawValue)),
                ],
            ]
        ],
        read: { reader, node, key in
            let formats: [FileFormat] = try reader.choices(node, key)
            guard !formats.isEmpty else {
                throw reader.fail(
                    node,
                    "\"render.formats\" needs at least one of png, pdf, svg, apng, mp4, gif, html.")
            }
            return formats
        }, show: { $0.map(\.rawValue).joined(separator: ",") },
        json: { .list($0.map { .text($0.rawValue) }) })
}

extension ValueType where Value == Focus {
    static let focus = ValueType(
        words: "`worst`, a point's number or `[x1, x2]`",
        schema: [
            "oneOf": [
                ["const": "worst"], ["type": "integer"],
                ["type": "array", "minItems": 2, "maxItems": 2, "items": ["type": "number"]],
            ]
        ], read: { reader, node, _ in try reader.focus(node) }, show: { "\($0)" },
        json: {
            switch $0 {
            case .worst: return .text("worst")
            case .index(let n): return .integer(n)
            case .near(let x1, let x2): return .list([.number(x1), .number(x2)])
            case .visitor: return nil  // a lesson's point coming in: no run file writes it
            }
        })
}

extension ValueType where Value == PanelKind {
    /// A landscape panel: `surface` or `mountain`.
    static let landscape = ValueType(
        words: "surface | mountain", schema: .oneOf(["surface", "mountain"]),
        read: { reader, node, key in
            let kind = try reader.choice(node, key, PanelKind.self)
            guard kind == .surface || kind == .mountain else {
                throw reader.fail(node, "\"render.frameLandscape\" is surface or mountain.")
            }
            return kind
        }, show: { $0.rawValue }, json: { .text($0.rawValue) })
}

extension ValueType where Value == Double {
    /// An animation's title card: seconds, or `true` for two and `false` for none.
    static let titleCard = ValueType(
        words: "a number of seconds, or true or false",
        schema: ["type": ["number", "boolean"]],
        read: { reader, node, key in
            if case .bool(let shown) = node.value { return shown ? 2 : 0 }
            return try reader.number(node, key)
        }, show: { $0.shortText }, json: { .number($0) })
}

extension SchemaValue {
    /// Two pairs of numbers: `[[low, high], [low, high]]`.
    static let pairs: SchemaValue = [
        "type": "array", "minItems": 2, "maxItems": 2,
        "items": [
            "type": "array", "minItems": 2, "maxItems": 2, "items": ["type": "number"],
        ],
    ]

    /// A list of `names` or one of them.
    static func names(_ names: [String]) -> SchemaValue {
        [
            "oneOf": [
                .oneOf(names),
                ["type": "array", "items": .oneOf(names)],
            ]
        ]
    }
}

extension RecordValue {
    /// Two ranges as a run file writes them: `[[low, high], [low, high]]`.
    static func pairs(_ a: ClosedRange<Double>, _ b: ClosedRange<Double>) -> RecordValue {
        .list([
            .list([.number(a.lowerBound), .number(a.upperBound)]),
            .list([.number(b.lowerBound), .number(b.upperBound)]),
        ])
    }
}
