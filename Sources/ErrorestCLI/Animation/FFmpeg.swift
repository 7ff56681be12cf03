import Dispatch
import Figures
import Foundation
import Subprocess
import Synchronization

/// MP4 and GIF files, made by the ffmpeg program from an animated PNG.
///
/// The animated PNG carries the timing (holds are long delays); ffmpeg's `fps` filter turns it
/// into a constant frame rate. MP4: H.264 (libx264, CRF 18, `-tune animation`, yuv420p, the index
/// at the front for the web). GIF: a palette made from the frames' changes (`stats_mode=diff`).
enum FFmpeg {
    /// The program's name, looked up on the PATH.
    static let program = "ffmpeg"

    /// The full path of ffmpeg on `PATH`, or nil.
    static func locate(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        for folder in (path ?? "").split(separator: ":") where !folder.isEmpty {
            let candidate = (String(folder) as NSString).appendingPathComponent(program)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder),
                !isFolder.boolValue, FileManager.default.isExecutableFile(atPath: candidate)
            {
                return candidate
            }
        }
        return nil
    }

    /// Checks, before anything is trained or written, that ffmpeg is there if `formats` needs it.
    ///
    /// - Throws: ``ErrorestError/unavailable(_:)`` (exit 69) when it is not on the PATH.
    static func check(_ formats: [FileFormat]) throws {
        let needs = formats.filter { $0 == .mp4 || $0 == .gif }
        guard !needs.isEmpty, locate() == nil else { return }
        let names = needs.map(\.rawValue).joined(separator: " and ")
        throw ErrorestError.unavailable(
            "\(names) files are made by ffmpeg, which is not on the PATH: install ffmpeg "
                + "(apt-get install ffmpeg), or ask for apng, which Errorest writes itself.")
    }

    /// The arguments that make `output` (mp4 or gif) from the animated PNG `input`.
    static func arguments(input: String, output: String, format: FileFormat, fps: Int) -> [String] {
        var arguments = [
            "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", input,
        ]
        switch format {
        case .gif:
            arguments += [
                "-filter_complex",
                "[0:v]fps=\(fps),split[a][b];[a]palettegen=stats_mode=diff[p];"
                    + "[b][p]paletteuse=diff_mode=rectangle",
                "-loop", "0",
            ]
        default:
            // yuv420p needs an even width and height.
            arguments += [
                "-vf", "fps=\(fps),scale=trunc(iw/2)*2:trunc(ih/2)*2",
                "-c:v", "libx264", "-crf", "18", "-tune", "animation", "-pix_fmt", "yuv420p",
                "-movflags", "+faststart",
            ]
        }
        // No dates or version strings, so the same frames give the same file.
        arguments += ["-map_metadata", "-1", "-fflags", "+bitexact", "-flags", "+bitexact"]
        arguments += ["-f", format == .gif ? "gif" : "mp4", output]
        return arguments
    }

    /// Runs ffmpeg to make `output` from the animated PNG at `input`.
    ///
    /// - Throws: ``ErrorestError/unavailable(_:)`` with ffmpeg's own last line when it fails.
    static func encode(input: URL, output: URL, display: String, format: FileFormat, fps: Int)
        throws
    {
        guard let ffmpeg = locate() else {
            try check([format])
            return
        }
        let arguments = arguments(
            input: input.path, output: output.path, format: format, fps: fps)
        let outcome = blocking { () async throws -> (Bool, String) in
            let result = try await Subprocess.run(
                .path(.init(ffmpeg)), arguments: Arguments(arguments), input: .none,
                output: .discarded, error: .string(limit: 64 * 1024))
            return (result.terminationStatus.isSuccess, result.standardError)
        }
        switch outcome {
        case .success(let (succeeded, message)):
            guard !succeeded else { return }
            let last =
                message.split(separator: "\n").last.map(String.init)
                ?? "it gave no reason"
            throw ErrorestError.unavailable("ffmpeg could not make \(display): \(last)")
        case .failure(let error):
            throw ErrorestError.unavailable("ffmpeg could not be started for \(display): \(error)")
        }
    }

    /// Waits on this (non-async) thread for an async body.
    ///
    /// The commands are synchronous and Subprocess is async; the body runs on the concurrency
    /// pool, never on this thread.
    private static func blocking<T: Sendable>(
        _ body: @escaping @Sendable () async throws -> T
    ) -> Result<T, any Error> {
        let box = Mutex<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            let result: Result<T, any Error>
            do {
                result = .success(try await body())
            } catch {
                result = .failure(error)
            }
            box.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        return box.withLock { $0 } ?? .failure(ErrorestError.unavailable("ffmpeg did not finish."))
    }
}
