import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

#if canImport(Glibc)
    private let systemWrite = Glibc.write
#else
    private let systemWrite = Darwin.write
#endif

/// The POSIX calls the output folder needs, each returning `errno` (0 for success) rather than
/// trapping or hiding a failure.
enum FileSystem {
    /// Writes a whole new file (mode 644), retrying short and interrupted writes, and starts its
    /// write-back to disk (``startWriteback(_:)``).
    static func write(_ data: Data, to path: String) -> Int32 {
        // One piece, handed on by a maker that throws nothing: the failure is an errno.
        (try? write(to: path) { piece in try piece(data) }) ?? EIO
    }

    /// Writes a whole new file (mode 644) made in pieces, and starts its write-back to disk.
    ///
    /// `make` hands each piece to the function it is given, which writes it at once, so that
    /// the file never exists whole in memory. Returns the first failure's `errno` (0 for
    /// success); an error `make` throws is thrown after the file is closed.
    static func write(to path: String, pieces make: ((Data) throws -> Void) throws -> Void)
        throws -> Int32
    {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return errno }
        var failure: Int32 = 0
        do {
            try make { piece in
                guard failure == 0 else { return }
                failure = writeAll(fd, piece)
            }
        } catch {
            close(fd)
            throw error
        }
        if failure == 0 { startWriteback(fd) }
        if close(fd) != 0 && failure == 0 { failure = errno }
        return failure
    }

    /// Writes all of `data` to an open descriptor.
    static func writeAll(_ fd: Int32, _ data: Data) -> Int32 {
        data.withUnsafeBytes { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return 0 }
            var offset = 0
            while offset < buffer.count {
                let n = systemWrite(fd, base + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if n == 0 { return EIO }
                offset += n
            }
            return 0
        }
    }

    /// True if anything, even a dangling link, is at `path`.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// A symbolic link's target, or `nil` if `path` is not a link.
    static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink(path, &buffer, buffer.count - 1)
        guard n >= 0 else { return nil }
        return String(decoding: buffer.prefix(n).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Hard-links a file, or every file of a folder, from `source` (links followed) to
    /// `destination`, copying where a hard link is not possible.
    static func linkTree(from source: String, to destination: String) -> Int32 {
        var info = stat()
        guard stat(source, &info) == 0 else { return errno }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            if mkdir(destination, 0o755) != 0 && errno != EEXIST { return errno }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: source)) ?? []
            for name in names {
                let code = linkTree(from: source + "/" + name, to: destination + "/" + name)
                if code != 0 { return code }
            }
            return 0
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return 0 }  // sockets, fifos: skipped
        // The folder's entries are links into the live generation: link the file they lead to,
        // never the link itself (plain link(2) would copy a relative link that then leads nowhere).
        if linkat(AT_FDCWD, source, AT_FDCWD, destination, AT_SYMLINK_FOLLOW) == 0 { return 0 }
        guard let data = FileManager.default.contents(atPath: source) else { return errno }
        return write(data, to: destination)
    }

    /// Links into `destination` every file under `folder` whose path (`under/...`) is not in
    /// `skipping`: the files a user put among the figures.
    static func linkUnowned(
        in folder: URL, under prefix: String, skipping: Set<String>,
        into destination: URL
    ) -> Int32 {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where !skipping.contains(prefix + "/" + name) {
            let target = destination.appendingPathComponent(name).path
            guard !exists(target) else { continue }
            let code = linkTree(from: folder.appendingPathComponent(name).path, to: target)
            if code != 0 { return code }
        }
        return 0
    }

    /// Flushes the file system holding `path` (every file written into it) to disk.
    static func syncAll(_ path: String) -> Int32 {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return errno }
        defer { close(fd) }
        typealias Syncfs = @convention(c) (Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syncfs") else {
            sync()
            return 0
        }
        return unsafeBitCast(symbol, to: Syncfs.self)(fd) == 0 ? 0 : errno
    }

    /// Flushes a folder's entries (names made, renamed or removed) to disk.
    static func syncFolder(_ path: String) -> Int32 {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return errno }
        defer { close(fd) }
        return fsync(fd) == 0 ? 0 : errno
    }

    /// Swaps two paths atomically (Linux `renameat2` with `RENAME_EXCHANGE`); returns non-zero
    /// where the system or file system has no such call.
    static func exchange(_ a: String, _ b: String) -> Int32 {
        typealias Renameat2 =
            @convention(c) (
                Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32
            ) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else {
            return ENOSYS
        }
        let renameat2 = unsafeBitCast(symbol, to: Renameat2.self)
        let exchange: UInt32 = 1 << 1  // RENAME_EXCHANGE
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, exchange) == 0 ? 0 : errno
    }
}

/// Reads an input file whole, with a message for each way it can fail.
///
/// Missing or unreadable (exit 66), a folder (66), or larger than `limit` bytes (65). `/dev/null` and other devices
/// read as what they give.
func readInput(_ url: URL, what: String, display: String, limit: Int) throws -> Data {
    let fd = open(url.path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
        let code = errno
        if code == ENOENT || code == ENOTDIR {
            throw ErrorestError.inputMissing("The \(what) \(display) does not exist.")
        }
        throw ErrorestError.inputMissing(
            "The \(what) \(display) cannot be read: \(systemMessage(code)).")
    }
    defer { close(fd) }
    var info = stat()
    if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
        throw ErrorestError.inputMissing("The \(what) \(display) is a folder, not a file.")
    }
    var data = Data()
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let n = read(fd, &chunk, chunk.count)
        if n < 0 {
            if errno == EINTR { continue }
            throw ErrorestError.inputMissing(
                "The \(what) \(display) cannot be read: \(systemMessage(errno)).")
        }
        if n == 0 { return data }
        data.append(contentsOf: chunk[0..<n])
        if data.count > limit {
            throw ErrorestError.badInput(
                "The \(what) \(display) is larger than \(limit >> 20) MB, more than Errorest reads."
            )
        }
    }
}
