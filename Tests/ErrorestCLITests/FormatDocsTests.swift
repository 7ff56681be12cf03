import Backprop
import Figures
import Foundation
import Testing

@testable import ErrorestCLI

/// The formats cannot drift from their docs: the run file's key table and schema are made from
/// the settings' declarations, every schema key is in its article, and every Sample validates.
@Suite struct FormatDocsTests {
    static let articles = Harness.packageRoot.appendingPathComponent(
        "Sources/ErrorestCLI/ErrorestCLI.docc")

    static func article(_ name: String) throws -> String {
        try String(contentsOf: articles.appendingPathComponent(name), encoding: .utf8)
    }

    /// `ERROREST_WRITE_DOCS=1 swift test --filter FormatDocsTests` rewrites the made files.
    static let rewrite = ProcessInfo.processInfo.environment["ERROREST_WRITE_DOCS"] == "1"

    static let begin = "<!-- The key table: made from the declarations (SettingCatalog). -->\n"
    static let end = "<!-- End of the key table. -->"

    @Test func theRunFileArticlesKeyTableIsTheDeclarations() throws {
        let url = Self.articles.appendingPathComponent("RunFileFormat.md")
        var text = try String(contentsOf: url, encoding: .utf8)
        let start = try #require(text.range(of: Self.begin), "no key table marker")
        let stop = try #require(text.range(of: Self.end, range: start.upperBound..<text.endIndex))
        let table = String(text[start.upperBound..<stop.lowerBound])
        if Self.rewrite && table != SettingCatalog.keyTable {
            text.replaceSubrange(start.upperBound..<stop.lowerBound, with: SettingCatalog.keyTable)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(
            table == SettingCatalog.keyTable,
            "RunFileFormat.md's key table differs from the declarations; run ERROREST_WRITE_DOCS=1 swift test --filter FormatDocsTests"
        )
    }

    @Test func theRunFileSchemaIsTheDeclarations() throws {
        let url = Schemas.folder.appendingPathComponent("run-file.schema.json")
        let made = try SettingCatalog.schemaText(SettingCatalog.runFileSchema)
        let file = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        if Self.rewrite && file != made {
            try made.write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(
            file == made,
            "run-file.schema.json differs from the declarations; run ERROREST_WRITE_DOCS=1 swift test --filter FormatDocsTests"
        )
    }

    /// Every key a schema names, as `name` (run file: as its whole path).
    static func keys(_ schema: Any, path: String = "", into keys: inout Set<String>) {
        guard let object = schema as? [String: Any] else {
            for item in schema as? [Any] ?? [] { Self.keys(item, path: path, into: &keys) }
            return
        }
        for (name, value) in object {
            if name == "properties", let properties = value as? [String: Any] {
                for (key, sub) in properties {
                    let full = path.isEmpty ? key : path + "." + key
                    keys.insert(full)
                    Self.keys(sub, path: full, into: &keys)
                }
            } else if name != "propertyNames" {
                Self.keys(value, path: path, into: &keys)
            }
        }
    }

    @Test(arguments: [
        ("run-file", "RunFileFormat.md", true), ("run-record", "RunRecordFormat.md", false),
        ("manifest", "ManifestFormat.md", false), ("sweep-index", "SweepIndexFormat.md", false),
    ])
    func everySchemaKeyIsInItsArticle(schema: String, article: String, wholePath: Bool) throws {
        let data = try Data(
            contentsOf: Schemas.folder.appendingPathComponent("\(schema).schema.json"))
        let json = try JSONSerialization.jsonObject(with: data)
        var keys = Set<String>()
        Self.keys(json, into: &keys)
        #expect(!keys.isEmpty)
        let text = try Self.article(article)
        for key in keys.sorted() {
            // The run file's keys and sections by their whole path; keys inside a value (a
            // layer's `weights`) and the other formats' keys by their own name.
            let name = String(key.split(separator: ".").last ?? "")
            let insideValue = SettingCatalog.all.contains { key.hasPrefix($0.key + ".") }
            let whole = wholePath && !insideValue
            #expect(
                text.contains("`\(whole ? key : name)`"),
                "\(article) does not name `\(whole ? key : name)` (\(schema))")
        }
    }

    /// Every library setting is declared once, and every declared flag is in `run --help` with
    /// its key and default.
    @Test func everySettingIsDeclaredOnceWithItsFlagInHelp() throws {
        let names =
            Setting.allCases.map(LibraryName.backprop)
            + RenderSetting.allCases.map(LibraryName.figures)
        for name in names {
            #expect(SettingCatalog.all.filter { $0.library.contains(name) }.count == 1, "\(name)")
        }
        let keys = SettingCatalog.all.map(\.key)
        #expect(Set(keys).count == keys.count)
        let h = try Harness()
        defer { h.cleanUp() }
        let help = try h.errorest(["run", "--help"]).stdoutText
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for setting in SettingCatalog.all {
            guard let flag = setting.flag else { continue }
            #expect(help.contains(flag), "\(flag)")
            #expect(
                help.contains("key \(setting.key); default \(setting.defaultDescription)"),
                "\(setting.key)")
        }
    }

    /// The Samples' run and sweep files, read as the reader reads them, against the schema.
    @Test func theSamplesRunFilesValidate() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        var files: [URL] = []
        let names = try FileManager.default.contentsOfDirectory(atPath: Harness.samples.path)
        for name in names.sorted()
        where name.hasSuffix(".yaml") || name.hasSuffix(".json") {
            let url = Harness.samples.appendingPathComponent(name)
            let node =
                name.hasSuffix(".json")
                ? try RunFileNode.parseJSON(Data(contentsOf: url), file: name)
                : try RunFileNode.parseYAML(String(contentsOf: url, encoding: .utf8), file: name)
            let json = try JSONSerialization.data(withJSONObject: Self.plain(node))
            files.append(try h.write(String(decoding: json, as: UTF8.self), to: name + ".json"))
        }
        #expect(files.count >= 10)
        try Schemas.validate(files, against: "run-file")
    }

    /// Every YAML Sample names the schema for YAML editors.
    @Test func theYAMLSamplesNameTheirSchema() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Harness.samples.path)
        for name in names where name.hasSuffix(".yaml") {
            let text = try String(
                contentsOf: Harness.samples.appendingPathComponent(name), encoding: .utf8)
            #expect(
                text.hasPrefix("# yaml-language-server: $schema=schemas/run-file.schema.json\n"),
                "\(name)")
        }
    }

    /// A node as plain JSON values.
    static func plain(_ node: RunFileNode) -> Any {
        switch node.value {
        case .null: return NSNull()
        case .bool(let flag): return flag
        case .integer(let n): return n
        case .number(let x): return x
        case .string(let text): return text
        case .list(let items): return items.map(plain)
        case .map(let entries):
            var object: [String: Any] = [:]
            for entry in entries { object[entry.key] = plain(entry.value) }
            return object
        }
    }
}
