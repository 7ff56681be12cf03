import Backprop
import Figures
import Foundation

extension RunFile {
    /// The most bytes of a run file (or sweep file) Errorest reads.
    static let inputLimit = 4 << 20

    /// Reads a run file from disk: `.json` files as JSON, anything else as YAML.
    ///
    /// - Throws: ``ErrorestError/inputMissing(_:)`` when the file cannot be read, a
    ///   ``RunFileError`` naming the line and key when its contents are wrong.
    public init(contentsOf url: URL, displayName: String? = nil) throws {
        let name = displayName ?? url.relativePath
        let root = try RunFileNode.read(url, what: "run file", display: name)
        self = try RunFileReader(file: name, folder: url.deletingLastPathComponent()).read(root)
        if self.name == nil { self.name = RunName.fromFile(url) }
    }

    /// Reads a run file's bytes; `folder` anchors relative data paths, `file` names it in messages.
    public init(data: Data, isJSON: Bool, file: String, folder: URL, defaultName: String) throws {
        let root = try RunFileNode.parse(data, isJSON: isJSON, file: file)
        self = try RunFileReader(file: file, folder: folder).read(root)
        if name == nil { name = defaultName }
    }
}

extension RunFileNode {
    /// Reads a run file or sweep file from disk, within ``RunFile/inputLimit``: `.json` files as
    /// JSON, anything else as YAML.
    static func read(_ url: URL, what: String, display: String) throws -> RunFileNode {
        let data = try readInput(url, what: what, display: display, limit: RunFile.inputLimit)
        return try parse(data, isJSON: url.pathExtension.lowercased() == "json", file: display)
    }

    /// Parses a run file's bytes as JSON or as YAML.
    static func parse(_ data: Data, isJSON: Bool, file: String) throws -> RunFileNode {
        if isJSON { return try parseJSON(data, file: file) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RunFileError(file: file, line: nil, problem: "the file is not UTF-8 text.")
        }
        return try parseYAML(text, file: file)
    }
}

/// Turns a parsed run file into a ``RunFile``, checking every key and type.
///
/// Types are checked here; ranges are the library's rules, whose refusals name the setting, which
/// ``RangeViolation`` turns back into the key and its line.
struct RunFileReader {
    let file: String
    let folder: URL
    /// The mistakes found so far: every key is read, so that all of them are reported at once.
    let mistakes = Mistakes()

    /// The mistakes of one run file, collected while it is read.
    final class Mistakes {
        var found: [RunFileError] = []

        /// All of them as one error, in line order, or `nil` when there are none.
        var combined: RunFileError? {
            let ordered = found.enumerated().sorted {
                ($0.element.line ?? Int.max, $0.offset) < ($1.element.line ?? Int.max, $1.offset)
            }.map(\.element)
            guard var first = ordered.first else { return nil }
            first.more = Array(ordered.dropFirst())
            return first
        }
    }

    /// Runs `body`, which reads one key; a mistake in it is recorded and reading goes on.
    func attempt(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as RunFileError {
            mistakes.found.append(error)
        }
    }

    func fail(_ node: RunFileNode?, _ problem: String) -> RunFileError {
        RunFileError(file: file, line: node?.line, problem: problem)
    }

    /// Runs a library check of the value `node` holds; a refused value is reported at its line.
    func check(_ node: RunFileNode, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch {
            guard let violation = RangeViolation(error) else { throw error }
            throw fail(node, violation.keyProblem)
        }
    }

    func read(_ root: RunFileNode) throws -> RunFile {
        // A run record read as a run file would be a list of unknown keys: say what it is.
        if case .map(let entries) = root.value,
            let format = entries.first(where: { $0.key == "format" }),
            case .string(TrainingRun.format) = format.value.value
        {
            throw RunFileError(
                file: file, line: format.line,
                problem: "\"format\": \"\(TrainingRun.format)\" makes this a run record, not a "
                    + "run file; draw it with `errorest render \(file)`.")
        }
        var run = RunFile()
        try readSection(root, "", into: &run)
        if let mistakes = mistakes.combined { throw mistakes }
        return run
    }

    /// Reads a section's keys, as ``SettingCatalog`` declares them.
    ///
    /// Each key is read by its declaration, the sections inside it in turn, and the few that
    /// depend on each other (`name`, `data`, `network.init`) by their own code. A mistake is
    /// recorded and reading goes on.
    func readSection(_ node: RunFileNode, _ path: String, into run: inout RunFile) throws {
        let names = SettingCatalog.names(in: path)
        let fields = try Fields(node, path: path, known: names, reader: self)
        for name in names {
            guard let n = fields[name] else { continue }
            let key = path.isEmpty ? name : path + "." + name
            if key.hasPrefix("render.") {
                run.render.keyLines[key] = fields.lines[name]
            } else {
                run.keyLines[key] = fields.lines[name]
            }
            switch key {
            case "name": try attempt { try readName(n, into: &run) }
            case "data": try attempt { run.data = try readData(n, into: &run) }
            case "network.init": try attempt { try readInit(n, into: &run) }
            default:
                guard let setting = SettingCatalog.setting(key) else {
                    try attempt { try readSection(n, key, into: &run) }
                    continue
                }
                try attempt {
                    let optimizer = run.training.optimizer
                    if let problem = SettingCatalog.ownerProblem(setting, optimizer: optimizer) {
                        throw fail(n, problem)
                    }
                    try setting.read(n, self, into: &run)
                }
            }
        }
    }

