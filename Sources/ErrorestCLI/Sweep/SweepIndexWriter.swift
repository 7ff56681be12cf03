import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `index.json` made a run at a time: byte for byte what ``SweepIndex/jsonData()`` writes for
/// the same runs, without ever holding the whole index.
///
/// Encoding the index whole builds `JSONEncoder`'s tree of every run and then the whole text,
/// some tens of kilobytes a run; here one run's entry and one piece of text exist at a time,
/// so writing, comparing or printing the index costs the same for 10 runs as for 10,000.
struct SweepIndexWriter {
    /// The index without its runs: name, keys, order and figures.
    var head: SweepIndex
    /// How many runs the index lists.
    var count: Int
    /// The `i`-th run's entry, made when it is written.
    var entry: (_ i: Int) throws -> SweepIndex.Run

    /// Hands the index's bytes to `write` a piece at a time, in order.
    func stream(to write: (Data) throws -> Void) throws {
        var emptied = head
        emptied.runs = []
        let encoder = JSONText.encoder()
        let runs = StreamedJSON.List(key: "runs", count: count) { i, out in
            out.append(try encoder.encode(try entry(i)))
        }
        try StreamedJSON.stream(emptied, lists: [runs], to: write)
    }

    /// The whole index at once (for tests and small sweeps).
    func data() throws -> Data {
        var whole = Data()
        try stream { whole.append($0) }
        return whole
    }

    /// True when the file at `path` holds exactly these bytes; read a piece at a time beside
    /// them, so the earlier index is never held whole.
    func matches(fileAt path: String) throws -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        /// Thrown to stop at the first piece that differs.
        struct Differs: Error {}
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        do {
            try stream { piece in
                var offset = 0
                while offset < piece.count {
                    let wanted = min(buffer.count, piece.count - offset)
                    guard Self.readFully(fd, &buffer, wanted) == wanted,
                        piece.dropFirst(offset).prefix(wanted).elementsEqual(buffer[..<wanted])
                    else { throw Differs() }
                    offset += wanted
                }
            }
        } catch is Differs {
            return false
        }
        // Nothing may follow.
        return Self.readFully(fd, &buffer, 1) == 0
    }

    /// Writes the index to a new file at `path` (in a generation not yet live, so no reader
    /// ever sees part of it); returns 0 or the `errno` of the failure.
    func write(toFile path: String) throws -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return errno }
        /// Thrown to stop at the first write that fails.
        struct Failed: Error { var code: Int32 }
        var code: Int32 = 0
        do {
            try stream { piece in
                let failure = FileSystem.writeAll(fd, piece)
                if failure != 0 { throw Failed(code: failure) }
            }
        } catch let failed as Failed {
            code = failed.code
        } catch {
            close(fd)
            throw error
        }
        if close(fd) != 0 && code == 0 { code = errno }
        return code
    }

    /// Reads up to `count` bytes into `buffer` (fewer only at the end of the file, -1 on an
    /// error).
    private static func readFully(_ fd: Int32, _ buffer: inout [UInt8], _ count: Int) -> Int {
        var done = 0
        while done < count {
            let n = buffer.withUnsafeMutableBytes { bytes -> Int in
                guard let base = bytes.baseAddress else { return -1 }
                return read(fd, base + done, count - done)
            }
            if n < 0 {
                if errno == EINTR { continue }
                return -1
            }
            if n == 0 { break }
            done += n
        }
        return done
    }
}

extension SweepIndex {
    /// The earlier index's figures, read from the start of the file at `path` only (the index's
    /// first key, before `format`), so that however many runs it lists they are not read; a
    /// file not laid out as Errorest writes it is read whole.
    static func figures(inFileAt path: String) -> [Figure]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        /// Just the figures of an index.
        struct Figures: Decodable { var figures: [Figure] }
        let start = Data("{\n  \"figures\" : [".utf8)
        let end = Data(",\n  \"format\" : \"errorest-sweep\",".utf8)
        var text = Data()
        while let piece = try? handle.read(upToCount: 1 << 16), !piece.isEmpty {
            let searchFrom = text.count - min(text.count, end.count)
            text.append(piece)
            if text.count >= start.count, !text.starts(with: start) { break }
            if let range = text.range(of: end, in: searchFrom..<text.count) {
                var prefix = text[..<range.lowerBound]
                prefix.append(Data("\n}".utf8))
                return (try? JSONDecoder().decode(Figures.self, from: prefix))?.figures
            }
        }
        // Not as Errorest writes it: read it whole.
        guard let bytes = FileManager.default.contents(atPath: path) else { return nil }
        return SweepIndex.read(bytes)?.figures
    }
}
