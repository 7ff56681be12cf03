import Backprop
import Foundation

/// A key a sweep varies, and the values it takes in the order written.
struct SweepKey: Sendable {
    /// The key's path in a run file, such as `training.learningRate`.
    var path: String
    /// What a run's name calls it: `lr` for the learning rate, else the path's last part (the
    /// whole path when two keys would share it).
    var label: String
    /// The line of the key in the sweep file.
    var line: Int?
    /// The values as parsed, each with its own line.
    var nodes: [RunFileNode]
    var values: [RecordValue] { nodes.map(RecordValue.init) }
}

/// A sweep file: a run file with a `sweep` block of keys and the values each takes.
///
/// The runs are every combination of values, in the order of nested loops over the keys as
/// written: the first key changes slowest, the last fastest. A run's position in that order is
/// its place in the grid (from 0), and shards take runs by position.
struct SweepFile: Sendable {
    /// The sweep file as the user named it, for messages.
    var source: String
    /// The sweep's name (the top-level `name`, else the file's name): its output folder.
    var name: String
    var keys: [SweepKey]
    /// The race figures asked for by the top-level `figures` list (`race` for all of them):
    /// empty for a sweep that is not a race.
    var raceFigures: [RaceFigure] = []
    /// The line of the `figures` list (or of the race file's `race` block), for messages about
    /// the race.
    var raceLine: Int?
    /// The run file without its `sweep` block.
    private var base: RunFileNode
    /// The folder that relative data paths start from.
    private var folder: URL

    /// A fresh reader of this file (a reader collects the mistakes of one read).
    private var reader: RunFileReader { RunFileReader(file: source, folder: folder) }

    /// Abbreviations of keys in run names.
    private static let abbreviations = [
        "learningRate": "lr", "batchSize": "batch", "pngCompression": "png",
        "hiddenLinesOnOutput": "lines", "logScaleError": "logerror",
    ]

    /// Reads a sweep file from disk: `.json` as JSON, anything else as YAML, within the run
    /// file's input limit.
    init(contentsOf url: URL, displayName: String) throws {
        try self.init(
            root: try RunFileNode.read(url, what: "sweep file", display: displayName),
            file: displayName, folder: url.deletingLastPathComponent(),
            defaultName: RunName.fromFile(url))
    }

    init(root: RunFileNode, file: String, folder: URL, defaultName: String) throws {
        source = file
        self.folder = folder
        let reader = RunFileReader(file: file, folder: folder)
        guard case .map(let entries) = root.value,
            let block = entries.first(where: { $0.key == "sweep" })
        else {
            throw RunFileError(
                file: file, line: nil,
                problem: "there is no \"sweep\" block of keys and values; "
                    + "`errorest run` runs a file of a single run.")
        }
        base = RunFileNode(
            value: .map(entries.filter { !["sweep", "figures"].contains($0.key) }),
            line: root.line)
        keys = try SweepFile.readKeys(block, reader: reader)
        if let figures = entries.first(where: { $0.key == "figures" }) {
            raceFigures = try RaceFigure.read(figures, reader: reader)
            raceLine = figures.line
        }
        var count = 1
        for key in keys {
            let (product, overflow) = count.multipliedReportingOverflow(by: key.nodes.count)
            guard !overflow else {
                throw RunFileError(
                    file: file, line: block.line,
                    problem: "\"sweep\" makes more runs than can be counted (more than \(Int.max), "
                        + "from \(keys.count) keys); sweep fewer keys or values.")
            }
            count = product
        }
        self.count = count
        name = try reader.read(base).name ?? defaultName
    }

    /// The number of runs: the product of the numbers of values, checked not to overflow.
    private(set) var count: Int

    /// For the run at `position`, the index of each key's value.
    func choice(at position: Int) -> [Int] {
        var rest = position
        var choice = [Int](repeating: 0, count: keys.count)
        for k in keys.indices.reversed() {
            choice[k] = rest % keys[k].nodes.count
            rest /= keys[k].nodes.count
        }
        return choice
    }

    /// The name of the run at `position`: the position with as many digits as the last one's,
    /// then the run's values, such as `03_lr-2_seed-13` for the fourth of 15 runs.
    ///
    /// The digits make `ls` and shell globs list the runs in the plan's order whatever the values
    /// (`lr-50` would list before `lr-8`); the values, which differ from run to run, keep names
    /// unique and readable. Names of keys start with a letter, so no name of this form is one
    /// of the earlier form (`lr-2_seed-13`), whose folders a sweep never writes into.
    func runName(at position: Int) -> String {
        let digits = String(position)
        let width = String(max(0, count - 1)).count
        return String(repeating: "0", count: max(0, width - digits.count)) + digits + "_"
            + valuesName(choice(at: position))
    }

    /// The values of a run as its name writes them: `lr-2_seed-3_hidden-4`.
    private func valuesName(_ choice: [Int]) -> String {
        zip(keys, choice).map { key, index in
            key.label + "-" + key.values[index].label(position: index)
        }.joined(separator: "_")
    }

