import Foundation
import Yams

/// A run file read into a plain tree, the same for YAML and JSON, with each node's line.
struct RunFileNode: Sendable {
    /// One entry of a mapping, with the line of its key.
    struct Entry: Sendable {
        var key: String
        var line: Int?
        var value: RunFileNode
    }

    /// The value a node holds.
    enum Value: Sendable {
        case null
        case bool(Bool)
        case integer(Int)
        case number(Double)
        case string(String)
        case list([RunFileNode])
        case map([Entry])
    }

    var value: Value
    var line: Int?

    /// What the value is, for messages: "a number", "a list" and so on.
    var kindName: String {
        switch value {
        case .null: return "empty"
        case .bool: return "true or false"
        case .integer, .number: return "a number"
        case .string(let text): return "the text \"\(text)\""
        case .list: return "a list"
        case .map: return "a mapping of keys"
        }
    }
}

extension RunFileNode {
    /// Parses YAML text; an empty document is an empty mapping.
    static func parseYAML(_ text: String, file: String) throws -> RunFileNode {
        try parse(text, file: file, json: false)
    }

    /// Parses JSON text with the same YAML parser, keeping lines.
    ///
    /// The text is held to JSON: text in double quotes, numbers, `true`, `false` and `null`. A
    /// trailing comma is accepted.
    static func parseJSON(_ data: Data, file: String) throws -> RunFileNode {
        guard let text = String(data: data, encoding: .utf8) else {
            throw RunFileError(file: file, line: nil, problem: "the file is not UTF-8 text.")
        }
        return try parse(joiningSurrogates(text), file: file, json: true)
    }

    /// Rewrites each JSON surrogate pair as YAML's one `\\UXXXXXXXX` escape.
    ///
    /// JSON writes a character beyond U+FFFF as two `\\u` escapes, which the YAML parser does not
    /// join. The text's lines do not change.
    static func joiningSurrogates(_ text: String) -> String {
        guard text.contains("\\u") else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        func hex(_ at: Int) -> UInt32? {
            guard at + 4 <= bytes.count else { return nil }
            return UInt32(String(decoding: bytes[at..<at + 4], as: UTF8.self), radix: 16)
        }
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "\\"), i + 1 < bytes.count else {
                out.append(bytes[i])
                i += 1
                continue
            }
            if bytes[i + 1] == UInt8(ascii: "u"), let high = hex(i + 2),
                (0xD800..<0xDC00).contains(high), i + 7 < bytes.count,
                bytes[i + 6] == UInt8(ascii: "\\"), bytes[i + 7] == UInt8(ascii: "u"),
                let low = hex(i + 8), (0xDC00..<0xE000).contains(low)
            {
                let scalar = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                let digits = String(scalar, radix: 16)
                out += Array(
                    ("\\U" + String(repeating: "0", count: 8 - digits.count) + digits).utf8)
                i += 12
            } else {
                out += [bytes[i], bytes[i + 1]]  // any other escape, \\\\ too, unchanged
                i += 2
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func parse(_ text: String, file: String, json: Bool) throws -> RunFileNode {
        let format = json ? "JSON" : "YAML"
        try RunFileScan.check(text, file: file, format: format)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw RunFileError(
                file: file, line: error.line,
                problem: (json ? nil : tabProblem(text, line: error.line))
                    ?? error.problem(format))
        }
        // JSON is YAML's flow style throughout: it opens with { (or [), inside which no block
        // style can appear.
        if json, let first = text.first(where: { !$0.isWhitespace }), first != "{", first != "[" {
            throw RunFileError(
                file: file, line: 1 + text.prefix { $0.isWhitespace }.filter(\.isNewline).count,
                problem: "the JSON is malformed: a run file is an object in { and }.")
        }
        guard let root else {
            if json {
                throw RunFileError(
                    file: file, line: 1, problem: "the JSON is malformed: the file is empty.")
            }
            return RunFileNode(value: .map([]), line: 1)
        }
        var budget = nodeLimit
        return try RunFileNode(yaml: root, file: file, json: json, depth: 1, budget: &budget)
    }

    /// The problem of a YAML line indented with a tab, which YAML forbids and its parser reports
    /// in words that do not say "tab"; `nil` for any other line.
    static func tabProblem(_ text: String, line: Int?) -> String? {
        guard let line, line >= 1 else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line <= lines.count,
            lines[line - 1].prefix(while: { $0 == " " || $0 == "\t" }).contains("\t")
        else { return nil }
        return "the YAML is malformed: a tab indents this line, and YAML indents with spaces "
            + "only; replace the tab with spaces."
    }

    /// The most values a run file may hold, a bound on the reader's work whatever the input.
    static let nodeLimit = 100_000

