import Backprop
import Figures
import Foundation

/// The point a part of the lesson follows.
public enum LessonFocus: Equatable, Sendable {
    /// Chosen by the beats' rule (the default).
    case auto
    /// The data's point number `n`, from 1; the rule must hold for it.
    case index(Int)
    /// A point that is not in the data: its wish is computed and drawn, it is never trained on.
    case visitor(x1: Double, x2: Double, label: Int)
}

/// One part of a lesson: a run file's keys and the point the part follows.
public struct LessonPart: Equatable, Sendable {
    public var run: RunFile
    public var focus: LessonFocus = .auto
}

/// The animation a lesson writes beside its slides.
public enum LessonAnimation: String, CaseIterable, Equatable, Sendable {
    case mp4, apng, gif, none
}

/// A lesson file: two runs (a perceptron and a network), the beats told about them and how the
/// slides, handout and animation are written (see the "The lesson file" article).
public struct LessonFile: Equatable, Sendable {
    public var name: String
    public var perceptron: LessonPart
    public var network: LessonPart
    /// The beats, in the order they are told.
    public var beats: [Beat] = Beat.allCases
    /// The slides' size in pixels (the PDF's pages are half as many points).
    public var slideSize: (width: Int, height: Int) = (1920, 1080)
    /// `png` writes `slides/NN-<beat>.png`, `pdf` writes `slides.pdf`.
    public var slideFormats: [FileFormat] = [.png, .pdf]
    public var handout = true
    public var animation: LessonAnimation = .mp4

    public static func == (a: LessonFile, b: LessonFile) -> Bool {
        a.name == b.name && a.perceptron == b.perceptron && a.network == b.network
            && a.beats == b.beats && a.slideSize == b.slideSize
            && a.slideFormats == b.slideFormats && a.handout == b.handout
            && a.animation == b.animation
    }

    /// The keys of a lesson file's top level.
    static let keys = [
        "name", "perceptron", "network", "beats", "slides", "handout", "animation",
    ]

    /// Reads a lesson file from disk: `.json` files as JSON, anything else as YAML.
    public init(contentsOf url: URL, displayName: String? = nil) throws {
        let name = displayName ?? url.relativePath
        let root = try RunFileNode.read(url, what: "lesson file", display: name)
        self = try LessonFile(
            root, file: name, folder: url.deletingLastPathComponent(),
            defaultName: RunName.fromFile(url))
    }

    /// Reads a lesson file's bytes; `folder` anchors relative data paths.
    public init(data: Data, isJSON: Bool, file: String, folder: URL, defaultName: String) throws {
        let root = try RunFileNode.parse(data, isJSON: isJSON, file: file)
        self = try LessonFile(root, file: file, folder: folder, defaultName: defaultName)
    }

    private init(_ root: RunFileNode, file: String, folder: URL, defaultName: String) throws {
        let reader = RunFileReader(file: file, folder: folder)
        let fields = try Fields(root, path: "", known: LessonFile.keys, reader: reader)
        var name = defaultName
        var parts: [String: LessonPart] = [:]
        var lesson = LessonFile(
            name: name, perceptron: LessonPart(run: RunFile()), network: LessonPart(run: RunFile()))
        try reader.attempt {
            if let n = fields["name"] {
                name = try reader.scalarText(n, "name")
                guard RunName.isValid(name) else { throw reader.fail(n, RunName.problem(name)) }
            }
        }
        for key in ["perceptron", "network"] {
            guard let node = fields[key] else {
                reader.mistakes.found.append(
                    reader.fail(root, "a lesson needs a \"\(key)\" part (a run file's keys)."))
                continue
            }
            try reader.attempt { parts[key] = try LessonFile.part(node, key, reader) }
        }
        try reader.attempt {
            if let n = fields["beats"] { lesson.beats = try LessonFile.beats(n, reader) }
        }
        try reader.attempt { try LessonFile.slides(fields["slides"], reader, into: &lesson) }
        try reader.attempt {
            if let n = fields["handout"] { lesson.handout = try reader.bool(n, "handout") }
        }
        try reader.attempt {
            guard let n = fields["animation"] else { return }
            let text = try reader.scalarText(n, "animation")
            guard let value = LessonAnimation(rawValue: text) else {
                throw reader.fail(
                    n, "\"animation\" is \"\(text)\"; it must be mp4, apng, gif or none.")
            }
            lesson.animation = value
        }
        if let mistakes = reader.mistakes.combined { throw mistakes }
        guard let perceptron = parts["perceptron"], let network = parts["network"] else {
            throw reader.fail(root, "a lesson needs a \"perceptron\" and a \"network\" part.")
        }
        lesson.name = name
        lesson.perceptron = perceptron
        lesson.network = network
        self = lesson
    }

