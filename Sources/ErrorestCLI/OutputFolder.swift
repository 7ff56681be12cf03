import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An output folder being written (SPEC §8).
///
/// New files go to a staging folder inside it, then are renamed into place in one short step at
/// the end, so a run that fails leaves the previous one whole. Files the previous manifest listed and the new one does not are removed; nothing else
/// in the folder is ever touched.
public final class OutputFolder: Sendable {
    /// The folder.
    public let url: URL
    /// The folder as the user named it, for messages.
    public let displayPath: String
    /// The manifest of the run that wrote the folder before, if it has one of ours.
    public let previousManifest: Manifest?
    /// The staging folder inside it, where new files are written before they are moved into place.
    let staging: URL
    /// The folders this run made (the output folder and any missing parents), deepest first, so
    /// a failure may remove them again if they are still empty.
    private let madeFolders: [URL]
    private static let stagingPrefix = ".errorest-staging-"
    private static let subfolders = ["frames", "figures"]

    /// Makes the folder (and its parents) and a staging folder inside it.
    ///
    /// - Throws: ``ErrorestError/cannotCreateOutput(_:)`` when either cannot be made.
    public init(url: URL, displayPath: String) throws {
        self.url = url
        self.displayPath = displayPath
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder),
            !isFolder.boolValue
        {
            throw ErrorestError.cannotCreateOutput(
                "Cannot use \(displayPath) as the output folder: it is a file, not a folder.")
        }
        var missing: [URL] = []
        var ancestor = url
        while ancestor.path != "/" && !FileManager.default.fileExists(atPath: ancestor.path) {
            missing.append(ancestor)
            ancestor = ancestor.deletingLastPathComponent()
        }
        madeFolders = missing
        try OutputFolder.makeFolder(url, displayPath: displayPath)
        OutputFolder.removeAbandonedStaging(in: url)
        staging = url.appendingPathComponent(OutputFolder.stagingPrefix + "\(getpid())")
        try? FileManager.default.removeItem(at: staging)
        do {
            for sub in OutputFolder.subfolders {
                try OutputFolder.makeFolder(
                    staging.appendingPathComponent(sub), displayPath: displayPath)
            }
        } catch {
            try? FileManager.default.removeItem(at: staging)
            for folder in madeFolders { rmdir(folder.path) }
            throw error
        }
        let manifestURL = url.appendingPathComponent("manifest.json")
        previousManifest = FileManager.default.contents(atPath: manifestURL.path).flatMap(
            Manifest.read)
    }

    /// Writes a whole file into the staging folder; `path` is relative to the output folder.
    public func stage(_ data: Data, at path: String) throws {
        let target = staging.appendingPathComponent(path).path
        let fd = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw writeError(path, errno) }
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += n
            }
        }
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure != 0 { throw writeError(path, failure) }
    }

    /// Moves every staged file into place, removes what the previous manifest listed and the new
    /// one does not, and writes the new manifest last.
    public func commit(_ manifest: Manifest, staged: [String]) throws {
        for sub in OutputFolder.subfolders where staged.contains(where: { $0.hasPrefix(sub + "/") })
        {
            try OutputFolder.makeFolder(url.appendingPathComponent(sub), displayPath: displayPath)
        }
        for path in staged {
            try move(path)
        }
        let keep = Set(manifest.ownedPaths + ["manifest.json"])
        for path in previousManifest?.ownedPaths ?? [] where !keep.contains(path) {
            removeOwned(path)
        }
        try stage(try manifest.jsonData(), at: "manifest.json")
        try move("manifest.json")
        for sub in OutputFolder.subfolders {
            rmdir(url.appendingPathComponent(sub).path)  // only succeeds when empty
        }
        try? FileManager.default.removeItem(at: staging)
    }

    /// Removes the staging folder and everything in it; the folder's other files are untouched.
    ///
    /// A folder this run made is removed too if nothing else is in it.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
        for folder in madeFolders { rmdir(folder.path) }  // only succeeds when empty
    }

    private func move(_ path: String) throws {
        let from = staging.appendingPathComponent(path).path
        let to = url.appendingPathComponent(path).path
        guard rename(from, to) == 0 else { throw writeError(path, errno) }
    }

    /// Deletes a file a previous manifest listed, if the path stays inside the folder.
    private func removeOwned(_ path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), !parts.isEmpty,
            parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." })
        else { return }
        let target = url.appendingPathComponent(path).path
        var info = stat()
        guard lstat(target, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else { return }
        unlink(target)
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
            throw ErrorestError.cannotCreateOutput(
                "Cannot create the output folder \(displayPath) or write into it"
                    + "\(systemReason(error)).")
        }
    }

    /// Removes staging folders left by runs that were killed (their process no longer exists).
    private static func removeAbandonedStaging(in url: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        for name in names where name.hasPrefix(stagingPrefix) {
            guard let pid = Int32(name.dropFirst(stagingPrefix.count)), pid != getpid() else {
                continue
            }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(at: url.appendingPathComponent(name))
            }
        }
    }
}