    private init(yaml node: Node, file: String, json: Bool, depth: Int, budget: inout Int) throws {
        line = node.mark?.line
        func fail(_ problem: String, at mark: Mark? = node.mark) -> RunFileError {
            RunFileError(file: file, line: mark?.line, problem: problem)
        }
        budget -= 1
        guard budget >= 0 else { throw fail("the file holds more values than a run file can.") }
        guard depth <= RunFileScan.depthLimit else {
            throw fail(
                "the \(json ? "JSON" : "YAML") nests deeper than \(RunFileScan.depthLimit) "
                    + "levels; a run file needs four.")
        }
        switch node {
        case .scalar(let scalar):
            value =
                try json
                ? RunFileNode.jsonValue(of: scalar, fail: { fail($0) })
                : RunFileNode.value(of: scalar, node: node)
        case .sequence(let sequence):
            value = .list(
                try sequence.map {
                    try RunFileNode(
                        yaml: $0, file: file, json: json, depth: depth + 1, budget: &budget)
                })
        case .mapping(let mapping):
            var entries: [Entry] = []
            for (key, child) in mapping {
                guard case .scalar(let name) = key else {
                    throw fail(
                        "a key must be a plain name, not a list or a mapping.", at: key.mark)
                }
                if json && name.style != .doubleQuoted {
                    throw fail(
                        "the JSON is malformed: the key \(name.string) must be in double quotes.",
                        at: key.mark)
                }
                entries.append(
                    Entry(
                        key: name.string, line: key.mark?.line,
                        value: try RunFileNode(
                            yaml: child, file: file, json: json, depth: depth + 1,
                            budget: &budget)))
            }
            value = .map(entries)
        case .alias:
            throw fail("an alias could not be resolved.")
        }
    }

    /// A scalar's value by its resolved YAML tag; quoted scalars stay text.
    private static func value(of scalar: Node.Scalar, node: Node) -> Value {
        switch Tag.Name(rawValue: node.tag.rawValue) {
        case .null: return .null
        case .bool: return node.bool.map(Value.bool) ?? .string(scalar.string)
        case .int:
            if let n = node.int { return .integer(n) }
            return node.float.map(Value.number) ?? .string(scalar.string)
        case .float: return node.float.map(Value.number) ?? .string(scalar.string)
        default: return .string(scalar.string)
        }
    }

    /// A scalar read as JSON: text in double quotes; unquoted, only a JSON number, `true`,
    /// `false` or `null`.
    private static func jsonValue(of scalar: Node.Scalar, fail: (String) -> RunFileError) throws
        -> Value
    {
        let text = scalar.string
        switch scalar.style {
        case .doubleQuoted: return .string(text)
        case .plain: break
        default:
            throw fail("the JSON is malformed: text must be in double quotes.")
        }
        switch text {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        default: break
        }
        guard isJSONNumber(text) else {
            throw fail(
                "the JSON is malformed: \(text) is not a JSON value; text must be in double "
                    + "quotes.")
        }
        if !text.contains(where: { ".eE".contains($0) }), let n = Int(text) { return .integer(n) }
        guard let x = Double(text) else {
            throw fail("the JSON is malformed: the number \(text) cannot be read.")
        }
        return .number(x)
    }

    /// True for RFC 8259's number grammar: `-? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?`.
    private static func isJSONNumber(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        func digits() -> Int {
            let count = bytes.prefix { (48...57).contains($0) }.count
            bytes = bytes.dropFirst(count)
            return count
        }
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let leadingZero = bytes.first == UInt8(ascii: "0")
        let whole = digits()
        guard whole > 0, !(leadingZero && whole > 1) else { return false }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            guard digits() > 0 else { return false }
        }
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") {
                bytes = bytes.dropFirst()
            }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }
}

extension YamlError {
    /// The 1-based line of the problem, when the parser knows it.
    var line: Int? {
        switch self {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        case .duplicatedKeysInMapping(_, let context):
            return context.mark.line
        default:
            return nil
        }
    }

    /// The problem as a sentence without the source excerpt libyaml appends; `format` is
    /// "YAML" or "JSON".
    func problem(_ format: String) -> String {
        switch self {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
            .composer(let context, let problem, _, _):
            let during =
                context.map {
                    " (\($0.text.trimmingCharacters(in: CharacterSet(charactersIn: "()"))))"
                } ?? ""
            return "the \(format) is malformed: \(problem)\(during)."
        case .duplicatedKeysInMapping(let duplicates, _):
            return "the key \"\(duplicates.joined(separator: "\", \""))\" appears twice."
        case .reader(let problem, _, _, _):
            return "the file cannot be read as \(format) text: \(problem)."
        default:
            return "the \(format) is malformed."
        }
    }
}
