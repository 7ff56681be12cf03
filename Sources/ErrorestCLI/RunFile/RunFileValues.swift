import Backprop
import Figures
import Foundation

extension RunFileReader {
    /// `network.hidden`: a list of layer sizes (or one), each checked at its own line.
    func hiddenSizes(_ node: RunFileNode) throws -> [Int] {
        var sizes: [Int] = []
        for item in (try? list(node, Keys.hidden.key)) ?? [node] {
            sizes.append(try integer(item, Keys.hidden.key))
            try check(item) { try Network.check(hidden: [sizes[sizes.count - 1]]) }
        }
        return sizes
    }

    /// `render.focus`: `worst`, a point's number, or `[x1, x2]`.
    func focus(_ n: RunFileNode) throws -> Focus {
        let text: String
        switch n.value {
        case .string(let s): text = s
        case .integer(let k): text = String(k)
        case .list:
            text = try list(n, Keys.focus.key).map {
                String(try number($0, Keys.focus.key))
            }.joined(separator: ",")
        default: text = ""
        }
        guard let focus = Focus(argument: text) else {
            throw fail(n, "\"render.focus\" should be worst, a point's number, or [x1, x2].")
        }
        return focus
    }

    /// `render.surface.span`: `path` or `[[u low, u high], [v low, v high]]`, checked by the
    /// library's rule; the same values `--surface-span` takes.
    func span(_ n: RunFileNode) throws -> SurfaceSpan {
        let key = Keys.surfaceSpan.key
        if case .string(let text) = n.value {
            guard text == "path" else {
                throw fail(n, "\"\(key)\" should be path or [[u low, u high], [v low, v high]].")
            }
            return .pathExtent
        }
        let pairs = try list(n, key).map { try list($0, key).map { try number($0, key) } }
        var span = SurfaceSpan.pathExtent
        try check(n) { span = try SurfaceOptions.span(pairs) }
        return span
    }

    /// `render.size`: `[width, height]` or `"WxH"`.
    func size(_ n: RunFileNode) throws -> ImageSize {
        let size: [Int]
        if case .string(let text) = n.value {
            guard let parsed = ImageSize(argument: text) else {
                throw fail(n, "\"render.size\" should be [width, height] or \"WxH\".")
            }
            size = [parsed.width, parsed.height]
        } else {
            size = try list(n, "render.size").map { try integer($0, "render.size") }
        }
        guard size.count == 2 else {
            throw fail(n, "\"render.size\" should be [width, height], two whole numbers.")
        }
        return ImageSize(width: size[0], height: size[1])
    }

    /// `render.domain`: `[[x1min, x1max], [x2min, x2max]]`, checked by the library's rule.
    func domain(_ n: RunFileNode) throws -> Domain {
        let pairs = try list(n, "render.domain").map {
            try list($0, "render.domain").map { try number($0, "render.domain") }
        }
        do {
            guard pairs.count == 2 else {
                throw BackpropError.badData("A domain is [[x1min, x1max], [x2min, x2max]].")
            }
            return try Domain(x1: pairs[0], x2: pairs[1])
        } catch let error as BackpropError {
            throw fail(n, "\"render.domain\": \(error.description)")
        }
    }

    /// `render.errorRange`: `[low, high]`, checked by the library's rule.
    func errorRange(_ n: RunFileNode) throws -> ClosedRange<Double> {
        let pair = try list(n, "render.errorRange").map { try number($0, "render.errorRange") }
        guard pair.count == 2 else {
            throw fail(n, "\"render.errorRange\" should be [low, high], two numbers.")
        }
        try check(n) { try RenderOptions.check(errorLow: pair[0], high: pair[1]) }
        return pair[0]...pair[1]
    }

    /// A whole number; integral JSON numbers such as `2000.0` count.
    func integer(_ node: RunFileNode, _ key: String) throws -> Int {
        var value: Int?
        switch node.value {
        case .integer(let n): value = n
        case .number(let x) where x.rounded() == x && abs(x) < 9e15: value = Int(x)
        default: break
        }
        guard let value else {
            throw fail(node, "\"\(key)\" should be a whole number; it is \(node.kindName).")
        }
        return value
    }

    /// A whole number from 0 up: an epoch, or a seed.
    func natural(_ node: RunFileNode, _ key: String) throws -> Int {
        let value = try integer(node, key)
        guard value >= 0 else {
            throw fail(node, "\"\(key)\" is \(value); it must be at least 0.")
        }
        return value
    }

    /// A finite number.
    func number(_ node: RunFileNode, _ key: String) throws -> Double {
        let value: Double
        switch node.value {
        case .integer(let n): value = Double(n)
        case .number(let x): value = x
        default: throw fail(node, "\"\(key)\" should be a number; it is \(node.kindName).")
        }
        guard value.isFinite else {
            throw fail(node, "\"\(key)\" is \(value); it must be a finite number.")
        }
        return value
    }

    /// A seed: a whole number from 0 to 2⁶⁴ − 1 (YAML and JSON integers stop at 2⁶³ − 1).
    func seed(_ node: RunFileNode, _ key: String) throws -> UInt64 {
        UInt64(try natural(node, key))
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
    /// The line of each key.
    private(set) var lines: [String: Int] = [:]

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
                // Recorded, not thrown: the section's other keys are still read and checked.
                reader.mistakes.found.append(
                    RunFileError(
                        file: reader.file, line: item.line ?? node.line,
                        problem: Self.otherCommand(item.key, path: path, known: known)
                            ?? "unknown key \"\(item.key)\" in \(section); the keys there are "
                            + known.joined(separator: ", ") + "."))
                continue
            }
            entries[item.key] = item.value
            lines[item.key] = item.line ?? item.value.line
        }
    }

    /// A run file's top level holding `sweep` or `race` is another command's file: says which.
    static func otherCommand(_ key: String, path: String, known: [String]) -> String? {
        guard path.isEmpty, known.contains("snapshots"), key == "sweep" || key == "race" else {
            return nil
        }
        return "\"\(key)\" makes this a \(key) file, not a run file; give it to `errorest \(key)`."
    }

    subscript(key: String) -> RunFileNode? {
        guard let node = entries[key] else { return nil }
        if case .null = node.value { return nil }  // `seed:` with no value keeps the default
        return node
    }
}
