import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file in an output folder's staging, written piece by piece (an animation as its frames
/// arrive) and moved into place with the other staged files.
final class StagedFile: @unchecked Sendable {
    /// Relative to the output folder.
    let path: String
    /// Where the file is being written.
    let url: URL
    private let displayPath: String
    private var descriptor: Int32

    /// Creates (or empties) the staged file `path`.
    convenience init(_ path: String, in folder: OutputFolder) throws {
        try self.init(
            path, staging: folder.staging,
            display: (folder.displayPath as NSString).appendingPathComponent(path))
    }

    /// Creates (or empties) the file `path` in the folder `staging` (a sweep's next
    /// generation), named `display` in messages.
    init(_ path: String, staging: URL, display: String) throws {
        self.path = path
        url = staging.appendingPathComponent(path)
        displayPath = display
        descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw StagedFile.failure(displayPath, errno) }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Appends bytes to the file.
    func append(_ data: Data) throws {
        guard descriptor >= 0 else { throw StagedFile.failure(displayPath, EBADF) }
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let n = write(descriptor, base + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += n
            }
        }
        if failure != 0 { throw StagedFile.failure(displayPath, failure) }
    }

    /// Closes the file; it is complete.
    func finish() throws {
        guard descriptor >= 0 else { return }
        let status = close(descriptor)
        descriptor = -1
        if status != 0 { throw StagedFile.failure(displayPath, errno) }
    }

    private static func failure(_ path: String, _ code: Int32) -> ErrorestError {
        .writeFailed("Cannot write \(path): \(systemMessage(code)).")
    }
}
