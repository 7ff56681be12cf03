import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An output folder being written, as one transaction that cannot lose a run.
///
/// The folder's own entries — `run.json`, `manifest.json`, `frames/` and `figures/` — are
/// symbolic links into `.errorest+/current/`, and `current` is itself a link to one generation
/// folder. A run writes a whole new generation (its figures, its record and its manifest),
/// flushes it to disk, and then switches with one `rename(2)` of a new `current` link over the old
/// one: a reader, a kill or a power cut sees the previous run or the new one, never a mixture.
/// A lock on `.errorest+/lock` keeps a second run out of the folder while the first one holds it.
/// Files of the user's own in the folder are never touched; those inside `frames/` or `figures/`
/// are carried into the new generation.
public final class OutputFolder: Sendable {
    /// The folder.
    public let url: URL
    /// The folder as the user named it, for messages.
    public let displayPath: String
    /// The manifest of the run that wrote the folder before, if it has one of ours.
    ///
    /// It is read on a thread of its own from the moment the folder is opened (while the run
    /// trains); asking for it waits for the reading.
    public var previousManifest: Manifest? {
        (try? previous.value()) ?? nil
    }
    private let previous: Background<Manifest?>
    /// `.errorest+` inside the folder: the lock, the generations and the `current` link.
    let store: GenerationStore
    /// The new generation, written while the run goes on.
    let staging: URL
    /// `staging` as a path, to which a staged file's relative path is appended as text: a frame's
    /// `URL.appendingPathComponent` cost some 0.1 ms.
    private let stagingPath: String
    /// The folders this run made (the output folder and any missing parents), deepest first, so
    /// a failure may remove them again if they are still empty.
    private let madeFolders: [URL]

    /// Makes the folder (and its parents), takes its lock and starts a new generation in it.
    ///
    /// - Throws: ``ErrorestError/cannotCreateOutput(_:)`` when the folder cannot be made or
    ///   another run holds it.
    public init(url: URL, displayPath: String) throws {
        self.url = url
        self.displayPath = displayPath
        var info = stat()
        if stat(url.path, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR {
            throw ErrorestError.cannotCreateOutput(
                "Cannot use \(displayPath) as the output folder: it is a file, not a "
                    + "folder.")
        }
        var missing: [URL] = []
        var ancestor = url
        while ancestor.path != "/" && lstat(ancestor.path, &info) != 0 {
            missing.append(ancestor)
            ancestor = ancestor.deletingLastPathComponent()
        }
        madeFolders = missing
        do {
            try OutputFolder.makeFolder(url, displayPath: displayPath)
            store = try GenerationStore(folder: url, displayPath: displayPath)
        } catch {
            for folder in missing { rmdir(folder.path) }
            throw error
        }
        do {
            staging = try store.startGeneration()
            stagingPath = staging.path
        } catch {
            store.removeIfUnused()
            for folder in missing { rmdir(folder.path) }
            throw error
        }
        let manifestPath = url.appendingPathComponent("manifest.json").path
        previous = Background {
            FileManager.default.contents(atPath: manifestPath).flatMap(Manifest.read)
        }
        FaultPoint.reach("opened")
    }

    /// Writes a whole file into the new generation; `path` is relative to the output folder.
    func stage(_ data: Data, at path: String) throws {
        let code = FileSystem.write(data, to: stagingPath + "/" + path)
        if code != 0 { throw writeError(path, code) }
    }

    /// Writes a file made in pieces into the new generation (``FileSystem/write(to:pieces:)``):
    /// `make` hands each piece on as it is made, so a long record never exists whole in memory.
    func stage(at path: String, pieces make: ((Data) throws -> Void) throws -> Void) throws {
        let code = try FileSystem.write(to: stagingPath + "/" + path, pieces: make)
        if code != 0 { throw writeError(path, code) }
    }

    /// Finishes the new generation and makes it the folder's contents in one step.
    ///
    /// What `manifest` lists but was not `staged` (the record or figures kept from the previous
    /// run) is linked in from the previous generation, and so are the user's own files inside
    /// `frames/` and `figures/`; then the manifest is written, everything is flushed to disk and
    /// `current` is switched. The previous generation is removed afterwards.
    func commit(_ manifest: Manifest, staged: [String]) throws {
        let fresh = Set(staged)
        for path in manifest.ownedPaths where !fresh.contains(path) {
            let code = FileSystem.linkTree(
                from: url.appendingPathComponent(path).path,
                to: staging.appendingPathComponent(path).path)
            if code != 0 { throw writeError(path, code) }
        }
        let owned = Set(manifest.ownedPaths + (previousManifest?.ownedPaths ?? []))
        for sub in GenerationStore.subfolders {
            let code = FileSystem.linkUnowned(
                in: url.appendingPathComponent(sub), under: sub, skipping: owned,
                into: staging.appendingPathComponent(sub))
            if code != 0 { throw writeError(sub, code) }
        }
        try stage(try manifest.jsonData(), at: "manifest.json")
        for sub in GenerationStore.subfolders {
            // An empty one is left out, and the folder then has no link of that name.
            rmdir(staging.appendingPathComponent(sub).path)
        }
        FaultPoint.reach("manifest")
        if FileSystem.syncAll(staging.path) != 0 {
            throw writeError("manifest.json", errno)
        }
        try store.adoptEarlierLayout()
        FaultPoint.reach("switch")
        try store.switchCurrent(to: staging)
        FaultPoint.reach("switched")
        try store.linkEntries()
        store.collectGarbage()
        store.release()
    }

    /// Removes the new generation; the folder's files are untouched.
    ///
    /// A folder this run made is removed too if nothing else is in it.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
        if !madeFolders.isEmpty { store.removeIfUnused() }
        store.release()
        for folder in madeFolders { rmdir(folder.path) }  // only succeeds when empty
    }

