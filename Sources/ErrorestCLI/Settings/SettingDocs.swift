import Foundation

/// The docs made from the declarations: the run file article's key table and the run file's
/// JSON Schema. A test checks that the files in the repository are these, byte for byte.
extension SettingCatalog {
    /// The key table of "The run file" article, in Markdown.
    static var keyTable: String {
        var lines = [
            "| Key | Flag | Value | Default | What it does |",
            "|---|---|---|---|---|",
        ]
        for setting in all {
            let flag = setting.flag.map { "`\($0)`" } ?? "—"
            let cells = [
                "`\(setting.key)`", flag, setting.words, setting.defaultDescription,
                setting.doc
                    + (setting.optimizer.map { " Only with `optimizer: \($0.rawValue)`." } ?? ""),
            ].map { $0.replacingOccurrences(of: "|", with: "\\|") }
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The keys a sweep may vary: every key but `name`, and every section.
    static var sweepableKeys: [String] {
        var keys: [String] = []
        for setting in all where setting.key != Keys.name.key {
            var path = ""
            for part in setting.key.split(separator: ".") {
                path += (path.isEmpty ? "" : ".") + part
                if !keys.contains(path) { keys.append(path) }
            }
        }
        return keys
    }

    /// The keys a race may vary: the training keys (the data and the network are shared).
    static var raceableKeys: [String] {
        all.map(\.key).filter { $0.hasPrefix("training.") }
    }

    /// The run file's JSON Schema (2020-12), the `sweep` block of a sweep file and the `race`
    /// block of a race file included.
    static var runFileSchema: SchemaValue {
        var root = section("")
        let sweep: SchemaValue = [
            "type": "object", "minProperties": 1,
            "description": .text(
                "Sweep files only (`errorest sweep`): keys of the run file and the list of "
                    + "values each takes; the runs are every combination."),
            "propertyNames": ["enum": .list(sweepableKeys.map(SchemaValue.text))],
            "additionalProperties": ["type": "array", "minItems": 1],
        ]
        let race: SchemaValue = [
            "type": "object", "minProperties": 1, "maxProperties": 1,
            "description": .text(
                "Race files only (`errorest race`): one training key and the values its "
                    + "runners take, every runner from the same start."),
            "propertyNames": ["enum": .list(raceableKeys.map(SchemaValue.text))],
            "additionalProperties": ["type": "array", "minItems": 2],
        ]
        let names = [RaceFigure.all] + RaceFigure.allCases.map(\.rawValue)
        let figures: SchemaValue = [
            "type": "array", "minItems": 1,
            "description": .text(
                "Sweep and race files only: the race figures to draw over runs that share data, "
                    + "network and W0 (`race`: all of them)."),
            "items": ["enum": .list(names.map(SchemaValue.text))],
        ]
        if case .object(var members) = root, case .object(var properties)? = members["properties"] {
            properties["sweep"] = sweep
            properties["race"] = race
            properties["figures"] = figures
            members["properties"] = .object(properties)
            members["$schema"] = "https://json-schema.org/draft/2020-12/schema"
            members["title"] = "Errorest run file"
            members["description"] = .text(
                "What to train and how to draw it, as YAML or JSON. See the article \"The run "
                    + "file\". Made from the settings' declarations (SettingCatalog); a test "
                    + "checks it.")
            root = .object(members)
        }
        return root
    }

    /// A section's schema: an object of its keys and the sections inside it, nothing else.
    private static func section(_ path: String) -> SchemaValue {
        var properties: [String: SchemaValue] = [:]
        for name in names(in: path) {
            let key = path.isEmpty ? name : path + "." + name
            properties[name] = setting(key)?.valueSchema ?? section(key)
        }
        return ["type": "object", "additionalProperties": false, "properties": .object(properties)]
    }

    /// The schema as the file in `Samples/schemas/` holds it.
    static func schemaText(_ schema: SchemaValue) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(schema), as: UTF8.self) + "\n"
    }
}
