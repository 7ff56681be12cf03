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
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw RunFileError(file: file, line: error.line, problem: error.problem)
        }
        guard let root else { return RunFileNode(value: .map([]), line: 1) }
        return try RunFileNode(yaml: root, file: file)
    }

    private init(yaml node: Node, file: String) throws {
        line = node.mark?.line
        switch node {
        case .scalar(let scalar):
            value = RunFileNode.value(of: scalar, node: node)
        case .sequence(let sequence):
            value = .list(try sequence.map { try RunFileNode(yaml: $0, file: file) })
        case .mapping(let mapping):
            var entries: [Entry] = []
            for (key, child) in mapping {
                guard case .scalar(let name) = key else {
                    throw RunFileError(
                        file: file, line: key.mark?.line,
                        problem: "a key must be a plain name, not a list or a mapping.")
                }
                entries.append(
                    Entry(
                        key: name.string, line: key.mark?.line,
                        value: try RunFileNode(yaml: child, file: file)))
            }
            value = .map(entries)
        case .alias:
            throw RunFileError(file: file, line: line, problem: "an alias could not be resolved.")
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

    /// Parses JSON text strictly, keeping lines.
    static func parseJSON(_ data: Data, file: String) throws -> RunFileNode {
        try RunFileJSON.parse(Array(data), file: file)
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

    /// The problem as a sentence without the source excerpt libyaml appends.
    var problem: String {
        switch self {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
            .composer(let context, let problem, _, _):
            let during = context.map { " (\($0.text))" } ?? ""
            return "the YAML is malformed: \(problem)\(during)."
        case .duplicatedKeysInMapping(let duplicates, _):
            return "the key \"\(duplicates.joined(separator: "\", \""))\" appears twice."
        case .reader(let problem, _, _, _):
            return "the file cannot be read as YAML text: \(problem)."
        default:
            return "the YAML is malformed."
        }
    }
}