    private func writeError(_ path: String, _ code: Int32) -> ErrorestError {
        .writeFailed(
            "Cannot write \((displayPath as NSString).appendingPathComponent(path)): "
                + "\(systemMessage(code)).")
    }

    /// Makes a folder and its parents, or throws ``ErrorestError/cannotCreateOutput(_:)``.
    static func makeFolder(_ url: URL, displayPath: String) throws {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            var reason = systemReason(error)
            var info = stat()
            var part = url
            while part.path != "/" {
                if stat(part.path, &info) == 0 {
                    if (info.st_mode & S_IFMT) != S_IFDIR {
                        reason = ": \(part.path) is a file, not a folder"
                    }
                    break
                }
                part = part.deletingLastPathComponent()
            }
            throw ErrorestError.cannotCreateOutput(
                "Cannot create the output folder \(displayPath) or write into it"
                    + "\(reason).")
        }
    }
}

/// Named points of a run where a test may stop the process with a signal.
///
/// They show that a kill at that point loses nothing: `ERROREST_FAULT=switch:KILL` sends SIGKILL
/// just before the switch. Only debug builds (the ones `swift test` runs) read the variable; in a
/// release build ``reach(_:)`` is empty and the switch is not in the binary.
enum FaultPoint {
    #if DEBUG
        private static let setting: (point: String, signal: Int32)? = {
            guard let text = ProcessInfo.processInfo.environment["ERROREST_FAULT"] else {
                return nil
            }
            let parts = text.split(separator: ":").map(String.init)
            guard parts.count == 2 else { return nil }
            let signals = ["KILL": SIGKILL, "TERM": SIGTERM, "INT": SIGINT, "STOP": SIGSTOP]
            guard let signal = signals[parts[1]] else { return nil }
            return (parts[0], signal)
        }()

        /// Stops the process with the configured signal if `point` is the configured point
        /// (SIGSTOP: pauses it until SIGCONT, then goes on).
        static func reach(_ point: String) {
            guard let setting, setting.point == point else { return }
            kill(getpid(), setting.signal)
            guard setting.signal != SIGSTOP else { return }
            // SIGTERM and SIGINT may be delivered a moment later; wait for them here.
            while true { pause() }
        }
    #else
        /// Nothing: a release build has no fault points.
        @inline(__always) static func reach(_ point: String) {}
    #endif
}
