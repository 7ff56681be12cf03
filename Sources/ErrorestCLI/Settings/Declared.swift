import ArgumentParser
import Backprop
import Figures
import Foundation

/// A kind of value a key holds: how a run file writes it, how the docs and the schema name it,
/// and how a default reads.
struct ValueType<Value: Sendable>: Sendable {
    /// The value in words, for the docs' key table: "a whole number", "true or false".
    var words: String
    /// Its JSON schema.
    var schema: SchemaValue
    /// Reads it from a run file's node; the key names it in messages.
    var read: @Sendable (RunFileReader, RunFileNode, String) throws -> Value
    /// How a value reads in `--help` and the docs.
    var show: @Sendable (Value) -> String
    /// The value as a run file writes it, for the run record's render block; `nil` for a type
    /// the record does not keep, or for a value a run file cannot write.
    var json: (@Sendable (Value) -> RecordValue?)? = nil
}

extension ValueType where Value == Int {
    static let integer = ValueType(
        words: "a whole number", schema: ["type": "integer"], read: { try $0.integer($1, $2) },
        show: { String($0) }, json: { .integer($0) })
}

extension ValueType where Value == Double {
    static let number = ValueType(
        words: "a number", schema: ["type": "number"], read: { try $0.number($1, $2) },
        show: { $0.shortText }, json: { .number($0) })
}

extension ValueType where Value == Bool {
    static let bool = ValueType(
        words: "true or false", schema: ["type": "boolean"], read: { try $0.bool($1, $2) },
        show: { $0 ? "true" : "false" }, json: { .bool($0) })
}

extension ValueType where Value == UInt64 {
    static let seed = ValueType(
        words: "a whole number from 0", schema: ["type": "integer", "minimum": 0],
        read: { try $0.seed($1, $2) }, show: { String($0) })
}

extension ValueType where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
    /// One of the enumeration's names.
    static var choice: ValueType {
        let names = Value.allCases.map(\.rawValue)
        return ValueType(
            words: names.joined(separator: " | "), schema: .oneOf(names),
            read: { try $0.choice($1, $2, Value.self) }, show: { $0.rawValue },
            json: { .text($0.rawValue) })
    }
}

/// A setting's name in the library's range errors (``BackpropError/outOfRange(_:value:rule:)``,
/// ``FiguresError/outOfRange(_:value:rule:)``).
enum LibraryName: Equatable, Sendable {
    case backprop(Setting)
    case figures(RenderSetting)
}

/// A run's settings start from these defaults: the run file's, for keys it does not give.
protocol Defaulted: Sendable {
    init()
    /// Where the run file wrote its keys; a flag that sets a key forgets its line.
    var keyLines: KeyLines { get set }
}

extension RunFile: Defaulted {}
extension RenderSettings: Defaulted {}

/// One setting, declared once: its run file key, its flag, the kind of value, the library's
/// rule, its default, its `--help` line and its line in the docs.
///
/// The run file's reader, the flags (``ArgumentHelp/setting(_:)``, ``apply(_:to:)``), the
/// article's key table and the run file's schema all come from it (``SettingCatalog``).
struct Declared<Root: Defaulted, Value: Sendable>: Sendable {
    /// The key's path in a run file: `training.learningRate`.
    var key: String
    /// The flags' long names, the first the one help shows: `learning-rate`; none for a key
    /// without a flag.
    var flags: [String]
    /// What `--help` calls the flag's value: `eta`.
    var valueName: String?
    /// The `--help` line, a sentence without the key and default (added from this declaration).
    var help: String
    /// The docs' line: what the key does, its rule in words.
    var doc: String
    var type: ValueType<Value>
    /// The schema of the value where it says more than the type's: ranges, other forms.
    var schema: SchemaValue?
    /// The optimizer that uses it; keys of another optimizer are refused.
    var optimizer: OptimizerKind?
    /// The library's names of it in range errors.
    var library: [LibraryName]
    /// The library's rule, checked where the value is given.
    var rule: @Sendable (Value) throws -> Void
    /// Sets it; `nil` where the section's reader and the flags set it themselves.
    var set: (@Sendable (inout Root, Value) -> Void)?
    /// Reads it back from a root, for the run record's render block; `nil` where it cannot.
    var get: (@Sendable (Root) -> Value?)?
    /// The default as the docs say it; `nil` reads it from `Root()`.
    var defaultText: String?
    /// Reads the default from `Root()`.
    private var defaultValue: (@Sendable (Root) -> String?)?

