import Backprop
import Figures
import Foundation

/// The render block a run record keeps (``TrainingRun/render``): the run file's `render` keys
/// as a run file writes them, so that `errorest render` draws the run as `errorest run` did.
extension RenderSettings {
    /// The keys of the record's block: every `render` key but `render.domain`, which the record
    /// keeps as its own `domain`.
    static var recordedKeys: [any AnySetting] {
        SettingCatalog.all.filter {
            $0.key.hasPrefix("render.") && $0.key != Keys.domain.key
        }
    }

    /// These settings as a run file's `render` block, every key with a value written (an unset
    /// optional key, such as `focus` without one, is left out and reads back unset).
    var recorded: RecordValue {
        var file = RunFile()
        file.render = self
        var root: [String: RecordValue] = [:]
        for setting in RenderSettings.recordedKeys {
            guard let value = setting.recorded(in: file) else { continue }
            let path = setting.key.split(separator: ".").dropFirst().map(String.init)
            root.insert(value, at: path[...])
        }
        return .object(root)
    }

    /// The settings a record's render block states, every key it leaves out at its default;
    /// `source` names the record in messages (exit 65 for a block that is not a run file's).
    init(recorded block: RecordValue, source: String) throws {
        let reader = RunFileReader(
            file: source + " (its render block)",
            folder: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        var file = RunFile()
        try reader.readSection(RunFileNode(block), "render", into: &file)
        if let mistakes = reader.mistakes.combined { throw mistakes }
        self = file.render
    }
}

extension Dictionary where Key == String, Value == RecordValue {
    /// Puts `value` at the nested `path`, making the objects on the way.
    fileprivate mutating func insert(_ value: RecordValue, at path: ArraySlice<String>) {
        guard let first = path.first else { return }
        guard path.count > 1 else {
            self[first] = value
            return
        }
        var inner: [String: RecordValue] = [:]
        if case .object(let members) = self[first] { inner = members }
        inner.insert(value, at: path.dropFirst())
        self[first] = .object(inner)
    }
}

extension RunFileNode {
    /// A record's value as a run file's node, without lines (objects' keys in sorted order).
    init(_ value: RecordValue) {
        switch value {
        case .null: self.init(value: .null, line: nil)
        case .bool(let flag): self.init(value: .bool(flag), line: nil)
        case .integer(let n): self.init(value: .integer(n), line: nil)
        case .number(let x): self.init(value: .number(x), line: nil)
        case .text(let text): self.init(value: .string(text), line: nil)
        case .list(let items): self.init(value: .list(items.map(RunFileNode.init)), line: nil)
        case .object(let members):
            let entries = members.sorted { $0.key < $1.key }.map {
                Entry(key: $0.key, line: nil, value: RunFileNode($0.value))
            }
            self.init(value: .map(entries), line: nil)
        }
    }
}