    private func readName(_ node: RunFileNode, into run: inout RunFile) throws {
        let name = try scalarText(node, Keys.name.key)
        guard RunName.isValid(name) else { throw fail(node, RunName.problem(name)) }
        run.name = name
    }

    private func readData(_ node: RunFileNode, into run: inout RunFile) throws -> DataSource {
        let fields = try Fields(
            node, path: "data", known: SettingCatalog.names(in: "data"), reader: self)
        try readTest(fields, into: &run)
        if let fileNode = fields["file"] {
            // With a file, the seed only draws the test points.
            let generatorKeys = ["generator", "count", "noise"] + (run.test == nil ? ["seed"] : [])
            if let n = fields["seed"], run.test != nil {
                run.splitSeed = try Keys.dataSeed.value(n, self)
            }
            if let extra = generatorKeys.first(where: {
                fields[$0] != nil
            }) {
                throw fail(
                    fields[extra],
                    "\"data.\(extra)\" belongs to a generator; this data comes from \"data.file\".")
            }
            let (url, display) = try path(fileNode, Keys.file.key)
            return .file(url, display: display)
        }
        var generator = Generator.wedge
        if let g = fields["generator"] {
            try attempt { generator = try Keys.generator.value(g, self) }
        }
        var (count, noise, dataSeed) = (
            DataSource.defaultCount, DataSource.defaultNoise, DataSource.defaultSeed
        )
        if let n = fields["count"] { try attempt { count = try Keys.count.value(n, self) } }
        if let n = fields["noise"] { try attempt { noise = try Keys.noise.value(n, self) } }
        if let n = fields["seed"] { try attempt { dataSeed = try Keys.dataSeed.value(n, self) } }
        return .generator(generator, count: count, noise: noise, seed: dataSeed)
    }

    /// `data.test` (a share of the points) or `data.testFile` (a CSV file of held-out points).
    private func readTest(_ fields: Fields, into run: inout RunFile) throws {
        switch (fields["test"], fields["testFile"]) {
        case (nil, nil): break
        case (.some(let n), nil):
            let share = try number(n, "data.test")
            guard share > 0, share < 1 else {
                throw fail(n, "\"data.test\" is \(share); it must be above 0 and below 1.")
            }
            run.test = .share(share)
        case (nil, .some(let n)):
            let (url, display) = try path(n, "data.testFile")
            run.test = .file(url, display: display)
        case (.some, .some(let n)):
            throw fail(n, "\"data\" takes either \"test\" or \"testFile\", not both.")
        }
    }

    /// A file's path, relative to the run file's folder, and how messages show it.
    private func path(_ node: RunFileNode, _ key: String) throws -> (URL, String) {
        let path = try text(node, key)
        let display =
            path.hasPrefix("/")
            ? path
            : ((file as NSString).deletingLastPathComponent as NSString)
                .appendingPathComponent(path)
        let url =
            path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path)
        return (url.standardizedFileURL, display)
    }

    private func readInit(_ initNode: RunFileNode, into run: inout RunFile) throws {
        let initFields = try Fields(
            initNode, path: "network.init", known: SettingCatalog.names(in: "network.init"),
            reader: self)
        switch (initFields["seed"], initFields["layers"]) {
        case (.some(let s), nil): run.initialization = .seed(try Keys.initSeed.value(s, self))
        case (nil, .some(let l)): run.initialization = .layers(try Keys.initLayers.value(l, self))
        case (nil, nil): break
        case (.some, .some(let l)):
            throw fail(l, "\"network.init\" takes either \"seed\" or \"layers\", not both.")
        }
    }

    func readLayers(_ node: RunFileNode) throws -> [Layer] {
        let path = "network.init.layers"
        guard case .list(let items) = node.value, !items.isEmpty else {
            throw fail(
                node, "\"\(path)\" should be a list of {weights, biases}, output layer last.")
        }
        return try items.enumerated().map { index, item in
            let here = "\(path)[\(index)]"
            let fields = try Fields(item, path: here, known: ["weights", "biases"], reader: self)
            guard let w = fields["weights"], let b = fields["biases"] else {
                throw fail(item, "\"\(here)\" needs both \"weights\" and \"biases\".")
            }
            let weights = try list(w, "\(here).weights").map { row in
                try list(row, "\(here).weights").map { try number($0, "\(here).weights") }
            }
            let biases = try list(b, "\(here).biases").map { try number($0, "\(here).biases") }
            return Layer(weights: weights, biases: biases)
        }
    }

    func batchSize(_ n: RunFileNode) throws -> BatchSize {
        if case .string("full") = n.value { return .full }
        if case .string = n.value {
            throw fail(n, "\"training.batchSize\" is \"full\" or a whole number of points.")
        }
        return .size(try integer(n, "training.batchSize"))
    }

    func readSnapshots(_ node: RunFileNode) throws -> SnapshotSchedule {
        switch node.value {
        case .list(let items):
            guard !items.isEmpty else { throw fail(node, "\"snapshots\" lists no epochs.") }
            return .list(try items.map { try natural($0, "snapshots") })
        case .string(let text):
            do {
                return try SnapshotSchedule(parsing: text)
            } catch let error as BackpropError {
                throw fail(node, "\"snapshots\": \(error.description)")
            }
        default:
            throw fail(
                node,
                "\"snapshots\" should be a list of epochs or one of: every N, linear N, log N, "
                    + "all; it is \(node.kindName).")
        }
    }
}
