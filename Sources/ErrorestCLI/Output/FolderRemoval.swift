import Figures
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Removing a finished generation and flushing a new one, without waiting on the disk a file at
/// a time.
///
/// On a file system mounted with online discard (ext4 `discard`, common on virtual disks), each
/// `unlink(2)` of a file whose blocks are on disk waits some 2–4 ms for the device; removing the
/// previous run's 50 frames one by one took 100–150 ms after the new run was already committed,
/// against ~10 ms when the files are unlinked by several threads at once (they share the
/// journal's commits). `ERROREST_PLAIN_FOLDER=1` takes the plain path instead: one
/// `FileManager.removeItem` and no early write-back, for measuring.
extension FileSystem {
    /// True when `ERROREST_PLAIN_FOLDER=1` asks for the plain path.
    static let plainFolder = ProcessInfo.processInfo.environment["ERROREST_PLAIN_FOLDER"] == "1"

    /// How many threads unlink a tree's files.
    static let removalThreads = 8

    /// Removes `path` and everything under it, as `FileManager.removeItem` does.
    ///
    /// A link is removed, never followed; failures are ignored (what cannot be removed stays).
    /// Files are unlinked by ``removalThreads`` threads, then the folders deepest first; whatever
    /// is still there after that is handed to `FileManager.removeItem`. Returns true when the
    /// threads and folders removed the whole tree (nothing was left to `FileManager`).
    @discardableResult
    static func removeTree(_ path: String) -> Bool {
        if plainFolder {
            try? FileManager.default.removeItem(atPath: path)
            return false
        }
        var files: [String] = []
        var folders: [String] = []
        listTree(path, files: &files, folders: &folders)
        let all = files
        try? ParallelFrames.forEach(count: all.count, threads: removalThreads, blocking: true) {
            unlink(all[$0])
        }
        for folder in folders.reversed() { rmdir(folder) }
        guard exists(path) else { return true }
        try? FileManager.default.removeItem(atPath: path)
        return false
    }

    /// Every path under `path` (itself included): folders before what they hold, and the rest.
    private static func listTree(_ path: String, files: inout [String], folders: inout [String]) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            files.append(path)
            return
        }
        folders.append(path)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        for name in names { listTree(path + "/" + name, files: &files, folders: &folders) }
    }

    /// Starts writing an open file's data to disk without waiting for it (Linux
    /// `sync_file_range` with `SYNC_FILE_RANGE_WRITE`), so that the flush at commit finds
    /// little left to write; nothing where the call does not exist.
    static func startWriteback(_ fd: Int32) {
        guard !plainFolder, let startWriting = syncFileRange else { return }
        _ = startWriting(fd, 0, 0, 2)  // SYNC_FILE_RANGE_WRITE
    }

    private typealias SyncFileRange = @convention(c) (Int32, Int64, Int64, UInt32) -> Int32

    private static let syncFileRange: SyncFileRange? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sync_file_range")
        else { return nil }
        return unsafeBitCast(symbol, to: SyncFileRange.self)
    }()
}
