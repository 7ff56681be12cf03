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
                "hiddenLinesOnOutput", "logScaleError", "equations", "focus", "wish", "surface",
                "frameLandscape", "fontSize", "hiddenShading", "frameDiagram", "animation",
                "errorRange", "header",
            ],
            reader: self)
        var settings = run.render
        if let n = fields["size"] {
            try attempt { (settings.options.width, settings.options.height) = try size(n) }
        }
        if let n = fields["figures"] {
            try attempt { settings.figures = try choices(n, "render.figures") }
        }
        if let n = fields["formats"] {
            try attempt {
                settings.formats = try choices(n, "render.formats")
                guard !settings.formats.isEmpty else {
                    throw fail(
                        n,
                        "\"render.formats\" needs at least one of png, pdf, svg, apng, mp4, gif.")
                }
            }
        }
        if let n = fields["palette"] {
            try attempt {
                settings.options.palette = try choice(n, "render.palette", PaletteName.self)
            }
        }
        if let n = fields["domain"] { try attempt { run.domain = try domain(n) } }
        if let n = fields["pngCompression"] {
            try attempt {
                let level = try integer(n, "render.pngCompression")
                try check(n) { try RenderOptions.check(pngCompression: level) }
                settings.options.pngCompression = level
            }
        }
        if let n = fields["fontSize"] {
            try attempt {
                let size = try number(n, "render.fontSize")
                try check(n) { try RenderOptions.check(fontSize: size) }
                settings.options.fontSize = size
            }
        }
        if let n = fields["hiddenLinesOnOutput"] {
            try attempt {
                settings.options.hiddenLinesOnOutput = try bool(n, "render.hiddenLinesOnOutput")
            }
        }
        if let n = fields["logScaleError"] {
            try attempt { settings.options.logScaleError = try bool(n, "render.logScaleError") }
        }
        if let n = fields["equations"] {
            try attempt { settings.options.equations = try bool(n, "render.equations") }
        }
        if let n = fields["focus"] {
            let text: String
            switch n.value {
            case .string(let s): text = s
            case .integer(let k): text = String(k)
            case .list:
                text = try list(n, "render.focus").map {
                    String(try number($0, "render.focus"))
                }.joined(separator: ",")
            default: text = ""
            }
            guard let focus = Focus(argument: text) else {
                throw fail(
                    n, "\"render.focus\" should be worst, a point's number, or [x1, x2].")
            }
            settings.options.focus = focus
        }
        if let n = fields["wish"] {
            settings.options.wish = try choice(n, "render.wish", WishSource.self)
        }
        if let n = fields["surface"] {
            try attempt { settings.options.surface = try readSurface(n) }
        }
        if let n = fields["frameLandscape"] {
            try attempt {
                let kind = try choice(n, "render.frameLandscape", PanelKind.self)
                guard kind == .surface || kind == .mountain else {
                    throw fail(n, "\"render.frameLandscape\" is surface or mountain.")
                }
                settings.options.frameLandscape = kind
            }
        }
        if let n = fields["hiddenShading"] {
            try attempt {
                settings.options.hiddenShading = try choice(
                    n, RenderSetting.hiddenShading.key, HiddenShading.self)
            }
        }
        if let n = fields["frameDiagram"] {
            try attempt {
                settings.options.frameDiagram = try bool(n, "render.frameDiagram")
            }
        }
        if let n = fields["animation"] {
            try attempt { settings.animation = try readAnimation(n) }
        }
        if let n = fields["errorRange"] {
            try attempt { settings.options.errorRange = try errorRange(n) }
        }
        if let n = fields["header"] {
            try attempt { settings.options.header = try bool(n, "render.header") }
        }
        run.render = settings
    }

    /// The `render.surface` section: `grid`, `span` and `axes` of the error surface.
    func readSurface(_ node: RunFileNode) throws -> SurfaceOptions {
        let fields = try Fields(
            node, path: "render.surface", known: ["grid", "span", "axes"], reader: self)
        var options = SurfaceOptions()
        if let n = fields["grid"] {
            let size = try integer(n, "render.surface.grid")
            try check(n) { try SurfaceOptions.check(gridSize: size) }
            options.gridSize = size
        }
        if let n = fields["axes"] {
            options.axes = try choice(n, "render.surface.axes", SurfaceAxes.self)
        }
        if let n = fields["span"] {
            let pairs = try list(n, "render.surface.span").map {
                try list($0, "render.surface.span").map { try number($0, "render.surface.span") }
            }
            try check(n) { options.span = try SurfaceOptions.span(pairs) }
        }
        return options
    }

    /// `render.size`: `[width, height]` or `"WxH"`, checked by the library's rule.
    private func size(_ n: RunFileNode) throws -> (Int, Int) {
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
        try check(n) { try RenderOptions.check(width: size[0], height: size[1]) }
        return (size[0], size[1])
    }

    /// `render.domain`: `[[x1min, x1max], [x2min, x2max]]`, checked by the library's rule.
    private func domain(_ n: RunFileNode) throws -> Domain {
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
                        problem: "unknown key \"\(item.key)\" in \(section); the keys there are "
                            + known.joined(separator: ", ") + "."))
                continue
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
