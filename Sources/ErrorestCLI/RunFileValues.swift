import Backprop
import Figures
import Foundation

extension RunFileReader {
    /// Reads the `render` section into the run.
    func readRender(_ node: RunFileNode, into run: inout RunFile) throws {
        let fields = try Fields(
            node, path: "render",
            known: [
                "size", "figures", "formats", "palette", "domain", "pngCompression",
                "hiddenLinesOnOutput", "logScaleError", "equations", "animation", "errorRange",
                "header",
            ],
            reader: self)
        var settings = run.render
        if let n = fields["size"] {
            let size: [Int]
            if case .string(let text) = n.value {
                guard let parsed = ImageSize(argument: text) else {
                    throw fail(n, "\"render.size\" should be [width, height] or \"WxH\".")
                }
                size = [parsed.width, parsed.height]
            } else {
                size = try list(n, "render.size").map {
                    try integer($0, "render.size", in: 0...Int.max)
                }
            }
            guard size.count == 2 else {
                throw fail(n, "\"render.size\" should be [width, height], two whole numbers.")
            }
            for value in size where !RenderOptions.sizeRange.contains(value) {
                throw fail(
                    n,
                    "\"render.size\" is \(size[0])×\(size[1]); each side must be "
                        + "\(RenderOptions.sizeRange.lowerBound) to "
                        + "\(RenderOptions.sizeRange.upperBound) pixels.")
            }
            settings.options.width = size[0]
            settings.options.height = size[1]
        }
        if let n = fields["figures"] { settings.figures = try choices(n, "render.figures") }
        if let n = fields["formats"] {
            settings.formats = try choices(n, "render.formats")
            guard !settings.formats.isEmpty else {
                throw fail(
                    n, "\"render.formats\" needs at least one of png, pdf, svg, apng, mp4, gif.")
            }
        }
        if let n = fields["palette"] {
            settings.options.palette = try choice(n, "render.palette", PaletteName.self)
        }
        if let n = fields["domain"] {
            let pairs = try list(n, "render.domain").map {
                try list($0, "render.domain").map { try number($0, "render.domain") }
            }
            do {
                guard pairs.count == 2 else {
                    throw BackpropError.badData("A domain is [[x1min, x1max], [x2min, x2max]].")
                }
                run.domain = try Domain(x1: pairs[0], x2: pairs[1])
            } catch let error as BackpropError {
                throw fail(n, "\"render.domain\": \(error.description)")
            }
        }
        if let n = fields["pngCompression"] {
            settings.options.pngCompression = try integer(n, "render.pngCompression", in: 0...9)
        }
        if let n = fields["hiddenLinesOnOutput"] {
            settings.options.hiddenLinesOnOutput = try bool(n, "render.hiddenLinesOnOutput")
        }
        if let n = fields["logScaleError"] {
            settings.options.logScaleError = try bool(n, "render.logScaleError")
        }
        if let n = fields["equations"] {
            settings.options.equations = try bool(n, "render.equations")
        }
        if let n = fields["animation"] { settings.animation = try readAnimation(n) }
        if let n = fields["header"] { settings.options.header = try bool(n, "render.header") }
        if let n = fields["errorRange"] {
            let pair = try list(n, "render.errorRange").map {
                try number($0, "render.errorRange", in: 0...Double.greatestFiniteMagnitude)
            }
            guard pair.count == 2, pair[0] < pair[1] else {
                throw fail(n, "\"render.errorRange\" should be [low, high] with low below high.")
            }
            settings.options.errorRange = pair[0]...pair[1]
        }
        run.render = settings
    }

    /// A whole number within `range`; integral JSON numbers such as `2000.0` count.
    func integer(_ node: RunFileNode, _ key: String, in range: ClosedRange<Int>) throws -> Int {
        var value: Int?
        switch node.value {
        case .integer(let n): value = n
        case .number(let x) where x.rounded() == x && abs(x) < 9e15: value = Int(x)
        default: break
        }
        guard let value else {
            throw fail(node, "\"\(key)\" should be a whole number; it is \(node.kindName).")
        }
        guard range.contains(value) else {
            let bounds =
                range.upperBound == Int.max
                ? "at least \(range.lowerBound)"
                : "between \(range.lowerBound) and \(range.upperBound)"
            throw fail(node, "\"\(key)\" is \(value); it must be \(bounds).")
        }
        return value
    }

