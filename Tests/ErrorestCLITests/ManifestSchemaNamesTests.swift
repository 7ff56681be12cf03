import Figures
import Foundation
import Testing

/// The manifest schema's two lists of names are made from ``FigureKind/allCases``: a file's
/// `figure` is any figure (`frame` and every panel kind), a panel's `kind` any panel kind. A new
/// panel kind fails this test until `ERROREST_WRITE_DOCS=1 swift test --filter FormatDocsTests`
/// writes the new name into both.
extension FormatDocsTests {
    /// Where each list is in the schema, and the names it must hold.
    static var manifestNameLists: [(path: [String], key: String, names: [String])] {
        let figures = FigureKind.allCases.map(\.rawValue)
        let panels = FigureKind.allCases.compactMap { figure -> String? in
            if case .panel(let kind) = figure { return kind.rawValue }
            return nil
        }
        return [
            (["properties", "files", "items", "properties", "figure"], "figure", figures),
            (["$defs", "panel", "properties", "kind"], "kind", panels),
        ]
    }

    /// An `enum` of names as the schema file writes it on one line.
    static func enumText(_ key: String, _ names: [String]) -> String {
        "\"\(key)\": { \"enum\": [" + names.map { "\"\($0)\"" }.joined(separator: ", ") + "] }"
    }

    @Test func theManifestSchemasFigureAndPanelNamesAreFigureKindsCases() throws {
        let url = Schemas.folder.appendingPathComponent("manifest.schema.json")
        var text = try String(contentsOf: url, encoding: .utf8)
        let schema = try #require(
            try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        for list in Self.manifestNameLists {
            var node: Any? = schema
            for name in list.path { node = (node as? [String: Any])?[name] }
            let found = try #require(
                (node as? [String: Any])?["enum"] as? [String],
                "manifest.schema.json has no enum at \(list.path.joined(separator: "/"))")
            if Self.rewrite && found != list.names {
                let old = Self.enumText(list.key, found)
                let new = Self.enumText(list.key, list.names)
                #expect(text.contains(old), "cannot find \(old) to rewrite")
                text = text.replacingOccurrences(of: old, with: new)
                try text.write(to: url, atomically: true, encoding: .utf8)
            }
            #expect(
                found == list.names,
                "manifest.schema.json's \(list.key) names differ from FigureKind.allCases; run ERROREST_WRITE_DOCS=1 swift test --filter FormatDocsTests"
            )
        }
    }
}
