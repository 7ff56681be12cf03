import ArgumentParser
import Figures

/// Flags that time the animated formats (the run file's `render.animation` keys).
struct AnimationFlags: ParsableArguments {
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Frames a second of apng, mp4 and gif, 1 to 60 (key render.animation.fps).",
            valueName: "n"))
    var fps: Int?

    @Option(
        name: .customLong("hold-first"), parsing: .unconditional,
        help: ArgumentHelp(
            "Seconds an animation holds its first snapshot (key render.animation.holdFirst).",
            valueName: "s"))
    var holdFirst: Double?

    @Option(
        name: .customLong("hold-last"), parsing: .unconditional,
        help: ArgumentHelp(
            "Seconds an animation holds its last snapshot (key render.animation.holdLast).",
            valueName: "s"))
    var holdLast: Double?

    @Option(
        name: .customLong("title-card"), parsing: .unconditional,
        help: ArgumentHelp(
            "Seconds of a title card before an animation's first frame: run name, data, "
                + "network, η; 0 for none (key render.animation.title).", valueName: "s"))
    var title: Double?

    /// Applies every flag given to `options`, checking each value by the library's rule (exit 65).
    func apply(to options: inout AnimationOptions) throws {
        try RangeViolation.checkingFlags {
            if let fps { try AnimationOptions.check(fps: fps) }
            if let holdFirst { try AnimationOptions.check(seconds: holdFirst, .holdFirst) }
            if let holdLast { try AnimationOptions.check(seconds: holdLast, .holdLast) }
            if let title { try AnimationOptions.check(seconds: title, .title) }
        }
        if let fps { options.fps = fps }
        if let holdFirst { options.holdFirst = holdFirst }
        if let holdLast { options.holdLast = holdLast }
        if let title { options.title = title }
    }
}