    /// The values of a run, by key path.
    func values(_ choice: [Int]) -> [String: RecordValue] {
        var values: [String: RecordValue] = [:]
        for (key, index) in zip(keys, choice) { values[key.path] = key.values[index] }
        return values
    }

    /// The run file of one run: the sweep file with each key set to its value, read and checked
    /// like any run file (a mistake names the line of the key or value in the sweep block).
    func runFile(_ choice: [Int]) throws -> RunFile {
        var root = base
        for (key, index) in zip(keys, choice) {
            root = try SweepFile.setting(
                root, path: key.path.split(separator: ".").map(String.init)[...],
                to: key.nodes[index], line: key.line, key: key.path, reader: reader)
        }
        return try reader.read(root)
    }

    /// `root` with the value at `path` replaced by (or set to) `value`.
    private static func setting(
        _ root: RunFileNode, path: ArraySlice<String>, to value: RunFileNode, line: Int?,
        key: String, reader: RunFileReader
    ) throws -> RunFileNode {
        guard let first = path.first else { return value }
        var entries: [RunFileNode.Entry] = []
        switch root.value {
        case .map(let items): entries = items
        case .null: break
        default:
            throw reader.fail(
                root,
                "\"sweep.\(key)\" sets a key inside a value that is \(root.kindName), "
                    + "not a mapping of keys.")
        }
        if let i = entries.firstIndex(where: { $0.key == first }) {
            entries[i].value = try setting(
                entries[i].value, path: path.dropFirst(), to: value, line: line, key: key,
                reader: reader)
            if path.count == 1 { entries[i].line = line }
        } else {
            let empty = RunFileNode(value: .map([]), line: line)
            entries.append(
                RunFileNode.Entry(
                    key: first, line: line,
                    value: try setting(
                        empty, path: path.dropFirst(), to: value, line: line, key: key,
                        reader: reader)))
        }
        return RunFileNode(value: .map(entries), line: root.line)
    }

    /// Reads and checks the `sweep` block.
    private static func readKeys(_ block: RunFileNode.Entry, reader: RunFileReader) throws
        -> [SweepKey]
    {
        guard case .map(let entries) = block.value.value else {
            throw reader.fail(
                block.value,
                "\"sweep\" should be a mapping of keys to lists of values, such as "
                    + "training.seed: [1, 2, 3]; it is \(block.value.kindName).")
        }
        guard !entries.isEmpty else {
            throw RunFileError(
                file: reader.file, line: block.line,
                problem: "\"sweep\" names no keys; give at least one key and its values.")
        }
        var keys: [SweepKey] = []
        for entry in entries {
            let here = "sweep.\(entry.key)"
            let parts = entry.key.split(separator: ".", omittingEmptySubsequences: false)
            guard !parts.contains(where: \.isEmpty) else {
                throw RunFileError(
                    file: reader.file, line: entry.line,
                    problem: "\"\(here)\" is not a key path such as training.learningRate.")
            }
            guard !["name", "sweep"].contains(entry.key) else {
                throw RunFileError(
                    file: reader.file, line: entry.line,
                    problem: "\"\(here)\" cannot be swept: each run's name is made from its "
                        + "values, and the top-level \"name\" names the sweep.")
            }
            if let other = keys.first(where: {
                $0.path.hasPrefix(entry.key + ".") || entry.key.hasPrefix($0.path + ".")
                    || $0.path == entry.key
            }) {
                throw RunFileError(
                    file: reader.file, line: entry.line,
                    problem: "\"\(here)\" overlaps \"sweep.\(other.path)\"; sweep each key once.")
            }
            guard case .list(let items) = entry.value.value else {
                throw reader.fail(
                    entry.value,
                    "\"\(here)\" should be a list of values; it is \(entry.value.kindName).")
            }
            guard !items.isEmpty else {
                throw RunFileError(
                    file: reader.file, line: entry.line ?? entry.value.line,
                    problem: "\"\(here)\" has an empty list of values; give at least one.")
            }
            let values = items.map(RecordValue.init)
            // Two values that read the same in a run's name (2 and 2.0) are one value twice;
            // with every key's values reading differently, no two runs share a name.
            let labels = values.enumerated().map { $1.label(position: $0) }
            for (i, value) in values.enumerated() {
                guard let j = labels[..<i].firstIndex(of: labels[i]) else { continue }
                let (first, second) = (values[j].display(position: j), value.display(position: i))
                throw reader.fail(
                    items[i],
                    first == second
                        ? "\"\(here)\" lists the value \(second) twice."
                        : "\"\(here)\" lists \(first) and \(second), which both read \"\(labels[i])\" in "
                            + "a run's name; give each value once.")
            }
            let last = String(parts.last ?? "")
            keys.append(
                SweepKey(
                    path: entry.key, label: abbreviations[last] ?? last, line: entry.line,
                    nodes: items))
        }
        // Keys whose labels would be the same are called by their whole paths.
        let labels = keys.map(\.label)
        for i in keys.indices where labels.filter({ $0 == labels[i] }).count > 1 {
            keys[i].label = keys[i].path
        }
        return keys
    }
}
