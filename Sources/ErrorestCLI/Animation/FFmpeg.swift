import Dispatch
import Figures
import Foundation

/// MP4 and GIF files, made by the ffmpeg program from an animated PNG.
///
/// The animated PNG carries the timing (holds are long delays); ffmpeg's `fps` filter turns it
/// into a constant frame rate. MP4: H.264 (libx264, CRF 18, `-tune animation`, yuv420p, the index
/// at the front for the web). GIF: a palette made from the frames' changes (`stats_mode=diff`).
enum FFmpeg {
    /// The program's name, looked up on the PATH.
    static let program = "ffmpeg"

    /// The full path of `program` (ffmpeg) on `PATH`, or nil.
    static func locate(
        program: String = program, path: String? = ProcessInfo.processInfo.environment["PATH"]
    ) -> String? {
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

    /// The time ffmpeg is given for an animation of `frames` frames: a minute, and two seconds a
    /// frame; `ERROREST_FFMPEG_TIMEOUT` (seconds) sets it instead.
    static func timeLimit(frames: Int) -> Duration {
        if let text = ProcessInfo.processInfo.environment["ERROREST_FFMPEG_TIMEOUT"],
            let seconds = Double(text), seconds > 0, seconds < 1e9
        {
            return .milliseconds(Int64(seconds * 1000))
        }
        return .seconds(60 + 2 * min(max(0, frames), 1_000_000))
    }

    /// Runs ffmpeg to make `output` from the animated PNG at `input` (of `frames` frames), then
    /// checks that the file is there and, where ffprobe is on the PATH, that it reads back.
    ///
    /// ffmpeg runs in a process group of its own, ended when its time is up or errorest is
    /// stopped; only the end of what it says is kept.
    ///
    /// - Throws: ``ErrorestError/unavailable(_:)`` with ffmpeg's own last line when it fails.
    static func encode(
        input: URL, output: URL, display: String, format: FileFormat, fps: Int, frames: Int
    ) throws {
        guard let ffmpeg = locate() else {
            try check([format])
            return
        }
        let limit = timeLimit(frames: frames)
        let arguments = arguments(
            input: input.path, output: output.path, format: format, fps: fps)
        let outcome: Supervised.Outcome
        switch Supervised.run(ffmpeg, arguments, timeout: limit, faultPoint: "ffmpeg") {
        case .success(let result): outcome = result
        case .failure(let error):
            throw ErrorestError.unavailable("ffmpeg could not be started for \(display): \(error).")
        }
        if outcome.timedOut {
            throw ErrorestError.unavailable(
                "ffmpeg did not finish \(display) within \(seconds(limit)) s and was stopped; "
                    + "check that it runs (ffmpeg -version), or allow it longer with "
                    + "ERROREST_FFMPEG_TIMEOUT=<seconds>.")
        }
        guard outcome.status == 0 else {
            throw ErrorestError.unavailable(
                "ffmpeg could not make \(display): \(outcome.lastLine ?? "it gave no reason")")
        }
        var info = stat()
        guard lstat(output.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0
        else {
            throw ErrorestError.unavailable(
                "ffmpeg said it made \(display) but wrote no file there; check the ffmpeg on the "
                    + "PATH (ffmpeg -version).")
        }
        FaultPoint.reach("ffmpeg-made")
        try probe(output, display: display, limit: limit)
    }

    /// Checks with ffprobe, where it is on the PATH, that `output` decodes as a video.
    private static func probe(_ output: URL, display: String, limit: Duration) throws {
        guard let ffprobe = locate(program: "ffprobe") else { return }
        let arguments = [
            "-v", "error", "-select_streams", "v:0", "-count_packets", "-show_entries",
            "stream=nb_read_packets", "-of", "csv=p=0", output.path,
        ]
        guard case .success(let outcome) = Supervised.run(ffprobe, arguments, timeout: limit),
            outcome.status == 0, outcome.lastLine == nil
        else {
            throw ErrorestError.unavailable(
                "ffmpeg wrote \(display) but ffprobe cannot read it back; check the ffmpeg on the "
                    + "PATH (ffmpeg -version).")
        }
    }

    private static func seconds(_ duration: Duration) -> String {
        let value =
            Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return value.shortText
    }
}
