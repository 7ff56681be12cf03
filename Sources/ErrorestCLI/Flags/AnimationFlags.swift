import ArgumentParser
import Figures

/// Flags that time the animated formats (the run file's `render.animation` keys).
struct AnimationFlags: ParsableArguments {
    @Option(name: .setting(Keys.fps), parsing: .unconditional, help: .setting(Keys.fps))
    var fps: Int?

    @Option(
        name: .setting(Keys.holdFirst), parsing: .unconditional, help: .setting(Keys.holdFirst))
    var holdFirst: Double?

    @Option(
        name: .setting(Keys.holdLast), parsing: .unconditional, help: .setting(Keys.holdLast))
    var holdLast: Double?

    @Option(name: .setting(Keys.title), parsing: .unconditional, help: .setting(Keys.title))
    var title: Double?

    /// Applies every flag given to `settings`, checking each value by the library's rule (exit
    /// 65).
    func apply(to settings: inout RenderSettings) throws {
        try Keys.fps.apply(fps, to: &settings)
        try Keys.holdFirst.apply(holdFirst, to: &settings)
        try Keys.holdLast.apply(holdLast, to: &settings)
        try Keys.title.apply(title, to: &settings)
    }
}