    /// A finite number, optionally within `range`.
    func number(_ node: RunFileNode, _ key: String, in range: ClosedRange<Double>? = nil) throws
        -> Double
    {
        let value: Double
        switch node.value {
        case .integer(let n): value = Double(n)
        case .number(let x): value = x
        default: throw fail(node, "\"\(key)\" should be a number; it is \(node.kindName).")
        }
        guard value.isFinite else {
            throw fail(node, "\"\(key)\" is \(value); it must be a finite number.")
        }
        if let range, !range.contains(value) {
            throw fail(
                node,
                "\"\(key)\" is \(value); it must be between \(range.lowerBound) and "
                    + "\(range.upperBound).")
        }
        return value
    }

    /// A seed: a whole number from 0 to 2⁶⁴ − 1 (YAML and JSON integers stop at 2⁶³ − 1).
    func seed(_ node: RunFileNode, _ key: String) throws -> UInt64 {
        UInt64(try integer(node, key, in: 0...Int.max))
    }

    func bool(_ node: RunFileNode, _ key: String) throws -> Bool {
        guard case .bool(let flag) = node.value else {
            throw fail(node, "\"\(key)\" should be true or false; it is \(node.kindName).")
        }
        return flag
    }

    func text(_ node: RunFileNode, _ key: String) throws -> String {
        guard case .string(let text) = node.value else {
            throw fail(node, "\"\(key)\" should be text; it is \(node.kindName).")
        }
        return text
    }

    /// Text, or a number or flag taken as its text (for names such as `name: 2024`).
    func scalarText(_ node: RunFileNode, _ key: String) throws -> String {
        switch node.value {
        case .string(let text): return text
        case .integer(let n): return String(n)
        default: throw fail(node, "\"\(key)\" should be text; it is \(node.kindName).")
        }
    }

    func list(_ node: RunFileNode, _ key: String) throws -> [RunFileNode] {
        guard case .list(let items) = node.value else {
            throw fail(node, "\"\(key)\" should be a list; it is \(node.kindName).")
        }
        return items
    }

    /// One of an enumeration's names.
    func choice<T: RawRepresentable & CaseIterable>(_ node: RunFileNode, _ key: String, _: T.Type)
        throws -> T
    where T.RawValue == String {
        let names = T.allCases.map(\.rawValue).joined(separator: ", ")
        guard case .string(let text) = node.value, let value = T(rawValue: text) else {
            throw fail(node, "\"\(key)\" is \(node.kindName); it must be one of: \(names).")
        }
        return value
    }

    /// A list of an enumeration's names, or a single name; repeats are dropped.
    func choices<T: RawRepresentable & CaseIterable & Equatable>(_ node: RunFileNode, _ key: String)
        throws -> [T]
    where T.RawValue == String {
        let items = (try? list(node, key)) ?? [node]
        var result: [T] = []
        for item in items {
            let value = try choice(item, key, T.self)
            if !result.contains(value) { result.append(value) }
        }
        return result
    }
}

/// A mapping of a run file, checked against the keys its section knows.
struct Fields {
    private var entries: [String: RunFileNode] = [:]

    init(_ node: RunFileNode, path: String, known: [String], reader: RunFileReader) throws {
        let section = path.isEmpty ? "the top level" : "\"\(path)\""
        guard case .map(let items) = node.value else {
            // A section with nothing under it (`training:`) keeps every default.
            if case .null = node.value, !path.isEmpty { return }
            throw reader.fail(
                node, "\(section) should be a mapping of keys; it is \(node.kindName).")
        }
        for item in items {
            guard known.contains(item.key) else {
                throw RunFileError(
                    file: reader.file, line: item.line ?? node.line,
                    problem: "unknown key \"\(item.key)\" in \(section); the keys there are "
                        + known.joined(separator: ", ") + ".")
            }
            entries[item.key] = item.value
        }
    }

    subscript(key: String) -> RunFileNode? {
        guard let node = entries[key] else { return nil }
        if case .null = node.value { return nil }  // `seed:` with no value keeps the default
        return node
    }
}
