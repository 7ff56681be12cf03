import Backprop
import Figures
import Foundation

extension RunFile {
    /// Reads a run file from disk: `.json` files as JSON, anything else as YAML.
    ///
    /// - Throws: ``ErrorestError/inputMissing(_:)`` when the file cannot be read, a
    ///   ``RunFileError`` naming the line and key when its contents are wrong.
    public init(contentsOf url: URL, displayName: String? = nil) throws {
        let name = displayName ?? url.relativePath
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ErrorestError.inputMissing(
                "The run file \(name) does not exist or cannot be read.")
        }
        try self.init(
            data: data, isJSON: url.pathExtension.lowercased() == "json", file: name,
            folder: url.deletingLastPathComponent(), defaultName: RunName.fromFile(url))
    }

    /// Reads a run file's bytes; `folder` anchors relative data paths, `file` names it in messages.
    public init(data: Data, isJSON: Bool, file: String, folder: URL, defaultName: String) throws {
        let root: RunFileNode
        if isJSON {
            root = try RunFileNode.parseJSON(data, file: file)
        } else {
            guard let text = String(data: data, encoding: .utf8) else {
                throw RunFileError(file: file, line: nil, problem: "the file is not UTF-8 text.")
            }
            root = try RunFileNode.parseYAML(text, file: file)
        }
        self = try RunFileReader(file: file, folder: folder).read(root)
        if name == nil { name = defaultName }
    }
}

/// Turns a parsed run file into a ``RunFile``, checking every key and type (SPEC §4).
struct RunFileReader {
    let file: String
    let folder: URL

    func fail(_ node: RunFileNode?, _ problem: String) -> RunFileError {
        RunFileError(file: file, line: node?.line, problem: problem)
    }

    func read(_ root: RunFileNode) throws -> RunFile {
        var run = RunFile()
        let top = try Fields(
            root, path: "", known: ["name", "data", "network", "training", "snapshots", "render"],
            reader: self)
        if let node = top["name"] {
            let name = try scalarText(node, "name")
            guard RunName.isValid(name) else { throw fail(node, RunName.problem(name)) }
            run.name = name
        }
        if let node = top["data"] { run.data = try readData(node) }
        if let node = top["network"] { try readNetwork(node, into: &run) }
        if let node = top["training"] { run.training = try readTraining(node) }
        if let node = top["snapshots"] { run.snapshots = try readSnapshots(node) }
        if let node = top["render"] { try readRender(node, into: &run) }
        return run
    }

    private func readData(_ node: RunFileNode) throws -> DataSource {
        let fields = try Fields(
            node, path: "data", known: ["generator", "count", "noise", "seed", "file"], reader: self
        )
        if let fileNode = fields["file"] {
            if let extra = ["generator", "count", "noise", "seed"].first(where: {
                fields[$0] != nil
            }) {
                throw fail(
                    fields[extra],
                    "\"data.\(extra)\" belongs to a generator; this data comes from \"data.file\".")
            }
            let path = try text(fileNode, "data.file")
            let display =
                path.hasPrefix("/")
                ? path
                : ((file as NSString).deletingLastPathComponent as NSString)
                    .appendingPathComponent(path)
            let url =
                path.hasPrefix("/")
                ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path)
            return .file(url.standardizedFileURL, display: display)
        }
        var generator = Generator.wedge
        if let g = fields["generator"] {
            generator = try choice(g, "data.generator", Generator.self)
        }
        var (count, noise, dataSeed) = (200, 0.1, UInt64(7))
        if let n = fields["count"] {
            count = try integer(n, "data.count", in: 4...Generator.maximumCount)
        }
        if let n = fields["noise"] { noise = try number(n, "data.noise", in: 0...10) }
        if let n = fields["seed"] { dataSeed = try seed(n, "data.seed") }
        return .generator(generator, count: count, noise: noise, seed: dataSeed)
    }

    private func readNetwork(_ node: RunFileNode, into run: inout RunFile) throws {
        let fields = try Fields(
            node, path: "network", known: ["hidden", "activation", "init"], reader: self)
        if let hidden = fields["hidden"] {
            let sizes: [Int]
            if case .list(let items) = hidden.value {
                sizes = try items.map {
                    try integer($0, "network.hidden", in: 1...Network.maximumUnits)
                }
            } else {
                sizes = [try integer(hidden, "network.hidden", in: 1...Network.maximumUnits)]
            }
            guard sizes.count <= Network.maximumHiddenLayers else {
                throw fail(
                    hidden,
                    "\"network.hidden\" has \(sizes.count) layers; at most "
                        + "\(Network.maximumHiddenLayers) are allowed.")
            }
            run.hidden = sizes
        }
        if let a = fields["activation"] {
            run.activation = try choice(a, "network.activation", Activation.self)
        }
        if let initNode = fields["init"] {
            let initFields = try Fields(
                initNode, path: "network.init", known: ["seed", "layers"], reader: self)
            switch (initFields["seed"], initFields["layers"]) {
            case (.some(let s), nil): run.initialization = .seed(try seed(s, "network.init.seed"))
            case (nil, .some(let l)): run.initialization = .layers(try readLayers(l))
            case (nil, nil): break
            case (.some, .some(let l)):
                throw fail(l, "\"network.init\" takes either \"seed\" or \"layers\", not both.")
            }
        }
    }

    private func readLayers(_ node: RunFileNode) throws -> [Layer] {
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

    private func readTraining(_ node: RunFileNode) throws -> TrainingOptions {
        let fields = try Fields(
            node, path: "training",
            known: ["epochs", "learningRate", "batchSize", "shuffle", "seed", "engine"],
            reader: self)
        var options = TrainingOptions()
        if let n = fields["epochs"] {
            options.epochs = try integer(
                n, "training.epochs", in: 0...TrainingOptions.maximumEpochs)
        }
        if let n = fields["learningRate"] {
            options.learningRate = try number(n, "training.learningRate")
            guard options.learningRate > 0 else {
                throw fail(n, "\"training.learningRate\" must be above 0.")
            }
        }
        if let n = fields["batchSize"] {
            if case .string("full") = n.value {
                options.batchSize = .full
            } else if case .string = n.value {
                throw fail(n, "\"training.batchSize\" is \"full\" or a whole number of points.")
            } else {
                options.batchSize = .size(try integer(n, "training.batchSize", in: 1...Int.max))
            }
        }
        if let n = fields["shuffle"] { options.shuffle = try bool(n, "training.shuffle") }
        if let n = fields["seed"] { options.seed = try seed(n, "training.seed") }
        if let n = fields["engine"] {
            options.engine = try choice(n, "training.engine", Engine.self)
        }
        return options
    }

    private func readSnapshots(_ node: RunFileNode) throws -> SnapshotSchedule {
        switch node.value {
        case .list(let items):
            guard !items.isEmpty else { throw fail(node, "\"snapshots\" lists no epochs.") }
            return .list(try items.map { try integer($0, "snapshots", in: 0...Int.max) })
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
