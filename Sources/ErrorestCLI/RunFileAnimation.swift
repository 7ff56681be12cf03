import Figures
import Foundation

extension RunFileReader {
    /// Reads `render.animation`: `{fps, holdFirst, holdLast, title}`.
    ///
    /// `title` is a number of seconds, or `true` for two seconds and `false` for none.
    func readAnimation(_ node: RunFileNode) throws -> AnimationOptions {
        let fields = try Fields(
            node, path: "render.animation", known: ["fps", "holdFirst", "holdLast", "title"],
            reader: self)
        var options = AnimationOptions()
        let hold = 0...AnimationOptions.longestHold
        if let n = fields["fps"] {
            options.fps = try integer(n, "render.animation.fps", in: AnimationOptions.fpsRange)
        }
        if let n = fields["holdFirst"] {
            options.holdFirst = try number(n, "render.animation.holdFirst", in: hold)
        }
        if let n = fields["holdLast"] {
            options.holdLast = try number(n, "render.animation.holdLast", in: hold)
        }
        if let n = fields["title"] {
            if case .bool(let shown) = n.value {
                options.title = shown ? 2 : 0
            } else {
                options.title = try number(n, "render.animation.title", in: hold)
            }
        }
        return options
    }
}
