import Backprop
import Figures
import Foundation
import Synchronization

/// JSON of long records written a piece at a time, byte for byte as `JSONEncoder` (pretty,
/// sorted keys, slashes unescaped) writes them whole.
///
/// Encoding 2,000 snapshots or frames in one call builds the whole document as a tree first,
/// some 20 MB for a 4 MB file, and a series of 1,000,000 epochs some 100 MB; here only one
/// item's tree exists at a time, and a series' numbers are written as text directly, so memory
/// grows only with the file itself.
enum StreamedJSON {
    /// A top-level list spliced into the document: its key, its length, and its `index`-th item
    /// appended to `out` as `JSONEncoder` writes it alone.
    struct List {
        var key: String
        var count: Int
        var append: (_ index: Int, _ out: inout Data) throws -> Void
    }

    /// A list of encodable items, each encoded on its own.
    static func list<Item: Encodable>(_ key: String, _ items: [Item]) -> List {
        let encoder = JSONText.encoder()
        return List(key: key, count: items.count) { index, out in
            out.append(try encoder.encode(items[index]))
        }
    }

    /// A list of encodable items encoded on every core before the document is put together,
    /// each on its own as ``list(_:_:)`` encodes it, so the bytes are the same.
    ///
    /// The encoded items are held until the document is written (the size of the list in the
    /// file); a manifest's 50 entries took some 4 ms of one core after the last frame.
    static func encodedOnEveryCore<Item: Encodable & Sendable>(_ key: String, _ items: [Item])
        throws -> List
    {
        let threads = min(items.count, ProcessInfo.processInfo.activeProcessorCount)
        guard threads > 1 else { return list(key, items) }
        let encoded = Mutex([Data](repeating: Data(), count: items.count))
        try ParallelFrames.forEach(count: threads, threads: threads) { first in
            let encoder = JSONText.encoder()
            for index in stride(from: first, to: items.count, by: threads) {
                let item = try encoder.encode(items[index])
                encoded.withLock { $0[index] = item }
            }
        }
        let items = encoded.withLock { $0 }
        return List(key: key, count: items.count) { index, out in out.append(items[index]) }
    }

    /// A list of finite numbers, each written as `JSONEncoder` writes a `Double`: its
    /// `description`, without a trailing `.0`.
    static func numbers(_ key: String, _ values: [Double]) -> List {
        List(key: key, count: values.count) { index, out in
            var text = values[index].description
            if text.hasSuffix(".0") { text.removeLast(2) }
            out.append(contentsOf: text.utf8)
        }
    }

    /// `emptied` encoded with its top-level `lists` empty, and their items spliced in.
    static func encode<Value: Encodable>(_ emptied: Value, lists: [List]) throws -> Data {
        var whole = Data()
        try stream(emptied, lists: lists) { whole.append($0) }
        return whole
    }

    /// The bytes ``encode(_:lists:)`` returns, handed to `write` in pieces of about `piece`
    /// bytes as they are made: only one item's tree and one piece exist at a time, so a list of
    /// any length costs the memory of its longest item.
    static func stream<Value: Encodable>(
        _ emptied: Value, lists: [List], piece: Int = 1 << 16, to write: (Data) throws -> Void
    ) throws {
        let whole = try JSONText.data(emptied)
        var places: [(range: Range<Data.Index>, list: List)] = []
        for list in lists where list.count > 0 {
            let empty = Data("\n  \"\(list.key)\" : [\n\n  ]".utf8)
            guard let range = whole.range(of: empty) else {
                throw ErrorestError.writeFailed(
                    "The list \"\(list.key)\" could not be written as JSON.")
            }
            places.append((range, list))
        }
        places.sort { $0.range.lowerBound < $1.range.lowerBound }
        var out = Data()
        var copied = whole.startIndex
        var item = Data()
        for (range, list) in places {
            out.append(whole[copied..<range.lowerBound])
            out.append(Data("\n  \"\(list.key)\" : [\n".utf8))
            for index in 0..<list.count {
                item.removeAll(keepingCapacity: true)
                try list.append(index, &item)
                appendIndented(item, to: &out)
                out.append(contentsOf: index == list.count - 1 ? [0x0A] : [0x2C, 0x0A])
                if out.count >= piece {
                    try write(out)
                    out.removeAll(keepingCapacity: true)
                }
            }
            out.append(Data("  ]".utf8))
            copied = range.upperBound
        }
        out.append(whole[copied...])
        try write(out)
    }

    /// Appends `item` with each line four spaces deeper; blank lines (empty lists) stay blank.
    ///
    /// A line is copied whole: appended a byte at a time, the 180 KB record of a 2,000-epoch run
    /// and its manifest took some 20 ms, before the first frame and after the last.
    static func appendIndented(_ item: Data, to out: inout Data) {
        item.withUnsafeBytes { bytes in
            var start = 0
            while start < bytes.count {
                let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
                if end > start {
                    out.append(contentsOf: [0x20, 0x20, 0x20, 0x20])
                    out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
                }
                if end < bytes.count { out.append(0x0A) }
                start = end + 1
            }
        }
    }

    /// The run record as ``TrainingRun/jsonData()`` writes it, a snapshot at a time, and its
    /// per-epoch series a number at a time (where every number is finite, as training leaves
    /// them; any other series is encoded as before).
    static func record(_ run: TrainingRun) throws -> Data {
        var whole = Data()
        try record(run) { whole.append($0) }
        return whole
    }

    /// The bytes ``record(_:)`` returns, handed to `write` in pieces as they are made
    /// (``stream(_:lists:piece:to:)``): the record's text never exists whole.
    static func record(_ run: TrainingRun, to write: (Data) throws -> Void) throws {
        var emptied = run
        emptied.snapshots = []
        var lists = [list("snapshots", run.snapshots)]
        let series: [(String, WritableKeyPath<TrainingRun, [Double]?>)] = [
            ("errors", \.optionalErrors), ("accuracies", \.optionalAccuracies),
            ("testErrors", \.testErrors), ("testAccuracies", \.testAccuracies),
            ("penalties", \.penalties),
        ]
        for (key, path) in series {
            guard let values = run[keyPath: path], values.allSatisfy(\.isFinite) else { continue }
            emptied[keyPath: path] = []
            lists.append(numbers(key, values))
        }
        try stream(emptied, lists: lists, to: write)
    }

    /// The manifest as ``Manifest/jsonData()`` writes it, an entry at a time.
    static func manifest(_ manifest: Manifest) throws -> Data {
        var emptied = manifest
        emptied.files = []
        return try encode(emptied, lists: [encodedOnEveryCore("files", manifest.files)])
    }
}

extension TrainingRun {
    /// ``errors`` as an optional, so that every series has one key path type.
    fileprivate var optionalErrors: [Double]? {
        get { errors }
        set { errors = newValue ?? [] }
    }

    /// ``accuracies`` as an optional.
    fileprivate var optionalAccuracies: [Double]? {
        get { accuracies }
        set { accuracies = newValue ?? [] }
    }
}
