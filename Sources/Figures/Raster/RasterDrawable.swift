/// A part of a figure with a fast way into pixels beside its vector paths: shading, point
/// markers from sprites, the error curve from cached backdrops.
///
/// Panels draw it with ``Canvas/draw(_:)`` and never ask what they draw on: PNG figures get
/// ``drawPixels(into:on:)``, PDF and SVG get ``drawVector(on:)``. The two are tested to give
/// the same picture (golden images, truthful-pixel tests).
protocol RasterDrawable {
    /// Draws with Cairo paths and images, on any surface.
    func drawVector(on canvas: Canvas) throws
    /// Draws straight into `surface`, the canvas's own image surface.
    func drawPixels(into surface: Surface, on canvas: Canvas) throws
}

extension Canvas {
    /// Draws `item` the fast way on pixels and as vectors on PDF and SVG.
    func draw(_ item: some RasterDrawable) throws {
        let surface = context.surface
        if surface.isImage {
            try item.drawPixels(into: surface, on: self)
        } else {
            try item.drawVector(on: self)
        }
    }
}
