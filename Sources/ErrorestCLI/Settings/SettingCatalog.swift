import Backprop
import Figures
import Foundation

/// A declared setting, whatever its value's type: what the catalog, the reader and the docs use.
protocol AnySetting: Sendable {
    var key: String { get }
    var flag: String? { get }
    var doc: String { get }
    var optimizer: OptimizerKind? { get }
    var library: [LibraryName] { get }
    var defaultDescription: String { get }
    /// The value in words, for the docs' table.
    var words: String { get }
    /// The value's JSON schema, with the doc line as its description.
    var valueSchema: SchemaValue { get }
    /// True when the key's section reads it generically (``read(_:_:into:)``); false where the
    /// section's own code does.
    var readsItself: Bool { get }
    /// Reads the key's node into the run: its type, the library's rule, then the value.
    func read(_ node: RunFileNode, _ reader: RunFileReader, into run: inout RunFile) throws
    /// The key's value in `run` as a run file writes it, or `nil` where it has none (an
    /// optional key unset) or the type is not kept in a record.
    func recorded(in run: RunFile) -> RecordValue?
}

/// Where a root's settings live in a run file.
protocol RunFilePart: Defaulted {
    static var inRunFile: WritableKeyPath<RunFile, Self> { get }
}

extension RunFile: RunFilePart {
    static var inRunFile: WritableKeyPath<RunFile, RunFile> { \.self }
}

extension RenderSettings: RunFilePart {
    static var inRunFile: WritableKeyPath<RunFile, RenderSettings> { \.render }
}

extension Declared: AnySetting where Root: RunFilePart {
    var words: String { type.words }
    var valueSchema: SchemaValue {
        (schema ?? type.schema).adding(["description": .text(doc)])
    }
    var readsItself: Bool { self.set != nil }

    func read(_ node: RunFileNode, _ reader: RunFileReader, into run: inout RunFile) throws {
        let value = try value(node, reader)
        self.set?(&run[keyPath: Root.inRunFile], value)
    }

    func recorded(in run: RunFile) -> RecordValue? {
        guard let value = get?(run[keyPath: Root.inRunFile]) else { return nil }
        return type.json?(value)
    }
}

/// Every setting of a run file, in the order the docs list them and the reader reads them.
enum SettingCatalog {
    static let all: [any AnySetting] = [
        Keys.name, Keys.generator, Keys.count, Keys.noise, Keys.dataSeed, Keys.file, Keys.test,
        Keys.testFile, Keys.hidden, Keys.activation, Keys.initSeed, Keys.initLayers,
        Keys.epochs, Keys.learningRate, Keys.batchSize, Keys.shuffle, Keys.trainingSeed,
        Keys.engine, Keys.optimizer, Keys.momentum, Keys.beta1, Keys.beta2, Keys.epsilon,
        Keys.l1, Keys.l2, Keys.snapshots, Keys.size, Keys.figures, Keys.formats, Keys.palette,
        Keys.domain, Keys.pngCompression, Keys.hiddenLinesOnOutput, Keys.logScaleError,
        Keys.equations, Keys.focus, Keys.wish, Keys.surfaceGrid, Keys.surfaceSpan,
        Keys.surfaceAxes, Keys.frameLandscape, Keys.fontSize, Keys.hiddenShading,
        Keys.frameDiagram, Keys.hiddenLayout, Keys.fps, Keys.holdFirst, Keys.holdLast,
        Keys.title, Keys.errorRange, Keys.header, Keys.legend,
    ]

    /// The setting with this key.
    static func setting(_ key: String) -> (any AnySetting)? {
        all.first { $0.key == key }
    }

    /// The setting the library names in a range error.
    static func setting(_ name: LibraryName) -> (any AnySetting)? {
        all.first { $0.library.contains(name) }
    }

    /// The section that holds `key`: `training` for `training.epochs`, "" for `name`.
    static func section(of key: String) -> String {
        guard let dot = key.lastIndex(of: ".") else { return "" }
        return String(key[..<dot])
    }

    /// The names in a section, in order: its keys and the sections inside it.
    static func names(in section: String) -> [String] {
        var names: [String] = []
        let prefix = section.isEmpty ? "" : section + "."
        for setting in all where setting.key.hasPrefix(prefix) {
            let rest = setting.key.dropFirst(prefix.count)
            let name = String(rest.prefix { $0 != "." })
            if !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// The settings of a section itself (not of the sections inside it).
    static func settings(in section: String) -> [any AnySetting] {
        all.filter { self.section(of: $0.key) == section }
    }

    /// Why a key of an optimizer's cannot be given in a run of another, or `nil` when it can.
    ///
    /// The one rule for the run file's keys and the flags: `beta1` with `optimizer: sgd` is a
    /// mistake, since nothing would use it.
    static func ownerProblem(_ setting: any AnySetting, optimizer: OptimizerKind) -> String? {
        guard let owner = setting.optimizer, owner != optimizer else { return nil }
        return "\"\(setting.key)\" belongs to the \(owner.rawValue) optimizer; this run's is "
            + "\(optimizer.rawValue) (key training.optimizer)."
    }
}
