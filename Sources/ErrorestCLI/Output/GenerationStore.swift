import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `.errorest+` folder inside an output folder: its lock, its generations and the `current`
/// link that names the live one.
///
/// `+` cannot appear in a run's name, so no run's folder can ever be mistaken for this one. Only a
/// process holding the lock changes anything in it, so whatever it finds there besides the lock,
/// `current` and the generation `current` names was left by a killed run and is removed.
struct GenerationStore: Sendable {
    static let name = ".errorest+"
    /// The folder's entries that link into the live generation, the manifest last: a first run
    /// links them one by one, and a folder whose manifest is visible then has every file it lists.
    ///
    /// A lesson's files (`errorest lesson`) are entries too.
    static let entries = [
        "run.json", "frames", "figures", "perceptron.json", "slides", "slides.pdf",
        "handout.pdf", "captions.txt", "storyboard.json", "lesson.mp4", "lesson.png", "lesson.html",
        "index.html", "manifest.json",
    ]
    static let subfolders = ["frames", "figures", "slides"]

    /// The entries a folder's generations hold: a run's, or a sweep's own index and figures.
    struct Layout: Sendable {
        /// The folder's entries that link into the live generation, the last written last.
        var entries: [String]
        /// Those of them that are folders.
        var subfolders: [String]

        static let run = Layout(
            entries: GenerationStore.entries, subfolders: GenerationStore.subfolders)
        /// A sweep's folder: its comparison figures, then `index.json`.
        static let sweep = Layout(entries: ["figures", "index.json"], subfolders: ["figures"])
    }

    let layout: Layout

    /// The output folder.
    let folder: URL
    let displayPath: String
    /// `.errorest+`.
    let url: URL
    /// The open lock file; closed (and so released) by ``release()`` or when the process ends.
    private let lock: FolderLock

    /// Makes `.errorest+`, takes its lock and removes what killed runs left.
    ///
    /// - Throws: ``ErrorestError/cannotCreateOutput(_:)`` when another run holds the lock.
    init(folder: URL, displayPath: String, layout: Layout = .run) throws {
        self.layout = layout
        self.folder = folder
        self.displayPath = displayPath
        url = folder.appendingPathComponent(GenerationStore.name)
        if mkdir(url.path, 0o755) != 0 && errno != EEXIST {
            throw ErrorestError.cannotCreateOutput(
                "Cannot create the output folder \(displayPath) or write into it: "
                    + "\(systemMessage(errno)).")
        }
        let lockPath = url.appendingPathComponent("lock").path
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw ErrorestError.cannotCreateOutput(
                "Cannot create the output folder \(displayPath) or write into it: "
                    + "\(systemMessage(errno)).")
        }
        // A run that is finishing (or a child process that has not yet dropped a copy of the
        // descriptor) gets a second to let go; then the folder is refused.
        var locked = false
        var code: Int32 = 0
        for attempt in 0..<20 {
            if flock(fd, LOCK_EX | LOCK_NB) == 0 {
                locked = true
                break
            }
            code = errno
            guard code == EWOULDBLOCK else { break }
            if attempt < 19 { usleep(50_000) }
        }
        guard locked else {
            var holder = [UInt8](repeating: 0, count: 32)
            let n = pread(fd, &holder, holder.count, 0)
            close(fd)
            let pid = Int(
                String(decoding: holder.prefix(max(0, n)), as: UTF8.self)
                    .trimmingCharacters(in: .whitespacesAndNewlines))
            guard code == EWOULDBLOCK else {
                throw ErrorestError.cannotCreateOutput(
                    "Cannot lock the output folder \(displayPath): \(systemMessage(code)).")
            }
            throw ErrorestError.cannotCreateOutput(
                "Another errorest run" + (pid.map { " (process \($0))" } ?? "")
                    + " is writing into \(displayPath); wait for it to finish or choose "
                    + "another --out.")
        }
        let pid = Data("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        lock = FolderLock(fd)
        try checkEntries()
        collectGarbage()
    }

    /// Refuses a folder where `frames` or `figures` is a file, or `run.json` or `manifest.json`
    /// a folder, before anything is trained or written.
    private func checkEntries() throws {
        for entry in layout.entries where !isLinkIntoCurrent(entry) {
            var info = stat()
            guard lstat(entryPath(entry), &info) == 0 else { continue }
            let isFolder = (info.st_mode & S_IFMT) == S_IFDIR
            let wantsFolder = layout.subfolders.contains(entry)
            if isFolder != wantsFolder {
                removeIfUnused()
                lock.release()
                throw ErrorestError.cannotCreateOutput(
                    "Cannot write into \(displayPath): its \(entry) is "
                        + (isFolder ? "a folder" : "a file") + ", where Errorest keeps "
                        + (wantsFolder ? "a folder of figures" : "a file") + "; move it away.")
            }
        }
    }

    /// The generation `current` names, if there is one.
    var currentGeneration: String? {
        FileSystem.readLink(url.appendingPathComponent("current").path)
    }

    /// Makes an empty generation with `frames/` and `figures/`, named so nothing else can be.
    func startGeneration() throws -> URL {
        let id = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        let generation = url.appendingPathComponent("g-\(getpid())-\(id)")
        for path in [generation] + layout.subfolders.map(generation.appendingPathComponent)
        where mkdir(path.path, 0o755) != 0 {
            let code = errno
            try? FileManager.default.removeItem(at: generation)
            throw ErrorestError.cannotCreateOutput(
                "Cannot create the output folder \(displayPath) or write into it: "
                    + "\(systemMessage(code)).")
        }
        return generation
    }