    /// A setting the section's reader and the flags set themselves; the docs state its default
    /// as `defaultText`.
    init(
        _ key: String, flags: [String] = [], valueName: String? = nil, help: String = "",
        doc: String, type: ValueType<Value>, schema: SchemaValue? = nil,
        optimizer: OptimizerKind? = nil, library: [LibraryName] = [],
        rule: @escaping @Sendable (Value) throws -> Void = { _ in }, defaultText: String?
    ) {
        (self.key, self.flags, self.valueName, self.help, self.doc) = (
            key, flags, valueName, help, doc
        )
        (self.type, self.schema, self.optimizer, self.library, self.rule) = (
            type, schema, optimizer, library, rule
        )
        self.defaultText = defaultText
    }

    /// A setting kept at `path`; its default is `Root()`'s.
    init(
        _ key: String, flags: [String] = [], valueName: String? = nil, help: String = "",
        doc: String, type: ValueType<Value>, schema: SchemaValue? = nil,
        optimizer: OptimizerKind? = nil, library: [LibraryName] = [],
        rule: @escaping @Sendable (Value) throws -> Void = { _ in },
        path: WritableKeyPath<Root, Value> & Sendable
    ) {
        self.init(
            key, flags: flags, valueName: valueName, help: help, doc: doc, type: type,
            schema: schema, optimizer: optimizer, library: library, rule: rule, defaultText: nil)
        set = { $0[keyPath: path] = $1 }
        get = { $0[keyPath: path] }
        let show = type.show
        defaultValue = { show($0[keyPath: path]) }
    }

    /// A setting whose value may be absent (`nil` chooses it).
    init(
        _ key: String, flags: [String] = [], valueName: String? = nil, help: String = "",
        doc: String, type: ValueType<Value>, schema: SchemaValue? = nil,
        library: [LibraryName] = [], rule: @escaping @Sendable (Value) throws -> Void = { _ in },
        optional path: WritableKeyPath<Root, Value?> & Sendable, defaultText: String
    ) {
        self.init(
            key, flags: flags, valueName: valueName, help: help, doc: doc, type: type,
            schema: schema, library: library, rule: rule, defaultText: defaultText)
        set = { $0[keyPath: path] = $1 }
        get = { $0[keyPath: path] }
    }

    /// A setting set by `set`, whose default the docs state as `defaultText`.
    init(
        _ key: String, flags: [String] = [], valueName: String? = nil, help: String = "",
        doc: String, type: ValueType<Value>, schema: SchemaValue? = nil,
        library: [LibraryName] = [], rule: @escaping @Sendable (Value) throws -> Void = { _ in },
        set: @escaping @Sendable (inout Root, Value) -> Void,
        get: (@Sendable (Root) -> Value?)? = nil, defaultText: String
    ) {
        self.init(
            key, flags: flags, valueName: valueName, help: help, doc: doc, type: type,
            schema: schema, library: library, rule: rule, defaultText: defaultText)
        self.set = set
        self.get = get
    }

    /// The key's last part: its name in its section.
    var name: String { String(key.split(separator: ".").last ?? "") }

    /// The flag as typed, `--learning-rate`; `nil` for a key without one.
    var flag: String? { flags.first.map { "--" + $0 } }

    /// The default, as `--help` and the docs say it.
    var defaultDescription: String {
        defaultText ?? defaultValue?(Root()) ?? "none"
    }

    /// The value of `node`: its type, then the library's rule, a mistake named at its line.
    func value(_ node: RunFileNode, _ reader: RunFileReader) throws -> Value {
        let value = try type.read(reader, node, key)
        try reader.check(node) { try rule(value) }
        return value
    }

    /// Checks a flag's value by the library's rule (naming the flag) and sets it.
    func apply(_ value: Value?, to root: inout Root) throws {
        guard let value else { return }
        try RangeViolation.checkingFlags { try rule(value) }
        set?(&root, value)
        root.keyLines[key] = nil
    }
}

extension Double {
    /// The number as help and the docs show it: `10` rather than `10.0` when it is whole.
    var shortText: String {
        rounded() == self && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}

extension NameSpecification {
    /// The declared flag's long names.
    static func setting<R, V>(_ setting: Declared<R, V>) -> NameSpecification {
        NameSpecification(setting.flags.map { .customLong($0) })
    }
}

extension ArgumentHelp {
    /// The declared `--help` line, with the key and the default.
    static func setting<R, V>(_ setting: Declared<R, V>) -> ArgumentHelp {
        ArgumentHelp(
            "\(setting.help) (key \(setting.key); default \(setting.defaultDescription)).",
            valueName: setting.valueName)
    }
}