    private init(name: String, perceptron: LessonPart, network: LessonPart) {
        self.name = name
        self.perceptron = perceptron
        self.network = network
    }

    /// A part: the run file's keys, and `focus`.
    private static func part(_ node: RunFileNode, _ key: String, _ reader: RunFileReader) throws
        -> LessonPart
    {
        guard case .map(var entries) = node.value else {
            throw reader.fail(
                node, "\"\(key)\" should be a mapping of a run file's keys; it is \(node.kindName)."
            )
        }
        var focus = LessonFocus.auto
        if let at = entries.firstIndex(where: { $0.key == "focus" }) {
            focus = try LessonFile.focus(entries[at].value, "\(key).focus", reader)
            entries.remove(at: at)
        }
        let partReader = RunFileReader(file: reader.file, folder: reader.folder)
        var run = try partReader.read(RunFileNode(value: .map(entries), line: node.line))
        if run.name == nil { run.name = key }
        return LessonPart(run: run, focus: focus)
    }

    /// `auto`, a point's number, or a visitor `{point: [x1, x2], label: 0 or 1}`.
    private static func focus(_ node: RunFileNode, _ key: String, _ reader: RunFileReader) throws
        -> LessonFocus
    {
        let help =
            "\"\(key)\" is auto, a point's number (from 1) or a visitor {point: [x1, x2], label: 0 or 1}."
        switch node.value {
        case .string("auto"): return .auto
        case .integer(let n) where n >= 1: return .index(n)
        case .map:
            let fields = try Fields(node, path: key, known: ["point", "label"], reader: reader)
            guard let p = fields["point"], let l = fields["label"] else {
                throw reader.fail(node, help)
            }
            let xs = try reader.list(p, "\(key).point").map {
                try reader.number($0, "\(key).point")
            }
            let label = try reader.integer(l, "\(key).label")
            guard xs.count == 2, xs.allSatisfy({ $0.isFinite && abs($0) <= Point.limit }),
                label == 0 || label == 1
            else { throw reader.fail(node, help) }
            return .visitor(x1: xs[0], x2: xs[1], label: label)
        default: throw reader.fail(node, help)
        }
    }

    private static func beats(_ node: RunFileNode, _ reader: RunFileReader) throws -> [Beat] {
        let items = try reader.list(node, "beats")
        guard !items.isEmpty else { throw reader.fail(node, "\"beats\" lists no beats.") }
        var seen = Set<Beat>()
        return try items.map { item in
            let text = try reader.scalarText(item, "beats")
            guard let beat = Beat(rawValue: text) else {
                throw reader.fail(
                    item,
                    "\"\(text)\" is not a beat; the beats are "
                        + Beat.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
            guard seen.insert(beat).inserted else {
                throw reader.fail(item, "the beat \"\(text)\" is listed twice.")
            }
            return beat
        }
    }

    private static func slides(
        _ node: RunFileNode?, _ reader: RunFileReader, into lesson: inout LessonFile
    ) throws {
        guard let node else { return }
        let fields = try Fields(node, path: "slides", known: ["size", "formats"], reader: reader)
        if let n = fields["size"] {
            let sides = try reader.list(n, "slides.size").map {
                try reader.integer($0, "slides.size")
            }
            guard sides.count == 2, sides.allSatisfy({ (320...7680).contains($0) }) else {
                throw reader.fail(n, "\"slides.size\" is [width, height], each 320 to 7680 pixels.")
            }
            lesson.slideSize = (sides[0], sides[1])
        }
        if let n = fields["formats"] {
            lesson.slideFormats = try reader.list(n, "slides.formats").map { item in
                let text = try reader.scalarText(item, "slides.formats")
                guard let format = FileFormat(rawValue: text),
                    [.png, .pdf, .html].contains(format)
                else {
                    throw reader.fail(
                        item, "\"slides.formats\" takes png, pdf and html; not \"\(text)\".")
                }
                return format
            }
        }
    }
}