    /// Makes `generation` the live one: one `rename(2)` of a fresh link over `current`.
    func switchCurrent(to generation: URL) throws {
        let current = url.appendingPathComponent("current").path
        let fresh = url.appendingPathComponent("current.new-\(getpid())").path
        let last = layout.entries.last ?? "manifest.json"
        unlink(fresh)
        guard symlink(generation.lastPathComponent, fresh) == 0, rename(fresh, current) == 0,
            FileSystem.syncFolder(url.path) == 0
        else {
            let code = errno
            unlink(fresh)
            throw ErrorestError.writeFailed(
                "Cannot write \((displayPath as NSString).appendingPathComponent(last)): "
                    + "\(systemMessage(code)).")
        }
    }

    /// Makes each entry of the live generation a link in the folder, where one is missing, and
    /// removes the links to entries it does not have (a run without figures has no `figures`), so
    /// no link in the folder leads nowhere.
    func linkEntries() throws {
        let live = url.appendingPathComponent("current")
        for entry in layout.entries {
            if FileSystem.exists(live.appendingPathComponent(entry).path) {
                if !FileSystem.exists(entryPath(entry)) { try replace(entry) }
            } else if isLinkIntoCurrent(entry) {
                unlink(entryPath(entry))
            }
        }
        _ = FileSystem.syncFolder(folder.path)
    }

    /// Turns a folder written by an earlier version (plain files and folders, no `current`) into
    /// a generation without changing what any path reads.
    ///
    /// The files are hard-linked into a new generation, `current` names it, and each entry is
    /// replaced by a link that reads the same bytes: files by `rename(2)`, folders by an atomic
    /// exchange where the file system has one.
    func adoptEarlierLayout() throws {
        let plain = layout.entries.filter {
            FileSystem.exists(entryPath($0)) && !isLinkIntoCurrent($0)
        }
        guard !plain.isEmpty else { return }
        let generation = try startGeneration()
        for entry in layout.entries where FileSystem.exists(entryPath(entry)) {
            let code = FileSystem.linkTree(
                from: entryPath(entry), to: generation.appendingPathComponent(entry).path)
            if code != 0 {
                try? FileManager.default.removeItem(at: generation)
                throw writeError(entry, code)
            }
        }
        if FileSystem.syncAll(generation.path) != 0 {
            throw writeError(layout.entries.last ?? "manifest.json", errno)
        }
        try switchCurrent(to: generation)
        for entry in plain { try replace(entry) }
    }

    /// Puts a link to `current/<entry>` at the folder's `entry`, replacing what is there.
    private func replace(_ entry: String) throws {
        let target = entryPath(entry)
        let fresh = url.appendingPathComponent("\(entry).new-\(getpid())").path
        unlink(fresh)
        guard symlink("\(GenerationStore.name)/current/\(entry)", fresh) == 0 else {
            throw writeError(entry, errno)
        }
        var info = stat()
        let isFolder = lstat(target, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
        if !isFolder {
            guard rename(fresh, target) == 0 else { throw writeError(entry, errno) }
        } else if FileSystem.exchange(fresh, target) == 0 {
            try? FileManager.default.removeItem(atPath: fresh)  // the old folder
        } else {
            let aside = url.appendingPathComponent("\(entry).old-\(getpid())").path
            guard rename(target, aside) == 0, rename(fresh, target) == 0 else {
                throw writeError(entry, errno)
            }
            try? FileManager.default.removeItem(atPath: aside)
        }
        _ = FileSystem.syncFolder(folder.path)
    }

    private func entryPath(_ entry: String) -> String {
        folder.appendingPathComponent(entry).path
    }

    private func isLinkIntoCurrent(_ entry: String) -> Bool {
        FileSystem.readLink(entryPath(entry)) == "\(GenerationStore.name)/current/\(entry)"
    }

    /// Removes everything but the lock, `current` and the live generation.
    ///
    /// Only call while holding the lock.
    func collectGarbage() {
        let keep = Set(["lock", "current"] + (currentGeneration.map { [$0] } ?? []))
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        for name in names where !keep.contains(name) {
            FileSystem.removeTree(url.appendingPathComponent(name).path)
        }
    }

    /// Lets another run into the folder.
    func release() {
        lock.release()
    }

    /// Removes `.errorest+` when no run was ever switched in (a first run that failed).
    func removeIfUnused() {
        guard currentGeneration == nil else { return }
        try? FileManager.default.removeItem(at: url)
    }

    private func writeError(_ path: String, _ code: Int32) -> ErrorestError {
        .writeFailed(
            "Cannot write \((displayPath as NSString).appendingPathComponent(path)): "
                + "\(systemMessage(code)).")
    }
}

/// An open, locked lock file, released once.
final class FolderLock: Sendable {
    private let fd: Mutex<Int32>

    init(_ fd: Int32) { self.fd = Mutex(fd) }

    func release() {
        fd.withLock { fd in
            if fd >= 0 { close(fd) }
            fd = -1
        }
    }

    deinit { release() }
}
