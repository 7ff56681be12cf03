import Foundation
import Testing

/// Runs the built `errorest` binary and other programs in a temporary folder of their own.
struct Harness {
    /// What a finished process left.
    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String

        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// In CI (`CI=true`) `.ci/run` installs the tools some tests need (Pillow, ffmpeg, GNU
    /// parallel, numpy), so those tests run and fail rather than being skipped when one is missing.
    static let inCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// The package's root folder.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The Samples folder.
    static let samples = packageRoot.appendingPathComponent("Samples")

    /// The `errorest` binary `swift test` built next to the test bundle (or `ERROREST_BINARY`).
    static let binary: URL? = {
        if let path = ProcessInfo.processInfo.environment["ERROREST_BINARY"] {
            return URL(fileURLWithPath: path)
        }
        var folders: [URL] = []
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        folders.append(exe.deletingLastPathComponent())
        folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
        folders.append(Bundle.main.bundleURL)
        for folder in folders {
            let candidate = folder.appendingPathComponent("errorest")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    /// A fresh folder for one test.
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("errorest-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Removes the test's folder.
    func cleanUp() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// A path inside the test's folder.
    func url(_ path: String) -> URL {
        folder.appendingPathComponent(path)
    }

    /// Writes a text file into the test's folder and returns its path.
    @discardableResult
    func write(_ text: String, to path: String) throws -> URL {
        let url = url(path)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url
    }

    /// Runs `errorest` with `arguments` in the test's folder.
    func errorest(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let binary = try #require(Harness.binary, "the errorest binary was not built")
        return try run(binary.path, arguments, environment: environment)
    }

    /// Runs any program in the test's folder, with stdout and stderr captured through files.
    func run(_ program: String, _ arguments: [String], environment: [String: String] = [:])
        throws -> Result
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let id = UUID().uuidString
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("\(id).out")
        let err = FileManager.default.temporaryDirectory.appendingPathComponent("\(id).err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        let outHandle = try FileHandle(forWritingTo: out)
        let errHandle = try FileHandle(forWritingTo: err)
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return Result(
            status: process.terminationStatus,
            stdout: (try? Data(contentsOf: out)) ?? Data(),
            stderr: String(decoding: (try? Data(contentsOf: err)) ?? Data(), as: UTF8.self))
    }

    /// Every regular file under `path` as a reader sees it (links followed), relative to it,
    /// with its bytes; the output folder's `.errorest+` store is left out.
    func files(under path: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        func walk(_ url: URL, _ relative: String) throws {
            let names = try FileManager.default.contentsOfDirectory(atPath: url.path)
            for name in names where name != ".errorest+" {
                let full = url.appendingPathComponent(name)
                let key = relative.isEmpty ? name : relative + "/" + name
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: full.path, isDirectory: &isFolder)
                else { continue }
                if isFolder.boolValue {
                    try walk(full, key)
                } else {
                    result[key] = try Data(contentsOf: full)
                }
            }
        }
        try walk(url(path), "")
        return result
    }

    /// The names inside an output folder's `.errorest+` store other than the lock, `current`
    /// and the live generation: what a run left behind.
    func leftovers(in path: String) throws -> [String] {
        let store = url(path).appendingPathComponent(".errorest+")
        guard FileManager.default.fileExists(atPath: store.path) else { return [] }
        let current = try? FileManager.default.destinationOfSymbolicLink(
            atPath: store.appendingPathComponent("current").path)
        return try FileManager.default.contentsOfDirectory(atPath: store.path).filter {
            $0 != "lock" && $0 != "current" && $0 != current
        }.sorted()
    }

    /// Decodes a JSON file of the test's folder.
    func json(_ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: url(path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}

/// Small settings that keep end-to-end runs fast in debug builds.
let tiny = ["--size", "64x48", "--epochs", "30", "--snapshots", "linear 3", "--quiet"]

/// The width and height a PNG's IHDR chunk states.
func pngSize(_ data: Data) -> (width: Int, height: Int)? {
    let bytes = [UInt8](data.prefix(24))
    guard bytes.count == 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
        bytes[12..<16] == [0x49, 0x48, 0x44, 0x52]
    else { return nil }
    func be(_ i: Int) -> Int { bytes[i..<i + 4].reduce(0) { $0 << 8 | Int($1) } }
    return (be(16), be(20))
}
