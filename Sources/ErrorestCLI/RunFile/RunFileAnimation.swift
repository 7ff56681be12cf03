import Figures
import Foundation

extension RunFileReader {
    /// Reads `render.animation`: `{fps, holdFirst, holdLast, title}`, each checked by the
    /// library's rule (``AnimationOptions``).
    ///
    /// `title` is a number of seconds, or `true` for two seconds and `false` for none.
    func readAnimation(_ node: RunFileNode) throws -> AnimationOptions {
        let fields = try Fields(
            node, path: "render.animation", known: ["fps", "holdFirst", "holdLast", "title"],
            reader: self)
        var options = AnimationOptions()
        if let n = fields["fps"] {
            try attempt {
                let fps = try integer(n, "render.animation.fps")
                try check(n) { try AnimationOptions.check(fps: fps) }
                options.fps = fps
            }
        }
        if let n = fields["holdFirst"] {
            try attempt { options.holdFirst = try seconds(n, .holdFirst) }
        }
        if let n = fields["holdLast"] {
            try attempt { options.holdLast = try seconds(n, .holdLast) }
        }
        if let n = fields["title"] {
            try attempt {
                if case .bool(let shown) = n.value {
                    options.title = shown ? 2 : 0
                } else {
                    options.title = try seconds(n, .title)
                }
            }
        }
        return options
    }

    /// `render.errorRange`: `[low, high]`, checked by the library's rule.
    func errorRange(_ n: RunFileNode) throws -> ClosedRange<Double> {
        let pair = try list(n, "render.errorRange").map { try number($0, "render.errorRange") }
        guard pair.count == 2 else {
            throw fail(n, "\"render.errorRange\" should be [low, high], two numbers.")
        }
        try check(n) { try RenderOptions.check(errorLow: pair[0], high: pair[1]) }
        return pair[0]...pair[1]
    }

    /// A number of seconds of an animation, checked by the library's rule.
    private func seconds(_ n: RunFileNode, _ setting: RenderSetting) throws -> Double {
        let value = try number(n, setting.key)
        try check(n) { try AnimationOptions.check(seconds: value, setting) }
        return value
    }
}
