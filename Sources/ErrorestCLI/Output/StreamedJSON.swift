import Backprop
import Foundation

/// JSON of long records written a piece at a time, byte for byte as `JSONEncoder` (pretty,
/// sorted keys, slashes unescaped) writes them whole.
///
/// Encoding 2,000 snapshots or frames in one call builds the whole document as a tree first,
/// some 20 MB for a 4 MB file; here only one item's tree exists at a time, so memory does not
/// grow with the number of frames.
enum StreamedJSON {
    /// `value` encoded with its top-level list `key` empty (`emptied`), and `items` spliced in,
    /// each encoded on its own.
    static func encode<Value: Encodable, Item: Encodable>(
        _ emptied: Value, listKey key: String, items: [Item]
    ) throws -> Data {
        let encoder = JSONText.encoder()
        let whole = try JSONText.data(emptied)
        guard !items.isEmpty else { return whole }
        let empty = Data("\n  \"\(key)\" : [\n\n  ]".utf8)
        guard let range = whole.range(of: empty) else {
            throw ErrorestError.writeFailed("The list \"\(key)\" could not be written as JSON.")
        }
        var out = Data(whole[..<range.lowerBound])
        out.append(Data("\n  \"\(key)\" : [\n".utf8))
        for (index, item) in items.enumerated() {
            let text = try encoder.encode(item)
            // Each line of the item four spaces deeper; blank lines (empty lists) stay blank.
            var lineStart = true
            for byte in text {
                if lineStart && byte != 0x0A { out.append(contentsOf: [0x20, 0x20, 0x20, 0x20]) }
                out.append(byte)
                lineStart = byte == 0x0A
            }
            out.append(contentsOf: index == items.count - 1 ? [0x0A] : [0x2C, 0x0A])
        }
        out.append(Data("  ]".utf8))
        out.append(whole[range.upperBound...])
        return out
    }

    /// The run record as ``TrainingRun/jsonData()`` writes it, a snapshot at a time.
    static func record(_ run: TrainingRun) throws -> Data {
        var emptied = run
        emptied.snapshots = []
        return try encode(emptied, listKey: "snapshots", items: run.snapshots)
    }

    /// The manifest as ``Manifest/jsonData()`` writes it, an entry at a time.
    static func manifest(_ manifest: Manifest) throws -> Data {
        var emptied = manifest
        emptied.files = []
        return try encode(emptied, listKey: "files", items: manifest.files)
    }
}
